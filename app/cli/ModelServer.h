#pragma once

#include "cli/ServeMetrics.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <cstdint>
#include <functional>
#include <memory>

namespace sextant::cli {

class DriftWindow;

// What `sextant serve` answers, independent of the HTTP library: one call per request,
// safe to call from several threads at once (the model is immutable; metrics and the
// drift window lock their own state).
//
//   POST /predict   a JSON or CSV body (RequestParser) -> {"target", "task", "classes",
//                   "rows", "predictions": [...], "probabilities": [[P(class)...] per row]}
//                   (probabilities for classifiers that give them; predictions are class
//                   names, values, or cluster names as `sextant predict` writes them)
//   GET /model      the model file's metadata (its JSON header without the fitted steps)
//                   and "served_by" {"sextant_version"}
//   GET /health     {"status": "ok", "model", "uptime_seconds"}
//   GET /metrics    Prometheus text (ServeMetrics, and the drift gauges of DriftWindow)
//   GET /drift      the drift report over the window of recent rows (DriftReport JSON)
// Every other path is 404, another method 405; a body over the size limit 413; with a
// token, a request without "Authorization: Bearer TOKEN" 401. Errors are JSON
// {"error": {"status", "message", "row", "column"}}.
class ModelServer {
public:
    struct Options {
        QString token; // empty: no authentication
        qint64 maxBodyBytes = 16 * 1024 * 1024;
        int driftWindowRows = 1000; // 0: no drift window
    };

    struct Request {
        QByteArray method; // "GET", "POST", ...
        QString path;
        QByteArray authorization; // the Authorization header, empty when absent
        QByteArray contentType;
        QByteArray body;
    };

    struct Response {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers; // more headers (Allow, WWW-Authenticate)
        std::int64_t rows = 0; // rows predicted, for the log
    };

    // `metadata` is the model file's JSON header (ModelFile::split), `modelName` names
    // the model in messages.
    ModelServer(
        engine::TrainedModelPtr model, QJsonObject metadata, QString modelName, Options options);
    ~ModelServer();

    // Answers a request and records it in the metrics (the time counted from the call).
    Response handle(const Request &request);

    const ServeMetrics &metrics() const { return m_metrics; }

private:
    Response route(const Request &request);
    Response predict(const Request &request);
    Response metricsText();
    static Response error(int status, const QString &message);

    engine::TrainedModelPtr m_model;
    QJsonObject m_metadata;
    QString m_modelName;
    Options m_options;
    ServeMetrics m_metrics;
    std::unique_ptr<DriftWindow> m_drift;
    QElapsedTimer m_uptime;
};

} // namespace sextant::cli
