#include "cli/ViewDataWriter.h"

#include "cli/OutputFiles.h"
#include "cli/StructureViewWriter.h"
#include "data/DateTime.h"
#include "nodes/BoxPlotData.h"
#include "nodes/DriftData.h"
#include "nodes/FeatureRanking.h"
#include "nodes/LinePlotData.h"
#include "nodes/MetricsTable.h"
#include "nodes/ProbabilityCurvesData.h"
#include "nodes/ScatterMatrixData.h"
#include "nodes/SilhouetteData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <utility>

namespace sextant::cli {

namespace {

constexpr auto csvNumber = &OutputFiles::csvNumber;
constexpr auto jsonNumber = &OutputFiles::jsonNumber;
constexpr auto writeCsv = &OutputFiles::writeCsv;
constexpr auto writeJson = &OutputFiles::writeJson;

QJsonArray jsonNumbers(const std::vector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(jsonNumber(v));
    return a;
}

bool writeBoxPlot(
    const engine::BoxPlotData &b, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o;
    o[QStringLiteral("split_column")]
        = b.splitColumn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.splitColumn);
    o[QStringLiteral("groups")] = QJsonArray::fromStringList(b.groupNames);
    o[QStringLiteral("violin")] = b.violin;
    o[QStringLiteral("quantile_method")] = QStringLiteral("numpy.percentile, method linear");
    o[QStringLiteral("whisker_iqr")] = engine::BoxStatistics::kWhisker;
    QJsonArray columns;
    QList<QStringList> rows;
    for (const auto &c : b.columns) {
        QJsonArray groups;
        for (std::size_t g = 0; g < c.groups.size(); ++g) {
            const engine::BoxSummary &s = c.groups[g];
            const QString name = b.groupNames.value(static_cast<qsizetype>(g));
            QJsonObject j;
            j[QStringLiteral("group")] = name;
            j[QStringLiteral("count")] = static_cast<double>(s.count);
            const std::pair<const char *, double> figures[]
                = { { "min", s.minimum }, { "q1", s.q1 }, { "median", s.median }, { "q3", s.q3 },
                      { "max", s.maximum }, { "mean", s.mean }, { "lower_whisker", s.lowerWhisker },
                      { "upper_whisker", s.upperWhisker } };
            QStringList row { c.name, name, QString::number(s.count) };
            for (const auto &[key, v] : figures) {
                j[QLatin1String(key)] = s.count ? jsonNumber(v) : QJsonValue(QJsonValue::Null);
                row.append(s.count ? csvNumber(v) : QString());
            }
            j[QStringLiteral("outlier_count")] = static_cast<double>(s.outlierCount);
            j[QStringLiteral("outliers")] = jsonNumbers(s.outliers);
            row.append(QString::number(s.outlierCount));
            if (b.violin) {
                j[QStringLiteral("bandwidth")] = jsonNumber(s.bandwidth);
                j[QStringLiteral("density_grid")] = jsonNumbers(s.densityGrid);
                j[QStringLiteral("density")] = jsonNumbers(s.density);
            }
            groups.append(j);
            rows.append(row);
        }
        QJsonObject jc;
        jc[QStringLiteral("column")] = c.name;
        jc[QStringLiteral("groups")] = groups;
        columns.append(jc);
    }
    o[QStringLiteral("columns")] = columns;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    const QStringList header { QStringLiteral("column"), QStringLiteral("group"),
        QStringLiteral("count"), QStringLiteral("min"), QStringLiteral("q1"),
        QStringLiteral("median"), QStringLiteral("q3"), QStringLiteral("max"),
        QStringLiteral("mean"), QStringLiteral("lower_whisker"), QStringLiteral("upper_whisker"),
        QStringLiteral("outliers") };
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// Silhouette: the summary as JSON, one CSV row per evaluated row (row order).
bool writeSilhouette(
    const engine::SilhouetteData &d, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o;
    o[QStringLiteral("cluster_column")] = d.clusterColumn;
    o[QStringLiteral("features")] = QJsonArray::fromStringList(d.features);
    o[QStringLiteral("mean")] = jsonNumber(d.mean);
    o[QStringLiteral("rows_evaluated")] = static_cast<double>(d.values.size());
    o[QStringLiteral("table_rows")] = static_cast<double>(d.tableRows);
    o[QStringLiteral("sampled")] = d.sampled;
    QJsonArray clusters;
    for (qsizetype c = 0; c < d.clusterNames.size(); ++c) {
        QJsonObject j;
        j[QStringLiteral("name")] = d.clusterNames[c];
        j[QStringLiteral("rows")]
            = static_cast<double>(d.clusterSizes[static_cast<std::size_t>(c)]);
        j[QStringLiteral("mean")] = jsonNumber(d.clusterMeans[static_cast<std::size_t>(c)]);
        clusters.append(j);
    }
    o[QStringLiteral("clusters")] = clusters;
    std::int64_t negative = 0;
    QList<QStringList> rows;
    rows.reserve(static_cast<qsizetype>(d.values.size()));
    for (std::size_t i = 0; i < d.values.size(); ++i) {
        negative += d.values[i] < 0 ? 1 : 0;
        rows.append({ QString::number(d.rows[i]), d.clusterNames.value(d.cluster[i]),
            csvNumber(d.values[i]) });
    }
    o[QStringLiteral("negative_rows")] = static_cast<double>(negative);
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    return writeCsv({ QStringLiteral("row"), d.clusterColumn, QStringLiteral("silhouette") }, rows,
        base + QStringLiteral(".csv"), written, error);
}

// Calibration / gains / lift: every curve's points as JSON, one CSV row per point.
bool writeProbabilityCurves(const engine::ProbabilityCurvesData &d, const QString &base,
    QStringList *written, QString *error)
{
    using Kind = engine::ProbabilityCurvesData::Kind;
    const bool calibration = d.kind == Kind::Calibration;
    QJsonObject o;
    o[QStringLiteral("kind")] = calibration ? QStringLiteral("calibration")
        : d.kind == Kind::Lift              ? QStringLiteral("lift")
                                            : QStringLiteral("gains");
    o[QStringLiteral("model")] = d.modelName;
    o[QStringLiteral("target")] = d.targetName;
    if (calibration) {
        o[QStringLiteral("bins")] = d.bins;
        o[QStringLiteral("strategy")] = d.strategy;
    }
    QJsonArray curves;
    QList<QStringList> rows;
    for (qsizetype k = 0; k < d.curveNames.size(); ++k) {
        QJsonObject c;
        const QString name = d.curveNames[k];
        c[QStringLiteral("class")] = name;
        if (calibration) {
            const engine::CalibrationCurve &cc = d.calibration[static_cast<std::size_t>(k)];
            c[QStringLiteral("prob_pred")] = jsonNumbers(cc.meanPredicted);
            c[QStringLiteral("prob_true")] = jsonNumbers(cc.fractionPositive);
            QJsonArray counts;
            for (std::int64_t n : cc.counts)
                counts.append(static_cast<double>(n));
            c[QStringLiteral("counts")] = counts;
            c[QStringLiteral("bin_edges")] = jsonNumbers(cc.edges);
            c[QStringLiteral("positives")] = static_cast<double>(cc.positives);
            c[QStringLiteral("rows")] = static_cast<double>(cc.total);
            for (std::size_t i = 0; i < cc.meanPredicted.size(); ++i)
                rows.append({ name, csvNumber(cc.meanPredicted[i]),
                    csvNumber(cc.fractionPositive[i]), QString::number(cc.counts[i]) });
        } else {
            const engine::GainsCurve &g = d.gains[static_cast<std::size_t>(k)];
            c[QStringLiteral("population")] = jsonNumbers(g.population);
            c[QStringLiteral("gains")] = jsonNumbers(g.gains);
            c[QStringLiteral("lift")] = jsonNumbers(g.lift);
            c[QStringLiteral("positives")] = static_cast<double>(g.positives);
            c[QStringLiteral("rows")] = static_cast<double>(g.total);
            for (std::size_t i = 0; i < g.population.size(); ++i)
                rows.append({ name, csvNumber(g.population[i]), csvNumber(g.gains[i]),
                    csvNumber(g.lift[i]) });
        }
        curves.append(c);
    }
    o[QStringLiteral("curves")] = curves;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    const QStringList header = calibration
        ? QStringList { QStringLiteral("class"), QStringLiteral("prob_pred"),
              QStringLiteral("prob_true"), QStringLiteral("count") }
        : QStringList { QStringLiteral("class"), QStringLiteral("population"),
              QStringLiteral("gains"), QStringLiteral("lift") };
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// Feature ranking: the scores table (best first) as JSON and CSV.
bool writeRanking(
    const engine::FeatureRanking &f, const QString &base, QStringList *written, QString *error)
{
    const engine::MetricsTable t = f.toMetricsTable();
    QJsonObject o = t.toJson();
    o[QStringLiteral("target")] = f.target;
    o[QStringLiteral("sort_by")] = f.methods.value(f.sortBy);
    o[QStringLiteral("kept")] = f.topK;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    QStringList header { QStringLiteral("feature") };
    header += t.columns;
    header += t.noteColumns;
    QList<QStringList> rows;
    for (const auto &r : t.rows) {
        QStringList row { r.label };
        for (double v : r.values)
            row.append(csvNumber(v));
        row += r.notes;
        rows.append(row);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// Scatter matrix: the drawn rows (row, columns..., class) as CSV, the rest as JSON.
bool writeScatterMatrix(
    const engine::ScatterMatrixData &m, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(m.columns);
    o[QStringLiteral("color_column")]
        = m.colorColumn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.colorColumn);
    o[QStringLiteral("classes")] = QJsonArray::fromStringList(m.classNames);
    o[QStringLiteral("rows_drawn")] = static_cast<double>(m.rows.size());
    o[QStringLiteral("table_rows")] = static_cast<double>(m.tableRows);
    o[QStringLiteral("sampled")] = m.sampled;
    QJsonArray histograms;
    for (qsizetype c = 0; c < m.columns.size(); ++c) {
        QJsonObject h;
        h[QStringLiteral("column")] = m.columns[c];
        h[QStringLiteral("edges")] = jsonNumbers(m.edges[static_cast<std::size_t>(c)]);
        QJsonArray counts;
        for (std::int64_t n : m.counts[static_cast<std::size_t>(c)])
            counts.append(static_cast<double>(n));
        h[QStringLiteral("counts_by_class")] = counts;
        histograms.append(h);
    }
    o[QStringLiteral("histograms")] = histograms;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    QStringList header { QStringLiteral("row") };
    header += m.columns;
    if (!m.colorColumn.isEmpty())
        header << m.colorColumn;
    QList<QStringList> rows;
    for (std::size_t i = 0; i < m.rows.size(); ++i) {
        QStringList row { QString::number(m.rows[i]) };
        for (const auto &v : m.values)
            row << csvNumber(v[i]);
        if (!m.colorColumn.isEmpty())
            row << m.classNames.value(m.classes[i]);
        rows.append(row);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

bool writeLinePlot(
    const engine::LinePlotData &l, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o;
    o[QStringLiteral("x")] = l.xName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(l.xName);
    o[QStringLiteral("x_is_date")] = l.xIsDate;
    o[QStringLiteral("rows")] = double(l.x.size());
    o[QStringLiteral("dropped_rows")] = double(l.droppedRows);
    o[QStringLiteral("rolling_window")] = l.window;
    QJsonArray series;
    for (const auto &s : l.series)
        series.append(s.name);
    o[QStringLiteral("series")] = series;
    if (!l.x.empty()) {
        o[QStringLiteral("x_first")] = l.xIsDate
            ? QJsonValue(engine::DateTime::toIsoText(l.x.front(), l.xDateOnly))
            : jsonNumber(l.x.front());
        o[QStringLiteral("x_last")] = l.xIsDate
            ? QJsonValue(engine::DateTime::toIsoText(l.x.back(), l.xDateOnly))
            : jsonNumber(l.x.back());
    }
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    QStringList header { l.xName.isEmpty() ? QStringLiteral("row") : l.xName };
    for (const auto &s : l.series)
        header << s.name;
    if (l.window > 0)
        for (const auto &s : l.series)
            header << QStringLiteral("%1 (rolling mean %2)").arg(s.name).arg(l.window);
    QList<QStringList> rows;
    rows.reserve(qsizetype(l.x.size()));
    for (std::size_t i = 0; i < l.x.size(); ++i) {
        QStringList row { l.xIsDate ? engine::DateTime::toIsoText(l.x[i], l.xDateOnly)
                                    : csvNumber(l.x[i]) };
        for (const auto &s : l.series)
            row << csvNumber(s.values[i]);
        if (l.window > 0)
            for (const auto &s : l.series)
                row << csvNumber(s.rolling[i]);
        rows.append(row);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// Drift: DriftReport::toJson with the model's name, and the report table as CSV.
bool writeDrift(
    const engine::DriftData &d, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o = d.report.toJson();
    o[QStringLiteral("model")] = d.model;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;
    const engine::Dataset t = d.toTable();
    QStringList header;
    for (const engine::Column &c : t.columns())
        header << c.name();
    QList<QStringList> rows;
    for (std::int64_t r = 0; r < t.rowCount(); ++r) {
        QStringList row;
        for (const engine::Column &c : t.columns())
            row << (c.isNumeric() ? csvNumber(c.values()[std::size_t(r)]) : c.displayValue(r));
        rows.append(row);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

} // namespace

bool ViewDataWriter::handles(const engine::NodeValue &result)
{
    return result.as<engine::BoxPlotData>() || result.as<engine::SilhouetteData>()
        || result.as<engine::ProbabilityCurvesData>() || result.as<engine::FeatureRanking>()
        || result.as<engine::ScatterMatrixData>() || result.as<engine::LinePlotData>()
        || result.as<engine::DriftData>() || StructureViewWriter::handles(result);
}

bool ViewDataWriter::write(
    const engine::NodeValue &result, const QString &basePath, QStringList *written, QString *error)
{
    if (const auto *b = result.as<engine::BoxPlotData>())
        return writeBoxPlot(*b, basePath, written, error);
    if (const auto *s = result.as<engine::SilhouetteData>())
        return writeSilhouette(*s, basePath, written, error);
    if (const auto *c = result.as<engine::ProbabilityCurvesData>())
        return writeProbabilityCurves(*c, basePath, written, error);
    if (const auto *f = result.as<engine::FeatureRanking>())
        return writeRanking(*f, basePath, written, error);
    if (const auto *m = result.as<engine::ScatterMatrixData>())
        return writeScatterMatrix(*m, basePath, written, error);
    if (const auto *l = result.as<engine::LinePlotData>())
        return writeLinePlot(*l, basePath, written, error);
    if (const auto *d = result.as<engine::DriftData>())
        return writeDrift(*d, basePath, written, error);
    if (StructureViewWriter::handles(result))
        return StructureViewWriter::write(result, basePath, written, error);
    return false;
}

} // namespace sextant::cli
