#include "cli/SinkDataWriter.h"

#include "cli/OutputFiles.h"
#include "cli/ViewDataWriter.h"
#include "data/CsvWriter.h"
#include "data/Dataset.h"
#include "data/Statistics.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/ImportanceView.h"
#include "nodes/MetricsTable.h"
#include "nodes/PredictionView.h"
#include "nodes/ScatterData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariantMap>
#include <cmath>

namespace sextant::cli {

namespace {

using engine::CsvWriter;
constexpr auto jsonNumber = &OutputFiles::jsonNumber;
constexpr auto writeCsv = &OutputFiles::writeCsv;
constexpr auto writeJson = &OutputFiles::writeJson;

// A cell of a column as CSV text: the number (categorical: the category), "" if missing.
QString cellText(const engine::Column &column, std::int64_t row)
{
    if (column.isMissing(row))
        return QString();
    return column.isNumeric() ? CsvWriter::number(column.values()[static_cast<std::size_t>(row)])
                              : column.displayValue(row);
}

QJsonValue cellJson(const engine::Column &column, std::int64_t row)
{
    if (column.isMissing(row))
        return QJsonValue(QJsonValue::Null);
    return column.isNumeric() ? jsonNumber(column.values()[static_cast<std::size_t>(row)])
                              : QJsonValue(column.displayValue(row));
}

bool writeHistogram(
    const engine::ColumnHistogram &h, const QString &base, QStringList *written, QString *error)
{
    const engine::Histogram &hist = h.histogram;
    const bool categorical = h.columnType == engine::ColumnType::Categorical;
    QJsonObject o;
    o[QStringLiteral("column")] = h.column;
    o[QStringLiteral("column_type")] = engine::toString(h.columnType);
    o[QStringLiteral("bins")] = static_cast<int>(hist.counts.size());
    QJsonArray counts;
    std::int64_t total = 0;
    for (std::int64_t c : hist.counts) {
        counts.append(static_cast<double>(c));
        total += c;
    }
    o[QStringLiteral("counts")] = counts;
    if (categorical) {
        o[QStringLiteral("labels")] = QJsonArray::fromStringList(hist.labels);
    } else {
        QJsonArray edges;
        for (double e : hist.edges)
            edges.append(jsonNumber(e));
        o[QStringLiteral("edges")] = edges;
    }
    o[QStringLiteral("total")] = static_cast<double>(total);
    o[QStringLiteral("missing")] = static_cast<double>(hist.missing);
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;

    QList<QStringList> rows;
    for (std::size_t i = 0; i < hist.counts.size(); ++i) {
        const QString count = QString::number(hist.counts[i]);
        if (categorical) {
            rows.append({ i < static_cast<std::size_t>(hist.labels.size())
                    ? hist.labels[static_cast<qsizetype>(i)]
                    : QString(),
                count });
        } else {
            const bool hasEdges = i + 1 < hist.edges.size();
            rows.append({ hasEdges ? CsvWriter::number(hist.edges[i]) : QString(),
                hasEdges ? CsvWriter::number(hist.edges[i + 1]) : QString(), count });
        }
    }
    const QStringList header = categorical
        ? QStringList { QStringLiteral("category"), QStringLiteral("count") }
        : QStringList { QStringLiteral("lower"), QStringLiteral("upper"), QStringLiteral("count") };
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

bool writeCorrelation(
    const engine::CorrelationMatrix &m, const QString &base, QStringList *written, QString *error)
{
    const int n = static_cast<int>(m.names.size());
    QJsonObject o;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(m.names);
    QJsonArray matrix;
    QList<QStringList> rows;
    for (int i = 0; i < n; ++i) {
        QJsonArray jrow;
        QStringList row { m.names[i] };
        for (int j = 0; j < n; ++j) {
            const double r = m.at(i, j);
            jrow.append(jsonNumber(r));
            row.append(CsvWriter::number(r));
        }
        matrix.append(jrow);
        rows.append(row);
    }
    o[QStringLiteral("matrix")] = matrix;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    return writeCsv(QStringList { QStringLiteral("column") } + m.names, rows,
        base + QStringLiteral(".csv"), written, error);
}

bool writeScatter(
    const engine::ScatterData &s, const QString &base, QStringList *written, QString *error)
{
    const std::int64_t n = s.x.size();
    QJsonObject o;
    o[QStringLiteral("x_column")] = s.x.name();
    o[QStringLiteral("y_column")] = s.y.name();
    o[QStringLiteral("color_column")]
        = s.color ? QJsonValue(s.color->name()) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("points")] = static_cast<double>(n);
    QJsonArray xs, ys, cs;
    QList<QStringList> rows;
    rows.reserve(n);
    for (std::int64_t i = 0; i < n; ++i) {
        xs.append(cellJson(s.x, i));
        ys.append(cellJson(s.y, i));
        QStringList row { cellText(s.x, i), cellText(s.y, i) };
        if (s.color) {
            cs.append(cellJson(*s.color, i));
            row.append(cellText(*s.color, i));
        }
        rows.append(row);
    }
    o[QStringLiteral("x")] = xs;
    o[QStringLiteral("y")] = ys;
    if (s.color)
        o[QStringLiteral("color")] = cs;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    QStringList header { s.x.name(), s.y.name() };
    if (s.color)
        header.append(s.color->name());
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

bool writeMetrics(
    const engine::MetricsTable &t, const QString &base, QStringList *written, QString *error)
{
    if (!writeJson(t.toJson(), base + QStringLiteral(".json"), written, error))
        return false;
    QList<QStringList> rows;
    QStringList header { QStringLiteral("label") };
    header += t.columns;
    header += t.noteColumns;
    for (const auto &r : t.rows) {
        QStringList row { r.label };
        for (int c = 0; c < t.columns.size(); ++c) {
            const double v = c < r.values.size() ? r.values[c] : std::nan("");
            row.append(std::isfinite(v) ? QString::number(v, 'g', 17) : QString());
        }
        for (int c = 0; c < t.noteColumns.size(); ++c)
            row.append(r.notes.value(c));
        rows.append(row);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// The predictions table as CSV, and as JSON what the view shows (metrics, AUC per class,
// confusion counts) and the predictions row by row, exactly (QJsonDocument writes a double
// as the shortest text that reads back as the same double): predicted (the class index into
// "classes", or the value), truth (the same encoding; null where unknown) and, when the
// model gives them, probabilities (one array of P(class) per row).
bool writePredictionView(
    const engine::PredictionView &v, const QString &base, QStringList *written, QString *error)
{
    using namespace engine;
    const Prediction &p = v.prediction;
    const QString csv = base + QStringLiteral(".csv");
    if (!CsvWriter::write(p.table, csv, {}, error))
        return false;
    written->append(csv);
    QJsonObject o;
    o[QStringLiteral("model")] = p.modelName;
    o[QStringLiteral("target")] = p.targetName;
    o[QStringLiteral("classes")] = QJsonArray::fromStringList(p.classNames);
    QJsonObject metrics;
    for (const auto &[name, value] : v.metrics)
        metrics[name] = std::isfinite(value) ? QJsonValue(value) : QJsonValue();
    o[QStringLiteral("metrics")] = metrics;
    QJsonArray predicted, truth, probabilities;
    for (Eigen::Index r = 0; r < p.predicted.size(); ++r) {
        predicted.append(jsonNumber(p.predicted(r)));
        truth.append(jsonNumber(r < p.truth.size() ? p.truth(r) : std::nan("")));
        if (p.probabilities.rows() == p.predicted.size() && p.probabilities.cols() > 0) {
            QJsonArray row;
            for (Eigen::Index c = 0; c < p.probabilities.cols(); ++c)
                row.append(jsonNumber(p.probabilities(r, c)));
            probabilities.append(row);
        }
    }
    o[QStringLiteral("predicted")] = predicted;
    o[QStringLiteral("truth")] = truth;
    if (!probabilities.isEmpty())
        o[QStringLiteral("probabilities")] = probabilities;
    if (p.task == EstimatorTask::Classification) {
        const ConfusionMatrix &m = v.confusion;
        QJsonArray counts;
        for (int t = 0; t < m.classCount; ++t) {
            QJsonArray row;
            for (int q = 0; q < m.classCount; ++q)
                row.append(static_cast<qint64>(m.at(t, q)));
            counts.append(row);
        }
        o[QStringLiteral("confusion")] = counts;
        if (!v.roc.empty()) {
            QJsonArray aucs;
            for (const RocCurve &c : v.roc)
                aucs.append(std::isfinite(c.auc) ? QJsonValue(c.auc) : QJsonValue());
            o[QStringLiteral("roc_auc_per_curve")] = aucs;
        }
    }
    return writeJson(o, base + QStringLiteral(".json"), written, error);
}

} // namespace

SinkDataWriter::Outcome SinkDataWriter::write(
    const engine::NodeValue &result, const QString &basePath, QStringList *written, QString *error)
{
    bool ok = false;
    if (const auto *table = result.as<engine::Dataset>()) {
        const QString path = basePath + QStringLiteral(".csv");
        ok = CsvWriter::write(*table, path, {}, error);
        if (ok)
            written->append(path);
    } else if (const auto *imp = result.as<engine::ImportanceData>()) {
        const QString path = basePath + QStringLiteral(".csv");
        ok = CsvWriter::write(imp->table, path, {}, error);
        if (ok)
            written->append(path);
    } else if (const auto *h = result.as<engine::ColumnHistogram>()) {
        ok = writeHistogram(*h, basePath, written, error);
    } else if (const auto *m = result.as<engine::CorrelationMatrix>()) {
        ok = writeCorrelation(*m, basePath, written, error);
    } else if (const auto *s = result.as<engine::ScatterData>()) {
        ok = writeScatter(*s, basePath, written, error);
    } else if (const auto *t = result.as<engine::MetricsTable>()) {
        ok = writeMetrics(*t, basePath, written, error);
    } else if (const auto *pv = result.as<engine::PredictionView>()) {
        ok = writePredictionView(*pv, basePath, written, error);
    } else if (ViewDataWriter::handles(result)) {
        ok = ViewDataWriter::write(result, basePath, written, error);
    } else if (const auto *j = result.as<QJsonObject>()) {
        ok = writeJson(*j, basePath + QStringLiteral(".json"), written, error);
    } else if (const auto *v = result.as<QVariantMap>()) {
        ok = writeJson(
            QJsonObject::fromVariantMap(*v), basePath + QStringLiteral(".json"), written, error);
    } else {
        return Outcome::Unsupported;
    }
    return ok ? Outcome::Written : Outcome::Failed;
}

} // namespace sextant::cli
