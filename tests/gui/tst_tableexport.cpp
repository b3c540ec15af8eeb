// File → Export Table's write: off the GUI thread, atomic, and it says how it went.
#include "data/DatasetLoader.h"
#include "gui/TableExport.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sextant;

class TestTableExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesOffTheGuiThread()
    {
        engine::Dataset ds;
        ds.setName(QStringLiteral("t"));
        ds.addColumn(engine::Column::numeric(QStringLiteral("x"), { 0.1, 2.5, -3 }));
        ds.addColumn(engine::Column::categorical(
            QStringLiteral("c"), { 1, 0, -1 }, { QStringLiteral("a"), QStringLiteral("b") }));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.arff"));
        bool called = false, ok = false;
        QString error;
        QObject context;
        QThread *const gui = QThread::currentThread();
        QThread *calledOn = nullptr;
        app::TableExport::writeInBackground(ds, path, engine::SaveDataNode::Format::Arff, &context,
            [&](bool success, const QString &why) {
                called = true;
                ok = success;
                error = why;
                calledOn = QThread::currentThread();
            });
        QTRY_VERIFY(called);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(calledOn, gui);
        const engine::LoadResult back = engine::DatasetLoader::load(path);
        QVERIFY(back.ok());
        QCOMPARE(back.dataset->column(1).categories(),
            (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QVERIFY(back.dataset->column(1).isMissing(2));
        QCOMPARE(back.dataset->column(0).values()[0], 0.1);

        // A folder that does not exist: the failure names the file.
        called = false;
        const QString bad = dir.filePath(QStringLiteral("missing/out.csv"));
        app::TableExport::writeInBackground(ds, bad, engine::SaveDataNode::Format::Csv, &context,
            [&](bool success, const QString &why) {
                called = true;
                ok = success;
                error = why;
            });
        QTRY_VERIFY(called);
        QVERIFY(!ok);
        QVERIFY2(error.contains(bad), qPrintable(error));
    }
};

QTEST_MAIN(TestTableExport)
#include "tst_tableexport.moc"
