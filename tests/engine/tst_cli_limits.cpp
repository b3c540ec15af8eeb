// The command line under memory limits: inputs whose size is out of proportion to their
// bytes (a 13-byte LIBSVM file with a huge index, a long ARFF line, a model file declaring
// a terabyte) are refused with a message and exit code 1 within bounded memory, never an
// abort (134) or a kill. Runs the real `sextant` under `ulimit -v`.
#include "SextantProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

// `ulimit -v` cannot hold a sanitized build (AddressSanitizer reserves terabytes of
// address space for its shadow memory before main): the limit tests run in the
// unsanitized build (tools/test), the rest under the sanitizers too.
#ifdef SEXTANT_SANITIZED
#define SKIP_UNDER_SANITIZER()                                                                     \
    QSKIP("ulimit -v does not hold under AddressSanitizer: checked by the unsanitized build")
#else
#define SKIP_UNDER_SANITIZER()                                                                     \
    do {                                                                                           \
    } while (false)
#endif

namespace {

using Run = sextant::testing::SextantRun;
// Runs `sextant args...`, under `ulimit -v limitKb` when limitKb > 0.
Run runSextant(const QStringList &args, qint64 limitKb = 0, int timeoutMs = 300000)
{
    return sextant::testing::runSextant(args, { {}, limitKb, timeoutMs });
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(r.exitCode)
        .arg(r.out.left(2000), r.err.left(2000));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Writes `head`, then `repeat` copies of `unit`, then `tail`, in chunks.
bool writeRepeated(const QString &path, const QByteArray &head, const QByteArray &unit,
    qint64 repeat, const QByteArray &tail)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(head) != head.size())
        return false;
    const qint64 perChunk = std::max<qint64>(1, (qint64(1) << 20) / unit.size());
    const QByteArray chunk = unit.repeated(perChunk);
    for (qint64 done = 0; done < repeat; done += perChunk) {
        const QByteArray piece = repeat - done >= perChunk ? chunk : unit.repeated(repeat - done);
        if (f.write(piece) != piece.size())
            return false;
    }
    return f.write(tail) == tail.size();
}

// A CSV of `rows` rows of 1,000 numbers "1" (2 bytes a cell, 8 as doubles) and a header.
bool writeCellsCsv(const QString &path, qint64 rows)
{
    QByteArray header;
    for (int c = 0; c < 1000; ++c)
        header += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
    header += '\n';
    return writeRepeated(path, header, QByteArray("1,").repeated(999) + "1\n", rows, {});
}

// The memory limit for a run: what `sextant` needs to start and read a small file,
// measured once, plus `extraMb`. Keeps the tests independent of how large the binary and
// its libraries are on this machine.
qint64 limitKb(qint64 extraMb)
{
    static qint64 baseKb = [] {
        // The smallest limit (in 32 MB steps down from 1 GB) under which `sextant --version`
        // runs (a run that does not end in 10 s counts as failing: see tightLimitsNeverHang).
        qint64 lowest = 0;
        for (qint64 kb = 1024 * 1024; kb >= 64 * 1024; kb -= 32 * 1024) {
            if (runSextant({ QStringLiteral("--version") }, kb, 10000).exitCode != 0)
                break;
            lowest = kb;
        }
        return lowest > 0 ? lowest + 32 * 1024 : 0;
    }();
    return baseKb + extraMb * 1024;
}

} // namespace

class TestCliLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
#ifdef SEXTANT_SANITIZED
        return;
#endif
        QVERIFY2(limitKb(0) > 0, "sextant --version does not start under 4 GB of address space");
        qInfo("sextant starts under ulimit -v %lld kB", limitKb(0));
    }

    // Under any address-space limit `sextant` ends, with its output or a message, never
    // hangs; and once a limit is enough, every larger one is. OpenBLAS (loaded with OpenCV)
    // used to start a worker thread per core that maps a 128 MB buffer and retries a
    // failed mapping forever, and the exit waited for it: limits just above what the
    // process needs hung it (core/BlasThreads.cpp).
    void tightLimitsNeverHang()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("small.csv"));
        QVERIFY(writeFile(path, "a,b\n1,2\n3,4\n"));
        qint64 firstOk = 0;
        for (qint64 mb = 32; mb <= 1024; mb += 16) {
            const Run r = runSextant({ QStringLiteral("info"), path }, mb * 1024, 30000);
            QVERIFY2(r.exitCode != -1,
                qPrintable(QStringLiteral("sextant info hung under ulimit -v %1 MB").arg(mb)));
            if (r.exitCode == 0 && firstOk == 0)
                firstOk = mb;
            if (firstOk > 0)
                QVERIFY2(r.exitCode == 0,
                    qPrintable(QStringLiteral("failed under %1 MB, ran under %2 MB:\n%3")
                                   .arg(mb)
                                   .arg(firstOk)
                                   .arg(describe(r))));
        }
        QVERIFY(firstOk > 0);
        qInfo("sextant info runs from ulimit -v %lld MB on", firstOk);
    }

    // 13 bytes that would make 10^7 (or 10^8) dense columns: refused on the line that
    // names the index, at once, with how to proceed; the brief's 3 GB limit is never near.
    void libsvmHugeIndexIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("index");
        QTest::newRow("1e7") << QByteArray("1 10000000:1") << QStringLiteral("10000000");
        QTest::newRow("1e8") << QByteArray("1 100000000:1") << QStringLiteral("100000000");
    }
    void libsvmHugeIndexIsRefused()
    {
        SKIP_UNDER_SANITIZER();
        QFETCH(QByteArray, text);
        QFETCH(QString, index);
        const QString path = m_dir.filePath(QStringLiteral("huge-%1.svm").arg(index));
        QVERIFY(writeFile(path, text));
        const Run r = runSextant({ QStringLiteral("info"), path }, 3000000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path + QStringLiteral(":1:2: ")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("feature index %1 is too large").arg(index)),
            qPrintable(describe(r)));
        QVERIFY2(
            r.err.contains(QStringLiteral("limit is 1000000 features")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("renumber")), qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
    }

    // Within the column limit but 300 rows x 10^6 dense doubles (2.4 GB): refused before
    // the table is allocated, saying what it needs and what is available.
    void libsvmDenseTableBeyondMemoryIsRefused()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("wide.svm"));
        QVERIFY(writeRepeated(path, {}, QByteArray("1 3:1 1000000:2\n"), 300, {}));
        const Run r = runSextant({ QStringLiteral("info"), path }, limitKb(400));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path
                     + QStringLiteral(":1:3: not enough memory to load the file "
                                      "as a dense table of 300 rows x 1000000 "
                                      "features: needs about 2.9 GB, ")),
            qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral(" available")), qPrintable(describe(r)));
    }

    // A nominal attribute of 6 M values declared on one 54 MB line costs far more than the
    // line as tokens and categories: running out of memory is a refusal naming the line.
    void arffLongHeaderLineOutOfMemory()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("nominal.arff"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("@relation r\n@attribute a {");
            QByteArray chunk;
            for (int i = 0; i < 6 * 1000 * 1000; ++i) {
                chunk += 'v' + QByteArray::number(10000000 + i) + ',';
                if (chunk.size() > (1 << 20)) {
                    QCOMPARE(f.write(chunk), chunk.size());
                    chunk.clear();
                }
            }
            chunk += "last}\n@attribute b numeric\n@data\nlast,1\n";
            QCOMPARE(f.write(chunk), chunk.size());
        }
        const Run r = runSextant({ QStringLiteral("info"), path }, limitKb(300));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path + QStringLiteral(":2: not enough memory to load the file")),
            qPrintable(describe(r)));
    }

    // A 40 MB data line of 2-byte values for a 2-attribute relation: the reader keeps only
    // the tokens a row can hold, so it is refused with the usual message well inside a
    // limit that the ~20 M tokens would need many times over.
    void arffLongDataLineStaysSmall()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("longline.arff"));
        const qint64 values = 20 * 1000 * 1000;
        QVERIFY(
            writeRepeated(path, "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n",
                QByteArray("1,"), values, QByteArray("1\n")));
        const Run r = runSextant({ QStringLiteral("info"), path }, limitKb(200));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path
                     + QStringLiteral(":5:3: expected 2 values (one per attribute), found %1")
                           .arg(values + 1)),
            qPrintable(describe(r)));
    }

    // 40 M numeric cells (320 MB as doubles) in an 80 MB CSV: refused before reading when
    // the limit leaves less, with the estimate and what is available.
    void csvEstimateRefusesUpFront()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("cells.csv"));
        QVERIFY(writeCellsCsv(path, 40000));
        const Run r = runSextant({ QStringLiteral("info"), path }, limitKb(50));
        QCOMPARE(r.exitCode, 1);
        // One message naming the file once (it used to read "FILE: not enough memory to
        // load FILE: ...").
        QVERIFY2(r.err.startsWith(QStringLiteral("sextant: not enough memory to load %1: "
                                                 "needs about 320 MB, ")
                                      .arg(path)),
            qPrintable(describe(r)));
        QCOMPARE(r.err.count(path), 1);
        QVERIFY2(r.err.contains(QStringLiteral("estimated")), qPrintable(describe(r)));
    }

    // `sextant run`: a table that does not fit is refused by its File node, and a model
    // whose training would not fit is refused by its learner before it fits; both name the
    // node, say what is needed and exit with 1.
    void runRefusesWhatDoesNotFit()
    {
        SKIP_UNDER_SANITIZER();
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        QVERIFY(writeCellsCsv(big, 60000));
        const QString csv = m_dir.filePath(QStringLiteral("train.csv"));
        QVERIFY(writeCellsCsv(csv, 20000));
        const auto writeFlow = [this](const QString &name, const QString &data) {
            const QString flow = m_dir.filePath(name);
            const bool ok = writeFile(flow,
                QStringLiteral(R"({"format": "sextant-workflow", "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "%1"}},
    {"id": 2, "type": "model.random_forest", "position": [200, 0],
     "parameters": {"target": "c999"}}
  ],
  "connections": [{"from": 1, "output": "data", "to": 2, "input": "data"}]})")
                    .arg(data)
                    .toUtf8());
            return ok ? flow : QString();
        };
        const QString out = m_dir.filePath(QStringLiteral("run-out"));
        // Not even the table fits (480 MB). `run` starts the offscreen platform for its plots,
        // so it takes more than `info` to start.
        Run r = runSextant({ QStringLiteral("run"), writeFlow(QStringLiteral("big.sextant"), big),
                               QStringLiteral("--out"), out },
            limitKb(150));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains(QStringLiteral("node 1 (data.file) failed")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("not enough memory to load %1: needs about "
                                               "480 MB")
                                    .arg(big)),
            qPrintable(describe(r)));
        QCOMPARE(r.err.count(big), 1);
        // The table fits (160 MB), a forest on it (4 x 160 MB) does not.
        r = runSextant({ QStringLiteral("run"), writeFlow(QStringLiteral("train.sextant"), csv),
                           QStringLiteral("--out"), out },
            limitKb(400));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("node 2 (model.random_forest) failed")),
            qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("not enough memory to train Random Forest on 20000 "
                                               "rows x 1000 features: needs about 640 MB, ")),
            qPrintable(describe(r)));
    }

    // A model file framing a terabyte binary section (a sparse file: nothing is written)
    // is refused by predict and export-onnx before anything is read or allocated.
    void modelFileDeclaringHugeArrays()
    {
        SKIP_UNDER_SANITIZER();
        const QString path = m_dir.filePath(QStringLiteral("huge.sxmodel"));
        const QByteArray header = "{}";
        const quint64 binary = quint64(1) << 40;
        QByteArray prefix("SXMODEL\0", 8);
        char b[8];
        qToLittleEndian<quint32>(1, b);
        prefix.append(b, 4);
        qToLittleEndian<quint64>(quint64(header.size()), b);
        prefix.append(b, 8);
        prefix += header;
        qToLittleEndian<quint64>(binary, b);
        prefix.append(b, 8);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(prefix), prefix.size());
            if (!f.resize(prefix.size() + qint64(binary) + 32))
                QSKIP("this file system does not take a 1 TB sparse file");
        }
        const QString data = m_dir.filePath(QStringLiteral("rows.csv"));
        QVERIFY(writeFile(data, "a,b\n1,2\n"));
        for (qint64 limit : { qint64(0), limitKb(200) }) {
            const Run p = runSextant({ QStringLiteral("predict"), path, data }, limit);
            QCOMPARE(p.exitCode, 1);
            QVERIFY2(p.err.contains(QStringLiteral("not enough memory to load %1: needs about "
                                                   "2199.0 GB")
                                        .arg(path)),
                qPrintable(describe(p)));
            const Run e = runSextant({ QStringLiteral("export-onnx"), path, QStringLiteral("-o"),
                                         m_dir.filePath(QStringLiteral("out.onnx")) },
                limit);
            QCOMPARE(e.exitCode, 1);
            QVERIFY2(e.err.contains(QStringLiteral("not enough memory to load %1").arg(path)),
                qPrintable(describe(e)));
        }
    }

    // The streamed `info --json` is byte for byte what QJsonDocument writes for the same
    // document (as the summary was written before it was streamed).
    void infoJsonIsCanonical_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("mixed") << QByteArray("x,name,y\n1,a,2.5\n2,b,\n3,a,7\n")
                               << QStringLiteral("csv");
        QTest::newRow("warning") << QByteArray("x,y\n1,2\n3\n4,5\n") << QStringLiteral("csv");
        QTest::newRow("one column") << QByteArray("x\n1\n2\n") << QStringLiteral("csv");
        QTest::newRow("libsvm") << QByteArray("1 2:1.5\n0 1:3\n") << QStringLiteral("svm");
    }
    void infoJsonIsCanonical()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, suffix);
        const QString path = m_dir.filePath(QStringLiteral("canon.") + suffix);
        QVERIFY(writeFile(path, text));
        const Run r = runSextant({ QStringLiteral("info"), path, QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(r.out, QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    }

    // More columns than one output block: every column is listed once, in order, and the
    // columns of the first block are aligned with the header.
    void infoTextOfWideTable()
    {
        const QString path = m_dir.filePath(QStringLiteral("wide-text.svm"));
        QVERIFY(writeFile(path, "1 10000:1\n0 1:2\n"));
        const Run r = runSextant({ QStringLiteral("info"), path });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 1 + 10001);
        QVERIFY2(lines[0].contains(QStringLiteral("2 rows, 10001 columns")), qPrintable(lines[0]));
        QVERIFY(lines[1].startsWith(QStringLiteral("column ")));
        QVERIFY(lines[2].startsWith(QStringLiteral("label ")));
        QVERIFY(lines[3].startsWith(QStringLiteral("f1 ")));
        QVERIFY(lines.last().startsWith(QStringLiteral("f10000 ")));
        QCOMPARE(lines[2].size(), lines[1].size());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliLimits)
#include "tst_cli_limits.moc"
