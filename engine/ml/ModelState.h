#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sextant::engine {

// Thrown by `restore` when a state is missing a field or holds one of the wrong shape or
// value. The message names the field ("logistic_regression: 'coef' is 3 x 4, expected 3 x 5").
class ModelStateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A numeric array of any rank, row-major, with its shape.
struct ModelArray {
    std::vector<std::int64_t> shape;
    std::vector<double> values;
};

// What a fitted step (estimator or transformer) learnt, as plain data: named numbers,
// texts, text lists and arrays. Model files (engine/io) write and read it; they never
// interpret it. Integer data (tree child indices, class counts) is stored as doubles,
// which is exact up to 2^53.
//
// `restore` implementations must validate every field they read (shape, range, finiteness
// where required) through the checked getters below, so a tampered file is refused with
// a message instead of crashing.
class ModelState {
public:
    std::string kind; // the step's kind(), e.g. "logistic_regression"
    int version = 1; // the step's own state layout version

    std::map<std::string, double> numbers;
    std::map<std::string, std::string> texts;
    std::map<std::string, std::vector<std::string>> textLists;
    std::map<std::string, ModelArray> arrays;

    void setNumber(const std::string &name, double value) { numbers[name] = value; }
    void setText(const std::string &name, std::string value) { texts[name] = std::move(value); }
    void setTextList(const std::string &name, std::vector<std::string> value)
    {
        textLists[name] = std::move(value);
    }
    // An unsigned 64-bit integer (a seed), kept exactly: stored as decimal text.
    void setUnsignedInteger(const std::string &name, std::uint64_t value)
    {
        texts[name] = std::to_string(value);
    }
    void setMatrix(const std::string &name, const Eigen::MatrixXd &m);
    void setVector(const std::string &name, const Eigen::VectorXd &v);
    void setArray(
        const std::string &name, std::vector<std::int64_t> shape, std::vector<double> values);

    // Checked getters: throw ModelStateError naming the field when it is absent, has the
    // wrong shape, or (for number/integer) lies outside [min, max].
    double number(const std::string &name) const;
    double number(const std::string &name, double min, double max) const;
    std::int64_t integer(const std::string &name, std::int64_t min, std::int64_t max) const;
    const std::string &text(const std::string &name) const;
    // Reads what setUnsignedInteger wrote; throws unless it is decimal digits in range.
    std::uint64_t unsignedInteger(const std::string &name) const;
    const std::vector<std::string> &textList(const std::string &name) const;
    // rows/cols < 0 accept any size in that dimension.
    Eigen::MatrixXd matrix(
        const std::string &name, std::int64_t rows = -1, std::int64_t cols = -1) const;
    Eigen::VectorXd vector(const std::string &name, std::int64_t size = -1) const;
    const ModelArray &array(const std::string &name) const;

    bool has(const std::string &name) const;

    // Throws unless `kind` equals `expectedKind` and `version` is in [1, maxVersion].
    void requireKind(const std::string &expectedKind, int maxVersion = 1) const;

    bool operator==(const ModelState &other) const;

private:
    [[noreturn]] void fail(const std::string &what) const;
};

} // namespace sextant::engine
