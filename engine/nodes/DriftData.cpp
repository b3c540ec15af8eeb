#include "nodes/DriftData.h"

#include "ml/Estimator.h"
#include "ml/TrainedModel.h"

#include <exception>

namespace sextant::engine {

namespace {

Column textColumn(const QString &name, const QStringList &values)
{
    QStringList categories;
    std::vector<std::int32_t> codes;
    for (const QString &v : values) {
        qsizetype at = categories.indexOf(v);
        if (at < 0) {
            at = categories.size();
            categories << v;
        }
        codes.push_back(std::int32_t(at));
    }
    return Column::categorical(name, std::move(codes), std::move(categories));
}

} // namespace

DriftData DriftData::of(const TrainedModel &model, const Dataset &raw, QStringList *warnings,
    const std::atomic<bool> *cancel)
{
    if (model.trainingDistribution.isEmpty())
        throw FitError("the model keeps no summary of its training table (a model file written "
                       "before Sextant kept one): train or save it again");
    Dataset batch;
    try {
        batch = model.preprocess(raw);
    } catch (const std::exception &e) {
        if (warnings)
            warnings->append(QStringLiteral("the table does not go through the model's "
                                            "preprocessing (%1): its raw columns are compared")
                                 .arg(QString::fromUtf8(e.what())));
        batch = raw;
    }
    Column predicted;
    bool hasPrediction = false;
    if (model.target.task() != EstimatorTask::Clustering) {
        try {
            const Prediction p = model.predict(batch, cancel);
            if (p.table.columnCount() > batch.columnCount()) {
                predicted = p.table.column(batch.columnCount());
                hasPrediction = true;
            }
        } catch (const std::exception &e) {
            if (warnings)
                warnings->append(QStringLiteral("no prediction shift: the table does not fit "
                                                "the model (%1)")
                                     .arg(QString::fromUtf8(e.what())));
        }
    }
    DriftData d;
    d.model = model.displayName;
    d.batchRows = raw.rowCount();
    d.report = DriftReport::compare(
        model.trainingDistribution, batch, hasPrediction ? &predicted : nullptr);
    return d;
}

std::vector<const DriftReport::Entry *> DriftData::entries() const
{
    std::vector<const DriftReport::Entry *> out;
    for (const DriftReport::Entry &e : report.features)
        out.push_back(&e);
    if (report.prediction)
        out.push_back(&*report.prediction);
    return out;
}

Dataset DriftData::toTable() const
{
    QStringList feature, type, statName, verdict, reasons;
    std::vector<double> rows, present, trainMissing, missing, psi, stat, p, unseen, drifted;
    const std::vector<const DriftReport::Entry *> all = entries();
    for (const DriftReport::Entry *e : all) {
        const bool isPrediction = report.prediction && e == &*report.prediction;
        feature << e->name;
        type << (isPrediction    ? QStringLiteral("prediction")
                : e->categorical ? QStringLiteral("categorical")
                                 : QStringLiteral("numeric"));
        rows.push_back(double(e->rows));
        present.push_back(double(e->present));
        trainMissing.push_back(e->trainingMissingRate);
        missing.push_back(e->missingRate);
        psi.push_back(e->psi);
        stat.push_back(e->categorical ? e->chiSquare : e->ks);
        statName << (e->categorical ? QStringLiteral("chi2") : QStringLiteral("ks"));
        p.push_back(e->categorical ? e->chiSquarePValue : e->ksPValue);
        unseen.push_back(double(e->unseenRows));
        verdict << DriftReport::toString(e->verdict);
        drifted.push_back(e->verdict == DriftReport::Verdict::Drift ? 1.0 : 0.0);
        reasons << e->reasons.join(QStringLiteral("; "));
    }
    Dataset t;
    t.addColumn(textColumn(QStringLiteral("feature"), feature));
    t.addColumn(textColumn(QStringLiteral("type"), type));
    t.addColumn(Column::numeric(QStringLiteral("rows"), rows));
    t.addColumn(Column::numeric(QStringLiteral("present"), present));
    t.addColumn(Column::numeric(QStringLiteral("missing_rate_training"), trainMissing));
    t.addColumn(Column::numeric(QStringLiteral("missing_rate"), missing));
    t.addColumn(Column::numeric(QStringLiteral("psi"), psi));
    t.addColumn(Column::numeric(QStringLiteral("statistic"), stat));
    t.addColumn(textColumn(QStringLiteral("statistic_name"), statName));
    t.addColumn(Column::numeric(QStringLiteral("p_value"), p));
    t.addColumn(Column::numeric(QStringLiteral("unseen_rows"), unseen));
    t.addColumn(textColumn(QStringLiteral("verdict"), verdict));
    t.addColumn(Column::numeric(QStringLiteral("drifted"), drifted));
    t.addColumn(textColumn(QStringLiteral("reasons"), reasons));
    return t;
}

} // namespace sextant::engine
