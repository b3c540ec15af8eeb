// Statistics: summaries, histograms and correlations, checked (a) on small cases computed
// by hand and (b) against numpy/pandas run on a generated dataset with missing values.
#include "ReferenceSkip.h"
#include "data/Statistics.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>

using namespace sextant::engine;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

// Equal, both NaN, or within `rel` of each other relative to the larger magnitude.
bool close(double a, double b, double rel)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (a == b)
        return true;
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

QString show(double v)
{
    return QString::number(v, 'g', 17);
}

#define COMPARE_CLOSE(actual, expected, rel)                                                       \
    QVERIFY2(close((actual), (expected), (rel)),                                                   \
        qPrintable(                                                                                \
            QStringLiteral(#actual " = %1, expected %2").arg(show(actual), show(expected))))

double jsonDouble(const QJsonValue &v)
{
    return v.isNull() ? kNaN : v.toDouble();
}

// Deterministic normal deviates (Box-Muller on 53-bit uniforms from mt19937_64).
struct Gaussian {
    std::mt19937_64 rng;
    explicit Gaussian(std::uint64_t seed) : rng(seed) { }
    double uniform() { return double(rng() >> 11) * 0x1.0p-53; }
    double operator()()
    {
        double u = uniform();
        while (u == 0.0)
            u = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * uniform());
    }
};

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- summarize: hand-computed (and confirmed with pandas' describe()) -------------

    void summarizeNumeric_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("missing");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("std");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("q1");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("q3");
        QTest::addColumn<double>("max");
        QTest::addColumn<qint64>("distinct");

        // std = sqrt(5/3); quartile positions 0.75, 1.5, 2.25.
        QTest::newRow("1..4") << std::vector<double> { 4, 1, 3, 2 } << 4ll << 0ll << 2.5
                              << 1.2909944487358056 << 1.0 << 1.75 << 2.5 << 3.25 << 4.0 << 4ll;
        // Sorted 1 3 5 7 10: var = 48.8 / 4; positions 1, 2, 3 fall on values.
        QTest::newRow("odd count, missing")
            << std::vector<double> { 10, 1, 7, 3, kNaN, 5 } << 5ll << 1ll << 5.2 << std::sqrt(12.2)
            << 1.0 << 3.0 << 5.0 << 7.0 << 10.0 << 5ll;
        QTest::newRow("1..10") << std::vector<double> { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 } << 10ll
                               << 0ll << 5.5 << 3.0276503540974917 << 1.0 << 3.25 << 5.5 << 7.75
                               << 10.0 << 10ll;
        // numpy's lerp from the upper side for t >= 0.5: 0.8 - 0.4 * 0.5 = 0.6000000000000001.
        QTest::newRow("numpy lerp rounding")
            << std::vector<double> { 3.2, 0.1, 1.6, 0.2, 0.8, 0.4 } << 6ll << 0ll << 1.05
            << 1.186170308176697 << 0.1 << 0.25 << 0.6000000000000001 << 1.4000000000000001 << 3.2
            << 6ll;
        // A large offset must not cost precision (naive sum-of-squares gives garbage here).
        QTest::newRow("offset 1e9")
            << std::vector<double> { 1e9 + 3, 1e9 + 1, 1e9 + 2 } << 3ll << 0ll << 1e9 + 2 << 1.0
            << 1e9 + 1 << 1e9 + 1.5 << 1e9 + 2 << 1e9 + 2.5 << 1e9 + 3 << 3ll;
        QTest::newRow("one value") << std::vector<double> { kNaN, 5, kNaN } << 1ll << 2ll << 5.0
                                   << kNaN << 5.0 << 5.0 << 5.0 << 5.0 << 5.0 << 1ll;
        // Equal values: std exactly 0 (0.1 * 3 / 3 is not 0.1 in floating point).
        QTest::newRow("equal values") << std::vector<double> { 0.1, kNaN, 0.1, 0.1 } << 3ll << 1ll
                                      << 0.1 << 0.0 << 0.1 << 0.1 << 0.1 << 0.1 << 0.1 << 1ll;
        QTest::newRow("empty") << std::vector<double> {} << 0ll << 0ll << kNaN << kNaN << kNaN
                               << kNaN << kNaN << kNaN << kNaN << 0ll;
        QTest::newRow("all missing") << std::vector<double> { kNaN, kNaN } << 0ll << 2ll << kNaN
                                     << kNaN << kNaN << kNaN << kNaN << kNaN << kNaN << 0ll;
        // 0.0 and -0.0 are one value (as pandas' nunique()).
        QTest::newRow("signed zeros")
            << std::vector<double> { 0.0, -0.0, 1.0, 1.0 } << 4ll << 0ll << 0.5
            << std::sqrt(1.0 / 3.0) << 0.0 << 0.0 << 0.5 << 1.0 << 1.0 << 2ll;
        // Infinities take part as numbers, as in pandas: mean inf, std NaN.
        QTest::newRow("infinity") << std::vector<double> { 1, kInf, 2 } << 3ll << 0ll << kInf
                                  << kNaN << 1.0 << 1.5 << 2.0 << kInf << kInf << 3ll;
    }

    void summarizeNumeric()
    {
        QFETCH(std::vector<double>, values);
        const ColumnSummary s = Statistics::summarize(Column::numeric(QStringLiteral("x"), values));
        QTEST(qint64(s.count), "count");
        QTEST(qint64(s.missing), "missing");
        QTEST(qint64(s.distinct), "distinct");
        const double rel = 1e-15;
        QFETCH(double, mean);
        QFETCH(double, std);
        QFETCH(double, min);
        QFETCH(double, q1);
        QFETCH(double, median);
        QFETCH(double, q3);
        QFETCH(double, max);
        COMPARE_CLOSE(s.mean, mean, rel);
        COMPARE_CLOSE(s.std, std, rel);
        COMPARE_CLOSE(s.min, min, 0.0);
        COMPARE_CLOSE(s.q1, q1, 0.0);
        COMPARE_CLOSE(s.median, median, 0.0);
        COMPARE_CLOSE(s.q3, q3, 0.0);
        COMPARE_CLOSE(s.max, max, 0.0);
        QVERIFY(s.mode.isEmpty());
        QCOMPARE(s.modeCount, 0);
    }

    void quartilesMatchFullSort()
    {
        // nth_element must give exactly what a full sort gives, for many sizes and ties.
        std::mt19937 rng(5);
        for (int n = 1; n <= 200; ++n) {
            std::vector<double> v(static_cast<std::size_t>(n));
            for (double &x : v)
                x = double(int(rng() % 50)) / 4.0;
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            const ColumnSummary s = Statistics::summarize(Column::numeric(QStringLiteral("x"), v));
            const double qs[] = { 0.25, 0.5, 0.75 };
            const double got[] = { s.q1, s.median, s.q3 };
            for (int k = 0; k < 3; ++k) {
                const double h = qs[k] * (n - 1);
                const auto lo = static_cast<std::size_t>(std::floor(h));
                const double t = h - double(lo);
                const double a = sorted[lo];
                const double b = sorted[std::min<std::size_t>(lo + 1, sorted.size() - 1)];
                const double expected = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
                QVERIFY2(got[k] == expected,
                    qPrintable(QStringLiteral("n=%1 q=%2: %3 vs %4")
                                   .arg(n)
                                   .arg(qs[k])
                                   .arg(show(got[k]), show(expected))));
            }
            QCOMPARE(s.min, sorted.front());
            QCOMPARE(s.max, sorted.back());
            QCOMPARE(s.distinct, std::unique(sorted.begin(), sorted.end()) - sorted.begin());
        }
    }

    void largeColumnsMatchFullSort()
    {
        // From 65,536 values on, columns without missing values and with a finite range are
        // grouped by value before the quartiles and the distinct count: exactly what a
        // full sort gives, for ties, signed zeros, skewed ranges (one group holding almost
        // everything), and the plain path for missing values and infinities.
        std::mt19937_64 rng(11);
        const auto check = [](const std::vector<double> &v, const char *what) {
            std::vector<double> sorted;
            for (double x : v)
                if (!std::isnan(x))
                    sorted.push_back(x);
            std::sort(sorted.begin(), sorted.end());
            const ColumnSummary s = Statistics::summarize(Column::numeric(QStringLiteral("x"), v));
            const std::size_t n = sorted.size();
            QCOMPARE(s.count, std::int64_t(n));
            const double qs[] = { 0.25, 0.5, 0.75 };
            const double got[] = { s.q1, s.median, s.q3 };
            for (int k = 0; k < 3; ++k) {
                const double h = qs[k] * double(n - 1);
                const auto lo = static_cast<std::size_t>(std::floor(h));
                const double t = h - double(lo);
                const double a = sorted[lo];
                const double b = sorted[std::min<std::size_t>(lo + 1, n - 1)];
                const double expected
                    = t == 0.0 || a == b ? a : (t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t);
                QVERIFY2(got[k] == expected,
                    qPrintable(QStringLiteral("%1 q=%2: %3 vs %4")
                                   .arg(QLatin1String(what))
                                   .arg(qs[k])
                                   .arg(show(got[k]), show(expected))));
            }
            QCOMPARE(s.min, sorted.front());
            QCOMPARE(s.max, sorted.back());
            // Distinct under ==: -0.0 and 0.0 are one value.
            const auto distinct = std::unique(sorted.begin(), sorted.end(), [](double x, double y) {
                return x == y;
            }) - sorted.begin();
            QVERIFY2(s.distinct == distinct,
                qPrintable(QStringLiteral("%1: distinct %2 vs %3")
                               .arg(QLatin1String(what))
                               .arg(s.distinct)
                               .arg(distinct)));
        };
        std::uniform_real_distribution<double> unit(-1.0, 1.0);
        for (const std::size_t n :
            { std::size_t(65536), std::size_t(100003), std::size_t(300000) }) {
            std::vector<double> v(n);
            for (double &x : v)
                x = unit(rng);
            check(v, "uniform");
            for (double &x : v)
                x = double(std::int64_t(rng() % 1000) - 500) / 8.0; // ties
            check(v, "ties");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i % 3 == 0 ? 0.0 : (i % 3 == 1 ? -0.0 : double(rng() % 7)); // zeros
            check(v, "signed zeros");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i == 17 ? 1e12 : unit(rng); // one outlier: one group holds the rest
            check(v, "outlier");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i % 2 ? 1.0 : 2.0; // two values, at the two ends of the range
            check(v, "two values");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i % 10 == 3 ? std::numeric_limits<double>::quiet_NaN() : unit(rng);
            check(v, "missing");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i == 5 ? std::numeric_limits<double>::infinity() : unit(rng);
            check(v, "infinity");
            for (std::size_t i = 0; i < n; ++i)
                v[i] = i % 4 == 0 ? -1e308 : (i % 4 == 1 ? 1e308 : unit(rng)); // max - min = inf
            check(v, "range beyond the largest double");
        }
    }

    void summarizeCategorical()
    {
        const QStringList cats = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("unused") };
        const ColumnSummary s = Statistics::summarize(
            Column::categorical(QStringLiteral("k"), { 0, 1, 1, -1, 2, 1, 0 }, cats));
        QCOMPARE(s.count, 6);
        QCOMPARE(s.missing, 1);
        QCOMPARE(s.distinct, 3);
        QCOMPARE(s.mode, QStringLiteral("b"));
        QCOMPARE(s.modeCount, 3);
        QVERIFY(std::isnan(s.mean) && std::isnan(s.std) && std::isnan(s.min) && std::isnan(s.q1)
            && std::isnan(s.median) && std::isnan(s.q3) && std::isnan(s.max));

        // A tie goes to the first category in dictionary order.
        const ColumnSummary tie
            = Statistics::summarize(Column::categorical(QStringLiteral("k"), { 2, 1, 2, 1 }, cats));
        QCOMPARE(tie.mode, QStringLiteral("b"));
        QCOMPARE(tie.modeCount, 2);

        const ColumnSummary none
            = Statistics::summarize(Column::categorical(QStringLiteral("k"), { -1, -1 }, cats));
        QCOMPARE(none.count, 0);
        QCOMPARE(none.missing, 2);
        QCOMPARE(none.distinct, 0);
        QVERIFY(none.mode.isEmpty());
        QCOMPARE(none.modeCount, 0);
    }

    // ---- histogram: numpy.histogram's values -----------------------------------------

    void histogramNumeric_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<int>("bins");
        QTest::addColumn<std::vector<double>>("edges");
        QTest::addColumn<std::vector<qint64>>("counts");
        QTest::addColumn<qint64>("missing");

        QTest::newRow("last bin closed")
            << std::vector<double> { 1, 2, 2, 3, 4 } << 3 << std::vector<double> { 1, 2, 3, 4 }
            << std::vector<qint64> { 1, 2, 2 } << 0ll;
        // np.histogram(np.arange(11) * 0.1, bins=10): 0.30000000000000004 etc. straddle the
        // edges; numpy's +-1 correction puts each value in its own bin, the last two together.
        std::vector<double> tenths;
        for (int i = 0; i <= 10; ++i)
            tenths.push_back(i * 0.1);
        std::vector<double> tenthEdges;
        for (int i = 0; i <= 10; ++i)
            tenthEdges.push_back(double(i) * 0.1);
        QTest::newRow("edges in floating point")
            << tenths << 10 << tenthEdges << std::vector<qint64> { 1, 1, 1, 1, 1, 1, 1, 1, 1, 2 }
            << 0ll;
        QTest::newRow("thirds") << tenths << 3 << std::vector<double> { 0, 1.0 / 3.0, 2.0 / 3.0, 1 }
                                << std::vector<qint64> { 4, 3, 4 } << 0ll;
        QTest::newRow("all equal")
            << std::vector<double> { 5, 5, kNaN, 5 } << 2 << std::vector<double> { 4.5, 5, 5.5 }
            << std::vector<qint64> { 0, 3 } << 1ll;
        QTest::newRow("empty") << std::vector<double> {} << 2 << std::vector<double> { 0, 0.5, 1 }
                               << std::vector<qint64> { 0, 0 } << 0ll;
        QTest::newRow("all missing") << std::vector<double> { kNaN, kNaN } << 4
                                     << std::vector<double> { 0, 0.25, 0.5, 0.75, 1 }
                                     << std::vector<qint64> { 0, 0, 0, 0 } << 2ll;
        QTest::newRow("infinities left out")
            << std::vector<double> { kNaN, 0, 1, kInf, -kInf } << 2
            << std::vector<double> { 0, 0.5, 1 } << std::vector<qint64> { 1, 1 } << 1ll;
        QTest::newRow("zero bins means one")
            << std::vector<double> { 1, 2, 3 } << 0 << std::vector<double> { 1, 3 }
            << std::vector<qint64> { 3 } << 0ll;
        QTest::newRow("negative") << std::vector<double> { -10, -1, -5.5, -5.5 } << 2
                                  << std::vector<double> { -10, -5.5, -1 }
                                  << std::vector<qint64> { 1, 3 } << 0ll;
    }

    void histogramNumeric()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(int, bins);
        QFETCH(std::vector<double>, edges);
        QFETCH(std::vector<qint64>, counts);
        QFETCH(qint64, missing);
        const Histogram h
            = Statistics::histogram(Column::numeric(QStringLiteral("x"), values), bins);
        QCOMPARE(h.edges.size(), edges.size());
        for (std::size_t i = 0; i < edges.size(); ++i)
            COMPARE_CLOSE(h.edges[i], edges[i], 1e-15);
        QCOMPARE(std::vector<qint64>(h.counts.begin(), h.counts.end()), counts);
        QCOMPARE(h.missing, missing);
        QVERIFY(h.labels.isEmpty());
    }

    void histogramCategorical()
    {
        const QStringList cats = { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") };
        const Histogram h = Statistics::histogram(
            Column::categorical(QStringLiteral("k"), { 2, 0, 2, -1, 2 }, cats), 10);
        QCOMPARE(h.labels, cats);
        QCOMPARE(std::vector<qint64>(h.counts.begin(), h.counts.end()),
            std::vector<qint64>({ 1, 0, 3 }));
        QCOMPARE(h.missing, 1);
        QVERIFY(h.edges.empty());
    }

    // ---- correlation ------------------------------------------------------------------

    void correlationHandComputed()
    {
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("x"), { 1, 2, 3, 4, 5 }));
        ds.addColumn(Column::numeric(QStringLiteral("twice"), { 3, 5, 7, 9, 11 })); // 2x + 1
        ds.addColumn(
            Column::categorical(QStringLiteral("k"), { 0, 0, 0, 0, 0 }, { QStringLiteral("u") }));
        ds.addColumn(Column::numeric(QStringLiteral("neg"), { -1, -2, -3, -4, -5 }));
        ds.addColumn(Column::numeric(QStringLiteral("const"), { 7, 7, 7, 7, 7 }));
        ds.addColumn(Column::numeric(QStringLiteral("w"), { 2, 1, 4, 3, 5 })); // r(x, w) = 8/10
        // Pairwise complete with x over rows 0, 2, 3: r = 51 / sqrt(42 * 78) (pandas:
        // 0.8910421112136304).
        ds.addColumn(Column::numeric(QStringLiteral("gappy"), { 1, kNaN, 2, 5, kNaN }));
        ds.addColumn(Column::numeric(QStringLiteral("lonely"), { kNaN, kNaN, kNaN, kNaN, 3 }));

        const CorrelationMatrix m = Statistics::correlation(ds);
        // All numeric columns, in dataset order; the categorical one is left out.
        QCOMPARE(m.columns, QList<int>({ 0, 1, 3, 4, 5, 6, 7 }));
        QCOMPARE(m.names,
            QStringList({ QStringLiteral("x"), QStringLiteral("twice"), QStringLiteral("neg"),
                QStringLiteral("const"), QStringLiteral("w"), QStringLiteral("gappy"),
                QStringLiteral("lonely") }));
        QCOMPARE(m.r.size(), std::size_t(49));
        QCOMPARE(m.at(0, 1), 1.0);
        QCOMPARE(m.at(0, 2), -1.0);
        QCOMPARE(m.at(1, 2), -1.0);
        COMPARE_CLOSE(m.at(0, 4), 0.8, 1e-15);
        COMPARE_CLOSE(m.at(0, 5), 51.0 / std::sqrt(42.0 * 78.0), 1e-15);
        COMPARE_CLOSE(m.at(5, 0), 0.8910421112136304, 1e-15);
        for (int i = 0; i < 7; ++i) {
            QVERIFY(std::isnan(m.at(i, 3))); // constant column
            QVERIFY(std::isnan(m.at(3, i)));
            QVERIFY(std::isnan(m.at(i, 6))); // at most one row in common
            for (int j = 0; j < 7; ++j)
                QVERIFY(close(m.at(i, j), m.at(j, i), 0.0)); // symmetric, NaN included
        }
        for (int i : { 0, 1, 2, 4, 5 })
            QCOMPARE(m.at(i, i), 1.0);

        // An explicit selection; invalid indices and categorical columns are dropped.
        const CorrelationMatrix sel = Statistics::correlation(ds, { 5, 0, 2, 42, -1 });
        QCOMPARE(sel.columns, QList<int>({ 5, 0 }));
        COMPARE_CLOSE(sel.at(0, 1), 0.8, 1e-15);
        QCOMPARE(sel.at(0, 0), 1.0);
    }

    void correlationDegenerate()
    {
        Dataset empty;
        const CorrelationMatrix none = Statistics::correlation(empty);
        QVERIFY(none.columns.isEmpty());
        QVERIFY(none.r.empty());

        Dataset one;
        one.addColumn(Column::numeric(QStringLiteral("a"), { 1 }));
        one.addColumn(Column::numeric(QStringLiteral("b"), { 2 }));
        const CorrelationMatrix m = Statistics::correlation(one);
        QCOMPARE(m.r.size(), std::size_t(4));
        for (double r : m.r)
            QVERIFY(std::isnan(r)); // fewer than two rows

        Dataset zeroRows;
        zeroRows.addColumn(Column::numeric(QStringLiteral("a"), {}));
        zeroRows.addColumn(Column::numeric(QStringLiteral("b"), {}));
        for (double r : Statistics::correlation(zeroRows).r)
            QVERIFY(std::isnan(r));

        // Constant only over the rows a pair shares: NaN for that pair.
        Dataset partly;
        partly.addColumn(Column::numeric(QStringLiteral("a"), { 1, 1, 1, 9 }));
        partly.addColumn(Column::numeric(QStringLiteral("b"), { 1, 2, 3, kNaN }));
        partly.addColumn(Column::numeric(QStringLiteral("c"), { 4, 2, 3, 1 }));
        const CorrelationMatrix p = Statistics::correlation(partly);
        QVERIFY(std::isnan(p.at(0, 1)));
        QVERIFY(!std::isnan(p.at(0, 2)));
        QCOMPARE(p.at(1, 1), 1.0);
    }

    void correlationCancel()
    {
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2, 3 }));
        ds.addColumn(Column::numeric(QStringLiteral("b"), { 1, kNaN, 2 }));
        std::atomic<bool> cancel { true };
        const CorrelationMatrix m = Statistics::correlation(ds, {}, &cancel);
        QVERIFY(m.columns.isEmpty());
        QVERIFY(m.r.empty());
        cancel = false;
        QCOMPARE(Statistics::correlation(ds, {}, &cancel).r.size(), std::size_t(4));
    }

    // 1,000,000 rows x 20 columns: the blocked path (no missing cells) and the pairwise
    // path (the same data plus one all-missing row) must agree, and match a long double
    // reference for a few pairs. Prints the timings.
    void correlationLarge()
    {
        const std::size_t rows = 1000000;
        const int k = 20;
        Gaussian g(77);
        std::vector<std::vector<double>> cols(k, std::vector<double>(rows));
        for (std::size_t r = 0; r < rows; ++r) {
            const double common = g();
            for (int c = 0; c < k; ++c)
                cols[c][r] = (c % 3 == 0 ? 3.0 * common : 0.0) + g() * (1 + c % 4) + 1000.0 * c;
        }
        Dataset complete, gappy;
        for (int c = 0; c < k; ++c) {
            const QString name = QStringLiteral("c") + QString::number(c);
            complete.addColumn(Column::numeric(name, cols[c]));
            std::vector<double> v = cols[c];
            v.push_back(kNaN);
            gappy.addColumn(Column::numeric(name, std::move(v)));
        }
        QElapsedTimer timer;
        timer.start();
        const CorrelationMatrix a = Statistics::correlation(complete);
        const qint64 blockedMs = timer.restart();
        const CorrelationMatrix b = Statistics::correlation(gappy);
        const qint64 pairwiseMs = timer.elapsed();
        qInfo("correlation of 1M x 20: %lld ms without missing cells, %lld ms pairwise", blockedMs,
            pairwiseMs);
        QCOMPARE(a.r.size(), std::size_t(k * k));
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j)
                QVERIFY2(close(a.at(i, j), b.at(i, j), 0.0)
                        || std::abs(a.at(i, j) - b.at(i, j)) <= 1e-12,
                    qPrintable(QStringLiteral("%1,%2: %3 vs %4")
                                   .arg(i)
                                   .arg(j)
                                   .arg(show(a.at(i, j)), show(b.at(i, j)))));
        for (auto [i, j] : { std::pair { 0, 3 }, std::pair { 1, 2 }, std::pair { 6, 18 } }) {
            long double mx = 0, my = 0;
            for (std::size_t r = 0; r < rows; ++r) {
                mx += cols[i][r];
                my += cols[j][r];
            }
            mx /= rows;
            my /= rows;
            long double sxy = 0, sxx = 0, syy = 0;
            for (std::size_t r = 0; r < rows; ++r) {
                const long double dx = cols[i][r] - mx, dy = cols[j][r] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
            const double ref = double(sxy / std::sqrt(sxx * syy));
            COMPARE_CLOSE(a.at(i, j), ref, 1e-10);
        }
        // Columns 0 and 3 share the common factor: r = 9 / sqrt(10 * 25) in the
        // population (sampling error ~0.001 at this size); 1 and 2 are independent.
        QVERIFY2(
            std::abs(a.at(0, 3) - 9.0 / std::sqrt(250.0)) < 0.01, qPrintable(show(a.at(0, 3))));
        QVERIFY2(std::abs(a.at(1, 2)) < 0.01, qPrintable(show(a.at(1, 2))));
    }

    // ---- against numpy / pandas -------------------------------------------------------

    void againstPandas()
    {
        const QString python = QStringLiteral(SEXTANT_PYTHON);
        if (!QFileInfo(python).isExecutable())
            SEXTANT_SKIP_REFERENCE(
                QStringLiteral("%1 not found: cannot compare with numpy/pandas").arg(python));

        // A dataset with missing values, offsets, ties, heavy tails and degenerate columns.
        const int rows = 5000;
        Gaussian g(2024);
        struct Spec {
            const char *name;
            double missingRate;
        };
        const std::vector<Spec> specs = { { "offset", 0.05 }, { "uniform", 0.10 }, { "ints", 0.0 },
            { "normal", 0.0 }, { "linear", 0.0 }, { "sparse", 0.90 }, { "constant", 0.20 },
            { "lognormal", 0.01 }, { "all_missing", 1.0 }, { "one_value", 0.0 },
            { "two_values", 0.0 }, { "tiny", 0.0 }, { "negcorr", 0.03 } };
        std::vector<std::vector<double>> data(specs.size(), std::vector<double>(rows));
        for (int r = 0; r < rows; ++r) {
            const double z = g();
            data[0][r] = 1e6 + g();
            data[1][r] = -5.0 + 10.0 * g.uniform();
            data[2][r] = double(g.rng() % 10);
            data[3][r] = z;
            data[4][r] = 3.0 * z + 0.1 * g();
            data[5][r] = 100.0 * g();
            data[6][r] = 2.5;
            data[7][r] = std::exp(3.0 * g());
            data[8][r] = 0.0;
            data[9][r] = r == 1234 ? 42.0 : kNaN;
            data[10][r] = r == 10 ? -1.5 : (r == 4000 ? 8.25 : kNaN);
            data[11][r] = 1e-8 * g();
            data[12][r] = 1.0 - 2.0 * z + 0.5 * g();
            for (std::size_t c = 0; c < specs.size(); ++c)
                if (specs[c].missingRate > 0 && g.uniform() < specs[c].missingRate)
                    data[c][r] = kNaN;
        }
        Dataset ds;
        for (std::size_t c = 0; c < specs.size(); ++c)
            QVERIFY(ds.addColumn(Column::numeric(QString::fromLatin1(specs[c].name), data[c])));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csvPath = dir.filePath(QStringLiteral("data.csv"));
        {
            QFile f(csvPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray text = ds.columnNames().join(QLatin1Char(',')).toUtf8() + '\n';
            char buf[64];
            for (int r = 0; r < rows; ++r) {
                for (int c = 0; c < ds.columnCount(); ++c) {
                    if (c)
                        text += ',';
                    const double v = ds.column(c).values()[r];
                    if (!std::isnan(v)) {
                        const auto res = std::to_chars(buf, buf + sizeof buf, v);
                        text.append(buf, res.ptr - buf);
                    }
                }
                text += '\n';
            }
            f.write(text);
        }

        const QList<int> binCounts = { 1, 7, 10, 64 };
        QStringList args = { QStringLiteral(SEXTANT_TEST_DATA_DIR "/stats/reference.py"), csvPath };
        for (int b : binCounts)
            args << QString::number(b);
        QProcess p;
        p.start(python, args);
        QVERIFY2(p.waitForStarted(30000), qPrintable(p.errorString()));
        QVERIFY2(p.waitForFinished(180000), "the reference script did not finish");
        const QByteArray err = p.readAllStandardError();
        if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 3)
            SEXTANT_SKIP_REFERENCE(QStringLiteral("numpy/pandas not available to %1: %2")
                                       .arg(python, QString::fromUtf8(err).trimmed()));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
        QJsonParseError perr;
        const QJsonObject ref = QJsonDocument::fromJson(p.readAllStandardOutput(), &perr).object();
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));

        const double rel = 1e-9;
        int compared = 0;
        const QJsonObject describe = ref.value(QStringLiteral("describe")).toObject();
        const QJsonObject histograms = ref.value(QStringLiteral("histogram")).toObject();
        for (int c = 0; c < ds.columnCount(); ++c) {
            const Column &col = ds.column(c);
            const QJsonObject d = describe.value(col.name()).toObject();
            QVERIFY2(!d.isEmpty(), qPrintable(col.name()));
            const ColumnSummary s = Statistics::summarize(col);
            const QString where = col.name() + QStringLiteral(": ");
            auto check = [&](const char *key, double ours) {
                const double theirs = jsonDouble(d.value(QLatin1String(key)));
                ++compared;
                return close(ours, theirs, rel) ? QString()
                                                : where + QLatin1String(key) + QStringLiteral(" ")
                        + show(ours) + QStringLiteral(" vs pandas ") + show(theirs);
            };
            QCOMPARE(double(s.count), d.value(QStringLiteral("count")).toDouble());
            QCOMPARE(s.missing, rows - s.count);
            QCOMPARE(s.distinct, d.value(QStringLiteral("nunique")).toInteger());
            for (const QString &problem : { check("mean", s.mean), check("std", s.std),
                     check("min", s.min), check("25%", s.q1), check("50%", s.median),
                     check("75%", s.q3), check("max", s.max) })
                QVERIFY2(problem.isEmpty(), qPrintable(problem));

            const QJsonObject hs = histograms.value(col.name()).toObject();
            for (int b : binCounts) {
                const QJsonObject h = hs.value(QString::number(b)).toObject();
                const Histogram ours = Statistics::histogram(col, b);
                const QJsonArray edges = h.value(QStringLiteral("edges")).toArray();
                const QJsonArray counts = h.value(QStringLiteral("counts")).toArray();
                QCOMPARE(qsizetype(ours.edges.size()), edges.size());
                QCOMPARE(qsizetype(ours.counts.size()), counts.size());
                for (qsizetype i = 0; i < edges.size(); ++i)
                    QVERIFY2(close(ours.edges[i], jsonDouble(edges[i]), rel),
                        qPrintable(where + QStringLiteral("edge %1 of %2 bins").arg(i).arg(b)));
                std::int64_t total = 0;
                for (qsizetype i = 0; i < counts.size(); ++i) {
                    QVERIFY2(ours.counts[i] == counts[i].toInteger(),
                        qPrintable(where
                            + QStringLiteral("count %1 of %2 bins: %3 vs numpy %4")
                                  .arg(i)
                                  .arg(b)
                                  .arg(ours.counts[i])
                                  .arg(counts[i].toInteger())));
                    total += ours.counts[i];
                }
                QCOMPARE(total, s.count);
                QCOMPARE(ours.missing, s.missing);
                compared += int(edges.size() + counts.size());
            }
        }

        // Correlations: pandas' nancorr is one-pass (Welford); on the column with a 1e6
        // offset it is off by up to ~2e-9 relative for r near 0 (it differs from exact
        // arithmetic by that much), so r is compared with pandas to 1e-9 absolute (r lies in
        // [-1, 1]) and with the 60-digit decimal reference to 1e-12 relative.
        const QJsonObject corr = ref.value(QStringLiteral("corr")).toObject();
        const QJsonArray names = corr.value(QStringLiteral("columns")).toArray();
        const QJsonArray r = corr.value(QStringLiteral("r")).toArray();
        const QJsonArray exact = ref.value(QStringLiteral("corr_exact")).toArray();
        const CorrelationMatrix m = Statistics::correlation(ds);
        QCOMPARE(qsizetype(m.columns.size()), names.size());
        QCOMPARE(exact.size(), names.size());
        int finite = 0;
        double worstPandas = 0, worstExact = 0;
        for (qsizetype i = 0; i < names.size(); ++i) {
            QCOMPARE(m.names[i], names[i].toString());
            const QJsonArray row = r[i].toArray();
            const QJsonArray exactRow = exact[i].toArray();
            for (qsizetype j = 0; j < names.size(); ++j) {
                const double ours = m.at(int(i), int(j));
                const double theirs = jsonDouble(row[j]);
                const double truth = jsonDouble(exactRow[j]);
                const QString what
                    = QStringLiteral("corr(%1, %2) = %3 vs pandas %4, exact %5")
                          .arg(m.names[i], m.names[j], show(ours), show(theirs), show(truth));
                QVERIFY2(std::isnan(ours) == std::isnan(theirs), qPrintable(what));
                QVERIFY2(std::isnan(ours) || std::abs(ours - theirs) <= 1e-9, qPrintable(what));
                QVERIFY2(close(ours, truth, 1e-12), qPrintable(what));
                if (!std::isnan(ours)) {
                    ++finite;
                    worstPandas = std::max(worstPandas, std::abs(ours - theirs));
                    worstExact = std::max(worstExact, std::abs(ours - truth) / std::abs(truth));
                }
                compared += 2;
            }
        }
        qInfo("correlation: largest difference from pandas %g (absolute), from exact %g (relative)",
            worstPandas, worstExact);
        // The comparison must have covered real numbers, not only NaN == NaN.
        QVERIFY(finite > 60);
        qInfo("%d values compared with numpy/pandas and the exact reference", compared);
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
