#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace sextant::engine {

class Column;
class Dataset;
class FeatureEncoder;
class TargetEncoder;

// What one column looked like in the training table, for drift monitoring (DriftReport).
//
// Numeric: `cuts` are up to 99 increasing cut points at the training values' percentiles
// (distinct, each a training value above the minimum); bin 0 is (-inf, cuts[0]), bin i is
// [cuts[i-1], cuts[i]), the last [cuts.back(), +inf), so every bin holds training values
// and new values outside the training range fall in the outer bins. `counts` has
// cuts.size() + 1 entries. Categorical: `categories` and their `counts`, in the
// column's category order. `rows` and `missing` count every row and the missing cells.
struct FeatureDistribution {
    QString name;
    bool categorical = false;
    std::int64_t rows = 0;
    std::int64_t missing = 0;
    std::vector<double> cuts;
    std::vector<double> counts;
    QStringList categories;
    double min = 0; // numeric: the range of the present values (0 when none)
    double max = 0;
    // Numeric: the present values' counts in kHistogramBins equal-width bins from `min` to
    // `max` (right-open, the last closed, as numpy.histogram), for the Drift view's
    // overlaid histograms. Empty in models written before it was kept.
    std::vector<double> histogram;
    // The histogram's edges (histogram.size() + 1 values; a range of no width is drawn
    // one unit wide around its value) and the bin of a value inside [min, max].
    std::vector<double> histogramEdges() const;
    std::size_t histogramBinOf(double value) const;

    double missingRate() const { return rows > 0 ? double(missing) / double(rows) : 0.0; }
    // The bin of a numeric value (see above).
    std::size_t binOf(double value) const;

    // Summarises a column (percentile cuts from at most kSampleSize evenly spaced present
    // values; the counts over every row).
    static FeatureDistribution of(const Column &column);
    static constexpr std::int64_t kSampleSize = 100000;
    static constexpr int kBins = 100;
    static constexpr int kHistogramBins = 30;
};

// The training distribution a model keeps (TrainedModel::trainingDistribution, written in
// the .sxmodel from format version 2): a FeatureDistribution per feature the feature encoder
// reads (after the model's preprocessing steps, by name and in its order), and of the
// target (its classes for a classifier, its values for a regression; none for clustering)
// as the reference for the distribution of predictions.
struct DriftProfile {
    std::vector<FeatureDistribution> features;
    std::optional<FeatureDistribution> target;

    bool isEmpty() const { return features.empty(); }

    // From the table a model was fitted on (the preprocessed training table).
    static DriftProfile of(
        const Dataset &data, const FeatureEncoder &features, const TargetEncoder &target);

    QJsonObject toJson() const;
    // Validates every field: throws std::runtime_error naming the field ("'features[2].
    // counts' has 5 values, 'cuts' 3") for a malformed summary.
    static DriftProfile fromJson(const QJsonObject &json, const QString &path);
};

} // namespace sextant::engine
