#include "nodes/ProbabilityCurvesNode.h"

#include "ml/FitContext.h"
#include "ml/TrainedModel.h"
#include "nodes/ProbabilityCurvesData.h"

#include <QCoreApplication>
#include <cmath>

namespace sextant::engine {

namespace {

PortSpec predictionsPort()
{
    return PortSpec { QStringLiteral("predictions"), PortType::Predictions,
        QStringLiteral("Predictions"), {}, false };
}

// The rows with a known truth: class codes and the probabilities of each class
// (column-major: class k's probabilities are scores[k]).
struct Known {
    std::vector<std::int32_t> truth;
    std::vector<std::vector<double>> scores;
};

Known knownRows(const Prediction &p)
{
    if (!p.hasTruth())
        throw NodeError(QStringLiteral("the predictions have no true '%1' values to compare "
                                       "with (predict a table that has the target column)")
                            .arg(p.targetName));
    if (p.task != EstimatorTask::Classification)
        throw NodeError(
            QCoreApplication::translate("NodeError", "this view needs a classifier's predictions"));
    const auto K = static_cast<Eigen::Index>(p.classNames.size());
    if (K < 2 || p.probabilities.cols() != K)
        throw NodeError(QStringLiteral("%1 gives no class probabilities, which this view needs")
                            .arg(p.modelName));
    Known k;
    k.scores.resize(static_cast<std::size_t>(K));
    for (Eigen::Index r = 0; r < p.truth.size(); ++r) {
        if (std::isnan(p.truth(r)))
            continue;
        k.truth.push_back(static_cast<std::int32_t>(p.truth(r)));
        for (Eigen::Index c = 0; c < K; ++c)
            k.scores[static_cast<std::size_t>(c)].push_back(p.probabilities(r, c));
    }
    return k;
}

// The classes to draw a curve for.
QList<int> assessedClasses(const Prediction &p)
{
    if (p.classNames.size() == 2)
        return { 1 };
    QList<int> all;
    for (int k = 0; k < p.classNames.size(); ++k)
        all.push_back(k);
    return all;
}

void computeCurves(NodeContext &ctx, ProbabilityCurvesData::Kind kind)
{
    const Prediction &p = ctx.inputAs<Prediction>(0);
    const Known known = knownRows(p);
    ProbabilityCurvesData out;
    out.kind = kind;
    out.modelName = p.modelName;
    out.targetName = p.targetName;
    const QList<int> classes = assessedClasses(p);
    ProbabilityCurves::Strategy strategy = ProbabilityCurves::Strategy::Uniform;
    if (kind == ProbabilityCurvesData::Kind::Calibration) {
        out.bins = static_cast<int>(ctx.intParameter(QStringLiteral("bins")));
        out.strategy = ctx.stringParameter(QStringLiteral("strategy"));
        if (out.strategy == QLatin1String("quantile"))
            strategy = ProbabilityCurves::Strategy::Quantile;
    }
    for (int i = 0; i < classes.size(); ++i) {
        const int k = classes[i];
        out.curveNames << p.classNames[k];
        const auto &scores = known.scores[static_cast<std::size_t>(k)];
        try {
            if (kind == ProbabilityCurvesData::Kind::Calibration)
                out.calibration.push_back(
                    ProbabilityCurves::calibration(known.truth, scores, out.bins, strategy, k));
            else
                out.gains.push_back(ProbabilityCurves::gains(known.truth, scores, k));
        } catch (const FitError &e) {
            throw NodeError(QString::fromStdString(e.what()));
        }
        if (ctx.cancelled())
            return;
        ctx.progress(double(i + 1) / double(classes.size()));
    }
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace

NodeType ProbabilityCurvesNode::calibrationType()
{
    NodeType t;
    t.id = QStringLiteral("view.calibration");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Calibration Curve");
    t.description = QStringLiteral("Reliability diagram: the fraction of positives against the "
                                   "mean predicted probability, per probability bin.");
    t.inputs = { predictionsPort() };
    t.parameters = {
        ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 10, 2, 1000,
            QStringLiteral("Number of probability bins (scikit-learn's n_bins).")),
        ParameterSpec::enumeration(QStringLiteral("strategy"), QStringLiteral("Strategy"),
            { QStringLiteral("uniform"), QStringLiteral("quantile") }, QStringLiteral("uniform"),
            QStringLiteral("uniform: bins of equal width on [0, 1]; quantile: bins holding "
                           "equally many rows (edges at the probabilities' percentiles).")),
    };
    t.setCompute(
        [](NodeContext &ctx) { computeCurves(ctx, ProbabilityCurvesData::Kind::Calibration); });
    return t;
}

NodeType ProbabilityCurvesNode::liftType()
{
    NodeType t;
    t.id = QStringLiteral("view.lift");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Lift Curve");
    t.description = QStringLiteral("Cumulative gains (share of positives found) or lift against "
                                   "the share of rows taken, highest probability first.");
    t.inputs = { predictionsPort() };
    t.parameters = {
        ParameterSpec::enumeration(QStringLiteral("curve"), QStringLiteral("Curve"),
            { QStringLiteral("gains"), QStringLiteral("lift") }, QStringLiteral("gains"),
            QStringLiteral("gains: the share of positives among the top rows; lift: that "
                           "share divided by the share of rows (1 = random).")),
    };
    t.setCompute([](NodeContext &ctx) {
        computeCurves(ctx,
            ctx.stringParameter(QStringLiteral("curve")) == QLatin1String("lift")
                ? ProbabilityCurvesData::Kind::Lift
                : ProbabilityCurvesData::Kind::Gains);
    });
    return t;
}

} // namespace sextant::engine
