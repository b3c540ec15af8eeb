#include "cli/ServeMetrics.h"

#include <QLocale>
#include <QMutexLocker>
#include <algorithm>

namespace sextant::cli {

namespace {

const QStringList &endpoints()
{
    static const QStringList list
        = { QStringLiteral("/predict"), QStringLiteral("/model"), QStringLiteral("/health"),
              QStringLiteral("/metrics"), QStringLiteral("/drift"), QStringLiteral("other") };
    return list;
}

QString number(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString prometheusLabel(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QString ServeMetrics::endpointLabel(const QString &path)
{
    return endpoints().contains(path) && path != QLatin1String("other") ? path
                                                                        : QStringLiteral("other");
}

void ServeMetrics::recordRequest(const QString &path, int status, double seconds)
{
    const QString label = endpointLabel(path);
    QMutexLocker lock(&m_mutex);
    Endpoint &e = m_endpoints[label];
    ++e.byStatus[status];
    if (status >= 400)
        ++e.errors;
    for (std::size_t b = 0; b < kBuckets.size(); ++b)
        if (seconds <= kBuckets[b])
            ++e.buckets[b];
    ++e.count;
    e.sum += seconds;
}

void ServeMetrics::recordPredictions(const QStringList &labels)
{
    QMutexLocker lock(&m_mutex);
    for (const QString &l : labels)
        ++m_predictions[l];
    m_predictionRows += std::uint64_t(labels.size());
}

QByteArray ServeMetrics::toPrometheus(double uptimeSeconds, const QByteArray &extra) const
{
    QString out;
    QMutexLocker lock(&m_mutex);
    out += QStringLiteral("# HELP sextant_requests_total HTTP requests answered, by endpoint "
                          "and status code.\n# TYPE sextant_requests_total counter\n");
    for (const QString &name : endpoints()) {
        const auto it = m_endpoints.constFind(name);
        if (it == m_endpoints.constEnd())
            continue;
        QList<int> codes = it->byStatus.keys();
        std::sort(codes.begin(), codes.end());
        for (int code : codes)
            out += QStringLiteral("sextant_requests_total{endpoint=\"%1\",code=\"%2\"} %3\n")
                       .arg(name)
                       .arg(code)
                       .arg(it->byStatus.value(code));
    }
    out += QStringLiteral("# HELP sextant_request_errors_total Requests answered with a 4xx or "
                          "5xx status, by endpoint.\n# TYPE sextant_request_errors_total "
                          "counter\n");
    for (const QString &name : endpoints()) {
        const auto it = m_endpoints.constFind(name);
        out += QStringLiteral("sextant_request_errors_total{endpoint=\"%1\"} %2\n")
                   .arg(name)
                   .arg(it == m_endpoints.constEnd() ? 0 : it->errors);
    }
    out += QStringLiteral("# HELP sextant_request_duration_seconds Time from a request's "
                          "arrival to its answer, by endpoint.\n# TYPE "
                          "sextant_request_duration_seconds histogram\n");
    for (const QString &name : endpoints()) {
        const auto it = m_endpoints.constFind(name);
        if (it == m_endpoints.constEnd())
            continue;
        for (std::size_t b = 0; b < kBuckets.size(); ++b)
            out += QStringLiteral(
                "sextant_request_duration_seconds_bucket{endpoint=\"%1\",le=\"%2\"} %3\n")
                       .arg(name, number(kBuckets[b]))
                       .arg(it->buckets[b]);
        out += QStringLiteral(
            "sextant_request_duration_seconds_bucket{endpoint=\"%1\",le=\"+Inf\"} %2\n")
                   .arg(name)
                   .arg(it->count);
        out += QStringLiteral("sextant_request_duration_seconds_sum{endpoint=\"%1\"} %2\n")
                   .arg(name, number(it->sum));
        out += QStringLiteral("sextant_request_duration_seconds_count{endpoint=\"%1\"} %2\n")
                   .arg(name)
                   .arg(it->count);
    }
    out += QStringLiteral("# HELP sextant_predictions_total Rows predicted, by predicted "
                          "class.\n# TYPE sextant_predictions_total counter\n");
    QStringList classes = m_predictions.keys();
    std::sort(classes.begin(), classes.end());
    for (const QString &c : classes) {
        if (c.isEmpty())
            out += QStringLiteral("sextant_predictions_total %1\n").arg(m_predictions.value(c));
        else
            out += QStringLiteral("sextant_predictions_total{class=\"%1\"} %2\n")
                       .arg(prometheusLabel(c))
                       .arg(m_predictions.value(c));
    }
    out += QStringLiteral("# HELP sextant_prediction_rows_total Rows predicted.\n# TYPE "
                          "sextant_prediction_rows_total counter\nsextant_prediction_rows_total "
                          "%1\n")
               .arg(m_predictionRows);
    out += QStringLiteral("# HELP sextant_uptime_seconds Seconds since the server started.\n"
                          "# TYPE sextant_uptime_seconds gauge\nsextant_uptime_seconds %1\n")
               .arg(number(uptimeSeconds));
    return out.toUtf8() + extra;
}

} // namespace sextant::cli
