#include "ml/DriftReport.h"

#include "data/Dataset.h"
#include "ml/DriftStatistics.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::engine {

namespace {

constexpr double kPsiWarning = 0.1;
constexpr double kPsiDrift = 0.25;
constexpr double kKsWarning = 0.1;
constexpr double kKsDrift = 0.2;
constexpr double kKsWarningP = 0.05;
constexpr double kKsDriftP = 0.01;
constexpr double kChiSquareP = 0.01;
constexpr double kMissingWarning = 0.05;
constexpr double kMissingDrift = 0.10;
constexpr double kUnseenDrift = 0.05;
constexpr int kUnseenListed = 20;
constexpr std::int64_t kMinRows = 30;

QString fmt(double v, int digits = 3)
{
    return QString::number(v, 'f', digits);
}

void raise(DriftReport::Entry &e, DriftReport::Verdict v, const QString &reason)
{
    e.verdict = std::max(e.verdict, v);
    e.reasons.push_back(reason);
}

void judge(DriftReport::Entry &e)
{
    using V = DriftReport::Verdict;
    if (e.absent) {
        raise(e, V::Drift, QStringLiteral("the column is absent"));
        return;
    }
    const double missingChange = std::abs(e.missingRate - e.trainingMissingRate);
    if (missingChange >= kMissingDrift)
        raise(e, V::Drift,
            QStringLiteral("missing rate %1 -> %2")
                .arg(fmt(e.trainingMissingRate), fmt(e.missingRate)));
    else if (missingChange >= kMissingWarning)
        raise(e, V::Warning,
            QStringLiteral("missing rate %1 -> %2")
                .arg(fmt(e.trainingMissingRate), fmt(e.missingRate)));
    if (e.present < kMinRows) {
        if (e.present > 0)
            e.reasons.push_back(QStringLiteral("%1 values: PSI, KS and chi-square are judged "
                                               "from %2")
                                    .arg(e.present)
                                    .arg(kMinRows));
    } else if (e.psi >= kPsiDrift)
        raise(e, V::Drift, QStringLiteral("PSI %1 >= %2").arg(fmt(e.psi)).arg(kPsiDrift));
    else if (e.psi >= kPsiWarning)
        raise(e, V::Warning, QStringLiteral("PSI %1 >= %2").arg(fmt(e.psi)).arg(kPsiWarning));
    if (!e.categorical && e.present >= kMinRows) {
        if (e.ks >= kKsDrift && e.ksPValue < kKsDriftP)
            raise(e, V::Drift,
                QStringLiteral("KS %1 >= %2 (p %3)")
                    .arg(fmt(e.ks))
                    .arg(kKsDrift)
                    .arg(e.ksPValue, 0, 'g', 3));
        else if (e.ks >= kKsWarning && e.ksPValue < kKsWarningP)
            raise(e, V::Warning,
                QStringLiteral("KS %1 >= %2 (p %3)")
                    .arg(fmt(e.ks))
                    .arg(kKsWarning)
                    .arg(e.ksPValue, 0, 'g', 3));
    } else if (e.categorical) {
        if (e.present >= kMinRows && e.chiSquareDf > 0 && e.chiSquarePValue < kChiSquareP)
            raise(e, V::Warning,
                QStringLiteral("chi-square p %1 < %2")
                    .arg(e.chiSquarePValue, 0, 'g', 3)
                    .arg(kChiSquareP));
        const double unseenShare = e.rows > 0 ? double(e.unseenRows) / double(e.rows) : 0.0;
        if (unseenShare >= kUnseenDrift)
            raise(e, V::Drift,
                QStringLiteral("unseen categories in %1% of the rows")
                    .arg(fmt(100 * unseenShare, 1)));
        else if (e.unseenRows > 0)
            raise(e, V::Warning, QStringLiteral("unseen categories in %1 rows").arg(e.unseenRows));
    }
}

// The overlaid histograms of a numeric column (DriftReport::Entry::edges): `lo`/`hi` are
// the batch's range (infinite when it has no values).
void setNumericBins(const FeatureDistribution &profile, const Column &column, double lo, double hi,
    DriftReport::Entry &e)
{
    if (profile.rows <= profile.missing)
        return; // nothing to compare with
    // Inside the training range: the profile's histogram, or (a model written before it
    // was kept) its percentile bins grouped.
    std::vector<double> training;
    std::vector<double> edges;
    std::vector<int> groups;
    if (!profile.histogram.empty()) {
        training = profile.histogram;
        edges = profile.histogramEdges();
    } else {
        groups = DriftStatistics::groupBins(profile.counts, DriftReport::kHistogramShare);
        training = DriftStatistics::regroup(profile.counts, groups);
        // The training minimum, the cut that starts each group, the maximum (moved a
        // little right when the last group is one repeated value, so it has a width).
        edges.assign(training.size() + 1, profile.min);
        for (std::size_t i = 1; i < groups.size(); ++i)
            if (groups[i] != groups[i - 1])
                edges[std::size_t(groups[i])] = profile.cuts[i - 1];
        edges.back() = profile.max;
        if (edges.back() <= edges[training.size() - 1])
            edges.back() = edges[training.size() - 1]
                + (profile.max > profile.min ? profile.max - profile.min : 1.0) / 100;
    }
    const std::size_t inner = training.size();
    const auto innerBin = [&](double v) {
        if (groups.empty() && profile.max > profile.min)
            return profile.histogramBinOf(v);
        if (groups.empty())
            return std::size_t(
                std::clamp(int(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1,
                    0, int(inner) - 1));
        return std::size_t(groups[profile.binOf(v)]);
    };
    std::vector<double> widths;
    for (std::size_t g = 0; g < inner; ++g)
        widths.push_back(edges[g + 1] - edges[g]);
    std::nth_element(widths.begin(), widths.begin() + std::ptrdiff_t(inner / 2), widths.end());
    const double width = widths[inner / 2] > 0 ? widths[inner / 2]
                                               : (edges.back() - edges.front()) / double(inner);
    // The batch beyond the training range: equal bins from the range's end outwards.
    const auto outside = [&](double distance) {
        return std::isfinite(distance) && distance > 0
            ? std::min(DriftReport::kOutsideBins, int(std::ceil(distance / width)))
            : 0;
    };
    const int below = outside(edges.front() - lo);
    const int above = outside(hi - edges.back());
    const double belowWidth = below > 0 ? (edges.front() - lo) / below : 0;
    const double aboveWidth = above > 0 ? (hi - edges.back()) / above : 0;
    e.edges.clear();
    for (int i = 0; i < below; ++i)
        e.edges.push_back(lo + belowWidth * i);
    e.edges.insert(e.edges.end(), edges.begin(), edges.end());
    for (int i = 1; i <= above; ++i)
        e.edges.push_back(i == above ? hi : edges.back() + aboveWidth * i);
    std::vector<double> batch(std::size_t(below) + inner + std::size_t(above), 0.0);
    for (double v : column.values()) {
        if (std::isnan(v))
            continue;
        std::size_t bin;
        if (v < edges.front())
            bin = std::size_t(std::clamp(int((v - lo) / belowWidth), 0, below - 1));
        else if (v <= edges.back())
            bin = std::size_t(below) + innerBin(v);
        else
            bin = std::size_t(below) + inner
                + std::size_t(std::clamp(int((v - edges.back()) / aboveWidth), 0, above - 1));
        batch[bin] += 1;
    }
    std::vector<double> all(std::size_t(below), 0.0);
    all.insert(all.end(), training.begin(), training.end());
    all.resize(batch.size(), 0.0);
    e.trainingShare = DriftStatistics::fractions(all);
    e.batchShare = DriftStatistics::fractions(batch);
}

void compareNumeric(const FeatureDistribution &profile, const Column &column, DriftReport::Entry &e)
{
    std::vector<double> batch(profile.counts.size(), 0.0);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double v : column.values())
        if (!std::isnan(v)) {
            batch[profile.binOf(v)] += 1;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            ++e.present;
        }
    const std::vector<int> groups = DriftStatistics::groupBins(profile.counts);
    e.psi = DriftStatistics::psi(
        DriftStatistics::regroup(profile.counts, groups), DriftStatistics::regroup(batch, groups));
    e.ks = DriftStatistics::ksStatistic(profile.counts, batch);
    double trainingPresent = 0;
    for (double c : profile.counts)
        trainingPresent += c;
    e.ksPValue = DriftStatistics::ksPValue(e.ks, trainingPresent, double(e.present));
    setNumericBins(profile, column, lo, hi, e);
}

void compareCategorical(
    const FeatureDistribution &profile, const Column &column, DriftReport::Entry &e)
{
    QHash<QString, int> index;
    for (qsizetype i = 0; i < profile.categories.size(); ++i)
        index.insert(profile.categories[i], int(i));
    // The profile's index of each of the column's categories (-1: unseen).
    const QStringList &categories = column.categories();
    std::vector<int> map(std::size_t(categories.size()), -1);
    for (qsizetype i = 0; i < categories.size(); ++i)
        map[std::size_t(i)] = index.value(categories[i], -1);
    std::vector<double> batch(profile.counts.size() + 1, 0.0);
    std::vector<bool> listed(std::size_t(categories.size()), false);
    for (std::int32_t code : column.codes()) {
        if (code < 0 || code >= categories.size())
            continue;
        ++e.present;
        const int k = map[std::size_t(code)];
        if (k >= 0) {
            batch[std::size_t(k)] += 1;
            continue;
        }
        batch.back() += 1;
        ++e.unseenRows;
        if (!listed[std::size_t(code)] && e.unseen.size() < kUnseenListed) {
            listed[std::size_t(code)] = true;
            e.unseen.push_back(categories[code]);
        }
    }
    std::vector<double> expected = profile.counts;
    expected.push_back(0.0);
    e.psi = DriftStatistics::psi(expected, batch);
    e.binLabels = profile.categories;
    e.trainingShare = DriftStatistics::fractions(expected);
    e.batchShare = DriftStatistics::fractions(batch);
    if (e.unseenRows > 0) {
        e.binLabels.append(QStringLiteral("(unseen)"));
    } else {
        e.trainingShare.pop_back();
        e.batchShare.pop_back();
    }
    batch.pop_back();
    e.chiSquare = DriftStatistics::chiSquare(batch, profile.counts, e.chiSquareDf);
    e.chiSquarePValue = DriftStatistics::chiSquarePValue(e.chiSquare, e.chiSquareDf);
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject entryJson(const DriftReport::Entry &e)
{
    QJsonObject o;
    o[QStringLiteral("name")] = e.name;
    o[QStringLiteral("type")]
        = e.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric");
    o[QStringLiteral("verdict")] = DriftReport::toString(e.verdict);
    o[QStringLiteral("reasons")] = QJsonArray::fromStringList(e.reasons);
    o[QStringLiteral("absent")] = e.absent;
    o[QStringLiteral("rows")] = double(e.rows);
    o[QStringLiteral("present")] = double(e.present);
    o[QStringLiteral("training_missing_rate")] = jsonNumber(e.trainingMissingRate);
    o[QStringLiteral("missing_rate")] = jsonNumber(e.missingRate);
    o[QStringLiteral("psi")] = jsonNumber(e.psi);
    if (e.categorical) {
        o[QStringLiteral("chi2")] = jsonNumber(e.chiSquare);
        o[QStringLiteral("chi2_df")] = e.chiSquareDf;
        o[QStringLiteral("chi2_p_value")] = jsonNumber(e.chiSquarePValue);
        o[QStringLiteral("unseen_rows")] = double(e.unseenRows);
        o[QStringLiteral("unseen_categories")] = QJsonArray::fromStringList(e.unseen);
    } else {
        o[QStringLiteral("ks")] = jsonNumber(e.ks);
        o[QStringLiteral("ks_p_value")] = jsonNumber(e.ksPValue);
    }
    if (!e.trainingShare.empty()) {
        QJsonObject bins;
        const auto numbers = [](const std::vector<double> &v) {
            QJsonArray a;
            for (double x : v)
                a.append(jsonNumber(x));
            return a;
        };
        if (e.categorical)
            bins[QStringLiteral("labels")] = QJsonArray::fromStringList(e.binLabels);
        else
            bins[QStringLiteral("edges")] = numbers(e.edges);
        bins[QStringLiteral("training_share")] = numbers(e.trainingShare);
        bins[QStringLiteral("batch_share")] = numbers(e.batchShare);
        o[QStringLiteral("bins")] = bins;
    }
    return o;
}

QString label(const QString &v)
{
    QString out = v;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

} // namespace

QString DriftReport::toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Stable:
        return QStringLiteral("stable");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Drift:
        return QStringLiteral("drift");
    }
    return QStringLiteral("stable");
}

bool DriftReport::driftFound() const
{
    for (const Entry &e : features)
        if (e.verdict == Verdict::Drift)
            return true;
    return prediction && prediction->verdict == Verdict::Drift;
}

DriftReport::Entry DriftReport::compareColumn(
    const FeatureDistribution &profile, const Column &column)
{
    Entry e;
    e.name = profile.name;
    e.categorical = profile.categorical;
    e.rows = column.size();
    e.trainingMissingRate = profile.missingRate();
    e.missingRate = e.rows > 0 ? double(column.missingCount()) / double(e.rows) : 0.0;
    if (profile.categorical) {
        compareCategorical(profile, column.isCategorical() ? column : column.toCategorical(), e);
    } else if (column.isNumeric()) {
        compareNumeric(profile, column, e);
    } else {
        Column numeric;
        if (column.toNumeric(numeric)) {
            compareNumeric(profile, numeric, e);
        } else {
            e.present = e.rows - column.missingCount();
            raise(e, Verdict::Drift,
                QStringLiteral("the column holds text; the model was trained on numbers"));
        }
    }
    judge(e);
    return e;
}

DriftReport DriftReport::compare(
    const DriftProfile &profile, const Dataset &batch, const Column *predicted)
{
    DriftReport r;
    r.rows = batch.rowCount();
    for (const FeatureDistribution &p : profile.features) {
        const int index = batch.indexOf(p.name);
        if (index < 0) {
            Entry e;
            e.name = p.name;
            e.categorical = p.categorical;
            e.absent = true;
            e.rows = batch.rowCount();
            e.trainingMissingRate = p.missingRate();
            judge(e);
            r.features.push_back(std::move(e));
            continue;
        }
        r.features.push_back(compareColumn(p, batch.column(index)));
    }
    if (profile.target && predicted) {
        Entry e = compareColumn(*profile.target, *predicted);
        e.name = QStringLiteral("%1 (predicted)").arg(profile.target->name);
        r.prediction = std::move(e);
    }
    return r;
}

QJsonObject DriftReport::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("rows")] = double(rows);
    o[QStringLiteral("drift")] = driftFound();
    QJsonArray list;
    for (const Entry &e : features)
        list.append(entryJson(e));
    o[QStringLiteral("features")] = list;
    o[QStringLiteral("prediction")]
        = prediction ? QJsonValue(entryJson(*prediction)) : QJsonValue(QJsonValue::Null);
    QJsonObject t;
    t[QStringLiteral("psi_warning")] = kPsiWarning;
    t[QStringLiteral("psi_drift")] = kPsiDrift;
    t[QStringLiteral("ks_warning")] = kKsWarning;
    t[QStringLiteral("ks_drift")] = kKsDrift;
    t[QStringLiteral("ks_warning_p")] = kKsWarningP;
    t[QStringLiteral("ks_drift_p")] = kKsDriftP;
    t[QStringLiteral("chi2_p")] = kChiSquareP;
    t[QStringLiteral("missing_rate_warning")] = kMissingWarning;
    t[QStringLiteral("missing_rate_drift")] = kMissingDrift;
    t[QStringLiteral("unseen_share_drift")] = kUnseenDrift;
    t[QStringLiteral("min_values")] = double(kMinRows);
    o[QStringLiteral("thresholds")] = t;
    return o;
}

QString DriftReport::toText() const
{
    QList<QStringList> table;
    table.push_back({ QStringLiteral("feature"), QStringLiteral("type"), QStringLiteral("verdict"),
        QStringLiteral("PSI"), QStringLiteral("KS"), QStringLiteral("chi2 p"),
        QStringLiteral("missing"), QStringLiteral("unseen"), QStringLiteral("why") });
    const auto row = [](const Entry &e) {
        return QStringList { e.name,
            e.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric"),
            toString(e.verdict), e.absent ? QStringLiteral("-") : fmt(e.psi),
            e.categorical || e.absent ? QStringLiteral("-") : fmt(e.ks),
            !e.categorical || e.absent ? QStringLiteral("-")
                                       : QString::number(e.chiSquarePValue, 'g', 3),
            QStringLiteral("%1 -> %2").arg(fmt(e.trainingMissingRate), fmt(e.missingRate)),
            e.categorical ? QString::number(e.unseenRows) : QStringLiteral("-"),
            e.reasons.join(QStringLiteral("; ")) };
    };
    for (const Entry &e : features)
        table.push_back(row(e));
    if (prediction)
        table.push_back(row(*prediction));
    std::vector<qsizetype> widths(std::size_t(table.front().size()), 0);
    for (const QStringList &r : table)
        for (qsizetype i = 0; i < r.size(); ++i)
            widths[std::size_t(i)] = std::max(widths[std::size_t(i)], r[i].size());
    QString out
        = QStringLiteral("%1 rows compared with the training distribution: %2\n\n")
              .arg(rows)
              .arg(driftFound() ? QStringLiteral("drift found") : QStringLiteral("no drift"));
    for (const QStringList &r : table) {
        QString line;
        for (qsizetype i = 0; i < r.size(); ++i) {
            const bool last = i + 1 == r.size();
            line += last ? r[i] : r[i].leftJustified(widths[std::size_t(i)]) + QStringLiteral("  ");
        }
        out += line.trimmed() + QLatin1Char('\n');
    }
    return out;
}

QByteArray DriftReport::toPrometheus() const
{
    QString out;
    const auto gauge = [&out](const char *name, const char *help) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 gauge\n")
                   .arg(QLatin1String(name), QLatin1String(help));
    };
    std::vector<const Entry *> all;
    for (const Entry &e : features)
        all.push_back(&e);
    if (prediction)
        all.push_back(&*prediction);
    const auto series = [&](const char *name, auto value, bool numericOnly, bool categoricalOnly) {
        for (const Entry *e : all) {
            if (e->absent || (numericOnly && e->categorical)
                || (categoricalOnly && !e->categorical))
                continue;
            out += QStringLiteral("%1{feature=\"%2\"} %3\n")
                       .arg(QLatin1String(name), label(e->name))
                       .arg(value(*e), 0, 'g', 10);
        }
    };
    gauge("sextant_drift_window_rows", "Rows in the window the drift figures describe.");
    out += QStringLiteral("sextant_drift_window_rows %1\n").arg(rows);
    gauge("sextant_drift_psi", "Population stability index of the window against training.");
    series(
        "sextant_drift_psi", [](const Entry &e) { return e.psi; }, false, false);
    gauge("sextant_drift_ks", "Kolmogorov-Smirnov statistic of the window against training.");
    series(
        "sextant_drift_ks", [](const Entry &e) { return e.ks; }, true, false);
    gauge("sextant_drift_chi2_p_value", "Chi-square p-value of the window's categories.");
    series(
        "sextant_drift_chi2_p_value", [](const Entry &e) { return e.chiSquarePValue; }, false,
        true);
    gauge("sextant_drift_missing_rate", "Share of missing cells in the window.");
    series(
        "sextant_drift_missing_rate", [](const Entry &e) { return e.missingRate; }, false, false);
    gauge("sextant_drift_verdict", "0 stable, 1 warning, 2 drift.");
    for (const Entry *e : all)
        out += QStringLiteral("sextant_drift_verdict{feature=\"%1\"} %2\n")
                   .arg(label(e->name))
                   .arg(int(e->verdict));
    return out.toUtf8();
}

} // namespace sextant::engine
