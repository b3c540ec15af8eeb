#include "nodes/EvaluationViewNode.h"

#include "nodes/MetricsTable.h"

#include <QCoreApplication>

namespace sextant::engine {

NodeType EvaluationViewNode::metricsType()
{
    NodeType t;
    t.id = QStringLiteral("view.metrics");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Metrics Table");
    t.description = QStringLiteral("Shows evaluation figures as a table.");
    t.inputs = { PortSpec {
        QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false } };
    t.setCompute([](NodeContext &ctx) {
        (void)ctx.inputAs<MetricsTable>(0); // fails the node for another type
        ctx.setResult(ctx.input(0));
    });
    return t;
}

NodeType EvaluationViewNode::predictionType(PredictionView::Kind kind)
{
    NodeType t;
    t.category = QStringLiteral("View");
    switch (kind) {
    case PredictionView::Kind::Roc:
        t.id = QStringLiteral("view.roc");
        t.displayName = QStringLiteral("ROC Curve");
        t.description = QStringLiteral("ROC curve per class (one-vs-rest) with its AUC.");
        break;
    case PredictionView::Kind::PrecisionRecall:
        t.id = QStringLiteral("view.pr");
        t.displayName = QStringLiteral("Precision-Recall Curve");
        t.description = QStringLiteral("Precision-recall curve per class (one-vs-rest).");
        break;
    case PredictionView::Kind::Confusion:
        t.id = QStringLiteral("view.confusion");
        t.displayName = QStringLiteral("Confusion Matrix");
        t.description = QStringLiteral("Counts of true vs predicted classes.");
        break;
    case PredictionView::Kind::Residuals:
        t.id = QStringLiteral("view.residuals");
        t.displayName = QStringLiteral("Residuals");
        t.description = QStringLiteral("Residuals against predicted values (regression).");
        break;
    }
    t.inputs = { PortSpec { QStringLiteral("predictions"), PortType::Predictions,
        QStringLiteral("Predictions"), {}, false } };
    t.setCompute([kind](NodeContext &ctx) {
        const Prediction &p = ctx.inputAs<Prediction>(0);
        if (!p.hasTruth())
            throw NodeError(QStringLiteral("the predictions have no true '%1' values to compare "
                                           "with (predict a table that has the target column)")
                                .arg(p.targetName));
        const bool regression = p.task == EstimatorTask::Regression;
        if (kind == PredictionView::Kind::Residuals && !regression)
            throw NodeError(QStringLiteral("residuals need a regression model"));
        if (kind != PredictionView::Kind::Residuals && p.task != EstimatorTask::Classification)
            throw NodeError(QCoreApplication::translate(
                "NodeError", "this view needs a classifier's predictions"));
        if ((kind == PredictionView::Kind::Roc || kind == PredictionView::Kind::PrecisionRecall)
            && p.probabilities.size() == 0)
            throw NodeError(QStringLiteral("%1 gives no class probabilities, which curves need")
                                .arg(p.modelName));
        ctx.setResult(makeValue(PredictionView::make(kind, p)));
    });
    return t;
}

QList<NodeType> EvaluationViewNode::all()
{
    return { metricsType(), predictionType(PredictionView::Kind::Roc),
        predictionType(PredictionView::Kind::PrecisionRecall),
        predictionType(PredictionView::Kind::Confusion),
        predictionType(PredictionView::Kind::Residuals) };
}

} // namespace sextant::engine
