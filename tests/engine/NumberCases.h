#pragma once

// The number rules of engine/data/NumberParser.h as one table, checked in every place
// that reads numbers from text: the CSV, ARFF and LIBSVM readers (tst_csvreader,
// tst_arffreader, tst_libsvmreader), row filters (tst_rowselection) and column
// conversion (tst_dataset). The tokens hold no blanks, commas or colons, so each format
// sees the same token.

#include <QByteArray>
#include <QTest>
#include <limits>

namespace sextant::testing {

// Columns: "text" (QByteArray), "number" (bool: is it one?), "value" (double).
inline void addNumberCases()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("number");
    QTest::addColumn<double>("value");
    const double inf = std::numeric_limits<double>::infinity();
    const auto yes
        = [](const char *t, double v) { QTest::newRow(t) << QByteArray(t) << true << v; };
    const auto no = [](const char *t) { QTest::newRow(t) << QByteArray(t) << false << 0.0; };
    yes("12", 12.0);
    yes("1e-3", 1e-3);
    yes("-.5", -0.5);
    yes("+3", 3.0);
    yes("3.", 3.0);
    yes("007", 7.0);
    yes("1E5", 1e5);
    yes("2e+2", 200.0);
    yes("-0.25", -0.25);
    yes("inf", inf);
    yes("-Infinity", -inf);
    yes("+inf", inf);
    yes("1e400", inf); // out of range rounds, it is not refused
    yes("-1e400", -inf);
    yes("1e-400", 0.0);
    yes("4.9406564584124654e-324", 4.9406564584124654e-324);
    yes("0.1000000000000000055511151231257827", 0.1);
    yes("123456789012345678901234567890", 123456789012345678901234567890.0);
    no("+-5");
    no("-+5");
    no("++5");
    no("--5");
    no("+");
    no("-");
    no(".");
    no("1e");
    no("1.2.3");
    no("0x10");
    no("1_000");
    no("12abc");
    no("five");
}

} // namespace sextant::testing
