// The data table's model on its own: a virtual QAbstractTableModel over a Dataset, checked
// with QAbstractItemModelTester, and the column list's summary model.
#include "widgets/ColumnSummaryModel.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/ImageThumbnails.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <opencv2/imgcodecs.hpp>

using sextant::engine::Column;
using sextant::engine::ColumnRole;
using sextant::engine::ColumnSummary;
using sextant::engine::Dataset;
using sextant::widgets::ColumnSummaryModel;
using sextant::widgets::DatasetTableModel;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 4 rows: x (numeric, one missing), colour (categorical, one missing), y (numeric, target).
Dataset smallDataset()
{
    Dataset d;
    d.setName(QStringLiteral("small"));
    d.addColumn(Column::numeric(QStringLiteral("x"), { 1.5, kNaN, -2.0, 1e6 }));
    d.addColumn(Column::categorical(QStringLiteral("colour"), { 0, 1, -1, 0 },
        { QStringLiteral("red"), QStringLiteral("green") }));
    d.addColumn(Column::numeric(QStringLiteral("y"), { 0, 1, 0, 1 }));
    d.setRole(2, ColumnRole::Target);
    return d;
}

} // namespace

class TestDatasetTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        DatasetTableModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QVERIFY(!model.data(model.index(0, 0)).isValid());
    }

    void modelTester()
    {
        DatasetTableModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDataset(smallDataset());
        QVERIFY(!QTest::currentTestFailed());
        model.setDataset(smallDataset()); // reset again
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setDataset(smallDataset());
        QCOMPARE(model.rowCount(), 4);
    }

    void cells()
    {
        DatasetTableModel model;
        model.setDataset(smallDataset());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table: no children

        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("1.5"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("-2"));
        QCOMPARE(model.index(3, 0).data().toString(), model.dataset().column(0).displayValue(3));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("red"));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("green"));
        QCOMPARE(model.index(3, 2).data().toString(), QStringLiteral("1"));

        // Numbers right-aligned, text left-aligned.
        const int numAlign = model.index(0, 0).data(Qt::TextAlignmentRole).toInt();
        const int textAlign = model.index(0, 1).data(Qt::TextAlignmentRole).toInt();
        QVERIFY(numAlign & Qt::AlignRight);
        QVERIFY(textAlign & Qt::AlignLeft);

        // Raw values.
        QCOMPARE(model.index(2, 0).data(DatasetTableModel::NumericValueRole).toDouble(), -2.0);
        QCOMPARE(model.index(1, 1).data(DatasetTableModel::NumericValueRole).toDouble(), 1.0);
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
    }

    void missingCells()
    {
        DatasetTableModel model;
        model.setDataset(smallDataset());
        for (const QModelIndex &missing : { model.index(1, 0), model.index(2, 1) }) {
            QVERIFY(missing.data(DatasetTableModel::MissingRole).toBool());
            QCOMPARE(missing.data().toString(), DatasetTableModel::missingText());
            QVERIFY(missing.data(Qt::ForegroundRole).isValid()); // greyed
            QVERIFY(missing.data(Qt::FontRole).value<QFont>().italic());
            QVERIFY(std::isnan(missing.data(DatasetTableModel::NumericValueRole).toDouble()));
        }
        const QModelIndex present = model.index(0, 0);
        QVERIFY(!present.data(DatasetTableModel::MissingRole).toBool());
        QVERIFY(!present.data(Qt::ForegroundRole).isValid());
    }

    void headers()
    {
        DatasetTableModel model;
        model.setDataset(smallDataset());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("x"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("colour"));
        QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("numeric")));
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("categorical")));
        QVERIFY(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("target")));
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));
        QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("4"));
        QVERIFY(!model.headerData(3, Qt::Horizontal).isValid());
        QVERIFY(!model.headerData(4, Qt::Vertical).isValid());
    }

    // A million rows: the model shares the cells (no copy) and reads any row on demand;
    // a view over it keeps fixed row heights and fits columns from a sample.
    void millionRows()
    {
        const std::int64_t n = 1'000'000;
        std::vector<double> values(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            values[static_cast<std::size_t>(i)] = double(i) * 0.5;
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("v"), std::move(values)));
        DatasetTableModel model;
        model.setDataset(d);
        QVERIFY(model.dataset().column(0).sharesDataWith(d.column(0)));
        QCOMPARE(model.rowCount(), int(n));
        QCOMPARE(model.index(int(n) - 1, 0).data().toString(), QStringLiteral("499999.5"));
        QCOMPARE(model.headerData(int(n) - 1, Qt::Vertical).toString(), QStringLiteral("1000000"));

        sextant::widgets::DataTableView view;
        view.resize(600, 400);
        QElapsedTimer timer;
        timer.start();
        view.setModel(&model);
        view.fitColumnsToSample();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToBottom();
        QCoreApplication::processEvents();
        qInfo("setModel + fit + show + scroll to the last of 1M rows: %lld ms",
            static_cast<long long>(timer.elapsed()));
        QCOMPARE(view.verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QVERIFY(view.rowAt(view.viewport()->height() - 2) > int(n) - 100);
    }

    void summaryModel()
    {
        ColumnSummaryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Dataset d = smallDataset();
        QList<ColumnSummary> summaries(3);
        summaries[0].count = 3;
        summaries[0].missing = 1;
        summaries[0].mean = 333333.1666666;
        summaries[0].std = 2.5;
        summaries[0].min = -2;
        summaries[0].max = 1e6;
        summaries[0].distinct = 3;
        summaries[1].count = 3;
        summaries[1].missing = 1;
        summaries[1].distinct = 2;
        summaries[1].mode = QStringLiteral("red");
        summaries[1].modeCount = 2;
        summaries[2].count = 4;
        summaries[2].distinct = 2;
        model.setDataset(d, summaries);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ColumnSummaryModel::FieldCount));
        auto cell = [&](int row, ColumnSummaryModel::Field f) {
            return model.index(row, f).data().toString();
        };
        QCOMPARE(cell(0, ColumnSummaryModel::Name), QStringLiteral("x"));
        QCOMPARE(cell(0, ColumnSummaryModel::Type), QStringLiteral("numeric"));
        QCOMPARE(cell(1, ColumnSummaryModel::Type), QStringLiteral("categorical"));
        QCOMPARE(cell(2, ColumnSummaryModel::Role), QStringLiteral("target"));
        QCOMPARE(cell(0, ColumnSummaryModel::Missing), QStringLiteral("1"));
        QCOMPARE(cell(0, ColumnSummaryModel::Mean), QStringLiteral("3.3333e+05"));
        QCOMPARE(cell(0, ColumnSummaryModel::Min), QStringLiteral("-2"));
        QCOMPARE(cell(0, ColumnSummaryModel::Distinct), QStringLiteral("3"));
        QCOMPARE(cell(1, ColumnSummaryModel::Mean), QString());
        QCOMPARE(cell(1, ColumnSummaryModel::Mode), QStringLiteral("red (2)"));
        QCOMPARE(model.index(2, 0).data(ColumnSummaryModel::ColumnIndexRole).toInt(), 2);
        QCOMPARE(model.index(0, ColumnSummaryModel::Missing)
                     .data(ColumnSummaryModel::SortRole)
                     .toDouble(),
            1.0);
        QVERIFY(
            model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("median")));

        // Without summaries (not computed yet): names and types, blank statistics.
        model.setDataset(d, {});
        QCOMPARE(cell(0, ColumnSummaryModel::Type), QStringLiteral("numeric"));
        QCOMPARE(cell(0, ColumnSummaryModel::Mean), QString());
        QVERIFY(model.summary(0) == nullptr);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // A column of absolute image paths shows thumbnails: made off the GUI thread (the
    // first ask returns nothing and the cell is updated when the thumbnail has come), at
    // most thumbnailSize() a side, cached; a file that is no image gets none, and other
    // columns never have one. The view's rows grow to fit them.
    void thumbnails()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString wide = dir.filePath(QStringLiteral("wide.png"));
        const QString small = dir.filePath(QStringLiteral("small.jpg"));
        const QString broken = dir.filePath(QStringLiteral("broken.png"));
        QVERIFY(cv::imwrite(QFile::encodeName(wide).toStdString(),
            cv::Mat(50, 200, CV_8UC3, cv::Scalar(0, 0, 255))));
        QVERIFY(cv::imwrite(
            QFile::encodeName(small).toStdString(), cv::Mat(10, 12, CV_8UC1, cv::Scalar(128))));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image");
        f.close();
        Dataset d;
        d.addColumn(
            Column::categorical(QStringLiteral("path"), { 0, 1, 2 }, { wide, small, broken }));
        d.addColumn(Column::categorical(QStringLiteral("class"), { 0, 1, 0 },
            { QStringLiteral("a.png"), QStringLiteral("b") })); // not absolute paths
        d.setRole(0, ColumnRole::Ignore);

        DatasetTableModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        sextant::widgets::DataTableView view;
        view.setModel(&model);
        const int textRows = view.verticalHeader()->defaultSectionSize();
        model.setDataset(d);
        QVERIFY(model.hasThumbnails(0));
        QVERIFY(!model.hasThumbnails(1));
        QVERIFY(view.verticalHeader()->defaultSectionSize() >= DatasetTableModel::thumbnailSize());
        QVERIFY(view.verticalHeader()->defaultSectionSize() >= textRows);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int row = 0; row < 3; ++row)
            QVERIFY(!model.index(row, 0).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, 1).data(Qt::DecorationRole).isValid());
        QTRY_COMPARE(changed.size(), 2); // the two images, not the broken file
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), 0);
        const QPixmap first = model.index(0, 0).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(first.size(), QSize(32, 8)); // 200 x 50 scaled to fit 32
        QCOMPARE(first.toImage().pixelColor(16, 4), QColor(255, 0, 0));
        const QPixmap second = model.index(1, 0).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(second.size(), QSize(12, 10)); // never scaled up
        model.thumbnails()->waitForDone();
        QTest::qWait(50);
        QVERIFY(!model.index(2, 0).data(Qt::DecorationRole).isValid()); // not tried again
        QCOMPARE(changed.size(), 2);

        // A table without image paths: text-high rows again.
        model.setDataset(smallDataset());
        QVERIFY(!model.hasThumbnails());
        QCOMPARE(view.verticalHeader()->defaultSectionSize(), textRows);
    }
};

QTEST_MAIN(TestDatasetTableModel)
#include "tst_datasettablemodel.moc"
