#include "cli/ModelServer.h"

#include "cli/BatchPredictor.h"
#include "cli/DriftWindow.h"
#include "cli/RequestParser.h"
#include "sextant/Version.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace sextant::cli {

using namespace sextant::engine;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString taskName(EstimatorTask task)
{
    switch (task) {
    case EstimatorTask::Classification:
        return QStringLiteral("classification");
    case EstimatorTask::Regression:
        return QStringLiteral("regression");
    case EstimatorTask::Clustering:
        return QStringLiteral("clustering");
    }
    return {};
}

// Compares in time independent of where the texts first differ.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha[i] ^ hb[i]);
    return diff == 0;
}

// The column a message of the engine names ("column 'x' is missing ..."), if any.
QString columnNamed(const QString &message)
{
    const qsizetype at = message.indexOf(QLatin1String("column '"));
    if (at < 0)
        return {};
    const qsizetype from = at + 8;
    const qsizetype to = message.indexOf(QLatin1Char('\''), from);
    return to > from ? message.mid(from, to - from) : QString();
}

} // namespace

ModelServer::ModelServer(
    TrainedModelPtr model, QJsonObject metadata, QString modelName, Options options)
    : m_model(std::move(model)), m_metadata(std::move(metadata)), m_modelName(std::move(modelName)),
      m_options(std::move(options))
{
    m_metadata.remove(QStringLiteral("steps"));
    m_metadata.remove(QStringLiteral("training_distribution"));
    QJsonObject served;
    served[QStringLiteral("sextant_version")] = QStringLiteral(SEXTANT_VERSION_STRING);
    served[QStringLiteral("model_file")] = m_modelName;
    served[QStringLiteral("drift_window_rows")] = m_options.driftWindowRows;
    served[QStringLiteral("has_training_distribution")] = !m_model->trainingDistribution.isEmpty();
    m_metadata[QStringLiteral("served_by")] = served;
    if (m_options.driftWindowRows > 0 && !m_model->trainingDistribution.isEmpty())
        m_drift = std::make_unique<DriftWindow>(
            m_model->trainingDistribution, m_options.driftWindowRows);
    m_uptime.start();
}

ModelServer::~ModelServer() = default;

ModelServer::Response ModelServer::error(int status, const QString &message)
{
    Response r;
    r.status = status;
    r.body = json(RequestError { status, message, -1, {} }.toJson());
    return r;
}

ModelServer::Response ModelServer::handle(const Request &request)
{
    QElapsedTimer timer;
    timer.start();
    Response r = route(request);
    m_metrics.recordRequest(request.path, r.status, timer.nsecsElapsed() / 1e9);
    return r;
}

ModelServer::Response ModelServer::route(const Request &request)
{
    if (!m_options.token.isEmpty()) {
        const QByteArray expected = "Bearer " + m_options.token.toUtf8();
        if (!sameSecret(request.authorization.trimmed(), expected)) {
            Response r = error(401,
                request.authorization.isEmpty()
                    ? QStringLiteral("this server needs a token: send 'Authorization: Bearer "
                                     "TOKEN'")
                    : QStringLiteral("the token is not valid"));
            r.headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"sextant\"")));
            return r;
        }
    }
    const auto allow = [](const char *method) {
        Response r
            = error(405, QStringLiteral("method not allowed: use %1").arg(QLatin1String(method)));
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray(method)));
        return r;
    };
    const QString &path = request.path;
    if (path == QLatin1String("/predict")) {
        if (request.method != "POST")
            return allow("POST");
        return predict(request);
    }
    if (path == QLatin1String("/model") || path == QLatin1String("/health")
        || path == QLatin1String("/metrics") || path == QLatin1String("/drift")) {
        if (request.method != "GET")
            return allow("GET");
    } else {
        return error(404,
            QStringLiteral("no such endpoint '%1': POST /predict, GET /model, /health, /metrics, "
                           "/drift")
                .arg(path.left(100)));
    }
    Response r;
    if (path == QLatin1String("/model")) {
        r.body = json(m_metadata);
    } else if (path == QLatin1String("/health")) {
        QJsonObject o;
        o[QStringLiteral("status")] = QStringLiteral("ok");
        o[QStringLiteral("model")] = m_modelName;
        o[QStringLiteral("uptime_seconds")] = m_uptime.elapsed() / 1000.0;
        r.body = json(o);
    } else if (path == QLatin1String("/metrics")) {
        return metricsText();
    } else {
        if (!m_drift)
            return error(404,
                m_options.driftWindowRows <= 0
                    ? QStringLiteral("the drift window is off (--drift-window 0)")
                    : QStringLiteral("the model has no training distribution (it was saved in "
                                     "model format version 1): train and save it again"));
        QJsonObject o = m_drift->report().toJson();
        o[QStringLiteral("window_capacity")] = m_options.driftWindowRows;
        r.body = json(o);
    }
    return r;
}

ModelServer::Response ModelServer::metricsText()
{
    Response r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = m_metrics.toPrometheus(
        m_uptime.elapsed() / 1000.0, m_drift ? m_drift->report().toPrometheus() : QByteArray());
    return r;
}

ModelServer::Response ModelServer::predict(const Request &request)
{
    if (request.body.size() > m_options.maxBodyBytes)
        return error(413,
            QStringLiteral("the body has %1 bytes, more than the limit of %2 (--max-body)")
                .arg(request.body.size())
                .arg(m_options.maxBodyBytes));
    const RequestParser::Parsed parsed
        = RequestParser::parse(request.body, request.contentType, *m_model);
    if (parsed.error) {
        Response r;
        r.status = parsed.error->status;
        r.body = json(parsed.error->toJson());
        return r;
    }
    const Dataset &raw = parsed.table;
    // Preprocessed once: predict() skips the steps the table went through, and the drift
    // window keeps these columns.
    Dataset data;
    Result<Prediction> p = Result<Prediction>::failure({});
    bool outOfMemory = false;
    try {
        data = m_model->preprocess(raw);
        p = BatchPredictor::predict(*m_model, data, m_modelName, &outOfMemory);
    } catch (const std::exception &e) {
        p = Result<Prediction>::failure(QString::fromUtf8(e.what()));
    }
    if (!p) {
        if (outOfMemory)
            return error(503, p.error());
        RequestError e;
        e.status = 422;
        e.column = columnNamed(p.error());
        const std::int64_t row = BatchPredictor::firstRefusedRow(*m_model, raw, 1000);
        e.row = row >= 0 ? row + 1 : -1;
        e.message = row >= 0 ? QStringLiteral("row %1: the rows do not fit the model: %2")
                                   .arg(row + 1)
                                   .arg(p.error())
                             : QStringLiteral("the rows do not fit the model: %1").arg(p.error());
        Response r;
        r.status = e.status;
        r.body = json(e.toJson());
        return r;
    }
    const Prediction &prediction = p.value();
    const Dataset columns
        = BatchPredictor::predictionColumns(prediction, data.columnCount(), false);
    const Column &predicted = columns.column(0);
    const std::int64_t n = data.rowCount();

    QJsonObject o;
    o[QStringLiteral("target")] = prediction.targetName;
    o[QStringLiteral("task")] = taskName(prediction.task);
    o[QStringLiteral("rows")] = double(n);
    QJsonArray predictions;
    QStringList labels;
    labels.reserve(qsizetype(n));
    if (prediction.task == EstimatorTask::Regression) {
        for (std::int64_t i = 0; i < n; ++i)
            predictions.append(jsonNumber(prediction.predicted(i)));
        labels.resize(qsizetype(n));
    } else {
        o[QStringLiteral("classes")] = QJsonArray::fromStringList(prediction.classNames);
        for (std::int64_t i = 0; i < n; ++i) {
            const QString label = predicted.displayValue(i);
            predictions.append(label);
            labels.push_back(label);
        }
    }
    o[QStringLiteral("predictions")] = predictions;
    if (prediction.probabilities.rows() == n && prediction.probabilities.cols() > 0) {
        QJsonArray rows;
        for (std::int64_t i = 0; i < n; ++i) {
            QJsonArray row;
            for (Eigen::Index k = 0; k < prediction.probabilities.cols(); ++k)
                row.append(jsonNumber(prediction.probabilities(i, k)));
            rows.append(row);
        }
        o[QStringLiteral("probabilities")] = rows;
    }
    m_metrics.recordPredictions(labels);
    if (m_drift)
        m_drift->add(data, prediction.task == EstimatorTask::Clustering ? Column() : predicted);
    Response r;
    r.body = json(o);
    r.rows = n;
    return r;
}

} // namespace sextant::cli
