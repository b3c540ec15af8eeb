#include "gui/ReportCommand.h"

#include "data/AtomicFile.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"
#include "ml/CurveMetrics.h"
#include "ml/Estimator.h"
#include "ml/Metrics.h"
#include "ml/TrainedModel.h"
#include "nodes/DriftData.h"
#include "nodes/Evaluation.h"
#include "nodes/ImportanceView.h"
#include "nodes/LearnerRegistry.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/DriftPlot.h"
#include "plots/ImportancePlot.h"
#include "plots/PlotExporter.h"
#include "plots/RocPlot.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <cmath>
#include <exception>
#include <memory>
#include <sextant/Version.h>

namespace sextant::app {

namespace {

using namespace sextant::engine;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
const QSize kPlotSize(900, 560);

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString num(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("&ndash;");
}

QString variantText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Double)
        return num(v.toDouble());
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QStringLiteral(", "));
    return v.toString();
}

// The document: HTML with image placeholders, and the images.
class Report {
public:
    void heading(const QString &text, int level = 2)
    {
        m_html += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(text));
    }
    void paragraph(const QString &text) { m_html += QStringLiteral("<p>%1</p>\n").arg(esc(text)); }
    // A table; `header` may be empty. Cells are plain text (escaped here).
    void table(const QStringList &header, const QList<QStringList> &rows)
    {
        m_html += QStringLiteral("<table>\n");
        if (!header.isEmpty()) {
            m_html += QStringLiteral("<tr>");
            for (const QString &h : header)
                m_html += QStringLiteral("<th>%1</th>").arg(esc(h));
            m_html += QStringLiteral("</tr>\n");
        }
        for (const QStringList &r : rows) {
            m_html += QStringLiteral("<tr>");
            for (const QString &c : r)
                m_html += QStringLiteral("<td>%1</td>")
                              .arg(c.startsWith(QLatin1String("&")) ? c : esc(c));
            m_html += QStringLiteral("</tr>\n");
        }
        m_html += QStringLiteral("</table>\n");
    }
    // Draws `view` offscreen and places the picture here.
    void plot(plots::PlotView &view, const QString &alt)
    {
        view.resize(kPlotSize);
        view.replotNow();
        const QImage image = plots::PlotExporter::toImage(view.customPlot(), kPlotSize);
        m_html += QStringLiteral("<p><img src=\"@@IMAGE%1@@\" alt=\"%2\" width=\"%3\"/></p>\n")
                      .arg(m_images.size())
                      .arg(esc(alt))
                      .arg(kPlotSize.width() * 2 / 3);
        m_images.push_back(image);
    }

    // Self-contained HTML: the images as PNG data URIs.
    QByteArray html(const QString &title) const
    {
        QString body = m_html;
        for (int i = 0; i < m_images.size(); ++i)
            body.replace(QStringLiteral("@@IMAGE%1@@").arg(i),
                QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png(i).toBase64()));
        return page(title, body).toUtf8();
    }
    // The same document as PDF (QTextDocument with the images as resources).
    bool pdf(const QString &title, const QString &path, QString *error) const
    {
        QTextDocument doc;
        QString body = m_html;
        for (int i = 0; i < m_images.size(); ++i) {
            const QString name = QStringLiteral("sextant-report-image-%1.png").arg(i);
            body.replace(QStringLiteral("@@IMAGE%1@@").arg(i), name);
            doc.addResource(QTextDocument::ImageResource, QUrl(name), m_images[i]);
        }
        doc.setHtml(page(title, body));
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setResolution(120);
            writer.setTitle(title);
            writer.setCreator(QStringLiteral("Sextant ") + QStringLiteral(SEXTANT_VERSION_STRING));
            doc.setPageSize(QSizeF(writer.width(), writer.height()));
            doc.print(&writer);
        }
        return AtomicFile::write(path, bytes, error);
    }

private:
    QByteArray png(int i) const
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        m_images[i].save(&buffer, "PNG");
        return bytes;
    }
    static QString page(const QString &title, const QString &body)
    {
        return QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>\n"
            "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
            "table{border-collapse:collapse;margin:0.5em 0}"
            "td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}"
            "th{background:#eee}</style></head>\n<body>\n<h1>%1</h1>\n%2</body></html>\n")
            .arg(esc(title), body);
    }

    QString m_html;
    QList<QImage> m_images;
};

QString taskName(EstimatorTask t)
{
    switch (t) {
    case EstimatorTask::Classification:
        return QStringLiteral("classification");
    case EstimatorTask::Regression:
        return QStringLiteral("regression");
    case EstimatorTask::Clustering:
        return QStringLiteral("clustering");
    }
    return {};
}

void modelSection(Report &r, const TrainedModel &m, const QString &path)
{
    r.heading(QStringLiteral("Model"));
    const Learner *learner = m.estimator ? LearnerRegistry::of(*m.estimator) : nullptr;
    QList<QStringList> rows;
    rows << QStringList { QStringLiteral("File"), QFileInfo(path).fileName() };
    rows << QStringList { QStringLiteral("Learner"),
        learner ? learner->displayName : QString::fromStdString(m.estimator->kind()) };
    rows << QStringList { QStringLiteral("Task"), taskName(m.estimator->task()) };
    if (!m.target.name().isEmpty())
        rows << QStringList { QStringLiteral("Target"), m.target.name() };
    if (m.estimator->task() == EstimatorTask::Classification)
        rows << QStringList { QStringLiteral("Classes"),
            m.target.classNames().join(QStringLiteral(", ")) };
    rows << QStringList { QStringLiteral("Features"),
        m.features.outputNames().join(QStringLiteral(", ")) };
    QStringList steps;
    for (const auto &s : m.preprocessing)
        steps << QString::fromStdString(s->kind());
    rows << QStringList { QStringLiteral("Preprocessing"),
        steps.isEmpty() ? QStringLiteral("none") : steps.join(QStringLiteral(" \u2192 ")) };
    rows << QStringList { QStringLiteral("Training rows"), QString::number(m.trainingRows) };
    rows << QStringList { QStringLiteral("Training columns"), QString::number(m.trainingColumns) };
    if (!m.trainingHash.isEmpty())
        rows << QStringList { QStringLiteral("Training table fingerprint"), m.trainingHash };
    if (m.created.isValid())
        rows << QStringList { QStringLiteral("Trained"), m.created.toUTC().toString(Qt::ISODate) };
    rows << QStringList { QStringLiteral("Fit time (s)"), num(m.fitSeconds) };
    r.table({}, rows);
    if (!m.learnerParameters.isEmpty()) {
        r.heading(QStringLiteral("Parameters"), 3);
        QList<QStringList> params;
        for (auto it = m.learnerParameters.cbegin(); it != m.learnerParameters.cend(); ++it)
            params << QStringList { it.key(), variantText(it.value()) };
        r.table({ QStringLiteral("Parameter"), QStringLiteral("Value") }, params);
    }
}

void trainingSection(Report &r, const TrainedModel &m)
{
    r.heading(QStringLiteral("Training data"));
    if (m.trainingDistribution.isEmpty()) {
        r.paragraph(QStringLiteral("The model file keeps no summary of its training table."));
        return;
    }
    QList<QStringList> rows;
    for (const FeatureDistribution &f : m.trainingDistribution.features) {
        QString summary;
        if (f.categorical) {
            QStringList parts;
            for (qsizetype c = 0; c < f.categories.size() && c < 8; ++c)
                parts << QStringLiteral("%1 (%2)")
                             .arg(f.categories[c])
                             .arg(f.counts.size() > std::size_t(c) ? f.counts[std::size_t(c)] : 0);
            if (f.categories.size() > 8)
                parts << QStringLiteral("\u2026 %1 categories").arg(f.categories.size());
            summary = parts.join(QStringLiteral(", "));
        } else {
            summary = QStringLiteral("%1 to %2").arg(num(f.min), num(f.max));
        }
        rows << QStringList { f.name,
            f.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric"),
            QString::number(f.rows), num(100 * f.missingRate()) + QStringLiteral("%"), summary };
    }
    r.table({ QStringLiteral("Feature"), QStringLiteral("Type"), QStringLiteral("Rows"),
                QStringLiteral("Missing"), QStringLiteral("Range / categories") },
        rows);
}

void storedMetrics(Report &r, const TrainedModel &m)
{
    if (m.metrics.isEmpty())
        return;
    r.heading(QStringLiteral("Metrics recorded with the model"));
    QList<QStringList> rows;
    for (auto it = m.metrics.constBegin(); it != m.metrics.constEnd(); ++it)
        rows << QStringList { it.key(),
            it.value().isDouble()
                ? num(it.value().toDouble())
                : QString::fromUtf8(QJsonDocument::fromVariant(it.value().toVariant())
                                        .toJson(QJsonDocument::Compact)) };
    r.table({ QStringLiteral("Metric"), QStringLiteral("Value") }, rows);
}

void importanceSection(Report &r, const TrainedModel &m)
{
    const FeatureImportances fi = m.estimator->featureImportances();
    if (fi.empty())
        return;
    r.heading(QStringLiteral("Feature importances"));
    ImportanceData d;
    d.title = QStringLiteral("Feature importances");
    d.measure = QString::fromStdString(fi.measure);
    // One row per matrix column (the encoder's feature columns), one value column per class
    // when perClass.
    const QStringList names = m.features.outputNames();
    QList<QStringList> rows;
    for (Eigen::Index j = 0; j < fi.values.rows(); ++j) {
        const double v
            = fi.values.cols() == 1 ? fi.values(j, 0) : fi.values.row(j).cwiseAbs().mean();
        d.features << names.value(qsizetype(j), QString::number(j));
        d.values.push_back(v);
        rows << QStringList { d.features.back(), num(v) };
    }
    r.paragraph(QStringLiteral("Measure: %1%2.")
                    .arg(d.measure,
                        fi.values.cols() > 1
                            ? QStringLiteral(" (per class; the mean magnitude over the classes)")
                            : QString()));
    plots::ImportancePlot plot;
    plot.setImportances(d);
    r.plot(plot, QStringLiteral("Feature importances"));
    r.table({ QStringLiteral("Feature"), d.measure }, rows);
}

void dataSection(Report &r, const TrainedModel &m, const Dataset &raw, const QString &path)
{
    r.heading(QStringLiteral("Data: %1").arg(QFileInfo(path).fileName()));
    r.paragraph(QStringLiteral("%1 rows, %2 columns.").arg(raw.rowCount()).arg(raw.columnCount()));
    if (m.estimator->task() != EstimatorTask::Clustering) {
        Prediction p;
        QString why;
        try {
            p = m.predict(raw);
        } catch (const std::exception &e) {
            why = QString::fromUtf8(e.what());
        }
        if (!why.isEmpty()) {
            r.paragraph(QStringLiteral("The table does not fit the model: %1").arg(why));
        } else if (!p.hasTruth()) {
            r.paragraph(QStringLiteral("The table has no known target values: no metrics."));
        } else {
            r.heading(QStringLiteral("Metrics on these rows"), 3);
            QList<QStringList> rows;
            for (const auto &[name, value] : Evaluation::metrics(p))
                rows << QStringList { name, num(value) };
            r.table({ QStringLiteral("Metric"), QStringLiteral("Value") }, rows);
            if (p.task == EstimatorTask::Classification) {
                // Rows with a known class.
                std::vector<Eigen::Index> known;
                for (Eigen::Index i = 0; i < p.truth.size(); ++i)
                    if (std::isfinite(p.truth(i)))
                        known.push_back(i);
                Eigen::VectorXd yt(Eigen::Index(known.size())), yp(yt.size());
                for (std::size_t i = 0; i < known.size(); ++i) {
                    yt(Eigen::Index(i)) = p.truth(known[i]);
                    yp(Eigen::Index(i)) = p.predicted(known[i]);
                }
                const int K = int(p.classNames.size());
                const ConfusionMatrix cm = Metrics::confusion(yt, yp, K);
                r.heading(QStringLiteral("Confusion matrix"), 3);
                plots::ConfusionMatrixPlot cmp;
                cmp.setMatrix(cm, p.classNames);
                r.plot(cmp, QStringLiteral("Confusion matrix"));
                QStringList header { QStringLiteral("true \\ predicted") };
                header += p.classNames;
                QList<QStringList> cells;
                for (int a = 0; a < K; ++a) {
                    QStringList row { p.classNames[a] };
                    for (int b = 0; b < K; ++b)
                        row << QString::number(cm.at(a, b));
                    cells << row;
                }
                r.table(header, cells);
                if (p.probabilities.cols() == K && K >= 2) {
                    std::vector<std::int32_t> labels;
                    std::vector<double> scores;
                    for (Eigen::Index i : known) {
                        labels.push_back(std::int32_t(p.truth(i)));
                        for (int k = 0; k < K; ++k)
                            scores.push_back(p.probabilities(i, k));
                    }
                    std::vector<RocCurve> curves;
                    QStringList names;
                    if (K == 2) {
                        std::vector<double> positive;
                        for (std::size_t i = 0; i < labels.size(); ++i)
                            positive.push_back(scores[2 * i + 1]);
                        curves.push_back(CurveMetrics::roc(labels, positive, 1));
                        names << p.classNames[1];
                    } else {
                        curves = CurveMetrics::rocOneVsRest(labels, scores, K);
                        names = p.classNames;
                    }
                    r.heading(QStringLiteral("ROC"), 3);
                    plots::RocPlot roc;
                    roc.setCurves(curves, names);
                    r.plot(roc, QStringLiteral("ROC curves"));
                    QList<QStringList> aucs;
                    for (std::size_t c = 0; c < curves.size(); ++c)
                        aucs << QStringList { names[qsizetype(c)], num(curves[c].auc) };
                    r.table({ QStringLiteral("Class"), QStringLiteral("AUC") }, aucs);
                }
            }
        }
    }
    QStringList warnings;
    try {
        const DriftData d = DriftData::of(m, raw, &warnings);
        r.heading(QStringLiteral("Drift against the training data"), 3);
        r.paragraph(d.report.driftFound() ? QStringLiteral("Drift found.")
                                          : QStringLiteral("No drift found."));
        for (const QString &w : std::as_const(warnings))
            r.paragraph(w);
        plots::DriftPlot plot;
        plot.setData(d);
        r.plot(plot, QStringLiteral("Drift per feature"));
        // The report table's main columns (sextant monitor --json has them all).
        const Dataset t = d.toTable();
        const QStringList columns { QStringLiteral("feature"), QStringLiteral("type"),
            QStringLiteral("psi"), QStringLiteral("statistic_name"), QStringLiteral("statistic"),
            QStringLiteral("p_value"), QStringLiteral("missing_rate"), QStringLiteral("verdict") };
        QList<QStringList> rows;
        for (std::int64_t i = 0; i < t.rowCount(); ++i) {
            QStringList row;
            for (const QString &name : columns) {
                const Column &c = t.column(t.indexOf(name));
                row << (c.isNumeric() ? num(c.values()[std::size_t(i)]) : c.displayValue(i));
            }
            rows << row;
        }
        r.table({ QStringLiteral("Feature"), QStringLiteral("Type"), QStringLiteral("PSI"),
                    QStringLiteral("Test"), QStringLiteral("Statistic"), QStringLiteral("p-value"),
                    QStringLiteral("Missing rate"), QStringLiteral("Verdict") },
            rows);
    } catch (const std::exception &e) {
        r.paragraph(QStringLiteral("No drift report: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace

QString ReportCommand::usage()
{
    return QStringLiteral(
        "  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf\n"
        "                       Write a report of a saved model: learner, parameters,\n"
        "                       training data summary, stored metrics, feature importances;\n"
        "                       with --data, the metrics, confusion matrix and ROC on those\n"
        "                       rows and their drift against the training data. HTML is one\n"
        "                       self-contained file (plots embedded); .pdf writes a PDF.\n");
}

int ReportCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString modelPath, dataPath, outPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == QLatin1String("--data") || a == QLatin1String("--out")) && i + 1 < args.size()) {
            (a == QLatin1String("--data") ? dataPath : outPath) = args[++i];
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << "Usage:\n" << usage();
            out.flush();
            return kExitOk;
        } else if (a.startsWith(QLatin1Char('-')) || !modelPath.isEmpty()) {
            err << "sextant report: unexpected argument '" << a << "'\nUsage:\n" << usage();
            err.flush();
            return kExitUsage;
        } else {
            modelPath = a;
        }
    }
    if (modelPath.isEmpty() || outPath.isEmpty()) {
        err << "sextant report: a model file and --out are needed\nUsage:\n" << usage();
        err.flush();
        return kExitUsage;
    }
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm")
        && suffix != QLatin1String("pdf")) {
        err << "sextant report: --out must end in .html or .pdf: " << outPath << "\n";
        err.flush();
        return kExitUsage;
    }
    const Result<TrainedModelPtr> loaded = ModelFile::load(modelPath);
    if (!loaded) {
        err << "sextant report: " << modelPath << ": " << loaded.error() << "\n";
        err.flush();
        return kExitFailure;
    }
    const TrainedModel &m = *loaded.value();
    std::optional<Dataset> data;
    if (!dataPath.isEmpty()) {
        LoadResult d = DatasetLoader::load(dataPath);
        if (!d.ok()) {
            err << "sextant report: " << d.error->toString() << "\n";
            err.flush();
            return kExitFailure;
        }
        data = *d.dataset;
    }
    Report r;
    const QString title = QStringLiteral("Model report: %1")
                              .arg(m.displayName.isEmpty() ? QFileInfo(modelPath).completeBaseName()
                                                           : m.displayName);
    try {
        r.paragraph(QStringLiteral("Written by Sextant %1 on %2.")
                        .arg(QStringLiteral(SEXTANT_VERSION_STRING),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
        modelSection(r, m, modelPath);
        trainingSection(r, m);
        storedMetrics(r, m);
        importanceSection(r, m);
        if (data)
            dataSection(r, m, *data, dataPath);
    } catch (const std::exception &e) {
        err << "sextant report: " << QString::fromUtf8(e.what()) << "\n";
        err.flush();
        return kExitFailure;
    }
    QString error;
    const bool ok = suffix == QLatin1String("pdf")
        ? r.pdf(title, outPath, &error)
        : AtomicFile::write(outPath, r.html(title), &error);
    if (!ok) {
        err << "sextant report: " << error << "\n";
        err.flush();
        return kExitFailure;
    }
    out << "wrote " << outPath << "\n";
    out.flush();
    return kExitOk;
}

} // namespace sextant::app
