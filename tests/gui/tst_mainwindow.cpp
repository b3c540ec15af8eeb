// The first window: drop files on it (QDropEvent), wait for the background load, and check
// the data table, the column list and the histogram; bad files and cancelled loads leave
// the previous dataset in place.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/MainWindow.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/HistogramPlot.h"
#include "plots/ScatterPlot.h"
#include "widgets/ColumnListView.h"
#include "widgets/ColumnSummaryModel.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/ElidedLabel.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/GraphView.h"
#include "widgets/NodePalette.h"
#include "widgets/PropertyPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <numeric>

using sextant::app::MainWindow;
using sextant::widgets::ColumnSummaryModel;
using sextant::widgets::DatasetTableModel;

namespace {

constexpr int kLoadTimeoutMs = 60000;
// Rows of the generated big CSV: ~60 MB, loaded and summarised in seconds.
constexpr int kBigRows = 1'000'000;

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Sends a drag-enter and a drop of `urls` on the window, as a file manager would.
// Returns whether the window accepted the drop.
bool drop(MainWindow &window, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint pos = window.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropEvent);
    return dropEvent.isAccepted();
}

// Drops `path` and waits for the load to end; returns its success (false on timeout too).
bool dropAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    if (!drop(window, { QUrl::fromLocalFile(path) }))
        return false;
    if (finished.isEmpty() && !finished.wait(kLoadTimeoutMs))
        return false;
    return finished.size() == 1 && finished.first().first().toBool();
}

// Drag-enter, drag-move and drop of `path` on `target` (the canvas's viewport).
bool dropOn(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

// Drops iris on the window and adds a Filter Rows node (versicolor and virginica) after
// its File node; the File node's id and the filter's, or 0 for the filter on failure.
std::pair<int, int> irisAndFilter(MainWindow &window)
{
    if (!dropAndWait(window, iris()))
        return { 0, 0 };
    sextant::engine::GraphModel &graph = window.graphModel();
    const int file = graph.nodeIds().front();
    const auto filter = graph.addNode(QStringLiteral("data.filter"), { 250, 0 },
        { { QStringLiteral("condition"), QStringLiteral("species != setosa") } });
    if (!filter.ok() || !graph.addConnection({ file, 0, filter.value(), 0 }))
        return { file, 0 };
    return { file, filter.value() };
}

double sum(const QList<double> &values)
{
    return std::accumulate(values.begin(), values.end(), 0.0);
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QString summaryCell(const ColumnSummaryModel *model, int row, ColumnSummaryModel::Field field)
{
    return model->index(row, field).data().toString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString tempFile(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        // Recent files and window state go to a throw-away settings location.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(iris()));
    }

    void startsEmpty()
    {
        MainWindow window;
        QCOMPARE(window.tableModel()->rowCount(), 0);
        QCOMPARE(window.columnModel()->rowCount(), 0);
        QCOMPARE(window.histogramPlot()->barCount(), 0);
        QVERIFY(!window.isLoading());
        QVERIFY(window.errorText().isEmpty());
    }

    void dropIris()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dropAndWait(window, iris()));
        QVERIFY(!window.isLoading());
        QVERIFY(window.errorText().isEmpty());
        QVERIFY(window.windowTitle().contains(QStringLiteral("iris")));
        auto *size = window.findChild<QLabel *>(QStringLiteral("datasetSize"));
        QVERIFY(size);
        QVERIFY2(size->text().contains(QStringLiteral("150")), qPrintable(size->text()));

        // The data table.
        const DatasetTableModel *table = window.tableModel();
        QCOMPARE(table->rowCount(), 150);
        QCOMPARE(table->columnCount(), 5);
        QCOMPARE(table->headerData(0, Qt::Horizontal).toString(), QStringLiteral("sepal_length"));
        QCOMPARE(table->headerData(4, Qt::Horizontal).toString(), QStringLiteral("species"));
        QCOMPARE(cell(table, 0, 0), QStringLiteral("5.1"));
        QCOMPARE(cell(table, 0, 1), QStringLiteral("3.5"));
        QCOMPARE(cell(table, 0, 4), QStringLiteral("setosa"));
        QCOMPARE(cell(table, 149, 4), QStringLiteral("virginica"));
        QVERIFY(table->index(0, 0).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);

        // The column list: names, types and statistics.
        const ColumnSummaryModel *columns = window.columnModel();
        QCOMPARE(columns->rowCount(), 5);
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Name), QStringLiteral("sepal_length"));
        for (int c = 0; c < 4; ++c)
            QCOMPARE(summaryCell(columns, c, ColumnSummaryModel::Type), QStringLiteral("numeric"));
        QCOMPARE(summaryCell(columns, 4, ColumnSummaryModel::Type), QStringLiteral("categorical"));
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Missing), QStringLiteral("0"));
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Min), QStringLiteral("4.3"));
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Max), QStringLiteral("7.9"));
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Mean), QStringLiteral("5.8433"));
        QCOMPARE(summaryCell(columns, 4, ColumnSummaryModel::Distinct), QStringLiteral("3"));
        QVERIFY(summaryCell(columns, 4, ColumnSummaryModel::Mode).contains(QStringLiteral("50")));

        // The histogram of the first column, selected on load: the default bin count, all
        // 150 rows counted.
        sextant::plots::HistogramPlot *histogram = window.histogramPlot();
        QCOMPARE(window.selectedColumn(), 0);
        QCOMPARE(histogram->barCount(), sextant::plots::HistogramPlot::kDefaultBins);
        QCOMPARE(sum(histogram->barValues()), 150.0);
        QVERIFY(histogram->title().contains(QStringLiteral("sepal_length")));

        // Selecting the categorical column: one bar per species, 50 each.
        window.selectColumn(4);
        QCOMPARE(window.selectedColumn(), 4);
        QCOMPARE(window.tableView()->currentIndex().column(), 4); // the table follows
        QVERIFY(window.tableView()->selectionModel()->isColumnSelected(4));
        QCOMPARE(histogram->barCount(), 3);
        QCOMPARE(histogram->barValues(), (QList<double> { 50, 50, 50 }));
        QCOMPARE(histogram->barLabels(),
            (QStringList { QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica") }));

        // Another bin count is computed in the background.
        window.selectColumn(2);
        histogram->setBinCount(7);
        QTRY_COMPARE(histogram->barCount(), 7);
        QCOMPARE(sum(histogram->barValues()), 150.0);
        QVERIFY(!histogram->isComputing());
        // ...and used for the next numeric column too.
        window.selectColumn(3);
        QTRY_COMPARE(histogram->barCount(), 7);
        QTRY_VERIFY(histogram->title().contains(QStringLiteral("petal_width")));
        QCOMPARE(sum(histogram->barValues()), 150.0);

        // Recorded in the next turn of the event loop.
        QTRY_VERIFY(window.recentFiles().contains(QFileInfo(iris()).absoluteFilePath()));
    }

    void clickingTableSelectsColumn()
    {
        MainWindow window;
        QVERIFY(dropAndWait(window, iris()));
        window.selectColumn(0);
        window.tableView()->setCurrentIndex(window.tableModel()->index(3, 4));
        QCOMPARE(window.selectedColumn(), 4);
        QCOMPARE(window.histogramPlot()->barCount(), 3);
    }

    void dropTempCsvWithMissing()
    {
        const QString path = tempFile(QStringLiteral("grades.csv"));
        QVERIFY(writeFile(path,
            "id,score,grade\n"
            "1,0.5,a\n"
            "2,,b\n"
            "3,1.5,a\n"
            "4,NA,c\n"
            "5,2.5,a\n"));
        MainWindow window;
        QVERIFY(dropAndWait(window, path));
        const DatasetTableModel *table = window.tableModel();
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(cell(table, 2, 1), QStringLiteral("1.5"));
        QCOMPARE(cell(table, 4, 2), QStringLiteral("a"));
        QVERIFY(table->index(1, 1).data(DatasetTableModel::MissingRole).toBool());
        QVERIFY(table->index(3, 1).data(DatasetTableModel::MissingRole).toBool());
        QCOMPARE(cell(table, 1, 1), DatasetTableModel::missingText());

        const ColumnSummaryModel *columns = window.columnModel();
        QCOMPARE(summaryCell(columns, 1, ColumnSummaryModel::Type), QStringLiteral("numeric"));
        QCOMPARE(summaryCell(columns, 1, ColumnSummaryModel::Missing), QStringLiteral("2"));
        QCOMPARE(summaryCell(columns, 1, ColumnSummaryModel::Mean), QStringLiteral("1.5"));
        QCOMPARE(summaryCell(columns, 2, ColumnSummaryModel::Type), QStringLiteral("categorical"));
        QCOMPARE(summaryCell(columns, 2, ColumnSummaryModel::Mode), QStringLiteral("a (3)"));

        // Histogram counts cover the present cells; the title says how many are missing.
        // (Not split by grade, the proposed target.)
        QCOMPARE(summaryCell(columns, 2, ColumnSummaryModel::Role), QStringLiteral("target"));
        window.histogramSplitCombo()->setCurrentIndex(0);
        window.selectColumn(1);
        sextant::plots::HistogramPlot *histogram = window.histogramPlot();
        QCOMPARE(histogram->barCount(), sextant::plots::HistogramPlot::kDefaultBins);
        QCOMPARE(sum(histogram->barValues()), 3.0);
        QVERIFY2(histogram->title().contains(QStringLiteral("2 missing")),
            qPrintable(histogram->title()));
        window.selectColumn(2);
        QCOMPARE(histogram->barValues(), (QList<double> { 3, 1, 1 }));
    }

    void badFileKeepsDataset_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // null: do not create the file
        QTest::addColumn<bool>("expectLine");
        QTest::newRow("missing file")
            << QStringLiteral("does-not-exist.csv") << QByteArray() << false;
        QTest::newRow("empty file") << QStringLiteral("empty.csv") << QByteArray("") << false;
        static const char elf[] = "\x7f"
                                  "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"
                                  "\x01\0\0\0\xf0\x10\0\0\0\0\0\0\xff\xfe\0\0";
        QTest::newRow("binary") << QStringLiteral("garbage.csv") << QByteArray(elf, sizeof(elf) - 1)
                                << false;
        QTest::newRow("unterminated quote")
            << QStringLiteral("quote.csv") << QByteArray("a,b\n1,2\n3,\"oops\n4,5\n") << true;
        QTest::newRow("long row") << QStringLiteral("ragged.csv")
                                  << QByteArray("a,b\n1,2\n3,4,5,6\n7,8\n") << true;
    }

    void badFileKeepsDataset()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(bool, expectLine);
        const QString path = tempFile(name);
        if (!content.isNull())
            QVERIFY(writeFile(path, content));

        MainWindow window;
        QVERIFY(dropAndWait(window, iris()));
        QCOMPARE(window.tableModel()->rowCount(), 150);

        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(drop(window, { QUrl::fromLocalFile(path) }));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), false);

        const QString error = window.errorText();
        QVERIFY2(error.contains(name), qPrintable(error));
        if (expectLine) // "file:line[:column]: message"
            QVERIFY2(error.contains(QRegularExpression(
                         QRegularExpression::escape(name) + QStringLiteral(":\\d+"))),
                qPrintable(error));
        // The previous dataset is still there, whole.
        QCOMPARE(window.tableModel()->rowCount(), 150);
        QCOMPARE(window.tableModel()->columnCount(), 5);
        QCOMPARE(window.columnModel()->rowCount(), 5);
        QVERIFY(window.windowTitle().contains(QStringLiteral("iris")));
        QVERIFY(!window.isLoading());
        QVERIFY(!window.recentFiles().contains(QFileInfo(path).absoluteFilePath()));

        // The next good load clears the error.
        QVERIFY(dropAndWait(window, iris()));
        QVERIFY(window.errorText().isEmpty());
    }

    // A dropped folder is read as an image folder; one without class subfolders is
    // refused, saying so.
    void dropFolderWithoutClassesIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.csv")), "x\n1\n"));
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(drop(window, { QUrl::fromLocalFile(dir.path()) }));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(window.errorText().contains(QStringLiteral("has no class subfolders")),
            qPrintable(window.errorText()));
        QCOMPARE(window.tableModel()->rowCount(), 0);
    }

    // A folder of class subfolders dropped on the window, or on the canvas, becomes an
    // Image Folder node, shown in the table with thumbnails; File › Open Image Folder… is
    // there too.
    void dropImageFolder()
    {
        QTemporaryDir dir;
        const auto makeFolder = [&dir](const QString &name) {
            const QString root = dir.filePath(name);
            for (const char *cls : { "dark", "light" }) {
                QDir(root).mkpath(QLatin1String(cls));
                for (int i = 0; i < 3; ++i) {
                    QImage image(8 + i, 8, QImage::Format_RGB32);
                    image.fill(qstrcmp(cls, "dark") == 0 ? Qt::black : Qt::white);
                    if (!image.save(
                            QStringLiteral("%1/%2/%3.png").arg(root, QLatin1String(cls)).arg(i)))
                        return QString();
                }
            }
            return root;
        };
        const QString first = makeFolder(QStringLiteral("shades"));
        const QString second = makeFolder(QStringLiteral("more"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("openImageFolderAction")));
        QVERIFY(dropAndWait(window, first));
        const sextant::engine::GraphModel &graph = window.graphModel();
        QCOMPARE(graph.nodeCount(), 1);
        const int node = graph.nodeIds().front();
        QCOMPARE(graph.nodeType(node)->id, QStringLiteral("data.image_folder"));
        QCOMPARE(graph.parameter(node, QStringLiteral("path")).toString(),
            QFileInfo(first).absoluteFilePath());
        QCOMPARE(window.shownNode(), node);
        QCOMPARE(
            window.shownNodeLabel(), QStringLiteral("Image Folder — shades (node %1)").arg(node));
        QTRY_COMPARE(window.recentFiles().value(0), QFileInfo(first).absoluteFilePath());
        QCOMPARE(window.tableModel()->rowCount(), 6);
        QCOMPARE(
            window.tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("path"));
        QCOMPARE(
            window.tableModel()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("class"));
        QVERIFY(window.tableModel()->hasThumbnails(0));
        QTRY_VERIFY(!window.tableModel()->index(0, 0).data(Qt::DecorationRole).isNull());

        // Again: the same node; on the canvas: a second one.
        QVERIFY(dropAndWait(window, first));
        QCOMPARE(graph.nodeCount(), 1);
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        window.tabs()->setCurrentWidget(editor);
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(dropOn(editor->view()->viewport(), second));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(graph.nodeCount(), 2);
        const int other = editor->scene()->selectedNodeIds().value(0);
        QCOMPARE(graph.nodeType(other)->id, QStringLiteral("data.image_folder"));
        QCOMPARE(window.shownNode(), other);
    }

    // Opening a dataset fills the overview views without further clicks: the correlation
    // heatmap of the numeric columns and the scatter of the first two principal components,
    // coloured by the categorical column.
    void overviewViewsFollowTheDataset()
    {
        MainWindow window;
        QVERIFY(dropAndWait(window, iris()));
        QCOMPARE(window.tabs()->count(), 4);
        QCOMPARE(window.heatmap()->columnCount(), 4);
        QCOMPARE(window.heatmap()->names().first(), QStringLiteral("sepal_length"));
        QCOMPARE(window.scatter()->pointCount(), qint64(150));
        const QString legend = window.scatter()->legendEntries().join(QLatin1Char(' '));
        for (const char *cls : { "setosa", "versicolor", "virginica" })
            QVERIFY2(legend.contains(QLatin1String(cls)), qPrintable(legend));
        // File > Export Plot applies to a plot tab, not to the table.
        auto *exportMenu = window.findChild<QMenu *>(QStringLiteral("exportMenu"));
        QVERIFY(exportMenu);
        window.tabs()->setCurrentIndex(0);
        QVERIFY(!exportMenu->isEnabled());
        window.tabs()->setCurrentWidget(window.heatmap());
        QVERIFY(exportMenu->isEnabled());
    }

    // Drops anywhere reach the window: no part of it takes them for itself, except the
    // workflow editor, where a dropped file becomes a File node, and the editor's panels
    // (palette, properties, messages; in docks of their own) as they always did.
    void noChildAcceptsDrops()
    {
        MainWindow window;
        QVERIFY(window.acceptDrops());
        QVERIFY(dropAndWait(window, iris()));
        const QList<QWidget *> children = window.findChildren<QWidget *>();
        QVERIFY(children.size() > 10);
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        QVERIFY(editor);
        QList<QWidget *> editorParts;
        editorParts << editor << editor->palette() << editor->propertyPanel()
                    << editor->messageList();
        const auto inEditor = [&editorParts](const QWidget *child) {
            return std::any_of(
                editorParts.begin(), editorParts.end(), [child](const QWidget *part) {
                    return part == child || part->isAncestorOf(child);
                });
        };
        for (QWidget *child : children)
            if (!inEditor(child))
                QVERIFY2(!child->acceptDrops(),
                    qPrintable(
                        child->objectName() + QLatin1Char(' ') + child->metaObject()->className()));
    }

    void nonFileDropIsIgnored()
    {
        MainWindow window;
        QMimeData mime;
        mime.setText(QStringLiteral("hello"));
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(!enter.isAccepted());
        QVERIFY(!drop(window, { QUrl(QStringLiteral("https://example.org/data.csv")) }));
        QVERIFY(!window.isLoading());
    }

    void loadWarningsAreListed()
    {
        const QString path = tempFile(QStringLiteral("short.csv"));
        QVERIFY(writeFile(path, "a,b,c\n1,2,3\n4,5\n7,8,9\n")); // a short row: padded
        MainWindow window;
        QVERIFY(dropAndWait(window, path));
        QCOMPARE(window.tableModel()->rowCount(), 3);
        const QStringList warnings = window.loadWarnings();
        QVERIFY(!warnings.isEmpty());
        QVERIFY2(
            warnings.first().contains(QStringLiteral("short.csv:3")), qPrintable(warnings.first()));
        QVERIFY(window.tableModel()->index(1, 2).data(DatasetTableModel::MissingRole).toBool());
    }

    void cancelLargeLoad()
    {
        // ~6 MB: 150,000 rows x 5 columns.
        const QString big = tempFile(QStringLiteral("big.csv"));
        {
            QByteArray text = "a,b,c,d,label\n";
            text.reserve(7'000'000);
            for (int i = 0; i < 150'000; ++i)
                text += QByteArray::number(i) + ',' + QByteArray::number(i * 0.25) + ','
                    + QByteArray::number(i % 97) + ',' + QByteArray::number(i * 1.5e-3) + ','
                    + (i % 3 == 0 ? "yes" : "no") + '\n';
            QVERIFY(writeFile(big, text));
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dropAndWait(window, iris()));

        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(drop(window, { QUrl::fromLocalFile(big) }));
        QVERIFY(window.isLoading());
        auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelLoadButton"));
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadProgress"));
        QVERIFY(cancel && progress);
        QVERIFY(cancel->isVisible());
        QVERIFY(progress->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);

        // Idle again at once, with the previous dataset in place.
        QVERIFY(!window.isLoading());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!cancel->isVisible());
        QVERIFY(!progress->isVisible());
        QCOMPARE(window.tableModel()->rowCount(), 150);
        QVERIFY(window.errorText().isEmpty());
        // The worker notices and ends; its result is dropped.
        QTRY_COMPARE_WITH_TIMEOUT(window.runningJobCount(), 0, kLoadTimeoutMs);
        QCOMPARE(window.tableModel()->rowCount(), 150);
        QCOMPARE(finished.size(), 1);

        // The window is usable: the same file loads when not cancelled.
        QVERIFY(dropAndWait(window, big));
        QCOMPARE(window.tableModel()->rowCount(), 150'000);
        QCOMPARE(window.tableModel()->columnCount(), 5);
        QCOMPARE(cell(window.tableModel(), 149'999, 0), QStringLiteral("149999"));
        QCOMPARE(sum(window.histogramPlot()->barValues()), 150'000.0);
        window.selectColumn(4);
        QCOMPARE(window.histogramPlot()->barValues(), (QList<double> { 50'000, 100'000 }));
    }

    void newDropSupersedesLoadInProgress()
    {
        const QString other = tempFile(QStringLiteral("other.csv"));
        QVERIFY(writeFile(other, "p,q\n1,2\n3,4\n"));
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(drop(window, { QUrl::fromLocalFile(iris()) }));
        QVERIFY(drop(window, { QUrl::fromLocalFile(other) }));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(window.runningJobCount(), 0, kLoadTimeoutMs);
        QCOMPARE(finished.size(), 1); // only the newest load reports
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.tableModel()->rowCount(), 2);
        QCOMPARE(
            window.tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("p"));
    }

    void recentFiles()
    {
        QSettings().clear();
        const QString a = tempFile(QStringLiteral("recent-a.csv"));
        const QString b = tempFile(QStringLiteral("recent-b.csv"));
        QVERIFY(writeFile(a, "x\n1\n2\n"));
        QVERIFY(writeFile(b, "y\n3\n4\n"));
        MainWindow window;
        QVERIFY(dropAndWait(window, a));
        QVERIFY(dropAndWait(window, b));
        QVERIFY(dropAndWait(window, a));
        // Each load is recorded in the turn of the event loop after it is shown.
        QTRY_COMPARE(window.recentFiles(),
            (QStringList { QFileInfo(a).absoluteFilePath(), QFileInfo(b).absoluteFilePath() }));
        QVERIFY(QFile::remove(a));
        QCOMPARE(window.recentFiles(), QStringList { QFileInfo(b).absoluteFilePath() });
        // At most kMaxRecentFiles.
        for (int i = 0; i < MainWindow::kMaxRecentFiles + 2; ++i) {
            const QString f = tempFile(QStringLiteral("r%1.csv").arg(i));
            QVERIFY(writeFile(f, "z\n1\n2\n"));
            QVERIFY(dropAndWait(window, f));
        }
        QTRY_COMPARE(window.recentFiles().size(), MainWindow::kMaxRecentFiles);
    }

    // A generated CSV of kBigRows rows (~60 MB), or SEXTANT_BIG_CSV when set (to try a
    // bigger file by hand). Made once per run of the test executable.
    QString bigCsv()
    {
        const QString chosen = qEnvironmentVariable("SEXTANT_BIG_CSV");
        if (!chosen.isEmpty())
            return chosen;
        const QString path = tempFile(QStringLiteral("generated-big.csv"));
        if (QFileInfo(path).size() > 0)
            return path;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QByteArray chunk = "id,a,b,c,d,e,f,label\n";
        chunk.reserve(1 << 21);
        char cellText[16];
        for (int i = 0; i < kBigRows; ++i) {
            chunk += QByteArray::number(i);
            for (int c = 1; c <= 6; ++c) {
                // Values in [0, 100) with three decimals, spread by two primes.
                const int v = int((qint64(i) * 7919 + qint64(c) * 104729) % 100000);
                std::snprintf(cellText, sizeof cellText, ",%d.%03d", v / 1000, v % 1000);
                chunk += cellText;
            }
            chunk += i % 3 == 0 ? ",yes\n" : ",no\n";
            if (chunk.size() > (1 << 20)) {
                if (f.write(chunk) != chunk.size())
                    return {};
                chunk.clear();
            }
        }
        if (f.write(chunk) != chunk.size())
            return {};
        return path;
    }

    // Measures the longest time the GUI thread goes without serving a 10 ms timer while a
    // big file loads and is shown. The bound only catches a frozen window: the figure to
    // compare is the printed one (bench/ measures it properly).
    void bigFileStaysResponsive()
    {
        const QString path = bigCsv();
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, &window, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        int progressUpdates = 0;
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadProgress"));
        QVERIFY(progress);
        connect(progress, &QProgressBar::valueChanged, &window, [&] { ++progressUpdates; });
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        clock.start();
        timer.start();
        window.openFile(path);
        QVERIFY(finished.wait(600000));
        const qint64 loadMs = clock.elapsed();
        QVERIFY(finished.first().first().toBool());
        if (qEnvironmentVariableIsEmpty("SEXTANT_BIG_CSV"))
            QCOMPARE(window.tableModel()->rowCount(), kBigRows);
        const int after = ticks;
        QTRY_VERIFY(ticks >= after + 5); // the first paints of the loaded dataset
        window.tableView()->scrollToBottom();
        QTRY_VERIFY(ticks >= after + 10);
        qInfo("%s: %lld rows x %d columns loaded in %lld ms; %d progress updates; longest GUI "
              "stall %lld ms over %d timer ticks",
            qPrintable(path), static_cast<long long>(window.tableModel()->dataset().rowCount()),
            window.tableModel()->columnCount(), static_cast<long long>(loadMs), progressUpdates,
            static_cast<long long>(worst), ticks);
        QVERIFY(progressUpdates > 0);
        QVERIFY2(worst < 3000, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(worst)));
    }

    // How long the worker takes to stop after Cancel, when cancelled while reading and
    // while computing statistics. The cancel comes from the progress bar's signal once the
    // stage is reached, never after a sleep.
    void bigFileCancelsQuickly_data()
    {
        QTest::addColumn<QString>("stageText");
        QTest::addColumn<int>("atPercent");
        QTest::newRow("reading") << QStringLiteral("Reading") << 30;
        QTest::newRow("statistics") << QStringLiteral("statistics") << 20;
    }

    void bigFileCancelsQuickly()
    {
        QFETCH(QString, stageText);
        QFETCH(int, atPercent);
        const QString path = bigCsv();
        QVERIFY(!path.isEmpty());
        MainWindow window;
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadProgress"));
        QVERIFY(progress);
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        auto stageReached = [&] {
            for (QLabel *l : labels)
                if (l->isVisibleTo(&window) && l->text().contains(stageText))
                    return progress->value() >= atPercent;
            return false;
        };
        QElapsedTimer clock;
        int cancelledAt = -1;
        connect(progress, &QProgressBar::valueChanged, &window, [&] {
            if (cancelledAt < 0 && window.isLoading() && stageReached()) {
                cancelledAt = progress->value();
                clock.start();
                window.cancelLoading();
            }
        });
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(cancelledAt >= 0 || !finished.isEmpty(), 600000);
        QVERIFY2(cancelledAt >= 0, "the load ended before the stage was reached");
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(window.runningJobCount(), 0, 600000);
        qInfo("cancelled while %s at %d%%: the worker stopped after %lld ms", qPrintable(stageText),
            cancelledAt, static_cast<long long>(clock.elapsed()));
        QVERIFY(clock.elapsed() < 5000);
    }

    // One graph, one pipeline: a dropped dataset is the workflow's File node, selected,
    // and the exploration views show its table and say so. Dropping the same file again
    // selects that node; a file dropped on the canvas takes the same path.
    void droppedFileIsAFileNode()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dropAndWait(window, iris()));
        const sextant::engine::GraphModel &graph = window.graphModel();
        QCOMPARE(graph.nodeCount(), 1);
        const int file = graph.nodeIds().front();
        QCOMPARE(graph.nodeType(file)->id, QStringLiteral("data.file"));
        QCOMPARE(graph.parameter(file, QStringLiteral("path")).toString(),
            QFileInfo(iris()).absoluteFilePath());
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        QCOMPARE(editor->scene()->selectedNodeIds(), QList<int> { file });
        QCOMPARE(editor->executor().status(file), sextant::engine::NodeStatus::Done);
        QCOMPARE(editor->undoStack()->count(), 1); // an undoable edit of the workflow
        QCOMPARE(window.shownNode(), file);
        QCOMPARE(window.shownNodeLabel(), QStringLiteral("File — iris.csv (node %1)").arg(file));
        auto *label = window.findChild<QLabel *>(QStringLiteral("shownNodeLabel"));
        QVERIFY(label && label->isVisible());
        QCOMPARE(window.tableModel()->rowCount(), 150);
        QCOMPARE(window.columnModel()->rowCount(), 5);
        QCOMPARE(window.heatmap()->columnCount(), 4);
        QCOMPARE(window.scatter()->pointCount(), qint64(150));

        // Again, with nothing selected: the same node is selected, no second one.
        editor->scene()->clearSelection();
        QVERIFY(dropAndWait(window, iris()));
        QCOMPARE(graph.nodeCount(), 1);
        QCOMPARE(editor->scene()->selectedNodeIds(), QList<int> { file });
        QCOMPARE(window.shownNode(), file);

        // On the canvas: a new File node, shown.
        const QString other = tempFile(QStringLiteral("canvas.csv"));
        QVERIFY(writeFile(other, "u,v\n1,2\n3,4\n5,6\n"));
        window.tabs()->setCurrentWidget(editor);
        QWidget *viewport = editor->view()->viewport();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QVERIFY(dropOn(viewport, other));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(graph.nodeCount(), 2);
        const int second = editor->scene()->selectedNodeIds().value(0);
        QVERIFY(second != file);
        QCOMPARE(window.shownNode(), second);
        QCOMPARE(
            window.shownNodeLabel(), QStringLiteral("File — canvas.csv (node %1)").arg(second));
        QCOMPARE(window.tableModel()->rowCount(), 3);
        QCOMPARE(
            window.tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("u"));

        // Selecting the first File node again shows iris (read from the cache).
        finished.clear();
        editor->scene()->selectNodes({ file });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.tableModel()->rowCount(), 150);
        QCOMPARE(window.shownNode(), file);
    }

    // The views show the selected node's table, whichever node makes it: selecting a
    // preprocessing step that has not run yet runs the workflow up to it.
    void selectedNodeDrivesTheViews()
    {
        MainWindow window;
        const auto [file, filter] = irisAndFilter(window);
        QVERIFY(filter > 0);
        sextant::engine::GraphModel &graph = window.graphModel();
        const auto scale = graph.addNode(QStringLiteral("prep.minmax"), { 500, 0 });
        QVERIFY(scale.ok());
        QVERIFY(graph.addConnection({ filter, 0, scale.value(), 0 }));
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        sextant::engine::Executor &executor = editor->executor();
        QCOMPARE(executor.status(scale.value()), sextant::engine::NodeStatus::Idle);

        QSignalSpy finished(&window, &MainWindow::loadFinished);
        editor->scene()->selectNodes({ scale.value() });
        QVERIFY(window.isLoading());
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(executor.status(filter), sextant::engine::NodeStatus::Done);
        QCOMPARE(executor.status(scale.value()), sextant::engine::NodeStatus::Done);
        QCOMPARE(window.shownNode(), scale.value());
        QCOMPARE(
            window.shownNodeLabel(), QStringLiteral("Min-Max Scale (node %1)").arg(scale.value()));
        // Filtered and scaled: 100 rows, every numeric column within [0, 1].
        const DatasetTableModel *table = window.tableModel();
        QCOMPARE(table->rowCount(), 100);
        QCOMPARE(cell(table, 0, 4), QStringLiteral("versicolor"));
        const ColumnSummaryModel *columns = window.columnModel();
        for (int c = 0; c < 4; ++c) {
            QCOMPARE(summaryCell(columns, c, ColumnSummaryModel::Min), QStringLiteral("0"));
            QCOMPARE(summaryCell(columns, c, ColumnSummaryModel::Max), QStringLiteral("1"));
        }
        QCOMPARE(window.scatter()->pointCount(), qint64(100));
        window.selectColumn(4);
        QCOMPARE(sum(window.histogramPlot()->barValues()), 100.0);

        // A node added but not connected yet is not run to a failure when selected.
        const int loose = editor->addNode(QStringLiteral("prep.standardize"), { 0, 300 });
        QVERIFY(loose != 0);
        QCOMPARE(editor->scene()->selectedNodeIds(), QList<int> { loose });
        QVERIFY(!window.isLoading());
        QCOMPARE(executor.status(loose), sextant::engine::NodeStatus::Idle);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("connect")),
            qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.shownNode(), scale.value());

        // The filter alone: its own table.
        finished.clear();
        editor->scene()->selectNodes({ filter });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(window.shownNode(), filter);
        QCOMPARE(window.shownNodeLabel(), QStringLiteral("Filter Rows (node %1)").arg(filter));
        QCOMPARE(table->rowCount(), 100);
        QCOMPARE(summaryCell(columns, 0, ColumnSummaryModel::Min), QStringLiteral("4.9"));

        // Editing the node shown refreshes the views shortly after.
        finished.clear();
        QVERIFY(graph.setParameter(
            filter, QStringLiteral("condition"), QStringLiteral("species == setosa")));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.shownNode(), filter);
        QCOMPARE(table->rowCount(), 50);

        // A node that fails keeps the table in place and says why in the status bar.
        QVERIFY(graph.setParameter(
            filter, QStringLiteral("condition"), QStringLiteral("no_such_column > 1")));
        finished.clear();
        editor->scene()->selectNodes({ file });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(window.shownNode(), file);
        finished.clear();
        editor->scene()->selectNodes({ filter });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(window.shownNode(), file);
        QCOMPARE(table->rowCount(), 150);
        QVERIFY(window.errorText().isEmpty()); // not an open of a file: no banner
    }

    // A learner, an evaluation or a view has no table of its own: selecting it shows the
    // table it takes in, and the label says whose input that is.
    void selectedNodeWithoutTableShowsItsInput()
    {
        MainWindow window;
        const auto [file, filter] = irisAndFilter(window);
        QVERIFY(filter > 0);
        sextant::engine::GraphModel &graph = window.graphModel();
        const auto learner = graph.addNode(QStringLiteral("model.logistic_regression"), { 500, 0 });
        QVERIFY(learner.ok());
        const auto cv = graph.addNode(QStringLiteral("eval.cross_validation"), { 750, 0 });
        QVERIFY(cv.ok());
        const auto loose = graph.addNode(QStringLiteral("model.knn"), { 500, 300 });
        QVERIFY(loose.ok());
        QVERIFY(graph.addConnection({ filter, 0, learner.value(), 0 }));
        QVERIFY(graph.addConnection({ learner.value(), 0, cv.value(), 0 }));
        QVERIFY(graph.addConnection({ file, 0, cv.value(), 1 }));
        sextant::widgets::GraphScene *scene = window.graphEditor()->scene();
        const DatasetTableModel *table = window.tableModel();
        QSignalSpy finished(&window, &MainWindow::loadFinished);

        // The learner: the filtered table that feeds it (100 rows).
        scene->selectNodes({ learner.value() });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.shownNode(), filter);
        QCOMPARE(window.shownNodeLabel(),
            QStringLiteral("Filter Rows (node %1) — the input of Logistic Regression (node %2)")
                .arg(filter)
                .arg(learner.value()));
        QCOMPARE(table->rowCount(), 100);

        // The filter itself: the same table, now under its own name.
        scene->selectNodes({ filter });
        QCOMPARE(window.shownNode(), filter);
        QCOMPARE(window.shownNodeLabel(), QStringLiteral("Filter Rows (node %1)").arg(filter));

        // Cross-validation: its data input (the whole file), not the model's.
        finished.clear();
        scene->selectNodes({ cv.value() });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(window.shownNode(), file);
        QVERIFY2(window.shownNodeLabel().endsWith(
                     QStringLiteral("the input of Cross-Validation (node %1)").arg(cv.value())),
            qPrintable(window.shownNodeLabel()));
        QCOMPARE(table->rowCount(), 150);

        // Renaming the node whose input is shown renames it in the label.
        QVERIFY(graph.setLabel(cv.value(), QStringLiteral("Ten folds")).ok());
        QVERIFY2(window.shownNodeLabel().endsWith(
                     QStringLiteral("the input of Ten folds (node %1)").arg(cv.value())),
            qPrintable(window.shownNodeLabel()));

        // A learner with nothing connected: the table shown stays.
        scene->selectNodes({ loose.value() });
        QVERIFY(!window.isLoading());
        QCOMPARE(window.shownNode(), file);

        // A test on a split's test rows: the views show the split's training rows only, so
        // they keep what they show rather than pass those off as its input.
        const auto split = graph.addNode(QStringLiteral("data.split"), { 250, 300 });
        QVERIFY(split.ok());
        const auto test = graph.addNode(QStringLiteral("eval.test"), { 750, 300 });
        QVERIFY(test.ok());
        QVERIFY(graph.addConnection({ file, 0, split.value(), 0 }));
        QVERIFY(graph.addConnection({ split.value(), 0, loose.value(), 0 }));
        QVERIFY(graph.addConnection({ loose.value(), 0, test.value(), 0 }));
        QVERIFY(graph.addConnection({ split.value(), 1, test.value(), 1 }));
        scene->selectNodes({ test.value() });
        QVERIFY(!window.isLoading());
        QCOMPARE(window.shownNode(), file);
        // Its learner, on the training rows: those.
        finished.clear();
        scene->selectNodes({ loose.value() });
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(window.shownNode(), split.value());
        QVERIFY(table->rowCount() > 0 && table->rowCount() < 150);
    }

    // A newer request supersedes the one in progress, also when both need the same
    // running File node: the run cancelled for it is no failure, and only the newest
    // request reports.
    void selectionSupersedesALoadInProgress()
    {
        const QString path = bigCsv();
        QVERIFY(!path.isEmpty());
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(path);
        QVERIFY(window.isLoading());
        sextant::engine::GraphModel &graph = window.graphModel();
        const int file = graph.nodeIds().front();
        const auto filter = graph.addNode(QStringLiteral("data.filter"), { 250, 0 },
            { { QStringLiteral("condition"), QStringLiteral("label == yes") } });
        QVERIFY(filter.ok());
        QVERIFY(graph.addConnection({ file, 0, filter.value(), 0 }));
        sextant::widgets::GraphScene *scene = window.graphEditor()->scene();
        scene->selectNodes({ filter.value() }); // supersedes the load of the file
        scene->selectNodes({ file }); // and back: the file's own run was cancelled twice
        QVERIFY(finished.wait(600000));
        QTRY_COMPARE_WITH_TIMEOUT(window.runningJobCount(), 0, 600000);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.shownNode(), file);
        if (qEnvironmentVariableIsEmpty("SEXTANT_BIG_CSV"))
            QCOMPARE(window.tableModel()->rowCount(), kBigRows);

        // Then the filter: read from the cache, filtered.
        finished.clear();
        scene->selectNodes({ filter.value() });
        QVERIFY(finished.wait(600000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(window.shownNode(), filter.value());
        if (qEnvironmentVariableIsEmpty("SEXTANT_BIG_CSV"))
            QCOMPARE(window.tableModel()->rowCount(), (kBigRows + 2) / 3);
    }

    // The workflow canvas is the window's centre: the tab shown first, and most of the
    // window with the default layout, a dataset loaded or not.
    void canvasIsTheCentre()
    {
        for (const bool loaded : { false, true }) {
            MainWindow window;
            window.resize(1600, 1000);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.tabs()->currentWidget(), window.graphEditor());
            if (loaded)
                QVERIFY(dropAndWait(window, iris()));
            QApplication::processEvents();
            const QWidget *canvas = window.graphEditor()->view();
            QVERIFY(canvas->isVisible());
            const double share = double(canvas->width()) * canvas->height()
                / (double(window.width()) * window.height());
            QVERIFY2(share >= 0.60,
                qPrintable(QStringLiteral("canvas %1×%2 is %3% of the window")
                               .arg(canvas->width())
                               .arg(canvas->height())
                               .arg(share * 100, 0, 'f', 1)));
        }
        // Still usable in a small window.
        MainWindow small;
        small.resize(1024, 700);
        small.show();
        QVERIFY(QTest::qWaitForWindowExposed(&small));
        QVERIFY(dropAndWait(small, iris()));
        QApplication::processEvents();
        const QWidget *canvas = small.graphEditor()->view();
        QVERIFY2(canvas->width() >= small.width() * 55 / 100,
            qPrintable(
                QStringLiteral("canvas %1 px wide in %2").arg(canvas->width()).arg(small.width())));
        // A training run's monitor appears as a tab: the canvas keeps its size.
        const QSize before = canvas->size();
        auto *training = small.findChild<QDockWidget *>(QStringLiteral("trainingDock"));
        QVERIFY(training && !training->isVisible());
        training->show();
        training->raise();
        QApplication::processEvents();
        QVERIFY(training->isVisible());
        QCOMPARE(canvas->size(), before);
    }

    // At the sizes people open the studio at, the palette shows every node's name whole,
    // and the canvas stays where it is (same place, same size) when the first dataset's
    // table and views appear and when rows get selected.
    void sideColumnsLeaveTheCanvasInPlace_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }
    void sideColumnsLeaveTheCanvasInPlace()
    {
        QFETCH(QSize, size);
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50); // the docks are sized once the layout has the window's size
        // The window fits: nothing in it needs more than the size given.
        QString needs
            = QStringLiteral("central %1").arg(window.centralWidget()->minimumSizeHint().width());
        for (const QWidget *w :
            window.centralWidget()->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
            needs
                += QStringLiteral(", %1 %2").arg(w->objectName()).arg(w->minimumSizeHint().width());
        for (int t = 0; t < window.tabs()->count(); ++t)
            needs += QStringLiteral(", tab %1 %2")
                         .arg(window.tabs()->tabText(t))
                         .arg(window.tabs()->widget(t)->minimumSizeHint().width());
        for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
            if (dock->isVisible())
                needs += QStringLiteral(", %1 %2")
                             .arg(dock->objectName())
                             .arg(dock->minimumSizeHint().width());
        QVERIFY2(window.width() <= size.width() && window.height() <= size.height(),
            qPrintable(QStringLiteral("%1 x %2 for %3 x %4 (minimum widths: %5)")
                           .arg(window.width())
                           .arg(window.height())
                           .arg(size.width())
                           .arg(size.height())
                           .arg(needs)));
        const QTreeWidget *tree = window.graphEditor()->palette()->tree();
        int names = 0;
        for (int c = 0; c < tree->topLevelItemCount(); ++c) {
            const QTreeWidgetItem *category = tree->topLevelItem(c);
            for (int i = 0; i < category->childCount(); ++i, ++names) {
                const QTreeWidgetItem *item = category->child(i);
                const int right = tree->visualItemRect(item).left()
                    + QFontMetrics(item->font(0)).horizontalAdvance(item->text(0));
                QVERIFY2(right <= tree->viewport()->width(),
                    qPrintable(QStringLiteral("%1 ends at %2 of %3")
                                   .arg(item->text(0))
                                   .arg(right)
                                   .arg(tree->viewport()->width())));
            }
        }
        QVERIFY(names > 40);
        QWidget *canvas = window.graphEditor()->view();
        const QRect before(canvas->mapTo(&window, QPoint(0, 0)), canvas->size());
        const auto docks = [&window] {
            QString widths;
            for (const char *name : { "paletteDock", "propertiesDock", "columnsDock" })
                widths += QStringLiteral("%1 %2 ")
                              .arg(QLatin1String(name))
                              .arg(window.findChild<QDockWidget *>(QLatin1String(name))->width());
            return widths;
        };
        const QString docksBefore = docks();
        QVERIFY(dropAndWait(window, iris()));
        window.tabs()->setCurrentWidget(window.graphEditor());
        QCoreApplication::processEvents();
        QVERIFY2(QRect(canvas->mapTo(&window, QPoint(0, 0)), canvas->size()) == before,
            qPrintable(docksBefore + QStringLiteral("-> ") + docks()));
        window.linkedSelection()->select({ 0, 1, 2 });
        QCoreApplication::processEvents();
        QCOMPARE(QRect(canvas->mapTo(&window, QPoint(0, 0)), canvas->size()), before);
    }

    // A node with a long name: the label above the views shows it cut with "…" (whole in
    // its tool tip), and the window keeps its size.
    void longNodeNamesAreCutWithAnEllipsis()
    {
        MainWindow window;
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dropAndWait(window, iris()));
        const QString name = QStringLiteral("The training rows of the spring survey, ").repeated(5);
        QVERIFY(window.graphModel().setLabel(window.shownNode(), name).ok());
        QCoreApplication::processEvents();
        auto *label
            = window.findChild<sextant::widgets::ElidedLabel *>(QStringLiteral("shownNodeLabel"));
        QVERIFY(label);
        QVERIFY(label->text().contains(name.trimmed()));
        label->repaint();
        QVERIFY2(label->shownText().endsWith(QChar(0x2026)), qPrintable(label->shownText()));
        QVERIFY(label->fontMetrics().horizontalAdvance(label->shownText()) <= label->width());
        QVERIFY(label->toolTip().contains(name.trimmed()));
        QCOMPARE(window.width(), 1024);
    }

    // Every dock can be closed and reopened from the View menu.
    void everyDockIsInTheViewMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMenu *view = window.viewMenu();
        QVERIFY(view);
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        QVERIFY(docks.size() >= 7);
        QStringList names;
        for (QDockWidget *dock : docks) {
            names << dock->objectName();
            QVERIFY2(
                view->actions().contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
        }
        for (const char *name : { "paletteDock", "propertiesDock", "columnsDock", "histogramDock",
                 "messagesDock", "trainingDock", "warningsDock" })
            QVERIFY2(names.contains(QLatin1String(name)), name);
        // The editor's panels are in docks, not in the canvas's tab.
        QVERIFY(!window.graphEditor()->isAncestorOf(window.graphEditor()->palette()));
        QVERIFY(!window.graphEditor()->isAncestorOf(window.graphEditor()->propertyPanel()));
        // Closing and reopening a dock.
        auto *columns = window.findChild<QDockWidget *>(QStringLiteral("columnsDock"));
        QVERIFY(columns->isVisible());
        columns->toggleViewAction()->trigger();
        QVERIFY(!columns->isVisible());
        columns->toggleViewAction()->trigger();
        QVERIFY(columns->isVisible());
    }

    // Edit > Undo and Redo act on the workflow; Ctrl+Y and Ctrl+Shift+Z both redo.
    void editMenuUndoesTheWorkflow()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QMenu *edit = window.editMenu();
        QVERIFY(edit);
        const auto action
            = [edit](const char *name) { return edit->findChild<QAction *>(QLatin1String(name)); };
        QAction *undo = action("editUndo");
        QAction *redo = action("editRedo");
        QVERIFY(undo && redo);
        for (const char *name :
            { "editCut", "editCopy", "editPaste", "editDelete", "editSelectAll" })
            QVERIFY2(action(name) && edit->actions().contains(action(name)), name);
        QVERIFY(undo->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
        QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
        QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        QCOMPARE(action("editSelectAll")->shortcut(), QKeySequence(QKeySequence::SelectAll));
        QCOMPARE(action("editDelete")->shortcut(), QKeySequence(QKeySequence::Delete));
        QVERIFY(!undo->isEnabled());

        const sextant::engine::GraphModel &graph = window.graphModel();
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        const int id = editor->addNode(QStringLiteral("view.table"), { 0, 0 });
        QVERIFY(id != 0);
        QCOMPARE(graph.nodeCount(), 1);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(graph.nodeCount(), 0);
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(graph.nodeCount(), 1);
        // The keys, with the focus on the canvas: no key is claimed twice.
        editor->view()->setFocus();
        QApplication::processEvents();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(graph.nodeCount(), 0);
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(graph.nodeCount(), 1);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(graph.nodeCount(), 0);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(graph.nodeCount(), 1);
        // Select All, then Delete (undoable), then Copy and Paste.
        action("editSelectAll")->trigger();
        QCOMPARE(editor->scene()->selectedNodeIds(), QList<int> { id });
        action("editDelete")->trigger();
        QCOMPARE(graph.nodeCount(), 0);
        undo->trigger();
        QCOMPARE(graph.nodeCount(), 1);
        action("editSelectAll")->trigger();
        action("editCopy")->trigger();
        action("editPaste")->trigger();
        QCOMPARE(graph.nodeCount(), 2);
        action("editSelectAll")->trigger();
        action("editCut")->trigger();
        QCOMPARE(graph.nodeCount(), 0);
        action("editPaste")->trigger();
        QCOMPARE(graph.nodeCount(), 2);

        // With the focus in the data table, Copy copies its cell, not the selected node.
        QVERIFY(dropAndWait(window, iris()));
        QCOMPARE(editor->scene()->selectedNodeIds().size(), 1);
        QVERIFY(action("editCopy")->isEnabled());
        window.tabs()->setCurrentWidget(window.tableView()->parentWidget());
        window.tableView()->setFocus();
        QApplication::processEvents();
        QVERIFY(window.tableView()->hasFocus());
        const QModelIndex cell = window.tableModel()->index(0, 0);
        window.tableView()->setCurrentIndex(cell);
        QGuiApplication::clipboard()->clear();
        action("editCopy")->trigger();
        const QMimeData *copied = QGuiApplication::clipboard()->mimeData();
        QVERIFY(copied);
        QVERIFY(!copied->hasFormat(sextant::widgets::GraphEditor::clipboardMimeType()));
        QCOMPARE(copied->text(), window.tableModel()->data(cell).toString());
        QCOMPARE(graph.nodeCount(), 3);
    }

    void openFileFromCode()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(iris()); // what main() does with command-line files
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(window.tableModel()->rowCount(), 150);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
