// LibsvmReader: dense/sparse correctness, qid, every error with its line and field, the
// size limit, progress/cancel, and robustness against truncated and garbage input.
#include "NumberCases.h"
#include "data/LibsvmReader.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>

using namespace sextant::engine;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(SEXTANT_TEST_DATA_DIR "/libsvm/") + QLatin1String(name);
}

QString describe(const LoadResult &r)
{
    if (r.error)
        return r.error->toString();
    return r.ok() ? QStringLiteral("ok") : QStringLiteral("failed without an error");
}

std::vector<double> cells(const Column &c)
{
    return std::vector<double>(c.values().begin(), c.values().end());
}

QByteArray shortest(double v)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return QByteArray(buf, static_cast<qsizetype>(res.ptr - buf));
}

} // namespace

class TestLibsvmReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberRulesAreShared_data() { sextant::testing::addNumberCases(); }
    void numberRulesAreShared()
    {
        // NumberParser.h's table, as a label and as a feature value: the same numbers
        // as the CSV and ARFF readers and the row filters, the same refusals.
        QFETCH(QByteArray, text);
        QFETCH(bool, number);
        QFETCH(double, value);
        const LoadResult asLabel
            = LibsvmReader::readBuffer(text + " 1:1\n", QStringLiteral("n.svm"));
        const LoadResult asValue
            = LibsvmReader::readBuffer("1 1:" + text + "\n", QStringLiteral("n.svm"));
        if (!number) {
            QVERIFY(!asLabel.ok());
            QCOMPARE(asLabel.error->column, 1);
            QVERIFY2(asLabel.error->message.contains(QStringLiteral("is not a number")),
                qPrintable(describe(asLabel)));
            QVERIFY(!asValue.ok());
            QCOMPARE(asValue.error->column, 2);
            QVERIFY2(asValue.error->message.contains(QStringLiteral("is not a number")),
                qPrintable(describe(asValue)));
            return;
        }
        QVERIFY2(asLabel.ok(), qPrintable(describe(asLabel)));
        QVERIFY2(asValue.ok(), qPrintable(describe(asValue)));
        const double label
            = asLabel.dataset->column(asLabel.dataset->indexOf(QStringLiteral("label")))
                  .values()[0];
        const double feature
            = asValue.dataset->column(asValue.dataset->indexOf(QStringLiteral("f1"))).values()[0];
        QVERIFY2(std::memcmp(&label, &value, sizeof label) == 0,
            qPrintable(QString::number(label, 'g', 17)));
        QVERIFY2(std::memcmp(&feature, &value, sizeof feature) == 0,
            qPrintable(QString::number(feature, 'g', 17)));
    }

    void indicesTakeOneSign()
    {
        // Integers follow the same sign rule: "+-2" is not an index (it was read as -2).
        const LoadResult r = LibsvmReader::readBuffer("1 +-2:1\n", QStringLiteral("i.svm"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error->message.contains(QStringLiteral("is not a positive integer")),
            qPrintable(describe(r)));
        const LoadResult plus = LibsvmReader::readBuffer("1 +2:1\n", QStringLiteral("i.svm"));
        QVERIFY2(plus.ok(), qPrintable(describe(plus)));
        QVERIFY(plus.dataset->indexOf(QStringLiteral("f2")) >= 0);
    }

    void utf16IsRefused()
    {
        const LoadResult r
            = LibsvmReader::readBuffer(QByteArray("\xff\xfe\x31\0 \0", 6), QStringLiteral("u.svm"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 1);
        QVERIFY2(r.error->message.contains(QStringLiteral("UTF-16")), qPrintable(describe(r)));
    }

    void sample()
    {
        const LoadResult r = LibsvmReader::read(fixture("sample.libsvm"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.warnings.isEmpty());
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.rowCount(), 5);
        QCOMPARE(ds.columnNames(),
            QStringList({ QStringLiteral("label"), QStringLiteral("f1"), QStringLiteral("f2"),
                QStringLiteral("f3"), QStringLiteral("f4"), QStringLiteral("f5"),
                QStringLiteral("f6") }));
        QCOMPARE(toString(ds.column(0).role()), toString(ColumnRole::Target));
        QCOMPARE(ds.columnsWithRole(ColumnRole::Target), QList<int>({ 0 }));
        for (const Column &c : ds.columns()) {
            QVERIFY(c.isNumeric());
            QCOMPARE(c.missingCount(), 0);
        }
        QCOMPARE(cells(ds.column(0)), std::vector<double>({ 1, -1, 0.5, -1, 2 }));
        QCOMPARE(cells(ds.column(1)), std::vector<double>({ 0.5, 0, 0, 0, 1 }));
        QCOMPARE(cells(ds.column(2)), std::vector<double>({ 0, 1e-3, 0, 0, 2 }));
        QCOMPARE(cells(ds.column(3)), std::vector<double>({ -1, 4, 0, 0, 3 }));
        QCOMPARE(cells(ds.column(4)), std::vector<double>({ 0, 0, 0, 0, 4 }));
        QCOMPARE(cells(ds.column(5)), std::vector<double>({ 0, 0, 0, 0, 5 }));
        QCOMPARE(cells(ds.column(6)), std::vector<double>({ 2.25, 0, 7, 0, 6 }));
    }

    void qidAndCrlf()
    {
        const LoadResult r = LibsvmReader::read(fixture("rank.svmlight"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.rowCount(), 6);
        QCOMPARE(ds.columnNames(),
            QStringList({ QStringLiteral("label"), QStringLiteral("qid"), QStringLiteral("f1"),
                QStringLiteral("f2"), QStringLiteral("f3"), QStringLiteral("f4") }));
        const Column &qid = ds.column(1);
        QCOMPARE(toString(qid.role()), toString(ColumnRole::Ignore));
        QCOMPARE(qid.missingCount(), 1); // the last line has no qid
        QVERIFY(qid.isMissing(5));
        for (int row = 0; row < 5; ++row)
            QCOMPARE(qid.values()[row], row < 3 ? 1.0 : 2.0);
        QCOMPARE(cells(ds.column(0)), std::vector<double>({ 3, 2, 1, 1, 2, 1 }));
        QCOMPARE(cells(ds.column(2)), std::vector<double>({ 1, 0, 0, 0, 1, 0.5 }));
        QCOMPARE(cells(ds.column(5)), std::vector<double>({ 0.2, 0.1, 0.4, 0.3, 0.4, 0 }));
        QCOMPARE(toString(ds.column(2).role()), toString(ColumnRole::Feature));
    }

    void qidFirstSeenLater()
    {
        const LoadResult r
            = LibsvmReader::readBuffer("1 1:1\n2 qid:7 1:2\n3 2:1\n", QStringLiteral("q"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Column &qid = r.dataset->column(1);
        QCOMPARE(qid.name(), QStringLiteral("qid"));
        QCOMPARE(qid.size(), 3);
        QVERIFY(qid.isMissing(0));
        QCOMPARE(qid.values()[1], 7.0);
        QVERIFY(qid.isMissing(2));
    }

    void labelsOnly()
    {
        const LoadResult r = LibsvmReader::readBuffer("1\n-1\n\n+3.5e0\n", QStringLiteral("l"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->columnCount(), 1);
        QCOMPARE(cells(r.dataset->column(0)), std::vector<double>({ 1, -1, 3.5 }));
    }

    // A random sparse matrix written as text and read back: every cell.
    void randomMatrixRoundTrip()
    {
        std::mt19937_64 rng(20240601);
        std::uniform_real_distribution<double> value(-1e3, 1e3);
        const int rows = 1500;
        const int maxFeature = 400;
        std::vector<std::vector<double>> expected(maxFeature, std::vector<double>(rows, 0.0));
        std::vector<double> labels(rows);
        QByteArray text;
        int largest = 0;
        for (int r = 0; r < rows; ++r) {
            labels[r] = double(int(rng() % 5) - 2);
            text += shortest(labels[r]);
            for (int f = 0; f < maxFeature; ++f) {
                if (rng() % 100 >= 3)
                    continue;
                const double v = (rng() % 7 == 0) ? double(int(rng() % 100)) : value(rng);
                expected[f][r] = v;
                largest = std::max(largest, f + 1);
                text += (rng() % 2 ? " " : "\t") + QByteArray::number(f + 1) + ':' + shortest(v);
            }
            text += rng() % 10 == 0 ? " # note\n" : "\n";
        }
        const LoadResult result = LibsvmReader::readBuffer(text, QStringLiteral("random"));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const Dataset &ds = *result.dataset;
        QCOMPARE(ds.rowCount(), rows);
        QCOMPARE(ds.columnCount(), 1 + largest);
        QCOMPARE(cells(ds.column(0)), labels);
        for (int f = 0; f < largest; ++f) {
            QCOMPARE(ds.column(1 + f).name(), QStringLiteral("f") + QString::number(f + 1));
            QVERIFY2(cells(ds.column(1 + f)) == expected[f], qPrintable(QString::number(f + 1)));
        }
    }

    // 100,000 feature columns from two short lines: must be linear, not quadratic. The
    // time is reported, not asserted (a timed assertion is flaky on a loaded machine and
    // under the sanitizers); a quadratic reader (10^10 steps here) runs into ctest's
    // timeout instead.
    void wideFileIsFast()
    {
        QElapsedTimer timer;
        timer.start();
        const LoadResult r
            = LibsvmReader::readBuffer("1 100000:4.5\n0 1:2 99999:1\n", QStringLiteral("wide"));
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.columnCount(), 100001);
        QCOMPARE(cells(ds.column(100000)), std::vector<double>({ 4.5, 0 }));
        QCOMPARE(cells(ds.column(99999)), std::vector<double>({ 0, 1 }));
        QCOMPARE(cells(ds.column(1)), std::vector<double>({ 0, 2 }));
        QCOMPARE(ds.indexOf(QStringLiteral("f100000")), 100000);
        qInfo("100,000 columns read in %lld ms", ms);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        QTest::newRow("index 0") << QByteArray("1 1:1\n1 0:2 3:1\n") << 2 << 2
                                 << QStringLiteral("feature index 0: indices start at 1");
        QTest::newRow("negative index")
            << QByteArray("1 -3:1\n") << 1 << 2 << QStringLiteral("negative");
        QTest::newRow("duplicate index") << QByteArray("1 1:1\n\n-1 2:1 5:1 5:2\n") << 3 << 4
                                         << QStringLiteral("duplicate feature index 5");
        QTest::newRow("out of order") << QByteArray("1 2:1 7:1 3:1\n") << 1 << 4
                                      << QStringLiteral("feature index 3 comes after index 7");
        QTest::newRow("label not a number") << QByteArray("1 1:1\nyes 1:1\n") << 2 << 1
                                            << QStringLiteral("the label 'yes' is not a number");
        QTest::newRow("multi-label")
            << QByteArray("1,2 1:1\n") << 1 << 1 << QStringLiteral("is not a number");
        QTest::newRow("value not a number") << QByteArray("1 1:1 2:abc\n") << 1 << 3
                                            << QStringLiteral("the value 'abc' of feature 2");
        QTest::newRow("value missing")
            << QByteArray("1 1:\n") << 1 << 2 << QStringLiteral("feature 1 has no value");
        QTest::newRow("no colon") << QByteArray("1 1:1 7\n") << 1 << 3
                                  << QStringLiteral("expected index:value, found '7'");
        QTest::newRow("index not an integer") << QByteArray("1 1.5:1\n") << 1 << 2
                                              << QStringLiteral("'1.5' is not a positive integer");
        QTest::newRow("unknown key") << QByteArray("1 sid:1\n") << 1 << 2
                                     << QStringLiteral("'sid' is not a positive integer");
        QTest::newRow("index overflows int64")
            << QByteArray("1 99999999999999999999999:1\n") << 1 << 2 << QStringLiteral("too large");
        QTest::newRow("index beyond any table")
            << QByteArray("1 1:1\n1 3000000000:1\n") << 2 << 2 << QStringLiteral("too large");
        QTest::newRow("qid after features") << QByteArray(
            "1 1:1 qid:3\n") << 1 << 3 << QStringLiteral("qid must come directly after the label");
        QTest::newRow("qid not an integer")
            << QByteArray("1 qid:x 1:1\n") << 1 << 2 << QStringLiteral("qid 'x' is not an integer");
        QTest::newRow("NUL byte") << QByteArray("1 1:1\n2 1:\0\n", 12) << 2 << 0
                                  << QStringLiteral("binary data");
        QTest::newRow("CRLF keeps line numbers") << QByteArray("1 1:1\r\n# c\r\n\r\n2 2:1 1:1\r\n")
                                                 << 4 << 3 << QStringLiteral("comes after index 2");
        QTest::newRow("empty") << QByteArray() << 0 << 0 << QStringLiteral("the file is empty");
        QTest::newRow("only comments")
            << QByteArray("# a\n\n   \n# b\n") << 0 << 0 << QStringLiteral("no data");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const LoadResult r = LibsvmReader::readBuffer(text, QStringLiteral("in.svm"));
        QVERIFY(!r.ok());
        QVERIFY(!r.dataset);
        QVERIFY(r.error);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.error->file, QStringLiteral("in.svm"));
        QVERIFY2(r.error->message.contains(message), qPrintable(r.error->toString()));
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
    }

    // rows x N above 2^31 cells is refused before the table is allocated, naming where the
    // largest index was seen. (Allocating would take 32 GiB: this test would not finish.)
    void absurdTableIsRefused()
    {
        QByteArray text;
        for (int i = 0; i < 3; ++i)
            text += "1 1:1\n";
        text += "0 5:1 1073741825:2\n"; // 4 rows x 2^30+1 features
        text += "1 2:1\n";
        QElapsedTimer timer;
        timer.start();
        const LoadResult r = LibsvmReader::readBuffer(text, QStringLiteral("huge.svm"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 4);
        QCOMPARE(r.error->column, 3);
        QVERIFY2(r.error->message.contains(QStringLiteral("1073741825")),
            qPrintable(r.error->toString()));
        QVERIFY2(
            r.error->message.contains(QStringLiteral("limit")), qPrintable(r.error->toString()));
        qInfo("refused in %lld ms", timer.elapsed());
    }

    // Each index up to the largest is a dense column: an index above 1,000,000 is refused on
    // its line before any column exists, saying how to proceed (13 bytes once took 7.7 GB).
    void hugeIndexIsRefusedOnItsLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("index");
        QTest::newRow("1e7") << QByteArray("1 10000000:1") << 1 << 2 << QStringLiteral("10000000");
        QTest::newRow("1e8") << QByteArray("1 100000000:1") << 1 << 2
                             << QStringLiteral("100000000");
        QTest::newRow("one past the limit")
            << QByteArray("1 1:1\n# c\n0 2:1 1000001:3\n") << 3 << 3 << QStringLiteral("1000001");
    }
    void hugeIndexIsRefusedOnItsLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, index);
        const LoadResult r = LibsvmReader::readBuffer(text, QStringLiteral("tiny.svm"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->file, QStringLiteral("tiny.svm"));
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
        const QString m = r.error->message;
        QVERIFY2(m.startsWith(QStringLiteral("feature index %1 is too large: the limit is 1000000 "
                                             "features")
                                  .arg(index)),
            qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("renumber the features")), qPrintable(m));
    }

    // A lowered width limit (the fuzz target's) refuses an index above it the same way,
    // and accepts one at it; it cannot be raised past kMaxFeatures.
    void lowerWidthLimit()
    {
        const QByteArray text("1 1:1\n0 500000:2\n");
        LoadResult r = LibsvmReader::readBuffer(text, QStringLiteral("w.svm"), {}, 20000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 2);
        QCOMPARE(r.error->column, 2);
        QVERIFY2(r.error->message.startsWith(QStringLiteral(
                     "feature index 500000 is too large: the limit is 20000 features")),
            qPrintable(r.error->message));
        r = LibsvmReader::readBuffer("1 20000:1\n", QStringLiteral("w.svm"), {}, 20000);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.dataset->columnCount(), 20001);
        r = LibsvmReader::readBuffer("1 1000001:1\n", QStringLiteral("w.svm"), {}, 1 << 30);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->message.contains(QStringLiteral("the limit is 1000000 features")),
            qPrintable(r.error->message));
    }

    void fileProblems()
    {
        const LoadResult empty = LibsvmReader::read(fixture("empty.libsvm"));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error->file, fixture("empty.libsvm"));
        QVERIFY(empty.error->message.contains(QStringLiteral("empty")));

        const LoadResult none = LibsvmReader::read(QStringLiteral("/nonexistent/x.svm"));
        QVERIFY(!none.ok());
        QVERIFY(none.error->message.contains(QStringLiteral("no such file")));

        QTemporaryDir dir;
        const LoadResult directory = LibsvmReader::read(dir.path());
        QVERIFY(!directory.ok());
        QVERIFY(directory.error->message.contains(QStringLiteral("directory")));

        // The error of a file names the path, line and field.
        const QString path = dir.filePath(QStringLiteral("bad.svm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("1 1:1\n1 2:1 2:3\n");
        f.close();
        const LoadResult bad = LibsvmReader::read(path);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error->toString().startsWith(path + QStringLiteral(":2:3: ")),
            qPrintable(bad.error->toString()));
    }

    void garbageIsRefused()
    {
        std::mt19937 rng(4321);
        for (int trial = 0; trial < 50; ++trial) {
            QByteArray junk(1 + int(rng() % 4096), '\0');
            for (char &c : junk)
                c = static_cast<char>(rng() & 0xff);
            const LoadResult r = LibsvmReader::readBuffer(junk, QStringLiteral("junk"));
            QVERIFY(!r.ok());
            QVERIFY(r.error && !r.error->message.isEmpty());
        }
        QVERIFY(!LibsvmReader::read(QCoreApplication::applicationFilePath()).ok());
        // Text that is not LIBSVM (a CSV file).
        const LoadResult csv = LibsvmReader::readBuffer("a,b,c\n1,2,3\n", QStringLiteral("x.csv"));
        QVERIFY(!csv.ok());
        QCOMPARE(csv.error->line, 1);
        QCOMPARE(csv.error->column, 1);
    }

    void truncatedAndMutatedInput()
    {
        QFile f(fixture("sample.libsvm"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray full = f.readAll();
        for (qsizetype n = 0; n <= full.size(); ++n) {
            const LoadResult r = LibsvmReader::readBuffer(full.left(n), QStringLiteral("t"));
            QVERIFY(r.ok() || (r.error && !r.error->message.isEmpty()));
            if (r.ok())
                for (const Column &c : r.dataset->columns())
                    QCOMPARE(c.size(), r.dataset->rowCount());
        }
        std::mt19937 rng(99);
        const char alphabet[] = "0123456789:#qid \t\n\r-+.eE";
        for (int trial = 0; trial < 3000; ++trial) {
            QByteArray m = full;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const auto pos = static_cast<qsizetype>(rng() % static_cast<unsigned>(m.size()));
                m[pos] = alphabet[rng() % (sizeof alphabet - 1)];
            }
            const LoadResult r = LibsvmReader::readBuffer(m, QStringLiteral("t"));
            QVERIFY(r.ok() || (r.error && !r.error->message.isEmpty()));
            if (r.ok()) {
                QVERIFY(r.dataset->columnCount() >= 1);
                for (const Column &c : r.dataset->columns())
                    QCOMPARE(c.size(), r.dataset->rowCount());
            }
        }
    }

    void progressAndCancel()
    {
        QByteArray text;
        const int rows = 200000; // ~3.5 MB
        for (int i = 0; i < rows; ++i)
            text += QByteArray::number(i % 2) + " 1:" + QByteArray::number(i) + " 3:0.5\n";

        std::vector<double> seen;
        LoadControl control;
        control.progress = [&seen](double f) { seen.push_back(f); };
        const LoadResult r = LibsvmReader::readBuffer(text, QStringLiteral("big"), control);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->rowCount(), rows);
        QCOMPARE(r.dataset->column(1).values()[rows - 1], double(rows - 1));
        QVERIFY(seen.size() >= 4);
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));

        std::atomic<bool> cancel { false };
        LoadControl cancelling;
        cancelling.cancel = &cancel;
        int reports = 0;
        cancelling.progress = [&](double f) {
            if (f > 0 && ++reports == 1)
                cancel = true;
        };
        const LoadResult c = LibsvmReader::readBuffer(text, QStringLiteral("big"), cancelling);
        QVERIFY(c.cancelled);
        QVERIFY(!c.dataset);
        QCOMPARE(reports, 1);
    }
};

QTEST_GUILESS_MAIN(TestLibsvmReader)
#include "tst_libsvmreader.moc"
