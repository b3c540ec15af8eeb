#include "ml/CrossValidation.h"

#include "core/Parallel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

namespace sextant::engine {

namespace {

// Fisher-Yates with an explicit uniform draw, identical on every standard library
// (std::uniform_int_distribution is not specified bit for bit across implementations).
template<typename T> void shuffleWith(std::vector<T> &v, std::mt19937_64 &rng)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        // Unbiased draw in [0, i) by rejection.
        const std::uint64_t bound = static_cast<std::uint64_t>(i);
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()
            - std::numeric_limits<std::uint64_t>::max() % bound;
        std::uint64_t r;
        do
            r = rng();
        while (r >= limit);
        std::swap(v[i - 1], v[static_cast<std::size_t>(r % bound)]);
    }
}

std::vector<int> classCodes(const Eigen::Ref<const Eigen::VectorXd> &labels, const char *what)
{
    std::vector<int> out(static_cast<std::size_t>(labels.size()));
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        const double v = labels(i);
        if (!(v >= 0 && v < 1e7) || v != std::floor(v))
            throw FitError(std::string(what) + ": the label at row " + std::to_string(i)
                + " is not a class code (a whole number 0, 1, 2...)");
        out[static_cast<std::size_t>(i)] = static_cast<int>(v);
    }
    return out;
}

std::vector<DataSplit> splitsFromTestFolds(const std::vector<int> &testFold, int k)
{
    std::vector<DataSplit> folds(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < testFold.size(); ++i)
        for (int f = 0; f < k; ++f) {
            auto &dst = f == testFold[i] ? folds[f].test : folds[f].train;
            dst.push_back(static_cast<Eigen::Index>(i));
        }
    return folds;
}

} // namespace

std::vector<DataSplit> CrossValidation::kFold(
    Eigen::Index n, int k, bool shuffle, std::uint64_t seed)
{
    if (k < 2)
        throw FitError("k-fold: at least 2 folds are needed");
    if (n < k)
        throw FitError("k-fold: " + std::to_string(k) + " folds need at least " + std::to_string(k)
            + " rows, the data has " + std::to_string(n));
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    if (shuffle) {
        std::mt19937_64 rng(seed);
        shuffleWith(order, rng);
    }
    std::vector<int> testFold(static_cast<std::size_t>(n));
    Eigen::Index pos = 0;
    for (int f = 0; f < k; ++f) {
        const Eigen::Index size = n / k + (f < n % k ? 1 : 0);
        for (Eigen::Index i = 0; i < size; ++i)
            testFold[static_cast<std::size_t>(order[static_cast<std::size_t>(pos++)])] = f;
    }
    return splitsFromTestFolds(testFold, k);
}

std::vector<DataSplit> CrossValidation::stratifiedKFold(
    const Eigen::Ref<const Eigen::VectorXd> &labels, int k, bool shuffle, std::uint64_t seed)
{
    if (k < 2)
        throw FitError("stratified k-fold: at least 2 folds are needed");
    const std::vector<int> raw = classCodes(labels, "stratified k-fold");
    // Encode classes in order of first appearance (sklearn's y_encoded).
    std::vector<int> encoding;
    std::vector<int> map;
    std::vector<int> enc(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] >= static_cast<int>(map.size()))
            map.resize(static_cast<std::size_t>(raw[i]) + 1, -1);
        if (map[raw[i]] < 0) {
            map[raw[i]] = static_cast<int>(encoding.size());
            encoding.push_back(raw[i]);
        }
        enc[i] = map[raw[i]];
    }
    const int classes = static_cast<int>(encoding.size());
    std::vector<std::int64_t> counts(static_cast<std::size_t>(classes), 0);
    for (int c : enc)
        ++counts[c];
    const std::int64_t largest
        = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    if (largest < k)
        throw FitError("stratified k-fold: " + std::to_string(k)
            + " folds need a class with at least " + std::to_string(k) + " rows; the largest has "
            + std::to_string(largest));
    // allocation[f][c]: rows of class c in fold f, dealing the class-sorted rows in turn.
    std::vector<int> sorted = enc;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::vector<std::int64_t>> allocation(static_cast<std::size_t>(k),
        std::vector<std::int64_t>(static_cast<std::size_t>(classes), 0));
    for (std::size_t i = 0; i < sorted.size(); ++i)
        ++allocation[i % static_cast<std::size_t>(k)][sorted[i]];
    std::mt19937_64 rng(seed);
    std::vector<int> testFold(raw.size());
    for (int c = 0; c < classes; ++c) {
        std::vector<int> foldsForClass;
        for (int f = 0; f < k; ++f)
            foldsForClass.insert(
                foldsForClass.end(), static_cast<std::size_t>(allocation[f][c]), f);
        if (shuffle)
            shuffleWith(foldsForClass, rng);
        std::size_t next = 0;
        for (std::size_t i = 0; i < enc.size(); ++i)
            if (enc[i] == c)
                testFold[i] = foldsForClass[next++];
    }
    return splitsFromTestFolds(testFold, k);
}

DataSplit CrossValidation::trainTestSplit(Eigen::Index n, double testRatio, std::uint64_t seed)
{
    if (!(testRatio > 0 && testRatio < 1))
        throw FitError("train/test split: the test ratio must lie strictly between 0 and 1");
    const auto nTest = static_cast<Eigen::Index>(std::ceil(testRatio * static_cast<double>(n)));
    if (nTest < 1 || nTest >= n)
        throw FitError("train/test split: " + std::to_string(n)
            + " rows are too few for this test ratio (both parts must be non-empty)");
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::mt19937_64 rng(seed);
    shuffleWith(order, rng);
    DataSplit s;
    s.test.assign(order.begin(), order.begin() + nTest);
    s.train.assign(order.begin() + nTest, order.end());
    std::sort(s.test.begin(), s.test.end());
    std::sort(s.train.begin(), s.train.end());
    return s;
}

DataSplit CrossValidation::trainTestSplit(const Eigen::Ref<const Eigen::VectorXd> &labels,
    double testRatio, bool stratified, std::uint64_t seed)
{
    const Eigen::Index n = labels.size();
    if (!stratified)
        return trainTestSplit(n, testRatio, seed);
    if (!(testRatio > 0 && testRatio < 1))
        throw FitError("train/test split: the test ratio must lie strictly between 0 and 1");
    const auto nTest = static_cast<Eigen::Index>(std::ceil(testRatio * static_cast<double>(n)));
    if (nTest < 1 || nTest >= n)
        throw FitError("train/test split: " + std::to_string(n)
            + " rows are too few for this test ratio (both parts must be non-empty)");
    const std::vector<int> codes = classCodes(labels, "stratified train/test split");
    const int classes = *std::max_element(codes.begin(), codes.end()) + 1;
    std::vector<std::vector<Eigen::Index>> rows(static_cast<std::size_t>(classes));
    for (std::size_t i = 0; i < codes.size(); ++i)
        rows[codes[i]].push_back(static_cast<Eigen::Index>(i));
    // Largest-remainder apportionment of nTest over the classes.
    std::vector<Eigen::Index> take(static_cast<std::size_t>(classes));
    std::vector<std::pair<double, int>> remainders;
    Eigen::Index given = 0;
    for (int c = 0; c < classes; ++c) {
        const double exact = static_cast<double>(nTest) * static_cast<double>(rows[c].size())
            / static_cast<double>(n);
        take[c] = static_cast<Eigen::Index>(std::floor(exact));
        given += take[c];
        remainders.emplace_back(-(exact - std::floor(exact)), c);
    }
    std::sort(remainders.begin(), remainders.end());
    for (std::size_t i = 0; given < nTest && i < remainders.size(); ++i) {
        const int c = remainders[i].second;
        if (take[c] < static_cast<Eigen::Index>(rows[c].size())) {
            ++take[c];
            ++given;
        }
    }
    std::mt19937_64 rng(seed);
    DataSplit s;
    for (int c = 0; c < classes; ++c) {
        auto &r = rows[c];
        shuffleWith(r, rng);
        s.test.insert(s.test.end(), r.begin(), r.begin() + take[c]);
        s.train.insert(s.train.end(), r.begin() + take[c], r.end());
    }
    std::sort(s.test.begin(), s.test.end());
    std::sort(s.train.begin(), s.train.end());
    return s;
}

CrossValidationResult CrossValidation::crossValidate(const Estimator &prototype,
    const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
    const std::vector<DataSplit> &folds, const FitContext &context)
{
    const Eigen::Index n = X.rows();
    const bool classification = prototype.task() == EstimatorTask::Classification;
    if (prototype.task() != EstimatorTask::Clustering && y.size() != n)
        throw FitError("cross-validation: " + std::to_string(n) + " rows but "
            + std::to_string(y.size()) + " target values");
    if (folds.empty())
        throw FitError("cross-validation: no folds");
    for (const DataSplit &f : folds) {
        if (f.train.empty() || f.test.empty())
            throw FitError("cross-validation: a fold has no train or no test rows");
        for (const auto *v : { &f.train, &f.test })
            for (Eigen::Index r : *v)
                if (r < 0 || r >= n)
                    throw FitError("cross-validation: a fold refers to row " + std::to_string(r)
                        + ", the data has " + std::to_string(n));
    }
    CrossValidationResult result;
    int classCount = context.classCount;
    if (classification && classCount <= 0) {
        const std::vector<int> codes = classCodes(y, "cross-validation");
        classCount = codes.empty() ? 0 : *std::max_element(codes.begin(), codes.end()) + 1;
    }
    result.classCount = classification ? classCount : 0;

    const auto foldCount = static_cast<std::int64_t>(folds.size());
    const int threads = context.threadCount();
    const int parallelFolds = static_cast<int>(std::min<std::int64_t>(threads, foldCount));
    std::vector<std::unique_ptr<Estimator>> models(folds.size());
    for (auto &m : models)
        m = prototype.cloneUnfitted();
    std::vector<Eigen::VectorXd> preds(folds.size());
    std::vector<Eigen::MatrixXd> probs(folds.size());
    std::vector<double> seconds(folds.size(), 0.0);
    std::vector<char> ok(folds.size(), 0);

    FitContext inner;
    inner.cancel = context.cancel;
    inner.threads = std::max(1, threads / std::max(1, parallelFolds));
    inner.classCount = classCount;
    // Per-fold epoch reports are not forwarded: several folds run at once and their
    // curves would interleave.

    parallelChunks(0, foldCount, parallelFolds, 1, [&](int, std::int64_t begin, std::int64_t end) {
        for (std::int64_t f = begin; f < end; ++f) {
            if (context.cancelled())
                return;
            const DataSplit &split = folds[static_cast<std::size_t>(f)];
            const Eigen::MatrixXd Xtrain = X(split.train, Eigen::all);
            const Eigen::VectorXd ytrain
                = y.size() == n ? Eigen::VectorXd(y(split.train)) : Eigen::VectorXd();
            Estimator &model = *models[static_cast<std::size_t>(f)];
            const auto start = std::chrono::steady_clock::now();
            const bool fitted = model.fit(Xtrain, ytrain, inner);
            seconds[static_cast<std::size_t>(f)]
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (!fitted)
                return;
            const Eigen::MatrixXd Xtest = X(split.test, Eigen::all);
            preds[static_cast<std::size_t>(f)] = model.predict(Xtest);
            if (classification && model.hasProbabilities())
                probs[static_cast<std::size_t>(f)] = model.predictProbabilities(Xtest);
            ok[static_cast<std::size_t>(f)] = 1;
        }
    });

    if (context.cancelled() || std::find(ok.begin(), ok.end(), 0) != ok.end()) {
        result.cancelled = true;
        return result;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.predictions = Eigen::VectorXd::Constant(n, nan);
    const bool withProbs = classification && !probs.empty() && probs.front().size() > 0;
    if (withProbs)
        result.probabilities = Eigen::MatrixXd::Constant(n, probs.front().cols(), nan);
    for (std::size_t f = 0; f < folds.size(); ++f) {
        const auto &test = folds[f].test;
        for (std::size_t i = 0; i < test.size(); ++i) {
            result.predictions(test[i]) = preds[f](static_cast<Eigen::Index>(i));
            if (withProbs)
                result.probabilities.row(test[i]) = probs[f].row(static_cast<Eigen::Index>(i));
        }
    }
    result.models = std::move(models);
    result.fitSeconds = std::move(seconds);
    return result;
}

} // namespace sextant::engine
