#include "cli/SweepResults.h"

#include "cli/SweepFolder.h"
#include "data/AtomicFile.h"
#include "data/CsvWriter.h"
#include "nodes/Evaluation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::cli {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

double number(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

// Every metric a run wrote, in the order of its report: column name -> value.
QList<QPair<QString, double>> metricsOf(const QString &runDir)
{
    QList<QPair<QString, double>> metrics;
    const QJsonObject report = readJson(QDir(runDir).filePath(QStringLiteral("run.json")));
    for (const QJsonValue &nv : report.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = nv.toObject();
        const QString id = QString::number(node.value(QStringLiteral("id")).toInt());
        for (const QJsonValue &fv : node.value(QStringLiteral("files")).toArray()) {
            const QString file = fv.toString();
            if (!file.endsWith(QLatin1String(".json")))
                continue;
            const QJsonObject o = readJson(QDir(runDir).filePath(file));
            if (o.value(QStringLiteral("columns")).isArray()
                && o.value(QStringLiteral("rows")).isArray()) {
                const QJsonArray columns = o.value(QStringLiteral("columns")).toArray();
                const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
                for (const QJsonValue &rv : rows) {
                    const QJsonObject row = rv.toObject();
                    QString prefix = id + QLatin1Char('.');
                    if (rows.size() > 1)
                        prefix += row.value(QStringLiteral("label")).toString() + QLatin1Char('.');
                    for (const QJsonValue &c : columns)
                        metrics.append({ prefix + c.toString(), number(row.value(c.toString())) });
                }
            } else if (o.value(QStringLiteral("metrics")).isObject()) {
                const QJsonObject m = o.value(QStringLiteral("metrics")).toObject();
                for (auto it = m.begin(); it != m.end(); ++it)
                    metrics.append({ id + QLatin1Char('.') + it.key(), number(it.value()) });
            }
        }
    }
    return metrics;
}

QString cell(double v)
{
    return std::isfinite(v) ? engine::CsvWriter::number(v) : QString();
}

} // namespace

QString SweepOutcome::stateId(State s)
{
    switch (s) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Running:
        return QStringLiteral("running");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QList<QPair<QString, double>> SweepResults::runMetrics(const QString &runDirectory)
{
    return metricsOf(runDirectory);
}

bool SweepResults::readTaskReport(const QString &runDir, int attempt, SweepOutcome *outcome)
{
    const QJsonObject o = readJson(QDir(runDir).filePath(QStringLiteral("task.json")));
    if (o.isEmpty() || o.value(QStringLiteral("attempt")).toInt() < attempt)
        return false;
    outcome->exitCode = o.value(QStringLiteral("exit_code")).toInt(-1);
    outcome->state = o.value(QStringLiteral("ok")).toBool() ? SweepOutcome::State::Done
                                                            : SweepOutcome::State::Failed;
    outcome->node = o.value(QStringLiteral("node")).toString();
    outcome->seconds = o.value(QStringLiteral("seconds")).toDouble();
    outcome->message = o.value(QStringLiteral("message")).toString();
    if (const QString job = o.value(QStringLiteral("job")).toString(); !job.isEmpty())
        outcome->job = job;
    return true;
}

void SweepResults::gather(const SweepFolder &folder, const QList<SweepOutcome> &outcomes)
{
    m_targets = folder.points.isEmpty() ? QStringList() : folder.points.front().targets;
    m_metricColumns.clear();
    m_rows.clear();
    QList<QList<QPair<QString, double>>> perRun;
    for (const SweepFolder::Point &p : folder.points) {
        const QList<QPair<QString, double>> m = metricsOf(folder.runDirectory(p.index));
        for (const auto &[name, value] : m)
            if (!m_metricColumns.contains(name))
                m_metricColumns.append(name);
        perRun.append(m);
    }
    for (const SweepFolder::Point &p : folder.points) {
        Row r;
        r.index = p.index;
        r.values = p.values;
        r.metrics.fill(std::numeric_limits<double>::quiet_NaN(), m_metricColumns.size());
        for (const auto &[name, value] : perRun[p.index])
            r.metrics[m_metricColumns.indexOf(name)] = value;
        if (p.index < outcomes.size())
            r.outcome = outcomes[p.index];
        m_rows.append(r);
    }
    m_sortColumn.clear();
}

bool SweepResults::sortBy(const QString &metric, QString *why)
{
    QString column;
    if (metric.isEmpty()) {
        column = m_metricColumns.value(0);
    } else if (m_metricColumns.contains(metric)) {
        column = metric;
    } else {
        QStringList matches;
        for (const QString &c : std::as_const(m_metricColumns))
            if (c.endsWith(QLatin1Char('.') + metric))
                matches.append(c);
        if (matches.size() == 1) {
            column = matches.front();
        } else {
            *why = matches.isEmpty()
                ? QStringLiteral("--metric %1: no run wrote such a metric; the metrics are: %2")
                      .arg(metric,
                          m_metricColumns.isEmpty() ? QStringLiteral("none")
                                                    : m_metricColumns.join(QStringLiteral(", ")))
                : QStringLiteral("--metric %1 is ambiguous: %2; name one")
                      .arg(metric, matches.join(QStringLiteral(", ")));
            std::stable_sort(m_rows.begin(), m_rows.end(),
                [](const Row &a, const Row &b) { return a.index < b.index; });
            return false;
        }
    }
    m_sortColumn = column;
    const int c = static_cast<int>(m_metricColumns.indexOf(column));
    const QString base = column.mid(column.lastIndexOf(QLatin1Char('.')) + 1);
    const bool higher = engine::Evaluation::higherIsBetter(base);
    std::stable_sort(m_rows.begin(), m_rows.end(), [c, higher](const Row &a, const Row &b) {
        const double x = c >= 0 ? a.metrics[c] : NAN;
        const double y = c >= 0 ? b.metrics[c] : NAN;
        if (std::isnan(x) != std::isnan(y))
            return std::isnan(y);
        if (!std::isnan(x) && x != y)
            return higher ? x > y : x < y;
        return a.index < b.index;
    });
    return true;
}

QStringList SweepResults::header() const
{
    QStringList h { QStringLiteral("index") };
    h += m_targets;
    h += m_metricColumns;
    h << QStringLiteral("seconds") << QStringLiteral("node") << QStringLiteral("state")
      << QStringLiteral("attempts") << QStringLiteral("job") << QStringLiteral("message");
    return h;
}

QList<QStringList> SweepResults::rows() const
{
    QList<QStringList> out;
    for (const Row &r : m_rows) {
        QStringList row { QString::number(r.index) };
        row += r.values;
        for (double v : r.metrics)
            row.append(cell(v));
        row << QString::number(r.outcome.seconds, 'f', 3) << r.outcome.node
            << SweepOutcome::stateId(r.outcome.state) << QString::number(r.outcome.attempts)
            << r.outcome.job
            << QString(r.outcome.message).replace(QLatin1Char('\n'), QStringLiteral("; "));
        out.append(row);
    }
    return out;
}

double SweepResults::metric(int index, const QString &column) const
{
    const qsizetype c = m_metricColumns.indexOf(column);
    for (const Row &r : m_rows)
        if (r.index == index && c >= 0)
            return r.metrics[c];
    return std::numeric_limits<double>::quiet_NaN();
}

bool SweepResults::write(const QString &directory, QString *error) const
{
    const QDir dir(directory);
    if (!engine::CsvWriter::writeTable(
            header(), rows(), dir.filePath(QStringLiteral("results.csv")), {}, error))
        return false;
    QJsonArray points;
    for (const Row &r : m_rows) {
        QJsonObject p;
        p[QStringLiteral("index")] = r.index;
        QJsonObject params;
        for (qsizetype a = 0; a < m_targets.size() && a < r.values.size(); ++a)
            params[m_targets[a]] = r.values[a];
        p[QStringLiteral("parameters")] = params;
        QJsonObject metrics;
        for (qsizetype c = 0; c < m_metricColumns.size(); ++c)
            if (std::isfinite(r.metrics[c]))
                metrics[m_metricColumns[c]] = r.metrics[c];
        p[QStringLiteral("metrics")] = metrics;
        p[QStringLiteral("seconds")] = r.outcome.seconds;
        p[QStringLiteral("node")] = r.outcome.node;
        p[QStringLiteral("state")] = SweepOutcome::stateId(r.outcome.state);
        p[QStringLiteral("exit_code")] = r.outcome.exitCode;
        p[QStringLiteral("attempts")] = r.outcome.attempts;
        p[QStringLiteral("job")] = r.outcome.job;
        p[QStringLiteral("message")] = r.outcome.message;
        p[QStringLiteral("run")] = QString(QStringLiteral("runs/") + SweepFolder::runName(r.index));
        points.append(p);
    }
    QJsonObject o;
    o[QStringLiteral("sorted_by")] = m_sortColumn;
    o[QStringLiteral("parameters")] = QJsonArray::fromStringList(m_targets);
    o[QStringLiteral("metrics")] = QJsonArray::fromStringList(m_metricColumns);
    o[QStringLiteral("points")] = points;
    return engine::AtomicFile::write(dir.filePath(QStringLiteral("results.json")),
        QJsonDocument(o).toJson(QJsonDocument::Indented), error);
}

void SweepResults::print(QTextStream &out, int limit) const
{
    QStringList h { QStringLiteral("#") };
    h += m_targets;
    if (!m_sortColumn.isEmpty())
        h.append(m_sortColumn);
    h << QStringLiteral("seconds") << QStringLiteral("node") << QStringLiteral("state");
    QList<QStringList> table { h };
    const int c = static_cast<int>(m_metricColumns.indexOf(m_sortColumn));
    for (const Row &r : m_rows) {
        if (table.size() > limit)
            break;
        QStringList row { QString::number(r.index) };
        row += r.values;
        if (!m_sortColumn.isEmpty())
            row.append(c >= 0 && std::isfinite(r.metrics[c]) ? QString::number(r.metrics[c], 'g', 6)
                                                             : QStringLiteral("-"));
        row << QString::number(r.outcome.seconds, 'f', 2) << r.outcome.node
            << SweepOutcome::stateId(r.outcome.state);
        table.append(row);
    }
    QList<qsizetype> widths(h.size(), 0);
    for (const QStringList &row : table)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], std::min<qsizetype>(row[i].size(), 30));
    for (const QStringList &row : table) {
        for (qsizetype i = 0; i < row.size(); ++i)
            out << row[i].left(30).leftJustified(widths[i]) << (i + 1 < row.size() ? "  " : "\n");
    }
    if (m_rows.size() + 1 > table.size())
        out << "\u2026 " << m_rows.size() + 1 - table.size() << " more in results.csv\n";
}

} // namespace sextant::cli
