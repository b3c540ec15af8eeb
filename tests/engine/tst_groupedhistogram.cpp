// GroupedHistogram: per-class counts over the bins of Statistics::histogram, adding up to
// it bin for bin (numeric edges, infinities, NaN, missing classes, categorical columns),
// and the refusals (numeric or mismatched split column, cancel).
#include "data/GroupedHistogram.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <random>

using sextant::engine::Column;
using sextant::engine::GroupedHistogram;
using sextant::engine::Histogram;
using sextant::engine::Statistics;

namespace {

// sum over the groups (and the missing group) of each bin.
std::vector<std::int64_t> stacked(const GroupedHistogram &g)
{
    std::vector<std::int64_t> out(g.total.counts.size(), 0);
    for (const auto &counts : g.counts)
        for (std::size_t b = 0; b < out.size(); ++b)
            out[b] += counts[b];
    for (std::size_t b = 0; b < g.missingGroup.size(); ++b)
        out[b] += g.missingGroup[b];
    return out;
}

} // namespace

class TestGroupedHistogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallNumeric()
    {
        const Column x = Column::numeric(QStringLiteral("x"), { 0, 1, 1, 2, 2, 2, 3, 3, 3, 3 });
        const Column c = Column::categorical(QStringLiteral("c"), { 0, 0, 1, 0, 1, 1, 0, 1, 1, -1 },
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("unused") });
        const GroupedHistogram g = GroupedHistogram::compute(x, c, 4);
        QCOMPARE(g.total.counts, (std::vector<std::int64_t> { 1, 2, 3, 4 }));
        QCOMPARE(g.total.edges, Statistics::histogram(x, 4).edges);
        QCOMPARE(g.groupColumn, QStringLiteral("c"));
        QCOMPARE(g.groups.size(), 3);
        QCOMPARE(g.counts.at(0), (std::vector<std::int64_t> { 1, 1, 1, 1 }));
        QCOMPARE(g.counts.at(1), (std::vector<std::int64_t> { 0, 1, 2, 2 }));
        QCOMPARE(g.counts.at(2), (std::vector<std::int64_t> { 0, 0, 0, 0 }));
        QVERIFY(g.hasMissingGroup());
        QCOMPARE(g.missingGroup, (std::vector<std::int64_t> { 0, 0, 0, 1 }));
        QCOMPARE(stacked(g), g.total.counts);
    }

    void randomValuesAddUp()
    {
        // Values on and near bin edges, infinities and NaN: the same bins as the unsplit
        // histogram, whatever the rounding.
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> pick(0, 4);
        std::normal_distribution<double> normal(0.0, 3.0);
        std::vector<double> values;
        std::vector<std::uint8_t> missing;
        std::vector<std::int32_t> codes;
        for (int i = 0; i < 20000; ++i) {
            double v = normal(rng);
            if (i % 7 == 0)
                v = std::round(v * 10) / 10; // many values exactly on 0.1 steps
            if (i % 997 == 0)
                v = std::numeric_limits<double>::infinity();
            missing.push_back(i % 501 == 0);
            if (missing.back())
                v = std::nan("");
            values.push_back(v);
            codes.push_back(pick(rng) - 1); // -1: missing class
        }
        const Column x = Column::numeric(QStringLiteral("x"), values, missing);
        const Column c = Column::categorical(QStringLiteral("c"), codes,
            { QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r"), QStringLiteral("s") });
        for (int bins : { 1, 7, 20, 33, 500 }) {
            const GroupedHistogram g = GroupedHistogram::compute(x, c, bins);
            const Histogram h = Statistics::histogram(x, bins);
            QCOMPARE(g.total.counts, h.counts);
            QCOMPARE(g.total.missing, h.missing);
            QCOMPARE(stacked(g), h.counts);
        }
    }

    void categoricalColumn()
    {
        const Column x = Column::categorical(QStringLiteral("fruit"), { 0, 1, 1, 2, -1, 2 },
            { QStringLiteral("apple"), QStringLiteral("banana"), QStringLiteral("cherry") });
        const Column c = Column::categorical(QStringLiteral("c"), { 0, 1, 0, 1, 1, 1 },
            { QStringLiteral("a"), QStringLiteral("b") });
        const GroupedHistogram g = GroupedHistogram::compute(x, c, 10);
        QCOMPARE(g.total.labels, x.categories());
        QCOMPARE(g.counts.at(0), (std::vector<std::int64_t> { 1, 1, 0 }));
        QCOMPARE(g.counts.at(1), (std::vector<std::int64_t> { 0, 1, 2 }));
        QVERIFY(!g.hasMissingGroup());
        QCOMPARE(stacked(g), g.total.counts);
    }

    void refusals()
    {
        const Column x = Column::numeric(QStringLiteral("x"), { 1, 2, 3 });
        // A numeric split column, or one of another length: the total only.
        GroupedHistogram g = GroupedHistogram::compute(x, x, 3);
        QCOMPARE(g.total.counts, (std::vector<std::int64_t> { 1, 1, 1 }));
        QVERIFY(g.groups.isEmpty());
        QVERIFY(g.counts.empty());
        const Column shortSplit
            = Column::categorical(QStringLiteral("c"), { 0, 0 }, { QStringLiteral("a") });
        g = GroupedHistogram::compute(x, shortSplit, 3);
        QVERIFY(g.groups.isEmpty());
        QVERIFY(!g.isEmpty());
        // Cancelled: empty.
        const std::atomic<bool> cancel { true };
        const Column c
            = Column::categorical(QStringLiteral("c"), { 0, 0, 0 }, { QStringLiteral("a") });
        g = GroupedHistogram::compute(x, c, 3, &cancel);
        QVERIFY(g.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGroupedHistogram)
#include "tst_groupedhistogram.moc"
