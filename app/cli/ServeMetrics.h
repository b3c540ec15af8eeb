#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>

namespace sextant::cli {

// The counters `sextant serve` exposes on GET /metrics, in Prometheus' text format
// (version 0.0.4). Thread-safe: every request thread records into one instance.
//
//   sextant_requests_total{endpoint,code}        requests answered, by endpoint and status
//   sextant_request_errors_total{endpoint}       of those, the 4xx and 5xx answers
//   sextant_request_duration_seconds{endpoint}   a latency histogram (buckets 0.25 ms..2.5 s)
//   sextant_predictions_total{class}             rows predicted, by predicted class (for
//                                                regression one series without a label)
//   sextant_prediction_rows_total                rows predicted
//   sextant_uptime_seconds                       since the server started
//
// Endpoints are the fixed set /predict, /model, /health, /metrics, /drift and "other", so
// that unknown paths cannot grow the number of series.
class ServeMetrics {
public:
    static constexpr std::array<double, 13> kBuckets
        = { 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5 };

    // The label an endpoint path is counted under.
    static QString endpointLabel(const QString &path);

    void recordRequest(const QString &path, int status, double seconds);
    // `label` is the predicted class (empty for regression).
    void recordPredictions(const QStringList &labels);

    // The text of every series; `extra` (more series, already formatted) is appended.
    QByteArray toPrometheus(double uptimeSeconds, const QByteArray &extra = {}) const;

private:
    struct Endpoint {
        QHash<int, std::uint64_t> byStatus;
        std::uint64_t errors = 0;
        std::array<std::uint64_t, kBuckets.size()> buckets {};
        std::uint64_t count = 0;
        double sum = 0;
    };

    mutable QMutex m_mutex;
    QHash<QString, Endpoint> m_endpoints; // guarded by m_mutex
    QHash<QString, std::uint64_t> m_predictions; // guarded by m_mutex
    std::uint64_t m_predictionRows = 0; // guarded by m_mutex
};

// A label value with Prometheus' escapes (backslash, double quote, newline).
QString prometheusLabel(const QString &value);

} // namespace sextant::cli
