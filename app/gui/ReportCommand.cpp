#include "gui/ReportCommand.h"

#include "cli/RunReportWriter.h"
#include "data/DatasetLoader.h"
#include "gui/ModelReportSection.h"
#include "gui/ReportDocument.h"
#include "io/ModelFile.h"
#include "ml/CurveMetrics.h"
#include "ml/Estimator.h"
#include "ml/Metrics.h"
#include "ml/TrainedModel.h"
#include "nodes/DriftData.h"
#include "nodes/Evaluation.h"
#include "nodes/ImportanceView.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/DriftPlot.h"
#include "plots/ImportancePlot.h"
#include "plots/RocPlot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
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

QString num(double v)
{
    return ReportDocument::number(v);
}

void modelSection(ReportDocument &r, const TrainedModel &m, const QString &path)
{
    r.heading(QStringLiteral("Model"));
    ModelReportSection::describe(
        r, m, { QStringList { QStringLiteral("File"), QFileInfo(path).fileName() } });
}

void trainingSection(ReportDocument &r, const TrainedModel &m)
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

void importanceSection(ReportDocument &r, const TrainedModel &m)
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

void dataSection(ReportDocument &r, const TrainedModel &m, const Dataset &raw, const QString &path)
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
    return QCoreApplication::translate("Cli",
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
    if (!cli::RunReportWriter::hasReportSuffix(outPath)) {
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
    ReportDocument r(QStringLiteral("Model report: %1")
                         .arg(m.displayName.isEmpty() ? QFileInfo(modelPath).completeBaseName()
                                                      : m.displayName));
    try {
        r.paragraph(QStringLiteral("Written by Sextant %1 on %2.")
                        .arg(QStringLiteral(SEXTANT_VERSION_STRING),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
        modelSection(r, m, modelPath);
        trainingSection(r, m);
        ModelReportSection::storedMetrics(r, m);
        importanceSection(r, m);
        if (data)
            dataSection(r, m, *data, dataPath);
    } catch (const std::exception &e) {
        err << "sextant report: " << QString::fromUtf8(e.what()) << "\n";
        err.flush();
        return kExitFailure;
    }
    QString error;
    if (!r.write(outPath, &error)) {
        err << "sextant report: " << error << "\n";
        err.flush();
        return kExitFailure;
    }
    out << "wrote " << outPath << "\n";
    out.flush();
    return kExitOk;
}

} // namespace sextant::app
