#pragma once

#include "ml/DriftProfile.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace sextant::engine {

class Column;
class Dataset;

// How far a batch of rows has moved from the training distribution a model keeps
// (DriftProfile), per feature and for the predictions. `sextant monitor` prints it and
// `sextant serve` computes it over a window of recent requests.
//
// Per numeric feature: the population stability index (PSI) over ~10 bins of about 10% of
// the training values each (the profile's percentile bins grouped, DriftStatistics::
// groupBins), the Kolmogorov-Smirnov statistic over the profile's percentile bins with its
// asymptotic p-value. Per categorical feature: PSI over the training categories plus one
// bin of unseen categories, Pearson's chi-square of the batch's counts of the training
// categories against the training frequencies, with its p-value, and the unseen
// categories. Both: the missing rate in training and in the batch. Missing cells are left
// out of PSI, KS and chi-square.
//
// Verdicts (the PSI thresholds are the credit-scoring convention: below 0.1 no change,
// 0.1-0.25 a moderate shift, above 0.25 a major one):
//   drift    PSI >= 0.25; or KS >= 0.2 with p < 0.01; or the missing rate changed by 0.10
//            or more; or unseen categories in 5% or more of the batch's rows; or the
//            column is absent
//   warning  PSI >= 0.1; or KS >= 0.1 with p < 0.05; or chi-square p < 0.01; or the
//            missing rate changed by 0.05 or more; or any unseen category
//   stable   otherwise
// PSI, KS and chi-square count only when the batch has at least 30 values in the column
// (fewer are reported, with a note, but cannot make a verdict).
// The prediction distribution (predicted classes against the training classes, predicted
// values against the training target's) gets a verdict by the same rules.
class DriftReport {
public:
    enum class Verdict { Stable, Warning, Drift };
    static constexpr double kHistogramShare = 0.03;
    static constexpr int kOutsideBins = 20;

    struct Entry {
        QString name;
        bool categorical = false;
        bool absent = false; // the column is not in the batch
        std::int64_t rows = 0; // rows in the batch
        std::int64_t present = 0; // of those, with a value
        double trainingMissingRate = 0;
        double missingRate = 0;
        double psi = 0;
        double ks = 0; // numeric
        double ksPValue = 1;
        double chiSquare = 0; // categorical
        int chiSquareDf = 0;
        double chiSquarePValue = 1;
        std::int64_t unseenRows = 0; // categorical: rows with a category not in training
        QStringList unseen; // the first 20 such categories, in order of appearance
        Verdict verdict = Verdict::Stable;
        QStringList reasons; // why the verdict is not "stable"
        // The two distributions side by side, for a plot (the Drift view's overlaid
        // histograms): the share of the present values of the training table
        // (`trainingShare`) and of the batch (`batchShare`) in each bin.
        // Numeric: `edges` has one more value than the bins. Inside the training range the
        // bins are the profile's histogram (equal widths; in a model written before it was
        // kept, the percentile bins grouped to about kHistogramShare of the training values
        // each); where the batch reaches beyond the training range, bins of about the
        // median width cover the rest (at most kOutsideBins on either side). Both tables
        // are counted exactly. The bins are right-open except the last inside the range,
        // which holds the training maximum.
        // Categorical: `binLabels` are the training categories, then "(unseen)" when the
        // batch has unseen categories. Empty when the column is absent or holds text.
        std::vector<double> edges;
        QStringList binLabels;
        std::vector<double> trainingShare;
        std::vector<double> batchShare;
    };

    std::int64_t rows = 0;
    std::vector<Entry> features;
    std::optional<Entry> prediction;

    // True when a feature or the predictions drifted.
    bool driftFound() const;

    // Compares `batch` (after the model's preprocessing: the table the feature encoder
    // reads) with `profile`; `predicted` is the prediction column (class names, values or
    // null when there is none to compare).
    static DriftReport compare(
        const DriftProfile &profile, const Dataset &batch, const Column *predicted);
    // One column against its profile (numeric against a numeric profile, categorical
    // against a categorical one; a column of the other type is converted when it can be).
    static Entry compareColumn(const FeatureDistribution &profile, const Column &column);

    static QString toString(Verdict verdict);
    QJsonObject toJson() const;
    // A table, one line per feature and one for the predictions.
    QString toText() const;
    // Prometheus gauges: sextant_drift_psi, _ks, _chi2_pvalue, _missing_rate,
    // _verdict{feature} (0 stable, 1 warning, 2 drift) and sextant_drift_window_rows.
    QByteArray toPrometheus() const;
};

} // namespace sextant::engine
