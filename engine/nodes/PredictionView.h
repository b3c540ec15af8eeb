#pragma once

#include "ml/CurveMetrics.h"
#include "ml/TrainedModel.h"

#include <QList>
#include <QPair>
#include <QString>
#include <vector>

namespace sextant::engine {

// The result of an evaluation view sink: which plot to draw of which predictions, with
// everything the plot and its exported numbers need already computed. make() runs in the
// view node on an engine thread, so showing or exporting the view does no work that
// grows with the number of rows (rows without a known true value are left out).
struct PredictionView {
    enum class Kind { Roc, PrecisionRecall, Confusion, Residuals };
    Kind kind = Kind::Roc;
    Prediction prediction;

    QList<QPair<QString, double>> metrics; // Evaluation::metrics
    ConfusionMatrix confusion; // classification
    std::vector<RocCurve> roc; // classification with probabilities
    std::vector<PrecisionRecallCurve> precisionRecall; // kind PrecisionRecall
    std::vector<double> residualPredicted; // regression
    std::vector<double> residualActual;

    // Throws FitError when the prediction has no known true value.
    static PredictionView make(Kind kind, Prediction prediction);
};

} // namespace sextant::engine
