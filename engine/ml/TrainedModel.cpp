#include "ml/TrainedModel.h"

#include <QElapsedTimer>
#include <cmath>
#include <cstring>

namespace sextant::engine {

bool Prediction::hasTruth() const
{
    for (Eigen::Index i = 0; i < truth.size(); ++i)
        if (!std::isnan(truth(i)))
            return true;
    return false;
}

void Prediction::setTable(const Dataset &raw)
{
    table = raw;
    const std::int64_t n = raw.rowCount();
    const auto uniqueName = [&](QString name) {
        QString candidate = name;
        for (int k = 2; table.indexOf(candidate) >= 0; ++k)
            candidate = name + QStringLiteral(" %1").arg(k);
        return candidate;
    };
    if (task == EstimatorTask::Classification) {
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
        for (std::int64_t r = 0; r < n; ++r)
            codes[static_cast<std::size_t>(r)] = static_cast<std::int32_t>(predicted(r));
        table.addColumn(Column::categorical(
            uniqueName(targetName + QStringLiteral(" (predicted)")), std::move(codes), classNames));
        for (Eigen::Index k = 0; k < probabilities.cols(); ++k) {
            std::vector<double> v(static_cast<std::size_t>(n));
            for (std::int64_t r = 0; r < n; ++r)
                v[static_cast<std::size_t>(r)] = probabilities(r, k);
            table.addColumn(Column::numeric(
                uniqueName(QStringLiteral("P(%1)").arg(classNames.value(int(k)))), std::move(v)));
        }
    } else if (task == EstimatorTask::Regression) {
        std::vector<double> v(predicted.data(), predicted.data() + n);
        table.addColumn(
            Column::numeric(uniqueName(targetName + QStringLiteral(" (predicted)")), std::move(v)));
    } else {
        // Clusters as categories "1", "2", ... and "noise" for -1.
        int maxLabel = -1;
        for (std::int64_t r = 0; r < n; ++r)
            maxLabel = std::max(maxLabel, static_cast<int>(predicted(r)));
        QStringList names;
        for (int k = 0; k <= maxLabel; ++k)
            names.push_back(QString::number(k + 1));
        bool noise = false;
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
        for (std::int64_t r = 0; r < n; ++r) {
            const int label = static_cast<int>(predicted(r));
            noise = noise || label < 0;
            codes[static_cast<std::size_t>(r)] = label < 0 ? maxLabel + 1 : label;
        }
        if (noise)
            names.push_back(QStringLiteral("noise"));
        table.addColumn(
            Column::categorical(uniqueName(QStringLiteral("cluster")), std::move(codes), names));
        classNames = names;
    }
}

std::shared_ptr<TrainedModel> TrainedModel::train(const Dataset &data,
    std::unique_ptr<Estimator> estimator, const QString &targetName, const FitContext &context,
    const Origin &origin)
{
    if (!estimator)
        throw FitError("no estimator to train");
    if (data.rowCount() == 0)
        throw FitError("the training table has no rows");
    auto model = std::make_shared<TrainedModel>();
    model->preprocessing = data.preprocessing();
    const EstimatorTask task = estimator->task();
    model->target.fit(data, task == EstimatorTask::Clustering ? QString() : targetName, task);
    model->features.fit(data, model->target.name());
    const Eigen::MatrixXd X
        = model->features.encode(data, context.cancel, estimator->handlesMissing());
    if (context.cancelled())
        return {};
    Eigen::VectorXd y;
    if (task != EstimatorTask::Clustering) {
        y = model->target.encode(data);
        for (Eigen::Index i = 0; i < y.size(); ++i)
            if (std::isnan(y(i)))
                throw FitError(QStringLiteral("target column '%1' has no usable value in row %2")
                                   .arg(targetName)
                                   .arg(i + 1)
                                   .toStdString());
    }
    FitContext ctx = context;
    ctx.featureBlocks = model->features.blocks();
    if (task == EstimatorTask::Classification)
        ctx.classCount = static_cast<int>(model->target.classNames().size());
    QElapsedTimer timer;
    timer.start();
    if (!estimator->fit(X, y, ctx) || context.cancelled())
        return {};
    model->fitSeconds = timer.nsecsElapsed() / 1e9;
    model->estimator = std::move(estimator);
    model->trainingRows = data.rowCount();
    model->trainingColumns = data.columnCount();
    model->trainingHash = fingerprint(data);
    model->trainingDistribution = DriftProfile::of(data, model->features, model->target);
    model->created = QDateTime::currentDateTimeUtc();
    model->learnerParameters = origin.learnerParameters;
    model->displayName = origin.displayName;
    return model;
}

Dataset TrainedModel::preprocess(const Dataset &raw) const
{
    Dataset data = raw;
    for (const auto &step : pendingSteps(raw)) {
        data = step->transform(data);
        data.appendPreprocessing(step);
    }
    return data;
}

std::vector<std::shared_ptr<const Transformer>> TrainedModel::pendingSteps(
    const Dataset &data) const
{
    // A table that already went through the first steps (the same fitted step objects:
    // e.g. a test split of a standardised table) only needs the remaining ones.
    const auto &done = data.preprocessing();
    std::size_t first = 0;
    while (
        first < done.size() && first < preprocessing.size() && done[first] == preprocessing[first])
        ++first;
    return { preprocessing.begin() + static_cast<std::ptrdiff_t>(first), preprocessing.end() };
}

Eigen::MatrixXd TrainedModel::encode(const Dataset &raw, const std::atomic<bool> *cancel) const
{
    return features.encode(preprocess(raw), cancel, estimator && estimator->handlesMissing());
}

Prediction TrainedModel::predict(const Dataset &raw, const std::atomic<bool> *cancel) const
{
    Prediction p;
    p.task = estimator->task();
    p.modelName = displayName;
    p.targetName = target.name();
    p.classNames = target.classNames();
    const Dataset data = preprocess(raw);
    const Eigen::MatrixXd X = features.encode(data, cancel, estimator->handlesMissing());
    if (cancel && cancel->load())
        return p;
    p.predicted = estimator->predict(X);
    if (estimator->hasProbabilities() && p.task == EstimatorTask::Classification)
        p.probabilities = estimator->predictProbabilities(X);
    p.truth = target.encode(data);

    p.setTable(raw);
    return p;
}

QString TrainedModel::fingerprint(const Dataset &data)
{
    // FNV-1a over 64-bit words with a final avalanche: fast (one pass), stable across
    // platforms with the same endianness, not cryptographic.
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::uint64_t v) {
        h ^= v;
        h *= 1099511628211ULL;
    };
    const auto mixBytes = [&](const QByteArray &bytes) {
        for (char c : bytes)
            mix(static_cast<unsigned char>(c));
        mix(0xff);
    };
    mix(static_cast<std::uint64_t>(data.rowCount()));
    for (const Column &c : data.columns()) {
        mixBytes(c.name().toUtf8());
        mix(c.isNumeric() ? 1 : 2);
        if (c.isNumeric()) {
            for (double v : c.values()) {
                std::uint64_t bits;
                std::memcpy(&bits, &v, sizeof bits);
                mix(bits);
            }
        } else {
            for (const QString &cat : c.categories())
                mixBytes(cat.toUtf8());
            for (std::int32_t code : c.codes())
                mix(static_cast<std::uint32_t>(code));
        }
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
}

} // namespace sextant::engine
