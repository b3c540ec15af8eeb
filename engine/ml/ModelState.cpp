#include "ml/ModelState.h"

#include <cmath>
#include <cstring>
#include <sstream>

namespace sextant::engine {

void ModelState::setMatrix(const std::string &name, const Eigen::MatrixXd &m)
{
    ModelArray a;
    a.shape = { m.rows(), m.cols() };
    a.values.resize(static_cast<std::size_t>(m.size()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            a.values[static_cast<std::size_t>(r * m.cols() + c)] = m(r, c);
    arrays[name] = std::move(a);
}

void ModelState::setVector(const std::string &name, const Eigen::VectorXd &v)
{
    ModelArray a;
    a.shape = { v.size() };
    a.values.assign(v.data(), v.data() + v.size());
    arrays[name] = std::move(a);
}

void ModelState::setArray(
    const std::string &name, std::vector<std::int64_t> shape, std::vector<double> values)
{
    arrays[name] = ModelArray { std::move(shape), std::move(values) };
}

void ModelState::fail(const std::string &what) const
{
    throw ModelStateError((kind.empty() ? std::string("model") : kind) + ": " + what);
}

bool ModelState::has(const std::string &name) const
{
    return numbers.count(name) || texts.count(name) || textLists.count(name) || arrays.count(name);
}

double ModelState::number(const std::string &name) const
{
    auto it = numbers.find(name);
    if (it == numbers.end())
        fail("missing number '" + name + "'");
    return it->second;
}

double ModelState::number(const std::string &name, double min, double max) const
{
    const double v = number(name);
    if (!(v >= min && v <= max)) {
        std::ostringstream s;
        s << "'" << name << "' is " << v << ", expected a value in [" << min << ", " << max << "]";
        fail(s.str());
    }
    return v;
}

std::int64_t ModelState::integer(const std::string &name, std::int64_t min, std::int64_t max) const
{
    const double v = number(name, static_cast<double>(min), static_cast<double>(max));
    if (v != std::floor(v))
        fail("'" + name + "' is not an integer");
    return static_cast<std::int64_t>(v);
}

const std::string &ModelState::text(const std::string &name) const
{
    auto it = texts.find(name);
    if (it == texts.end())
        fail("missing text '" + name + "'");
    return it->second;
}

std::uint64_t ModelState::unsignedInteger(const std::string &name) const
{
    const std::string &digits = text(name);
    if (digits.empty() || digits.size() > 20
        || digits.find_first_not_of("0123456789") != std::string::npos)
        fail("'" + name + "' is not a non-negative integer");
    try {
        std::size_t used = 0;
        const unsigned long long v = std::stoull(digits, &used);
        if (used != digits.size())
            fail("'" + name + "' is not a non-negative integer");
        return static_cast<std::uint64_t>(v);
    } catch (const std::out_of_range &) {
        fail("'" + name + "' is out of range");
    }
}

const std::vector<std::string> &ModelState::textList(const std::string &name) const
{
    auto it = textLists.find(name);
    if (it == textLists.end())
        fail("missing text list '" + name + "'");
    return it->second;
}

const ModelArray &ModelState::array(const std::string &name) const
{
    auto it = arrays.find(name);
    if (it == arrays.end())
        fail("missing array '" + name + "'");
    const ModelArray &a = it->second;
    std::int64_t count = 1;
    for (std::int64_t d : a.shape) {
        if (d < 0 || (d > 0 && count > (std::int64_t(1) << 40) / d))
            fail("array '" + name + "' has an invalid shape");
        count *= d;
    }
    if (static_cast<std::int64_t>(a.values.size()) != count)
        fail("array '" + name + "' holds " + std::to_string(a.values.size())
            + " values, its shape says " + std::to_string(count));
    return a;
}

Eigen::MatrixXd ModelState::matrix(
    const std::string &name, std::int64_t rows, std::int64_t cols) const
{
    const ModelArray &a = array(name);
    if (a.shape.size() != 2)
        fail("'" + name + "' is not a matrix");
    if ((rows >= 0 && a.shape[0] != rows) || (cols >= 0 && a.shape[1] != cols)) {
        std::ostringstream s;
        s << "'" << name << "' is " << a.shape[0] << " x " << a.shape[1] << ", expected "
          << (rows >= 0 ? std::to_string(rows) : std::string("any")) << " x "
          << (cols >= 0 ? std::to_string(cols) : std::string("any"));
        fail(s.str());
    }
    Eigen::MatrixXd m(a.shape[0], a.shape[1]);
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            m(r, c) = a.values[static_cast<std::size_t>(r * m.cols() + c)];
    return m;
}

Eigen::VectorXd ModelState::vector(const std::string &name, std::int64_t size) const
{
    const ModelArray &a = array(name);
    if (a.shape.size() != 1)
        fail("'" + name + "' is not a vector");
    if (size >= 0 && a.shape[0] != size)
        fail("'" + name + "' has " + std::to_string(a.shape[0]) + " entries, expected "
            + std::to_string(size));
    return Eigen::Map<const Eigen::VectorXd>(
        a.values.data(), static_cast<Eigen::Index>(a.values.size()));
}

void ModelState::requireKind(const std::string &expectedKind, int maxVersion) const
{
    if (kind != expectedKind)
        throw ModelStateError("expected a '" + expectedKind + "' state, found '" + kind + "'");
    if (version < 1 || version > maxVersion)
        fail("state version " + std::to_string(version)
            + " is not supported (this build "
              "reads up to "
            + std::to_string(maxVersion) + ")");
}

bool ModelState::operator==(const ModelState &o) const
{
    if (kind != o.kind || version != o.version || texts != o.texts || textLists != o.textLists
        || arrays.size() != o.arrays.size() || numbers.size() != o.numbers.size())
        return false;
    // Bitwise comparison so that NaN == NaN and -0 != +0: a round trip must be exact.
    const auto same = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
    for (auto it = numbers.begin(), jt = o.numbers.begin(); it != numbers.end(); ++it, ++jt)
        if (it->first != jt->first || !same(it->second, jt->second))
            return false;
    for (auto it = arrays.begin(), jt = o.arrays.begin(); it != arrays.end(); ++it, ++jt) {
        if (it->first != jt->first || it->second.shape != jt->second.shape
            || it->second.values.size() != jt->second.values.size())
            return false;
        for (std::size_t i = 0; i < it->second.values.size(); ++i)
            if (!same(it->second.values[i], jt->second.values[i]))
                return false;
    }
    return true;
}

} // namespace sextant::engine
