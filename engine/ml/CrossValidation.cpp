#include "ml/CrossValidation.h"

#include <algorithm>
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

} // namespace sextant::engine
