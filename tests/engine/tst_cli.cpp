// The headless command line: runs the real `sextant` executable.
#include "SextantProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = sextant::testing::SextantRun;
using sextant::testing::runSextant;

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run r = runSextant({ QStringLiteral("--version") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("sextant ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
    }

    void help()
    {
        const Run r = runSextant({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("info FILE")));
    }

    // The usage texts in the user's language; options and values stay as typed.
    void helpTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("runText");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Aufruf: sextant")
                            << QStringLiteral("Führt einen Workflow aus");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("用法：sextant")
                               << QStringLiteral("运行工作流");
    }
    void helpTranslated()
    {
        QFETCH(QString, language);
        QFETCH(QString, first);
        QFETCH(QString, runText);
        qputenv("SEXTANT_LANGUAGE", language.toUtf8());
        const Run r = runSextant({ QStringLiteral("--help") });
        qunsetenv("SEXTANT_LANGUAGE");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(first), qPrintable(r.out.left(200)));
        QVERIFY2(r.out.contains(runText), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("run FLOW.sextant [--set NODE.PARAM=VALUE ...]")));
        QVERIFY(r.out.contains(QStringLiteral("--delimiter auto|comma|semicolon|tab|pipe")));
    }

    void infoText()
    {
        const Run r = runSextant({ QStringLiteral("info"), iris() });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("150 rows, 5 columns")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("sepal_length")));
        QVERIFY(r.out.contains(QStringLiteral("categorical")));
    }

    void infoJson()
    {
        const Run r = runSextant({ QStringLiteral("info"), iris(), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &perr);
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("rows")).toInt(), 150);
        QCOMPARE(root.value(QStringLiteral("columns")).toInt(), 5);
        const QJsonArray cols = root.value(QStringLiteral("column_summaries")).toArray();
        QCOMPARE(cols.size(), 5);
        const QJsonObject sepal = cols[0].toObject();
        QCOMPARE(sepal.value(QStringLiteral("name")).toString(), QStringLiteral("sepal_length"));
        QCOMPARE(sepal.value(QStringLiteral("type")).toString(), QStringLiteral("numeric"));
        // Reference values: pandas' describe() of the same file.
        QVERIFY(qAbs(sepal.value(QStringLiteral("mean")).toDouble() - 5.843333333333333) < 1e-12);
        QVERIFY(qAbs(sepal.value(QStringLiteral("std")).toDouble() - 0.828066127977863) < 1e-12);
        QCOMPARE(sepal.value(QStringLiteral("min")).toDouble(), 4.3);
        QCOMPARE(sepal.value(QStringLiteral("median")).toDouble(), 5.8);
        QCOMPARE(sepal.value(QStringLiteral("max")).toDouble(), 7.9);
        const QJsonObject species = cols[4].toObject();
        QCOMPARE(species.value(QStringLiteral("type")).toString(), QStringLiteral("categorical"));
        QCOMPARE(species.value(QStringLiteral("distinct")).toInt(), 3);
        QCOMPARE(species.value(QStringLiteral("categories")).toArray().size(), 3);
    }

    void missingFile()
    {
        const QString path = QStringLiteral("/nonexistent/dir/nothing.csv");
        const Run r = runSextant({ QStringLiteral("info"), path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // A folder is read as an image folder: one without class subfolders is refused,
    // naming it and saying what an image folder holds.
    void directory()
    {
        QTemporaryDir dir;
        const Run r = runSextant({ QStringLiteral("info"), dir.path() });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(dir.path()), qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("one subfolder of images per class")), qPrintable(r.err));
    }

    void badCsvNamesLineAndColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ragged.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n");
        f.close();
        const Run r = runSextant({ QStringLiteral("info"), path });
        QCOMPARE(r.exitCode, 1);
        // file:line:column: message
        QVERIFY2(r.err.contains(path + QStringLiteral(":3:4")), qPrintable(r.err));
    }

    void usageErrors()
    {
        QCOMPARE(runSextant({ QStringLiteral("info") }).exitCode, 2);
        QCOMPARE(
            runSextant({ QStringLiteral("info"), iris(), QStringLiteral("--bogus") }).exitCode, 2);
        QCOMPARE(runSextant({ QStringLiteral("help") }).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
