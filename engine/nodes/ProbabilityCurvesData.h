#pragma once

#include "ml/ProbabilityCurves.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// The result of the Calibration Curve and Lift Curve nodes: one curve per class whose
// probability is assessed (a binary classifier: the second class; more classes: each,
// one-vs-rest), computed from the rows with a known true class.
struct ProbabilityCurvesData {
    enum class Kind { Calibration, Gains, Lift };
    Kind kind = Kind::Calibration;
    QString modelName;
    QString targetName;
    QStringList curveNames; // the positive class of each curve
    std::vector<CalibrationCurve> calibration; // kind Calibration
    std::vector<GainsCurve> gains; // kinds Gains and Lift
    int bins = 0; // calibration
    QString strategy; // calibration: "uniform" or "quantile"
};

} // namespace sextant::engine
