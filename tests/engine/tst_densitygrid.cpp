// DensityGrid: counts per cell, per-class counts and majority, value means, threads,
// cancel, and agreement with a brute-force reference on random data.
#include "data/DensityGrid.h"

#include <QElapsedTimer>
#include <QTest>
#include <cmath>
#include <limits>
#include <random>

using sextant::engine::DensityGrid;
using sextant::engine::DensityGridOptions;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

DensityGridOptions unitGrid(int w, int h, int k = 0, int threads = 1)
{
    DensityGridOptions o;
    o.width = w;
    o.height = h;
    o.xMin = 0;
    o.xMax = 1;
    o.yMin = 0;
    o.yMax = 1;
    o.classCount = k;
    o.threads = threads;
    return o;
}

} // namespace

class TestDensityGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countsPerCell()
    {
        // 4 x 2 grid over [0,1]^2: cells are 0.25 wide and 0.5 high.
        const std::vector<double> x { 0.1, 0.1, 0.3, 0.99, 1.0, 0.0, 2.0, kNaN, 0.5 };
        const std::vector<double> y { 0.1, 0.2, 0.7, 0.99, 1.0, 0.0, 0.5, 0.5, -0.1 };
        const auto g = DensityGrid::compute(x, y, {}, {}, unitGrid(4, 2));
        QVERIFY(g.has_value());
        QCOMPARE(g->width, 4);
        QCOMPARE(g->height, 2);
        QCOMPARE(g->counts.size(), std::size_t(8));
        QCOMPARE(g->count(0, 0), 3u); // (0.1,0.1), (0.1,0.2), (0,0)
        QCOMPARE(g->count(1, 1), 1u); // (0.3,0.7)
        QCOMPARE(g->count(3, 1), 2u); // (0.99,0.99) and the upper corner (1,1)
        QCOMPARE(g->inside, std::uint64_t(6));
        QCOMPARE(g->outside, std::uint64_t(2)); // x = 2, y = -0.1
        QCOMPARE(g->skipped, std::uint64_t(1)); // NaN
        QCOMPARE(g->maxCount, 3u);
        QVERIFY(g->classCounts.empty());
        QCOMPARE(g->majorityAt(0, 0), -1);
        QVERIFY(std::isnan(g->meanAt(0, 0)));
    }

    void classesAndMajority()
    {
        const std::vector<double> x { 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9 };
        const std::vector<double> y { 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9 };
        const std::vector<std::int32_t> c { 2, 2, 0, 1, 0, -1, 7 };
        const auto g = DensityGrid::compute(x, y, c, {}, unitGrid(2, 2, 3));
        QVERIFY(g.has_value());
        QCOMPARE(g->classCount, 3);
        QCOMPARE(g->classCountAt(0, 0, 2), 2u);
        QCOMPARE(g->classCountAt(0, 0, 0), 1u);
        QCOMPARE(g->majorityAt(0, 0), 2);
        // Missing (-1) and out-of-range (7) labels count as points but in no class.
        QCOMPARE(g->count(1, 1), 4u);
        QCOMPARE(
            g->classCountAt(1, 1, 0) + g->classCountAt(1, 1, 1) + g->classCountAt(1, 1, 2), 2u);
        // A tie keeps the lower class.
        QCOMPARE(g->majorityAt(1, 1), 0);
        QCOMPARE(g->majorityAt(1, 0), -1);
    }

    void valueMeans()
    {
        const std::vector<double> x { 0.1, 0.2, 0.8 };
        const std::vector<double> y { 0.1, 0.2, 0.8 };
        const std::vector<double> v { 1.0, 3.0, kNaN };
        const auto g = DensityGrid::compute(x, y, {}, v, unitGrid(2, 2));
        QVERIFY(g.has_value());
        QCOMPARE(g->meanAt(0, 0), 2.0);
        QCOMPARE(g->count(1, 1), 1u);
        QCOMPARE(g->meanAt(1, 1), 0.0); // the NaN value is left out of the sum
    }

    void degenerateRangeAndInvalidInput()
    {
        const std::vector<double> x { 5, 5, 5 };
        const std::vector<double> y { 1, 2, 3 };
        DensityGridOptions o = unitGrid(3, 3);
        o.xMin = o.xMax = 5;
        o.yMin = 1;
        o.yMax = 3;
        const auto g = DensityGrid::compute(x, y, {}, {}, o);
        QVERIFY(g.has_value());
        QCOMPARE(g->inside, std::uint64_t(3));
        QVERIFY(g->xMin < 5 && g->xMax > 5);

        QVERIFY(!DensityGrid::compute(x, std::vector<double> { 1, 2 }, {}, {}, unitGrid(3, 3)));
        QVERIFY(!DensityGrid::compute(x, y, {}, {}, unitGrid(0, 3)));
        QVERIFY(
            !DensityGrid::compute(x, y, std::vector<std::int32_t> { 1 }, {}, unitGrid(3, 3, 2)));
        QVERIFY(!DensityGrid::compute(x, y, {}, {}, unitGrid(1 << 14, 1 << 14)));
    }

    void threadedMatchesBruteForce()
    {
        // 1.5M points over 4 threads give exactly the counts of a naive loop.
        const std::size_t n = 1'500'000;
        std::mt19937_64 rng(42);
        std::normal_distribution<double> normal;
        std::uniform_int_distribution<int> cls(-1, 4);
        std::vector<double> x(n), y(n);
        std::vector<std::int32_t> c(n);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = normal(rng);
            y[i] = 0.5 * x[i] + normal(rng);
            c[i] = cls(rng);
        }
        DensityGridOptions o;
        o.width = 97;
        o.height = 61;
        o.xMin = -2.5;
        o.xMax = 2.5;
        o.yMin = -3;
        o.yMax = 3;
        o.classCount = 4; // code 4 is out of range on purpose
        o.threads = 4;
        QElapsedTimer t;
        t.start();
        const auto g = DensityGrid::compute(x, y, c, {}, o);
        qInfo("1.5M points, 4 threads, 4 classes: %lld ms", static_cast<long long>(t.elapsed()));
        QVERIFY(g.has_value());

        std::vector<std::uint32_t> counts(97 * 61, 0), classCounts(97 * 61 * 4, 0);
        std::uint64_t outside = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (x[i] < o.xMin || x[i] > o.xMax || y[i] < o.yMin || y[i] > o.yMax) {
                ++outside;
                continue;
            }
            const int ix = std::min(96, static_cast<int>((x[i] - o.xMin) * 97 / 5.0));
            const int iy = std::min(60, static_cast<int>((y[i] - o.yMin) * 61 / 6.0));
            ++counts[static_cast<std::size_t>(iy) * 97 + ix];
            if (c[i] >= 0 && c[i] < 4)
                ++classCounts[(static_cast<std::size_t>(iy) * 97 + ix) * 4 + c[i]];
        }
        QCOMPARE(g->outside, outside);
        QCOMPARE(g->inside + g->outside, std::uint64_t(n));
        QVERIFY(g->counts == counts);
        QVERIFY(g->classCounts == classCounts);

        o.threads = 1;
        const auto single = DensityGrid::compute(x, y, c, {}, o);
        QVERIFY(single.has_value());
        QVERIFY(single->counts == g->counts);
        QVERIFY(single->majority == g->majority);
    }

    void cancel()
    {
        std::vector<double> x(1'000'000, 0.5), y(1'000'000, 0.5);
        std::atomic<bool> flag { true };
        QVERIFY(!DensityGrid::compute(x, y, {}, {}, unitGrid(10, 10, 0, 2), &flag).has_value());
        flag = false;
        QVERIFY(DensityGrid::compute(x, y, {}, {}, unitGrid(10, 10, 0, 2), &flag).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDensityGrid)
#include "tst_densitygrid.moc"
