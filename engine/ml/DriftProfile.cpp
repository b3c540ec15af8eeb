#include "ml/DriftProfile.h"

#include "data/Dataset.h"
#include "ml/FeatureEncoder.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sextant::engine {

std::size_t FeatureDistribution::binOf(double value) const
{
    return std::size_t(std::upper_bound(cuts.begin(), cuts.end(), value) - cuts.begin());
}

std::vector<double> FeatureDistribution::histogramEdges() const
{
    const std::size_t k = std::max<std::size_t>(1, histogram.size());
    std::vector<double> edges(k + 1);
    const bool wide = max > min;
    const double lo = wide ? min : min - 0.5;
    const double span = wide ? max - min : 1.0;
    // As numpy.linspace: start + i * step, the last one the end itself.
    const double step = span / double(k);
    for (std::size_t i = 0; i <= k; ++i)
        edges[i] = lo + double(i) * step;
    edges.back() = wide ? max : min + 0.5;
    return edges;
}

std::size_t FeatureDistribution::histogramBinOf(double value) const
{
    const std::size_t k = std::max<std::size_t>(1, histogram.size());
    if (!(max > min))
        return k / 2; // the bin of `min` in edges one unit wide around it
    if (!(value > min))
        return 0;
    if (value >= max)
        return k - 1;
    // numpy.histogram's bin for equal edges: the computed index, corrected against the
    // edges themselves.
    const double step = (max - min) / double(k);
    std::size_t i = std::min(k - 1, std::size_t((value - min) * (double(k) / (max - min))));
    const auto edge = [&](std::size_t j) { return j == k ? max : min + double(j) * step; };
    if (value < edge(i))
        --i;
    else if (i + 1 < k && value >= edge(i + 1))
        ++i;
    return i;
}

FeatureDistribution FeatureDistribution::of(const Column &column)
{
    FeatureDistribution p;
    p.name = column.name();
    p.categorical = column.isCategorical();
    p.rows = column.size();
    p.missing = column.missingCount();
    if (p.categorical) {
        p.categories = column.categories();
        p.counts.assign(std::size_t(p.categories.size()), 0.0);
        for (std::int32_t code : column.codes())
            if (code >= 0 && code < p.categories.size())
                p.counts[std::size_t(code)] += 1;
        return p;
    }
    const std::span<const double> values = column.values();
    std::vector<double> present;
    std::int64_t presentCount = 0;
    for (double v : values)
        presentCount += std::isnan(v) ? 0 : 1;
    // Evenly spaced present values: all of them up to kSampleSize.
    const std::int64_t step
        = presentCount > kSampleSize ? (presentCount + kSampleSize - 1) / kSampleSize : 1;
    present.reserve(std::size_t(std::min(presentCount, kSampleSize) + 1));
    std::int64_t k = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        if (k++ % step == 0)
            present.push_back(v);
    }
    if (present.empty()) {
        p.counts = { 0.0 };
        return p;
    }
    std::sort(present.begin(), present.end());
    p.min = present.front();
    p.max = present.back();
    const std::size_t n = present.size();
    for (int q = 1; q < kBins; ++q) {
        const double cut = present[std::min(n - 1, std::size_t(double(q) * double(n) / kBins))];
        if (cut > p.min && (p.cuts.empty() || cut > p.cuts.back()))
            p.cuts.push_back(cut);
    }
    p.counts.assign(p.cuts.size() + 1, 0.0);
    for (double v : values)
        if (!std::isnan(v))
            p.counts[p.binOf(v)] += 1;
    if (presentCount > kSampleSize) {
        // The range over every value, not only the sample's.
        for (double v : values)
            if (!std::isnan(v)) {
                p.min = std::min(p.min, v);
                p.max = std::max(p.max, v);
            }
    }
    p.histogram.assign(std::size_t(kHistogramBins), 0.0);
    for (double v : values)
        if (!std::isnan(v))
            p.histogram[p.histogramBinOf(v)] += 1;
    return p;
}

DriftProfile DriftProfile::of(
    const Dataset &data, const FeatureEncoder &features, const TargetEncoder &target)
{
    DriftProfile profile;
    for (const FeatureEncoder::Feature &f : features.features()) {
        const int index = data.indexOf(f.name);
        if (index >= 0)
            profile.features.push_back(FeatureDistribution::of(data.column(index)));
    }
    if (target.task() == EstimatorTask::Clustering || target.name().isEmpty())
        return profile;
    const int index = data.indexOf(target.name());
    if (index < 0)
        return profile;
    if (target.task() == EstimatorTask::Classification) {
        // Class frequencies, in the encoder's class order.
        FeatureDistribution t;
        t.name = target.name();
        t.categorical = true;
        t.categories = target.classNames();
        t.counts.assign(std::size_t(t.categories.size()), 0.0);
        const Eigen::VectorXd y = target.encode(data);
        t.rows = y.size();
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            if (std::isnan(y(i)) || y(i) < 0 || y(i) >= double(t.counts.size()))
                ++t.missing;
            else
                t.counts[std::size_t(y(i))] += 1;
        }
        profile.target = std::move(t);
    } else {
        profile.target = FeatureDistribution::of(data.column(index));
    }
    return profile;
}

namespace {

[[noreturn]] void refuse(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

QJsonArray numbers(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

QJsonObject columnJson(const FeatureDistribution &c)
{
    QJsonObject o;
    o[QStringLiteral("name")] = c.name;
    o[QStringLiteral("type")]
        = c.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric");
    o[QStringLiteral("rows")] = double(c.rows);
    o[QStringLiteral("missing")] = double(c.missing);
    o[QStringLiteral("counts")] = numbers(c.counts);
    if (c.categorical) {
        o[QStringLiteral("categories")] = QJsonArray::fromStringList(c.categories);
    } else {
        o[QStringLiteral("cuts")] = numbers(c.cuts);
        o[QStringLiteral("min")] = c.min;
        o[QStringLiteral("max")] = c.max;
        if (!c.histogram.empty())
            o[QStringLiteral("histogram")] = numbers(c.histogram);
    }
    return o;
}

QJsonValue member(const QJsonObject &o, const QString &path, const char *name)
{
    const QString key = QString::fromLatin1(name);
    if (!o.contains(key))
        refuse(QStringLiteral("missing field '%1.%2'").arg(path, key));
    return o.value(key);
}

double finiteNumber(const QJsonValue &v, const QString &path)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        refuse(QStringLiteral("'%1' is not a finite number").arg(path));
    return v.toDouble();
}

double count(const QJsonValue &v, const QString &path)
{
    const double d = finiteNumber(v, path);
    if (d < 0 || d != std::floor(d) || d > 9007199254740992.0)
        refuse(QStringLiteral("'%1' is %2, expected a count").arg(path).arg(d, 0, 'g', 17));
    return d;
}

std::vector<double> numberList(const QJsonValue &v, const QString &path, bool counts)
{
    if (!v.isArray())
        refuse(QStringLiteral("'%1' is not an array").arg(path));
    const QJsonArray a = v.toArray();
    std::vector<double> out;
    out.reserve(std::size_t(a.size()));
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        out.push_back(counts ? count(a.at(i), p) : finiteNumber(a.at(i), p));
    }
    return out;
}

FeatureDistribution columnFromJson(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        refuse(QStringLiteral("'%1' is not an object").arg(path));
    const QJsonObject o = value.toObject();
    FeatureDistribution c;
    const QJsonValue name = member(o, path, "name");
    if (!name.isString())
        refuse(QStringLiteral("'%1.name' is not a text").arg(path));
    c.name = name.toString();
    const QString type = member(o, path, "type").toString();
    if (type != QLatin1String("numeric") && type != QLatin1String("categorical"))
        refuse(QStringLiteral("'%1.type' is neither \"numeric\" nor \"categorical\"").arg(path));
    c.categorical = type == QLatin1String("categorical");
    c.rows = std::int64_t(count(member(o, path, "rows"), path + QStringLiteral(".rows")));
    c.missing = std::int64_t(count(member(o, path, "missing"), path + QStringLiteral(".missing")));
    if (c.missing > c.rows)
        refuse(QStringLiteral("'%1.missing' exceeds '%1.rows'").arg(path));
    c.counts = numberList(member(o, path, "counts"), path + QStringLiteral(".counts"), true);
    double total = 0;
    for (double v : c.counts)
        total += v;
    if (total > double(c.rows - c.missing))
        refuse(QStringLiteral("'%1.counts' add up to more than the present values").arg(path));
    if (c.categorical) {
        const QJsonValue cats = member(o, path, "categories");
        if (!cats.isArray())
            refuse(QStringLiteral("'%1.categories' is not an array").arg(path));
        for (const QJsonValue &v : cats.toArray()) {
            if (!v.isString())
                refuse(
                    QStringLiteral("'%1.categories' holds a value that is not a text").arg(path));
            c.categories.push_back(v.toString());
        }
        if (std::size_t(c.categories.size()) != c.counts.size())
            refuse(QStringLiteral("'%1.counts' has %2 values, '%1.categories' %3")
                       .arg(path)
                       .arg(c.counts.size())
                       .arg(c.categories.size()));
    } else {
        c.cuts = numberList(member(o, path, "cuts"), path + QStringLiteral(".cuts"), false);
        if (c.counts.size() != c.cuts.size() + 1)
            refuse(QStringLiteral("'%1.counts' has %2 values, expected one more than '%1.cuts' "
                                  "(%3)")
                       .arg(path)
                       .arg(c.counts.size())
                       .arg(c.cuts.size()));
        for (std::size_t i = 1; i < c.cuts.size(); ++i)
            if (!(c.cuts[i] > c.cuts[i - 1]))
                refuse(QStringLiteral("'%1.cuts' is not increasing").arg(path));
        c.min = finiteNumber(member(o, path, "min"), path + QStringLiteral(".min"));
        c.max = finiteNumber(member(o, path, "max"), path + QStringLiteral(".max"));
        if (c.max < c.min)
            refuse(QStringLiteral("'%1.max' is below '%1.min'").arg(path));
        if (o.contains(QStringLiteral("histogram"))) { // older models do not keep it
            c.histogram = numberList(
                o.value(QStringLiteral("histogram")), path + QStringLiteral(".histogram"), true);
            if (c.histogram.empty() || c.histogram.size() > 10000)
                refuse(QStringLiteral("'%1.histogram' has %2 bins, expected 1 to 10000")
                           .arg(path)
                           .arg(c.histogram.size()));
            double inHistogram = 0;
            for (double v : c.histogram)
                inHistogram += v;
            if (inHistogram > double(c.rows - c.missing))
                refuse(QStringLiteral("'%1.histogram' adds up to more than the present values")
                           .arg(path));
        }
    }
    return c;
}

} // namespace

QJsonObject DriftProfile::toJson() const
{
    QJsonObject o;
    QJsonArray list;
    for (const FeatureDistribution &c : features)
        list.append(columnJson(c));
    o[QStringLiteral("features")] = list;
    if (target)
        o[QStringLiteral("target")] = columnJson(*target);
    return o;
}

DriftProfile DriftProfile::fromJson(const QJsonObject &json, const QString &path)
{
    DriftProfile p;
    const QJsonValue list = member(json, path, "features");
    if (!list.isArray())
        refuse(QStringLiteral("'%1.features' is not an array").arg(path));
    const QJsonArray a = list.toArray();
    for (qsizetype i = 0; i < a.size(); ++i)
        p.features.push_back(
            columnFromJson(a.at(i), QStringLiteral("%1.features[%2]").arg(path).arg(i)));
    if (json.contains(QStringLiteral("target")))
        p.target = columnFromJson(
            json.value(QStringLiteral("target")), path + QStringLiteral(".target"));
    return p;
}

} // namespace sextant::engine
