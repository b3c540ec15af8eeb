// The CSV/TSV loader: quoting, dialects, headers, types, exact numbers, blocks and
// threads, progress and cancel, every kind of bad input, and a comparison with pandas.
#include "NumberCases.h"
#include "ReferenceSkip.h"
#include "data/ArffReader.h"
#include "data/CsvLoader.h"
#include "data/CsvReader.h"
#include "data/DatasetLoader.h"
#include "data/LibsvmReader.h"
#include "data/TextSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace sextant::engine;

namespace {

const QString kMem = QStringLiteral("mem.csv");

QString fixture(const QString &name)
{
    return QStringLiteral(SEXTANT_TEST_DATA_DIR "/csv/") + name;
}

LoadResult loadText(const QByteArray &text, const CsvOptions &options = {})
{
    return CsvReader::readBuffer(text, kMem, options);
}

// A cell as the tests spell it: the display value, or "<NA>" when missing.
QString cell(const Dataset &ds, int column, std::int64_t row)
{
    const Column &c = ds.column(column);
    return c.isMissing(row) ? QStringLiteral("<NA>") : c.displayValue(row);
}

// The whole table: rows joined by '\n', cells by '|'.
QString table(const Dataset &ds)
{
    QStringList rows;
    for (std::int64_t r = 0; r < ds.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ds.columnCount(); ++c)
            cells << cell(ds, c, r);
        rows << cells.join(QLatin1Char('|'));
    }
    return rows.join(QLatin1Char('\n'));
}

// "n" for numeric, "c" for categorical, one letter per column.
QString types(const Dataset &ds)
{
    QString out;
    for (const Column &c : ds.columns())
        out += c.isNumeric() ? QLatin1Char('n') : QLatin1Char('c');
    return out;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// Empty when both datasets hold the same names, types and cells (bit for bit).
QString difference(const Dataset &a, const Dataset &b)
{
    if (a.columnNames() != b.columnNames())
        return QStringLiteral("names differ: ") + a.columnNames().join(QLatin1Char(','))
            + QStringLiteral(" vs ") + b.columnNames().join(QLatin1Char(','));
    if (a.rowCount() != b.rowCount())
        return QStringLiteral("row counts differ: %1 vs %2").arg(a.rowCount()).arg(b.rowCount());
    for (int c = 0; c < a.columnCount(); ++c) {
        const Column &x = a.column(c);
        const Column &y = b.column(c);
        if (x.type() != y.type())
            return QStringLiteral("column %1: types differ").arg(c);
        if (x.isCategorical() && x.categories() != y.categories())
            return QStringLiteral("column %1: categories differ").arg(c);
        for (std::int64_t r = 0; r < a.rowCount(); ++r) {
            const bool same = x.isMissing(r) == y.isMissing(r)
                && (x.isNumeric() ? sameBits(x.values()[r], y.values()[r])
                                  : x.codes()[r] == y.codes()[r]);
            if (!same)
                return QStringLiteral("column %1 row %2: %3 vs %4")
                    .arg(c)
                    .arg(r)
                    .arg(cell(a, c, r), cell(b, c, r));
        }
    }
    return {};
}

QString warningsText(const LoadResult &r)
{
    QStringList out;
    for (const LoadIssue &w : r.warnings)
        out << w.toString();
    return out.join(QLatin1Char('\n'));
}

QString describe(const LoadResult &r)
{
    return r.error ? r.error->toString() : QStringLiteral("no error; warnings: ") + warningsText(r);
}

// Internal knobs: tiny blocks and chunks reach every block-boundary path with small data.
csv::Tuning tinyBlocks(std::size_t block)
{
    csv::Tuning t;
    t.blockBytes = block;
    t.minChunkBytes = 1;
    return t;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// ---------------------------------------------------------------------------------------
// A child process that loads one file: how much memory a load takes, and what running out
// of it does, measured outside the test process (its own peak, its own limits).

// "VmHWM" (peak resident) or "VmSize" (address space) of this process, in kB.
qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// tst_csvreader --load-child FILE: loads FILE with CsvReader; prints "rows R columns C"
// (exit 0) or the error (stderr, exit 1, as `sextant info` does), then "VmHWM N" (kB).
// tst_csvreader --vmsize-child: prints "VmSize N" (kB) of a process that did nothing.
int childMain(int argc, char **argv)
{
    if (qstrcmp(argv[1], "--vmsize-child") == 0) {
        std::printf("VmSize %lld\n", static_cast<long long>(statusKb("VmSize")));
        return 0;
    }
    if (argc < 3)
        return 2;
    const LoadResult r = CsvReader::read(QString::fromLocal8Bit(argv[2]));
    int code = 0;
    if (r.ok()) {
        std::printf("rows %lld columns %d\n", static_cast<long long>(r.dataset->rowCount()),
            r.dataset->columnCount());
    } else {
        std::fprintf(stderr, "%s\n", qPrintable(r.error->toString()));
        code = 1;
    }
    std::printf("VmHWM %lld\n", static_cast<long long>(statusKb("VmHWM")));
    return code;
}

struct ChildRun {
    bool finished = false; // exited normally (not killed by a signal, e.g. SIGABRT)
    int exitCode = -1;
    QString out;
    QString err;
    qint64 value(const QString &key) const
    {
        for (const QString &line : out.split(QLatin1Char('\n')))
            if (line.startsWith(key + QLatin1Char(' ')))
                return line.mid(key.size() + 1).toLongLong();
        return -1;
    }
};

// Runs this test executable in child mode; with `vmLimitKb` > 0 under `ulimit -v`.
ChildRun runChild(const QStringList &args, qint64 vmLimitKb = 0)
{
    QProcess p;
    const QString self = QCoreApplication::applicationFilePath();
    if (vmLimitKb > 0)
        p.start(QStringLiteral("/bin/bash"),
            QStringList { QStringLiteral("-c"),
                QStringLiteral("ulimit -v %1 && exec \"$0\" \"$@\"").arg(vmLimitKb), self }
                + args);
    else
        p.start(self, args);
    ChildRun r;
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---------------------------------------------------------------- shared rules
    void numberRulesAreShared_data() { sextant::testing::addNumberCases(); }
    void numberRulesAreShared()
    {
        // NumberParser.h's table, in a column alone (general path) and after numbers
        // (the fast path of the parse loop): a number, or text making the column
        // categorical.
        QFETCH(QByteArray, text);
        QFETCH(bool, number);
        QFETCH(double, value);
        const QList<QByteArray> inputs = { QByteArray("a,b\n" + text + ",1\n"),
            QByteArray("a,b\n5,1\n" + text + ",1\n6,1\n") };
        for (const QByteArray &input : inputs) {
            const LoadResult r = loadText(input);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            const Column &c = r.dataset->column(0);
            QCOMPARE(c.isNumeric(), number);
            if (number) {
                const std::int64_t row = input.startsWith("a,b\n5") ? 1 : 0;
                QVERIFY2(sameBits(c.values()[row], value),
                    qPrintable(QString::number(c.values()[row], 'g', 17)));
            }
        }
    }

    // ---------------------------------------------------------------- resources
    void manyDuplicateNames()
    {
        // 20,000 copies of one name (quadratic renaming took over a minute): x, x_2 ...
        // x_20000, and a name that collides with a generated one keeps its own.
        constexpr int kCopies = 20000;
        QByteArray header = "x_3";
        QByteArray row = "0";
        for (int i = 0; i < kCopies; ++i) {
            header += ",x";
            row += ",1";
        }
        const LoadResult r = loadText(header + '\n' + row + '\n');
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.columnCount(), kCopies + 1);
        QCOMPARE(ds.column(0).name(), QStringLiteral("x_3"));
        QCOMPARE(ds.column(1).name(), QStringLiteral("x"));
        QCOMPARE(ds.column(2).name(), QStringLiteral("x_2"));
        QCOMPARE(ds.column(3).name(), QStringLiteral("x_4")); // x_3 is taken
        QCOMPARE(ds.column(kCopies).name(), QStringLiteral("x_%1").arg(kCopies + 1));
        QSet<QString> unique;
        for (const Column &c : ds.columns())
            unique.insert(c.name());
        QCOMPARE(unique.size(), kCopies + 1);
    }

    void duplicateNamingCanBeCancelled()
    {
        QByteArray header = "x";
        for (int i = 0; i < 50000; ++i)
            header += ",x";
        std::atomic<bool> cancel { true };
        LoadControl control;
        control.cancel = &cancel;
        const LoadResult r = CsvReader::readBuffer(header + '\n', kMem, {}, control);
        QVERIFY(r.cancelled);
    }

    void wideOneRowFileTakesMemoryInProportion()
    {
#ifdef SEXTANT_SANITIZED
        QSKIP("memory bounds and ulimit -v do not hold under AddressSanitizer (shadow memory, "
              "redzones): checked by the unsanitized build");
#endif
        // One row, 10^6 columns, 9 MB: each chunk used to reserve 1,024 rows for every
        // column (9 GB). Loaded in a child process, whose peak resident size is measured.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr int kColumns = 1000000;
        QByteArray text;
        text.reserve(10 * kColumns);
        for (int c = 0; c < kColumns; ++c) {
            text += c ? ",c" : "c";
            text += QByteArray::number(c);
        }
        text += '\n';
        for (int c = 0; c < kColumns; ++c)
            text += c ? ",7" : "7";
        text += '\n';
        const QString path = dir.filePath(QStringLiteral("wide.csv"));
        QVERIFY(writeFile(path, text));
        const ChildRun run = runChild({ QStringLiteral("--load-child"), path });
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("rows 1 columns 1000000")), qPrintable(run.out));
        const qint64 peakKb = run.value(QStringLiteral("VmHWM"));
        qInfo("one-row 10^6-column CSV (%lld bytes): peak resident %lld MB",
            static_cast<long long>(text.size()), peakKb / 1024);
        QVERIFY(peakKb > 0);
        // About 390 bytes a column over the process's own ~30 MB: the column, its storage,
        // its name and its entry in the name index, and the loader's per-column state (it
        // was 9 GB when each chunk reserved 1,024 rows per column, then 620 MB with a
        // dictionary and chunk text per numeric column, a list of finished columns beside
        // the dataset and its regrowth).
        QVERIFY2(peakKb < 512 * 1024, qPrintable(QString::number(peakKb)));
    }

    void wideFileTakesMemoryInProportion()
    {
#ifdef SEXTANT_SANITIZED
        QSKIP("memory bounds and ulimit -v do not hold under AddressSanitizer (shadow memory, "
              "redzones): checked by the unsanitized build");
#endif
        // 20,000 columns x 100 rows: 18 MB of text, 16 MB as doubles (it took 470 MB).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr int kColumns = 20000;
        QByteArray text;
        for (int c = 0; c < kColumns; ++c)
            text += (c ? ",c" : "c") + QByteArray::number(c);
        text += '\n';
        QRandomGenerator rng(7);
        for (int r = 0; r < 100; ++r) {
            QByteArray row;
            for (int c = 0; c < kColumns; ++c)
                row += (c ? "," : "") + QByteArray::number(rng.generateDouble(), 'f', 6);
            text += row + '\n';
        }
        const QString path = dir.filePath(QStringLiteral("wide.csv"));
        QVERIFY(writeFile(path, text));
        const ChildRun run = runChild({ QStringLiteral("--load-child"), path });
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("rows 100 columns 20000")), qPrintable(run.out));
        const qint64 peakKb = run.value(QStringLiteral("VmHWM"));
        qInfo("20,000 x 100 CSV (%lld bytes): peak resident %lld MB",
            static_cast<long long>(text.size()), peakKb / 1024);
        QVERIFY(peakKb > 0);
        // The process itself, the 16 MB of columns, block and chunk buffers.
        QVERIFY2(peakKb < 200 * 1024, qPrintable(QString::number(peakKb)));
    }

    void outOfMemoryNamesTheFileOnce()
    {
        const QString file = QStringLiteral("/data/big.csv");
        const LoadIssue oom = notEnoughMemory(file, 3.0 * double(1 << 30));
        QCOMPARE(oom.file, file);
        QCOMPARE(oom.toString(),
            QStringLiteral("not enough memory to load /data/big.csv: needs about 3.0 GB"));
        // Messages that do not name the file, or that point into it, keep their prefix.
        QCOMPARE((LoadIssue { file, 0, 0, QStringLiteral("the file is empty") }).toString(),
            QStringLiteral("/data/big.csv: the file is empty"));
        QCOMPARE((LoadIssue { file, 3, 2, QStringLiteral("see /data/big.csv") }).toString(),
            QStringLiteral("/data/big.csv:3:2: see /data/big.csv"));
    }

    void runningOutOfMemoryIsARefusal()
    {
#ifdef SEXTANT_SANITIZED
        QSKIP("memory bounds and ulimit -v do not hold under AddressSanitizer (shadow memory, "
              "redzones): checked by the unsanitized build");
#endif
        // Under an address-space limit the load fails with a message and exit code 1, not
        // an abort (134) from a destructor or a thread that could not start.
        const ChildRun base = runChild({ QStringLiteral("--vmsize-child") });
        const qint64 baseKb = base.value(QStringLiteral("VmSize"));
        QVERIFY2(baseKb > 0, qPrintable(base.out + base.err));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // 60 MB of text, 240 MB of doubles: more than the 160 MB allowed beyond what the
        // process needs to start.
        QByteArray row = "1,2,3,4,5,6,7,8,9,0\n";
        QByteArray text = "a,b,c,d,e,f,g,h,i,j\n";
        text.reserve(60 << 20);
        while (text.size() < (60 << 20))
            text += row;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QVERIFY(writeFile(path, text));
        text = {};
        const ChildRun run
            = runChild({ QStringLiteral("--load-child"), path }, baseKb + 160 * 1024);
        QVERIFY2(run.finished, qPrintable(QStringLiteral("the child was killed: ") + run.err));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not enough memory to load ") + path
                     + QStringLiteral(": needs about ")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(" GB")), qPrintable(run.err));
        // One message, naming the file once.
        QVERIFY2(
            run.err.startsWith(QStringLiteral("not enough memory to load ")), qPrintable(run.err));
        QCOMPARE(run.err.count(path), 1);
    }

    void fifoIsRefusedByEveryReader()
    {
        // A FIFO would block a reader forever (no writer ever comes): every reader, and
        // the loader that picks one, refuses it before opening it, with the same words.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto refusal = [&](auto read) -> QString {
            auto future = std::async(std::launch::async, read);
            if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
                // Blocked in open(): give it a writer and an end of file, then fail.
                const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0)
                    ::close(fd);
                future.wait();
                return QStringLiteral("blocked");
            }
            const LoadResult r = future.get();
            return r.error ? r.error->toString() : QStringLiteral("loaded");
        };
        const QString csv = refusal([&] { return CsvReader::read(fifo); });
        QVERIFY2(csv.contains(QStringLiteral("is not a regular file")), qPrintable(csv));
        QVERIFY2(csv.startsWith(fifo), qPrintable(csv));
        QCOMPARE(refusal([&] { return ArffReader::read(fifo); }), csv);
        QCOMPARE(refusal([&] { return LibsvmReader::read(fifo); }), csv);
        QCOMPARE(refusal([&] { return DatasetLoader::load(fifo); }), csv);
        // A FIFO without a data suffix is sniffed by DatasetLoader: refused first too.
        const QString bare = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(bare).constData(), 0600), 0);
        const QString sniffed = refusal([&] { return DatasetLoader::load(bare); });
        QVERIFY2(sniffed.contains(QStringLiteral("is not a regular file")), qPrintable(sniffed));
        // So is a device.
        const LoadResult device = CsvReader::read(QStringLiteral("/dev/zero"));
        QVERIFY(!device.ok());
        QVERIFY(device.error->message.contains(QStringLiteral("is not a regular file")));
    }

    // ---------------------------------------------------------------- quoting
    void quoting_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected"); // table() of the result
        QTest::addColumn<QString>("expectedTypes");

        QTest::newRow("embedded delimiter") << QByteArray("a,b\n\"x,y\",1\n") << "x,y|1"
                                            << "cn";
        QTest::newRow("doubled quotes")
            << QByteArray("a,b\n\"say \"\"hi\"\"\",1\n") << "say \"hi\"|1"
            << "cn";
        QTest::newRow("only a doubled quote") << QByteArray("a,b\n\"\"\"\",1\n") << "\"|1"
                                              << "cn";
        QTest::newRow("newline inside")
            << QByteArray("a,b\n\"two\nlines\",1\nz,2\n") << "two\nlines|1\nz|2"
            << "cn";
        QTest::newRow("crlf inside")
            << QByteArray("a,b\r\n\"two\r\nlines\",1\r\n") << "two\r\nlines|1"
            << "cn";
        QTest::newRow("empty quoted is missing")
            << QByteArray("a,b\n\"\",1\nx,2\n") << "<NA>|1\nx|2"
            << "cn";
        QTest::newRow("quoted number is a number")
            << QByteArray("a,b\n\"1.5\",\" 2 \"\n") << "1.5|2"
            << "nn";
        QTest::newRow("spaces around quoted field") << QByteArray("a,b\n  \"x\"  ,1\n") << "x|1"
                                                    << "cn";
        QTest::newRow("quoted keeps inner spaces") << QByteArray("a,b\n\" x \",1\n") << " x |1"
                                                   << "cn";
        QTest::newRow("quote inside unquoted field")
            << QByteArray("a,b\n5\" screen,1\n") << "5\" screen|1"
            << "cn";
        QTest::newRow("quoted delimiter and newline last field")
            << QByteArray("a,b\n1,\"x,\ny\"") << "1|x,\ny"
            << "nc";
        QTest::newRow("quoted header names") << QByteArray("\"a,1\",\"b\"\"\"\n1,2\n") << "1|2"
                                             << "nn";
        QTest::newRow("all fields quoted")
            << QByteArray("\"a\",\"b\"\n\"1\",\"x\"\n\"2\",\"y\"\n") << "1|x\n2|y"
            << "nc";
    }
    void quoting()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QFETCH(QString, expectedTypes);
        for (const int threads : { 1, 2 }) {
            CsvOptions o;
            o.threads = threads;
            const LoadResult r = loadText(input, o);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(table(*r.dataset), expected);
            QCOMPARE(types(*r.dataset), expectedTypes);
            // Every block size gives the same (records cross block ends).
            for (const std::size_t block : { 1, 2, 3, 5, 8, 13 }) {
                const LoadResult t = csv::readBuffer(input, kMem, o, {}, tinyBlocks(block));
                QVERIFY2(t.ok(), qPrintable(describe(t)));
                QCOMPARE(difference(*t.dataset, *r.dataset), QString());
            }
        }
    }

    void quotedHeaderNames()
    {
        const LoadResult r = CsvReader::read(fixture(QStringLiteral("quoting.csv")));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.columnNames(),
            (QStringList { QStringLiteral("id"), QStringLiteral("name, full"),
                QStringLiteral("quote \"q\""), QStringLiteral("note") }));
        QCOMPARE(ds.rowCount(), 3);
        QCOMPARE(cell(ds, 1, 0), QStringLiteral("Smith, J."));
        QCOMPARE(cell(ds, 2, 0), QStringLiteral("say \"hi\""));
        QCOMPARE(cell(ds, 3, 0), QStringLiteral("two\nlines"));
        QCOMPARE(cell(ds, 3, 1), QStringLiteral("with, comma"));
        QCOMPARE(cell(ds, 1, 2), QStringLiteral("<NA>"));
        QCOMPARE(cell(ds, 3, 2), QStringLiteral("<NA>"));
        QCOMPARE(ds.name(), QStringLiteral("quoting"));
        QCOMPARE(ds.source(), fixture(QStringLiteral("quoting.csv")));
    }

    void strayTextAfterQuoteWarns()
    {
        const LoadResult r = loadText("a,b\n\"x\"y,1\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(cell(*r.dataset, 0, 0), QStringLiteral("xy"));
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].line, 2);
        QCOMPARE(r.warnings[0].column, 1);
    }

    // ---------------------------------------------------------------- dialects
    void delimiters_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<char>("option"); // '\0' = sniff
        QTest::addColumn<QString>("expected");

        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n4,5,6\n") << '\0' << "1|2|3\n4|5|6";
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2;3\n4;5;6\n") << '\0' << "1|2|3\n4|5|6";
        QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2\t3\n") << '\0' << "1|2|3";
        QTest::newRow("pipe") << QByteArray("a|b|c\n1|2|3\n") << '\0' << "1|2|3";
        QTest::newRow("semicolon with decimal commas")
            << QByteArray("a;b\n1,5;2,5\n3,1;4\n") << '\0' << "1,5|2,5\n3,1|4";
        QTest::newRow("tab with commas in text")
            << QByteArray("a\tb\nx, y\t1\nz\t2\n") << '\0' << "x, y|1\nz|2";
        QTest::newRow("quote-aware: commas inside quotes")
            << QByteArray("a;b\n\"1,2,3\";4\n\"5,6,7\";8\n") << '\0' << "1,2,3|4\n5,6,7|8";
        QTest::newRow("consistent counts win")
            << QByteArray("a,b|c\n1,2|3\n4,5|6\n7|8\n") << '\0' << "1,2|3\n4,5|6\n7|8";
        QTest::newRow("explicit delimiter") << QByteArray("a;b,c\n1;2,3\n") << ';' << "1|2,3";
        QTest::newRow("explicit tab") << QByteArray("a\tb\n1\t2\n") << '\t' << "1|2";
    }
    void delimiters()
    {
        QFETCH(QByteArray, input);
        QFETCH(char, option);
        QFETCH(QString, expected);
        CsvOptions o;
        o.delimiter = option;
        const LoadResult r = loadText(input, o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), expected);
    }

    void delimiterFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("semicolon.csv") << "semicolon.csv"
                                       << "1|2|x\n3|4|y\n5|6|z";
        QTest::newRow("tabs.tsv") << "tabs.tsv"
                                  << "1|2|x, y\n3|4|z";
        QTest::newRow("pipe.txt") << "pipe.txt"
                                  << "1|2|x\n3|4|y";
    }
    void delimiterFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const LoadResult r = CsvReader::read(fixture(file));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->columnNames(),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(table(*r.dataset), expected);
    }

    void bom()
    {
        const LoadResult with = CsvReader::read(fixture(QStringLiteral("bom.csv")));
        QVERIFY2(with.ok(), qPrintable(describe(with)));
        const LoadResult without = loadText("a,b\n1,2\n3,4\n");
        QVERIFY(without.ok());
        QCOMPARE(with.dataset->columnNames(),
            (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(difference(*with.dataset, *without.dataset), QString());
        // A BOM before headerless numbers, too.
        const LoadResult numbers = loadText("\xef\xbb\xbf"
                                            "1,2\n3,4\n");
        QVERIFY(numbers.ok());
        QCOMPARE(types(*numbers.dataset), QStringLiteral("nn"));
        QCOMPARE(table(*numbers.dataset), QStringLiteral("1|2\n3|4"));
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("LF") << QByteArray("a,b\n1,x\n2,y\n");
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,x\r\n2,y\r\n");
        QTest::newRow("CR (classic Mac)") << QByteArray("a,b\r1,x\r2,y\r");
        QTest::newRow("LF, no final newline") << QByteArray("a,b\n1,x\n2,y");
        QTest::newRow("CRLF, no final newline") << QByteArray("a,b\r\n1,x\r\n2,y");
        QTest::newRow("mixed LF and CRLF") << QByteArray("a,b\r\n1,x\n2,y\r\n");
        QTest::newRow("blank lines skipped") << QByteArray("\na,b\n\n1,x\n   \n2,y\n\n\n");
        QTest::newRow("quoted last field, CRLF") << QByteArray("a,b\r\n1,\"x\"\r\n2,\"y\"\r\n");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, input);
        const LoadResult r = loadText(input);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(
            r.dataset->columnNames(), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(table(*r.dataset), QStringLiteral("1|x\n2|y"));
        QCOMPARE(types(*r.dataset), QStringLiteral("nc"));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(warningsText(r)));
    }

    void crlfFixture()
    {
        const LoadResult r = CsvReader::read(fixture(QStringLiteral("crlf.csv")));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), QStringLiteral("1|2\n3|4"));
        QCOMPARE(r.dataset->column(1).name(), QStringLiteral("b"));
    }

    // ---------------------------------------------------------------- header
    void header_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("mode"); // CsvOptions::Header
        QTest::addColumn<QString>("names");
        QTest::addColumn<int>("rows");

        const int detect = int(CsvOptions::Header::Detect);
        QTest::newRow("text above numbers")
            << QByteArray("x,y\n1,2\n3,4\n") << detect << "x,y" << 2;
        QTest::newRow("one text column above numbers")
            << QByteArray("id,2019\n1,5\n2,6\n") << detect << "id,2019" << 2;
        QTest::newRow("numbers only: no header")
            << QByteArray("1,2\n3,4\n") << detect << "Column 1,Column 2" << 2;
        QTest::newRow("text rows, first row values do not recur")
            << QByteArray("name,city\nbob,paris\nann,rome\n") << detect << "name,city" << 2;
        QTest::newRow("text rows, first row values recur")
            << QByteArray("bob,paris\nann,rome\nbob,oslo\n") << detect << "Column 1,Column 2" << 3;
        QTest::newRow("mixed types, first row is data")
            << QByteArray("bob,30\nann,40\n") << detect << "Column 1,Column 2" << 2;
        QTest::newRow("forced present")
            << QByteArray("1,2\n3,4\n") << int(CsvOptions::Header::Present) << "1,2" << 1;
        QTest::newRow("forced absent")
            << QByteArray("x,y\n1,2\n") << int(CsvOptions::Header::Absent) << "Column 1,Column 2"
            << 2;
        QTest::newRow("duplicate names")
            << QByteArray("x,x,y,x\n1,2,3,4\n") << detect << "x,x_2,y,x_3" << 1;
        QTest::newRow("duplicate that collides with a real name")
            << QByteArray("x,x,x_2\n1,2,3\n") << detect << "x,x_3,x_2" << 1;
        QTest::newRow("empty names")
            << QByteArray("a,,c,\"\"\n1,2,3,4\n") << detect << "a,Column 2,c,Column 4" << 1;
        QTest::newRow("names are trimmed") << QByteArray(" a , b \n1,2\n") << detect << "a,b" << 1;
        QTest::newRow("pandas index column (empty first name)")
            << QByteArray(",a,b\n0,x,1\n1,y,2\n") << detect << "Column 1,a,b" << 2;
    }
    void header()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, mode);
        QFETCH(QString, names);
        QFETCH(int, rows);
        CsvOptions o;
        o.header = CsvOptions::Header(mode);
        const LoadResult r = loadText(input, o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->columnNames().join(QLatin1Char(',')), names);
        QCOMPARE(r.dataset->rowCount(), rows);
    }

    // ---------------------------------------------------------------- missing and types
    void missingTokens_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("tokens"); // empty = defaults
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("expectedTypes");

        QTest::newRow("defaults in a numeric column")
            << QByteArray("a\n1\nNA\nN/A\nNaN\nnan\n?\nnull\nNULL\nNone\n\n\"\"\n2\n")
            << QStringList() << "1\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n2"
            << "n";
        QTest::newRow("defaults in a text column")
            << QByteArray("a,b\nx,1\nNA,2\n?,3\n,4\n  null  ,5\n") << QStringList()
            << "x|1\n<NA>|2\n<NA>|3\n<NA>|4\n<NA>|5"
            << "cn";
        QTest::newRow("empty fields")
            << QByteArray("a,b,c\n1,,x\n,2,\n") << QStringList() << "1|<NA>|x\n<NA>|2|<NA>"
            << "nnc";
        QTest::newRow("custom numeric sentinel")
            << QByteArray("a,b\n1,-999\n-999,2\n") << QStringList { QStringLiteral("-999") }
            << "1|<NA>\n<NA>|2"
            << "nn";
        QTest::newRow("custom token keeps NA as text")
            << QByteArray("a\nNA\nmissing\nx\n") << QStringList { QStringLiteral("missing") }
            << "NA\n<NA>\nx"
            << "c";
    }
    void missingTokens()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, tokens);
        QFETCH(QString, expected);
        QFETCH(QString, expectedTypes);
        CsvOptions o;
        if (!tokens.isEmpty())
            o.missingTokens = tokens;
        const LoadResult r = loadText(input, o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), expected);
        QCOMPARE(types(*r.dataset), expectedTypes);
    }

    void numberForms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("numeric");
        QTest::addColumn<double>("value");

        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("1e-3") << QByteArray("1e-3") << true << 1e-3;
        QTest::newRow("-.5") << QByteArray("-.5") << true << -0.5;
        QTest::newRow("+3") << QByteArray("+3") << true << 3.0;
        QTest::newRow("3.") << QByteArray("3.") << true << 3.0;
        QTest::newRow("1E5") << QByteArray("1E5") << true << 1e5;
        QTest::newRow("007") << QByteArray("007") << true << 7.0;
        QTest::newRow("spaces") << QByteArray("  12.5  ") << true << 12.5;
        QTest::newRow("tab around") << QByteArray("\t-4\t") << true << -4.0;
        QTest::newRow("inf") << QByteArray("inf") << true << inf;
        QTest::newRow("-Infinity") << QByteArray("-Infinity") << true << -inf;
        QTest::newRow("+inf") << QByteArray("+inf") << true << inf;
        QTest::newRow("overflow") << QByteArray("1e400") << true << inf;
        QTest::newRow("-overflow") << QByteArray("-1e400") << true << -inf;
        QTest::newRow("underflow") << QByteArray("1e-400") << true << 0.0;
        QTest::newRow("subnormal")
            << QByteArray("4.9406564584124654e-324") << true << 4.9406564584124654e-324;
        QTest::newRow("many digits")
            << QByteArray("0.1000000000000000055511151231257827") << true << 0.1;
        QTest::newRow("hex is text") << QByteArray("0x10") << false << 0.0;
        QTest::newRow("1e is text") << QByteArray("1e") << false << 0.0;
        QTest::newRow("+-3 is text") << QByteArray("+-3") << false << 0.0;
        QTest::newRow("++3 is text") << QByteArray("++3") << false << 0.0;
        QTest::newRow("- is text") << QByteArray("-") << false << 0.0;
        QTest::newRow(". is text") << QByteArray(".") << false << 0.0;
        QTest::newRow("1.2.3 is text") << QByteArray("1.2.3") << false << 0.0;
        QTest::newRow("thousands separator is text") << QByteArray("\"1,000\"") << false << 0.0;
        QTest::newRow("12abc is text") << QByteArray("12abc") << false << 0.0;
        QTest::newRow("1 2 is text") << QByteArray("1 2") << false << 0.0;
    }
    void numberForms()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, numeric);
        QFETCH(double, value);
        // The cell alone and after other numbers (fast path and general path alike).
        const QList<QByteArray> inputs = { QByteArray("a,b\n" + text + ",1\n"),
            QByteArray("a,b\n5,1\n" + text + ",1\n6,1\n") };
        for (const QByteArray &input : inputs) {
            const LoadResult r = loadText(input);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            const Column &c = r.dataset->column(0);
            QCOMPARE(c.isNumeric(), numeric);
            const std::int64_t row = r.dataset->rowCount() == 1 ? 0 : 1;
            if (numeric)
                QVERIFY2(sameBits(c.values()[row], value),
                    qPrintable(QString::number(c.values()[row], 'g', 17)));
            else
                QCOMPARE(c.displayValue(row),
                    QString::fromUtf8(text).trimmed().remove(QLatin1Char('"')));
        }
    }

    void nanAndMissingAgree()
    {
        // "nan" is a missing token by default; even without it, a NaN cell is missing
        // (a numeric column stores NaN for missing).
        CsvOptions o;
        o.missingTokens = {};
        const LoadResult r = loadText("a\n1\nnan\n2\n", o);
        QVERIFY(r.ok());
        QVERIFY(r.dataset->column(0).isNumeric());
        QVERIFY(r.dataset->column(0).isMissing(1));
        QCOMPARE(r.dataset->column(0).missingCount(), 1);
    }

    void categoriesInOrderOfFirstAppearance()
    {
        const LoadResult r = loadText("c,n\nz,1\na,2\nz,3\nm,4\na,5\n,6\n");
        QVERIFY(r.ok());
        const Column &c = r.dataset->column(0);
        QVERIFY(c.isCategorical());
        QCOMPARE(c.categories(),
            (QStringList { QStringLiteral("z"), QStringLiteral("a"), QStringLiteral("m") }));
        const std::vector<std::int32_t> codes(c.codes().begin(), c.codes().end());
        QCOMPARE(codes, (std::vector<std::int32_t> { 0, 1, 0, 2, 1, -1 }));
        QCOMPARE(c.missingCount(), 1);
        // A numeric column without missing cells carries no mask.
        QCOMPARE(r.dataset->column(1).missingCount(), 0);
    }

    void switchToCategoricalInSample()
    {
        const LoadResult r = loadText("a,b\n1.50,1\n2,2\nx,3\n1.50,4\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Column &c = r.dataset->column(0);
        QVERIFY(c.isCategorical());
        QCOMPARE(c.categories(),
            (QStringList { QStringLiteral("1.50"), QStringLiteral("2"), QStringLiteral("x") }));
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].line, 4);
        QCOMPARE(r.warnings[0].column, 1);
        QVERIFY(r.warnings[0].message.contains(QStringLiteral("\"x\"")));
    }

    // A column that is numeric for the first blocks and meets text beyond the first
    // block: it becomes categorical, no row is lost, and the earlier cells keep their
    // exact text ("1.50", not "1.5").
    void lateSwitchBeyondFirstBlock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("late.csv"));
        const int rows = 1'200'000; // ~19 MB, several 4 MB blocks
        QByteArray data = "id,value,label\n";
        data.reserve(rows * 16);
        for (int i = 0; i < rows; ++i) {
            data += QByteArray::number(i);
            data += i == rows - 5 ? ",oops," : (i % 3 == 0 ? ",1.50," : ",2,");
            data += i % 2 ? "odd\n" : "even\n";
        }
        QVERIFY(writeFile(path, data));

        const LoadResult r = CsvReader::read(path);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.rowCount(), rows);
        QCOMPARE(types(ds), QStringLiteral("ncc"));
        const Column &v = ds.column(1);
        QCOMPARE(v.categories(),
            (QStringList { QStringLiteral("1.50"), QStringLiteral("2"), QStringLiteral("oops") }));
        QCOMPARE(v.displayValue(0), QStringLiteral("1.50"));
        QCOMPARE(v.displayValue(1), QStringLiteral("2"));
        QCOMPARE(v.displayValue(rows - 5), QStringLiteral("oops"));
        QCOMPARE(v.displayValue(rows - 3), QStringLiteral("1.50"));
        QCOMPARE(ds.column(0).values()[rows - 1], double(rows - 1));
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].line, rows - 5 + 2);
        QCOMPARE(r.warnings[0].column, 2);

        // The same from memory with tiny blocks and several threads.
        CsvOptions o;
        o.threads = 3;
        csv::Tuning t = tinyBlocks(64 * 1024);
        const LoadResult m = csv::readBuffer(data, kMem, o, {}, t);
        QVERIFY2(m.ok(), qPrintable(describe(m)));
        QCOMPARE(difference(*m.dataset, ds), QString());
    }

    void lateSwitchWhenTheFileChanged()
    {
        // The exact text of earlier numbers comes from re-reading the file. When the file
        // changed meanwhile, the numbers are spelled in their shortest exact form instead.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("growing.csv"));
        QByteArray data = "a,b\n";
        for (int i = 0; i < 20000; ++i) // beyond the 64 KB sample
            data += (i == 19990 ? QByteArray("x") : QByteArray::number(i % 4) + ".50") + ",1\n";
        QVERIFY(writeFile(path, data));
        LoadControl control;
        bool appended = false;
        control.progress = [&](double f) {
            if (f >= 0.95 - 1e-9 && f < 1.0 && !appended) {
                QFile file(path);
                appended = file.open(QIODevice::Append) && file.write("9,9\n") == 4;
            }
        };
        const LoadResult r = csv::readFile(path, {}, control, tinyBlocks(4096));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(appended);
        const Column &a = r.dataset->column(0);
        QCOMPARE(r.dataset->rowCount(), 20000);
        QVERIFY(a.isCategorical());
        // Rows read as numbers before the switch: shortest form; rows after: their text.
        const QStringList categories = a.categories();
        QCOMPARE(categories.mid(0, 4),
            (QStringList { QStringLiteral("0.5"), QStringLiteral("1.5"), QStringLiteral("2.5"),
                QStringLiteral("3.5") }));
        QVERIFY(categories.contains(QStringLiteral("x")));
        QVERIFY(categories.contains(QStringLiteral("3.50")));
        QVERIFY2(
            warningsText(r).contains(QStringLiteral("changed while")), qPrintable(warningsText(r)));
        QCOMPARE(a.displayValue(19990), QStringLiteral("x"));
        QCOMPARE(a.displayValue(0), QStringLiteral("0.5"));
        QCOMPARE(a.displayValue(19999), QStringLiteral("3.50"));
    }

    void lateSwitchSmallBlocks()
    {
        // Many switches in different blocks and chunks, numbers in unusual spellings
        // that must survive as text, missing cells before and after.
        QByteArray data = "a,b,c\n";
        for (int i = 0; i < 3000; ++i) {
            data += QByteArray::number(i) + ",";
            data += (i == 2100 ? QByteArray("text")
                               : (i % 7 == 0 ? QByteArray("") : QByteArray("+1.0e0")))
                + ",";
            data += (i == 2999 ? QByteArray("end") : QByteArray::number(i % 5) + ".00") + "\n";
        }
        CsvOptions single;
        single.threads = 1;
        const LoadResult one = csv::readBuffer(data, kMem, single, {}, csv::Tuning {});
        QVERIFY2(one.ok(), qPrintable(describe(one)));
        const Dataset &ds = *one.dataset;
        QCOMPARE(types(ds), QStringLiteral("ncc"));
        QCOMPARE(ds.column(1).categories(),
            (QStringList { QStringLiteral("+1.0e0"), QStringLiteral("text") }));
        QCOMPARE(cell(ds, 1, 0), QStringLiteral("<NA>"));
        QCOMPARE(cell(ds, 2, 3), QStringLiteral("3.00"));
        QCOMPARE(cell(ds, 2, 2999), QStringLiteral("end"));
        for (const std::size_t block : { 100, 1000, 4096 }) {
            for (const int threads : { 1, 3 }) {
                CsvOptions o;
                o.threads = threads;
                const LoadResult r = csv::readBuffer(data, kMem, o, {}, tinyBlocks(block));
                QVERIFY2(r.ok(), qPrintable(describe(r)));
                QCOMPARE(difference(*r.dataset, ds), QString());
            }
        }
    }

    // ---------------------------------------------------------------- blocks, threads
    void blocksAndThreadsGiveTheSameResult()
    {
        // A generated file with every feature, big enough for several 4 MB blocks.
        QRandomGenerator rng(42);
        QByteArray data = "id,x,\"label, quoted\",note,y\r\n";
        const char *labels[]
            = { "red", "\"green, light\"", "blue", "\"say \"\"hi\"\"\"", "NA", "" };
        int row = 0;
        while (data.size() < 20 * 1024 * 1024) {
            data += QByteArray::number(row++) + ',';
            data += QByteArray::number(rng.generateDouble() * 2000 - 1000, 'g', 1 + rng.bounded(17))
                + ',';
            data += labels[rng.bounded(6)];
            data += ',';
            if (rng.bounded(50) == 0)
                data += "\"multi\r\nline " + QByteArray::number(row) + '"';
            else if (rng.bounded(3) == 0)
                data += "w" + QByteArray::number(rng.bounded(1000));
            data += ',';
            data += rng.bounded(20) == 0 ? QByteArray("") : QByteArray::number(rng.bounded(100));
            data += "\r\n";
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mixed.csv"));
        QVERIFY(writeFile(path, data));

        CsvOptions single;
        single.threads = 1;
        const LoadResult reference = CsvReader::read(path, single);
        QVERIFY2(reference.ok(), qPrintable(describe(reference)));
        QCOMPARE(reference.dataset->rowCount(), row);
        QCOMPARE(types(*reference.dataset),
            QStringLiteral("nncc"
                           "n"));
        QVERIFY(reference.warnings.isEmpty());

        for (const int threads : { 2, 3, 8 }) {
            CsvOptions o;
            o.threads = threads;
            const LoadResult r = CsvReader::read(path, o);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(difference(*r.dataset, *reference.dataset), QString());
        }
        // From memory, with blocks that cut records everywhere.
        for (const std::size_t block : { std::size_t(4096), std::size_t(1) << 20 }) {
            CsvOptions o;
            o.threads = 4;
            const LoadResult r = csv::readBuffer(data, kMem, o, {}, tinyBlocks(block));
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(difference(*r.dataset, *reference.dataset), QString());
        }
    }

    void exactDoubles()
    {
        // Random spellings: short and long mantissas, exponents, subnormals, extremes.
        QRandomGenerator rng(7);
        QList<QByteArray> texts;
        for (int i = 0; i < 200000; ++i) {
            QByteArray t;
            if (rng.bounded(2))
                t += '-';
            switch (rng.bounded(6)) {
            case 0: // like the benchmark
                t += "0." + QByteArray::number(rng.bounded(1000000000)).rightJustified(9, '0');
                break;
            case 1: { // long mantissa
                const int digits = 1 + rng.bounded(30);
                for (int d = 0; d < digits; ++d)
                    t += char('0' + rng.bounded(10));
                t += '.';
                for (int d = 0; d < 1 + rng.bounded(30); ++d)
                    t += char('0' + rng.bounded(10));
                break;
            }
            case 2: // exponent
                t += QByteArray::number(rng.bounded(100000)) + 'e'
                    + QByteArray::number(int(rng.bounded(700)) - 350);
                break;
            case 3: // shortest round trip of a random double
                t += QByteArray::number(
                    rng.generateDouble() * std::pow(10.0, rng.bounded(40) - 20), 'g', 17);
                break;
            case 4: // integers
                t += QByteArray::number(rng.generate64() >> rng.bounded(64));
                break;
            default: // subnormal range
                t += QByteArray::number(rng.bounded(1000)) + "e-"
                    + QByteArray::number(310 + rng.bounded(20));
                break;
            }
            texts << t;
        }
        QByteArray data = "v\n" + texts.join('\n') + '\n';
        const LoadResult r = loadText(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Column &c = r.dataset->column(0);
        QVERIFY(c.isNumeric());
        QCOMPARE(c.size(), texts.size());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const double expected = std::strtod(texts[i].constData(), nullptr);
            if (!sameBits(c.values()[i], expected))
                QFAIL(qPrintable(QStringLiteral("%1 read as %2, strtod gives %3")
                                     .arg(QString::fromLatin1(texts[i]))
                                     .arg(c.values()[i], 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
    }

    // ---------------------------------------------------------------- progress, cancel
    void progressReachesOne()
    {
        QByteArray data = "a,b\n";
        for (int i = 0; i < 200000; ++i)
            data += QByteArray::number(i) + ",x" + QByteArray::number(i % 10) + '\n';
        QList<double> seen;
        LoadControl control;
        control.progress = [&](double f) { seen << f; };
        const LoadResult r = csv::readBuffer(data, kMem, {}, control, tinyBlocks(64 * 1024));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(seen.size() > 5);
        QCOMPARE(seen.last(), 1.0);
        for (qsizetype i = 1; i < seen.size(); ++i) {
            QVERIFY(seen[i] >= seen[i - 1]);
            QVERIFY(seen[i] >= 0.0 && seen[i] <= 1.0);
        }
    }

    void cancelStops()
    {
        QByteArray data = "a,b\n";
        for (int i = 0; i < 200000; ++i)
            data += QByteArray::number(i) + ",2\n";
        std::atomic<bool> cancel { false };
        int reports = 0;
        LoadControl control;
        control.cancel = &cancel;
        control.progress = [&](double) {
            if (++reports == 3)
                cancel = true;
        };
        const LoadResult r = csv::readBuffer(data, kMem, {}, control, tinyBlocks(16 * 1024));
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok());
        QVERIFY(!r.dataset);
        QVERIFY(r.error);
        QCOMPARE(reports, 3); // stopped at the next block

        // Cancelled before it starts.
        std::atomic<bool> already { true };
        LoadControl before;
        before.cancel = &already;
        const LoadResult b = CsvReader::read(fixture(QStringLiteral("quoting.csv")), {}, before);
        QVERIFY(b.cancelled);
    }

    // ---------------------------------------------------------------- bad input
    void badInputFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("loads"); // loads with a warning rather than failing
        QTest::addColumn<qint64>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("short row: padded")
            << "ragged_short.csv" << true << qint64(3) << 3 << "2 field(s), expected 3";
        QTest::newRow("long row: error")
            << "ragged_long.csv" << false << qint64(4) << 4 << "4 fields, expected 3";
        QTest::newRow("unterminated quote")
            << "unterminated.csv" << false << qint64(3) << 2 << "unterminated quoted field";
        QTest::newRow("binary") << "binary.csv" << false << qint64(3) << 1
                                << "does not look like text";
        QTest::newRow("latin-1") << "latin1.csv" << true << qint64(2) << 1 << "not valid UTF-8";
        QTest::newRow("0-byte file") << "empty.csv" << false << qint64(1) << 1 << "empty";
        QTest::newRow("whitespace only")
            << "whitespace.csv" << false << qint64(1) << 1 << "only whitespace";
        QTest::newRow("header only")
            << "header_only.csv" << true << qint64(1) << 1 << "no data rows";
    }
    void badInputFiles()
    {
        QFETCH(QString, file);
        QFETCH(bool, loads);
        QFETCH(qint64, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        const QString path = fixture(file);
        const LoadResult r = CsvReader::read(path);
        QCOMPARE(r.ok(), loads);
        const LoadIssue issue
            = loads ? (r.warnings.isEmpty() ? LoadIssue {} : r.warnings.first()) : *r.error;
        QCOMPARE(issue.file, path);
        QCOMPARE(issue.line, line);
        QCOMPARE(issue.column, column);
        QVERIFY2(issue.message.contains(messagePart), qPrintable(issue.message));
        QVERIFY(issue.toString().startsWith(
            QStringLiteral("%1:%2:%3: ").arg(path).arg(line).arg(column)));
    }

    void badInputDetails()
    {
        // Short row padded with missing cells.
        const LoadResult s = CsvReader::read(fixture(QStringLiteral("ragged_short.csv")));
        QVERIFY(s.ok());
        QCOMPARE(table(*s.dataset), QStringLiteral("1|2|3\n4|5|<NA>\n7|8|9"));
        // Header only: the columns, no rows.
        const LoadResult h = CsvReader::read(fixture(QStringLiteral("header_only.csv")));
        QVERIFY(h.ok());
        QCOMPARE(h.dataset->columnCount(), 3);
        QCOMPARE(h.dataset->rowCount(), 0);
        // Latin-1 bytes decoded as Latin-1, valid UTF-8 as UTF-8.
        const LoadResult l = CsvReader::read(fixture(QStringLiteral("latin1.csv")));
        QVERIFY(l.ok());
        QCOMPARE(cell(*l.dataset, 0, 0), QString::fromUtf8("José"));
        QCOMPARE(cell(*l.dataset, 1, 0), QString::fromUtf8("München"));
        QCOMPARE(cell(*l.dataset, 1, 1), QString::fromUtf8("Zürich"));
        QCOMPARE(l.warnings.size(), 2);
        QCOMPARE(l.warnings[1].column, 2);
    }

    void badInputInMemory_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("ragged");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");

        const int pad = int(CsvOptions::RaggedRows::PadShortRows);
        const int error = int(CsvOptions::RaggedRows::Error);
        QTest::newRow("short row in error mode") << QByteArray("a,b,c\n1,2,3\n4\n") << error
                                                 << qint64(3) << 2 << "1 field(s), expected 3";
        QTest::newRow("long row, header count")
            << QByteArray("a,b\n1,2\n3,4,5\n") << pad << qint64(3) << 3 << "as in the header";
        QTest::newRow("long row, first line count")
            << QByteArray("1,2\n3,4\n5,6,7\n") << pad << qint64(3) << 3 << "as on the first line";
        QTest::newRow("long row after empty extras")
            << QByteArray("a,b\n1,2,,x\n") << pad << qint64(2) << 4 << "field 4 is extra";
        QTest::newRow("unterminated quote after a multi-line field")
            << QByteArray("a,b\n\"x\ny\",1\n2,\"open\n3,4\n") << pad << qint64(4) << 2
            << "never closed";
        QTest::newRow("unterminated quote in the header")
            << QByteArray("a,\"b\n1,2\n") << pad << qint64(1) << 2 << "never closed";
        QTest::newRow("NUL bytes")
            << QByteArray("a,b\n1,2\n3,x\0y\n", 14) << pad << qint64(3) << 2 << "NUL";
        QTest::newRow("control characters")
            << QByteArray("a,b\n\x01\x02\x03\x04\x05\x06,\x07\x08\n") << pad << qint64(2) << 1
            << "control characters";
        // (UTF-16 with a byte order mark is read: tst_csvimport.)
        QTest::newRow("UTF-32") << QByteArray("\xff\xfe\0\0a\0\0\0", 8) << pad << qint64(1) << 1
                                << "UTF-32";
        QTest::newRow("only blank lines")
            << QByteArray("\r\n\r\n  \r\n") << pad << qint64(1) << 1 << "only whitespace";
    }
    void badInputInMemory()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, ragged);
        QFETCH(qint64, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        CsvOptions o;
        o.ragged = CsvOptions::RaggedRows(ragged);
        for (const std::size_t block : { std::size_t(0), std::size_t(3), std::size_t(7) }) {
            const LoadResult r = block == 0
                ? loadText(input, o)
                : csv::readBuffer(input, kMem, o, {}, tinyBlocks(block));
            QVERIFY(!r.ok());
            QVERIFY(r.error);
            QCOMPARE(r.error->file, kMem);
            QCOMPARE(r.error->line, line);
            QCOMPARE(r.error->column, column);
            QVERIFY2(r.error->message.contains(messagePart), qPrintable(r.error->message));
        }
    }

    void trailingEmptyFieldsWarn()
    {
        const LoadResult r = loadText("a,b\n1,2,\n3,4, ,\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), QStringLiteral("1|2\n3|4"));
        QCOMPARE(r.warnings.size(), 2);
        QCOMPARE(r.warnings[1].line, 3);
        QCOMPARE(r.warnings[1].column, 3);
    }

    void pathErrors()
    {
        const QString missing = fixture(QStringLiteral("does-not-exist.csv"));
        const LoadResult r = CsvReader::read(missing);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->file, missing);
        QVERIFY(r.error->message.contains(QStringLiteral("no such file")));

        const QString dir = QStringLiteral(SEXTANT_TEST_DATA_DIR "/csv");
        const LoadResult d = CsvReader::read(dir);
        QVERIFY(!d.ok());
        QCOMPARE(d.error->file, dir);
        QVERIFY(d.error->message.contains(QStringLiteral("directory")));
    }

    void recordTooLong()
    {
        // Longer than the first buffer (the 64 KB sample), so not all at the end of data.
        csv::Tuning t = tinyBlocks(16);
        t.maxRecordBytes = 16 * 1024;
        const QByteArray quoteOpen = "a,b\n1,2\n3,\"" + QByteArray(200000, 'x') + "\n";
        const LoadResult q = csv::readBuffer(quoteOpen, kMem, {}, {}, t);
        QVERIFY(!q.ok());
        QCOMPARE(q.error->line, 3);
        QCOMPARE(q.error->column, 2);
        QVERIFY2(
            q.error->message.contains(QStringLiteral("not closed")), qPrintable(q.error->message));

        const QByteArray longLine = QByteArray(200000, 'x');
        const LoadResult l = csv::readBuffer(longLine, kMem, {}, {}, t);
        QVERIFY(!l.ok());
        QCOMPARE(l.error->line, 1);
    }

    void invalidOptions()
    {
        CsvOptions o;
        o.delimiter = '"';
        QVERIFY(!loadText("a\n1\n", o).ok());
        o.delimiter = '\n';
        QVERIFY(!loadText("a\n1\n", o).ok());
    }

    void warningsAreCapped()
    {
        QByteArray data = "a,b,c\n";
        for (int i = 0; i < 200; ++i)
            data += "1,2\n";
        CsvOptions o;
        o.maxWarnings = 10;
        const LoadResult r = loadText(data, o);
        QVERIFY(r.ok());
        QCOMPARE(r.dataset->rowCount(), 200);
        QCOMPARE(r.warnings.size(), 11);
        QCOMPARE(r.warnings[9].line, 11);
        QVERIFY2(r.warnings.last().message.contains(QStringLiteral("190 more")),
            qPrintable(r.warnings.last().message));
        // Capped the same way with many chunks.
        o.threads = 4;
        const LoadResult t = csv::readBuffer(data, kMem, o, {}, tinyBlocks(64));
        QCOMPARE(warningsText(t), warningsText(r));
    }

    // Inputs the fuzzer found (or that broke earlier versions): no crash, no hang, and
    // the same outcome with any block size and thread count.
    void fuzzRegressions_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(SEXTANT_TEST_DATA_DIR "/csv/fuzz"));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void fuzzRegressions()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        const LoadResult a = CsvReader::readBuffer(data, kMem);
        for (const std::size_t block : { 1, 2, 5, 64 }) {
            CsvOptions o;
            o.threads = 3;
            const LoadResult b = csv::readBuffer(data, kMem, o, {}, tinyBlocks(block));
            QCOMPARE(b.ok(), a.ok());
            if (a.ok())
                QCOMPARE(difference(*a.dataset, *b.dataset), QString());
            else
                QCOMPARE(b.error->toString(), a.error->toString());
        }
    }

    // ---------------------------------------------------------------- pandas
    void matchesPandas()
    {
        const QString python = QStringLiteral(SEXTANT_PYTHON);
        QProcess probe;
        probe.start(python, { QStringLiteral("-c"), QStringLiteral("import pandas") });
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit
            || probe.exitCode() != 0)
            SEXTANT_SKIP_REFERENCE(
                "needs /usr/bin/python3 with pandas (apt install python3-pandas)");

        const QString path = fixture(QStringLiteral("tricky.csv"));
        // Our default missing tokens, exact float parsing, one dtype per column.
        const QString script = QStringLiteral(R"(
import json, math, sys
import pandas as pd
df = pd.read_csv(sys.argv[1], keep_default_na=False, float_precision="round_trip",
                 na_values=["", "NA", "N/A", "NaN", "nan", "?", "null", "NULL", "None"],
                 low_memory=False)
out = {"names": list(df.columns), "columns": []}
for name in df.columns:
    s = df[name]
    numeric = s.dtype.kind in "fiu"
    vals = []
    for v in s:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            vals.append(None)
        elif numeric:
            vals.append(repr(float(v)))
        else:
            vals.append(str(v))
    out["columns"].append({"numeric": numeric, "values": vals})
print(json.dumps(out))
)");
        QProcess p;
        p.start(python, { QStringLiteral("-c"), script, path });
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject expected = QJsonDocument::fromJson(p.readAllStandardOutput()).object();

        const LoadResult r = CsvReader::read(path);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QStringList names;
        for (const QJsonValue &v : expected[QStringLiteral("names")].toArray())
            names << v.toString();
        QCOMPARE(ds.columnNames(), names);
        const QJsonArray columns = expected[QStringLiteral("columns")].toArray();
        QCOMPARE(ds.columnCount(), columns.size());
        for (int c = 0; c < ds.columnCount(); ++c) {
            const QJsonObject col = columns[c].toObject();
            const Column &ours = ds.column(c);
            QCOMPARE(ours.isNumeric(), col[QStringLiteral("numeric")].toBool());
            const QJsonArray values = col[QStringLiteral("values")].toArray();
            QCOMPARE(ours.size(), values.size());
            for (int row = 0; row < values.size(); ++row) {
                const QJsonValue v = values[row];
                QCOMPARE(ours.isMissing(row), v.isNull());
                if (v.isNull())
                    continue;
                if (ours.isNumeric()) {
                    // Python's repr: shortest round trip, "inf", "-0.0"...
                    const double want = std::strtod(v.toString().toLatin1().constData(), nullptr);
                    QVERIFY2(sameBits(ours.values()[row], want),
                        qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                       .arg(ours.name())
                                       .arg(row)
                                       .arg(ours.values()[row], 0, 'g', 17)
                                       .arg(v.toString())));
                } else {
                    QCOMPARE(ours.displayValue(row), v.toString());
                }
            }
        }
    }
};

int main(int argc, char **argv)
{
    if (argc >= 2 && std::strncmp(argv[1], "--", 2) == 0 && std::strstr(argv[1], "-child"))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestCsvReader test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_csvreader.moc"
