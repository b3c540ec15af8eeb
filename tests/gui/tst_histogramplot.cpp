// Histogram view: bar counts and heights for known columns, the split by a categorical
// column (stacked heights add up to the unsplit histogram, overlaid bars, legend, "Other"
// and "(missing)" groups), hover tool tips, export through PlotView, and the correlation
// heatmap's labels at iris size.
#include "PlotTestSupport.h"
#include "data/DatasetLoader.h"
#include "data/GroupedHistogram.h"
#include "data/Statistics.h"
#include "gui/MainWindow.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/HistogramPlot.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>

using sextant::engine::Column;
using sextant::engine::Histogram;
using sextant::engine::Statistics;
using sextant::plots::HistogramPlot;
using sextant::testing::colorDistance;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

const QColor kUnsplitFill(0x4a, 0x90, 0xd9);

// 0 x1, 1 x2, 2 x3, 3 x4: with 4 bins over [0, 3], counts 1, 2, 3, 4.
Column steps()
{
    return Column::numeric(QStringLiteral("steps"), { 0, 1, 1, 2, 2, 2, 3, 3, 3, 3 });
}

// The class of each row of steps(): bin 0 a; bin 1 a b; bin 2 a b b; bin 3 a b b b.
Column stepClasses()
{
    return Column::categorical(QStringLiteral("class"), { 0, 0, 1, 0, 1, 1, 0, 1, 1, 1 },
        { QStringLiteral("a"), QStringLiteral("b") });
}

Column fruit()
{
    return Column::categorical(QStringLiteral("fruit"), { 0, 1, 1, 2, 2, 2, -1 },
        { QStringLiteral("apple"), QStringLiteral("banana"), QStringLiteral("cherry") });
}

double sum(const QList<double> &xs)
{
    double s = 0;
    for (double x : xs)
        s += x;
    return s;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

// The pixel colour at plot coordinates (key, value) of the view's rendering.
QColor colorAt(HistogramPlot &view, const QImage &image, double key, double value)
{
    const QPointF p = view.coordToPixel(QPointF(key, value));
    return QColor(image.pixel(p.toPoint()));
}

} // namespace

class TestHistogramPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numericBarsComputedInBackground()
    {
        HistogramPlot view;
        QVERIFY(showView(view, QSize(640, 480)));
        view.setBinCount(4);
        QSignalSpy shown(&view, &HistogramPlot::histogramShown);
        view.setColumn(steps());
        QVERIFY(view.isComputing());
        QTRY_COMPARE(view.barCount(), 4);
        QVERIFY(!view.isComputing());
        QCOMPARE(view.barValues(), (QList<double> { 1, 2, 3, 4 }));
        QCOMPARE(view.barLabels().first(), QStringLiteral("[0, 0.75)"));
        QCOMPARE(view.barLabels().last(), QStringLiteral("[2.25, 3]"));
        QVERIFY(view.title().contains(QStringLiteral("steps")));
        QVERIFY2(view.title().contains(QStringLiteral("10 values")), qPrintable(view.title()));
        QVERIFY(shown.count() >= 1);
        QVERIFY(!view.isSplit());
        QVERIFY(view.legendEntries().isEmpty());

        // Heights as drawn: inside each bar its colour, just above it the background.
        view.replotNow();
        const QImage image = view.toImage();
        const double keys[] = { 0.375, 1.125, 1.875, 2.625 };
        for (int i = 0; i < 4; ++i) {
            const double h = view.barValues().at(i);
            const QColor inside = colorAt(view, image, keys[i], h - 0.25);
            const QColor above = colorAt(view, image, keys[i], h + 0.25);
            QVERIFY2(colorDistance(inside, kUnsplitFill) <= 8, qPrintable(inside.name()));
            QVERIFY2(colorDistance(above, kUnsplitFill) > 60, qPrintable(above.name()));
        }
        snapshot(view, QStringLiteral("histogram_steps"));
    }

    void precomputedDrawnAtOnce()
    {
        HistogramPlot view;
        const Column column = steps();
        const Histogram h = Statistics::histogram(column, HistogramPlot::kDefaultBins);
        view.setColumn(column, &h);
        QVERIFY(!view.isComputing());
        QCOMPARE(view.barCount(), HistogramPlot::kDefaultBins);
        QCOMPARE(sum(view.barValues()), 10.0);
        // A histogram that does not fit the bin count is recomputed.
        const Histogram other = Statistics::histogram(column, 3);
        view.setColumn(column, &other);
        QVERIFY(view.isComputing());
        QTRY_VERIFY(!view.isComputing());
        QCOMPARE(view.barCount(), HistogramPlot::kDefaultBins);
    }

    void categoricalBars()
    {
        HistogramPlot view;
        QVERIFY(showView(view, QSize(640, 480)));
        view.setColumn(fruit());
        QTRY_COMPARE(view.barCount(), 3);
        QCOMPARE(view.barValues(), (QList<double> { 1, 2, 3 }));
        QCOMPARE(view.barLabels(),
            (QStringList {
                QStringLiteral("apple"), QStringLiteral("banana"), QStringLiteral("cherry") }));
        QVERIFY2(view.title().contains(QStringLiteral("1 missing")), qPrintable(view.title()));
        view.replotNow();
        const QString tip = view.toolTipAt(view.barCenter(1));
        QVERIFY2(tip.contains(QStringLiteral("banana")) && tip.contains(QStringLiteral("Count: 2")),
            qPrintable(tip));
        // Between two category bars: nothing.
        QVERIFY(view.toolTipAt(view.coordToPixel(QPointF(1.5, 0.5))).isEmpty());
    }

    void splitStackedAddsUp()
    {
        HistogramPlot view;
        QVERIFY(showView(view, QSize(640, 480)));
        view.setBinCount(4);
        view.setColumn(steps());
        QTRY_COMPARE(view.barCount(), 4);
        const QList<double> unsplit = view.barValues();
        QCOMPARE(view.splitMode(), HistogramPlot::SplitMode::Stacked);

        view.setSplitColumn(stepClasses());
        QVERIFY(view.hasSplitColumn());
        QCOMPARE(view.splitColumnName(), QStringLiteral("class"));
        QTRY_VERIFY(view.isSplit());
        QCOMPARE(view.groupNames(), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(view.legendEntries(), view.groupNames());
        QCOMPARE(view.groupBarValues(0), (QList<double> { 1, 1, 1, 1 }));
        QCOMPARE(view.groupBarValues(1), (QList<double> { 0, 1, 2, 3 }));
        QCOMPARE(view.barValues(), unsplit);
        for (int i = 0; i < view.barCount(); ++i)
            QCOMPARE(view.groupBarValues(0).at(i) + view.groupBarValues(1).at(i), unsplit.at(i));
        QVERIFY(view.title().contains(QStringLiteral("class")));
        auto *mode = view.findChild<QComboBox *>(QStringLiteral("histogramSplitMode"));
        QVERIFY(mode);
        QVERIFY(mode->isVisible());

        // Drawn stacked: bin 3 (a 1, b 3) is a's colour up to 1, b's from 1 to 4, then
        // background; the stack's top is at the unsplit count.
        view.replotNow();
        QImage image = view.toImage();
        const QColor a = sextant::plots::Palette::categorical(0);
        const QColor b = sextant::plots::Palette::categorical(1);
        QVERIFY(colorDistance(colorAt(view, image, 2.625, 0.5), a) <= 8);
        QVERIFY(colorDistance(colorAt(view, image, 2.625, 3.75), b) <= 8);
        QVERIFY(colorDistance(colorAt(view, image, 2.625, 4.25), b) > 60);
        QVERIFY(colorDistance(colorAt(view, image, 2.625, 4.25), a) > 60);
        // The count axis shows the whole stack.
        QVERIFY(view.pixelToCoord(view.plotArea().topLeft()).y() >= 4.0);
        snapshot(view, QStringLiteral("histogram_stacked"));

        // Tool tip: bin, total and each class.
        const QString tip = view.toolTipAt(view.barCenter(3));
        QVERIFY2(tip.contains(QStringLiteral("[2.25, 3]"))
                && tip.contains(QStringLiteral("Count: 4")) && tip.contains(QStringLiteral("a: 1"))
                && tip.contains(QStringLiteral("b: 3")),
            qPrintable(tip));
        // Left of the first bin, and outside the axis rect: no tool tip.
        QVERIFY(view.toolTipAt(view.coordToPixel(QPointF(-0.05, 0.5))).isEmpty());
        QVERIFY(view.toolTipAt(QPointF(2, 2)).isEmpty());

        // Overlaid through the combo: b's bar of bin 3 ends at 3, not at 4.
        QSignalSpy modeChanged(&view, &HistogramPlot::splitModeChanged);
        mode->setCurrentIndex(mode->findText(QStringLiteral("Overlaid")));
        QCOMPARE(view.splitMode(), HistogramPlot::SplitMode::Overlaid);
        QCOMPARE(modeChanged.count(), 1);
        view.replotNow();
        image = view.toImage();
        const QColor overlaidB = colorAt(view, image, 2.625, 2.5);
        QVERIFY2(colorDistance(overlaidB, b) > 20, qPrintable(overlaidB.name())); // translucent
        QVERIFY2(colorDistance(overlaidB, QColor(Qt::white)) > 20, qPrintable(overlaidB.name()));
        const QColor aboveB = colorAt(view, image, 2.625, 3.5);
        QVERIFY2(colorDistance(aboveB, QColor(Qt::white)) <= 8, qPrintable(aboveB.name()));
        QCOMPARE(view.legendEntries(), view.groupNames());
        // ... and fits the tallest class's bar, lower than the stack.
        const double overlaidTop = view.pixelToCoord(view.plotArea().topLeft()).y();
        QVERIFY2(overlaidTop >= 3.0 && overlaidTop < 4.0, qPrintable(QString::number(overlaidTop)));
        snapshot(view, QStringLiteral("histogram_overlaid"));

        // A new bin count recomputes the classes too; they still add up.
        view.setBinCount(2);
        QTRY_COMPARE(view.barCount(), 2);
        QTRY_VERIFY(!view.isComputing());
        QCOMPARE(view.barValues(), (QList<double> { 3, 7 }));
        QCOMPARE(view.groupBarValues(0), (QList<double> { 2, 2 }));
        QCOMPARE(view.groupBarValues(1), (QList<double> { 1, 5 }));

        // No split: back to one series at once, without a recompute.
        view.clearSplitColumn();
        QVERIFY(!view.isComputing());
        QVERIFY(!view.isSplit());
        QVERIFY(view.legendEntries().isEmpty());
        QCOMPARE(view.barValues(), (QList<double> { 3, 7 }));
        QVERIFY(!mode->isVisible());
    }

    void splitIrisByClass()
    {
        const auto loaded = sextant::engine::DatasetLoader::load(iris());
        QVERIFY(loaded.dataset);
        const sextant::engine::Dataset &ds = *loaded.dataset;
        const int species = ds.indexOf(QStringLiteral("species"));
        QVERIFY(species >= 0);
        HistogramPlot view;
        QVERIFY(showView(view, QSize(700, 450)));
        view.setSplitColumn(ds.column(species));
        const Column petal = ds.column(ds.indexOf(QStringLiteral("petal_length")));
        const Histogram whole = Statistics::histogram(petal, HistogramPlot::kDefaultBins);
        view.setColumn(petal, &whole);
        QCOMPARE(sum(view.barValues()), 150.0); // the whole column at once
        QTRY_VERIFY(view.isSplit());
        QTRY_VERIFY(!view.isComputing());
        QCOMPARE(view.legendEntries(),
            (QStringList { QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica") }));
        QList<double> stacked(view.barCount(), 0.0);
        for (int g = 0; g < 3; ++g) {
            const QList<double> values = view.groupBarValues(g);
            QCOMPARE(sum(values), 50.0);
            for (int i = 0; i < values.size(); ++i)
                stacked[i] += values[i];
        }
        QList<double> expected;
        for (auto c : whole.counts)
            expected << double(c);
        QCOMPARE(stacked, expected);
        // Setosa's petals are short: all in the first bins, none in the last one.
        QCOMPARE(view.groupBarValues(0).last(), 0.0);
        snapshot(view, QStringLiteral("histogram_iris_petal_length_by_species"));

        // The categorical column split by itself: one class per bar.
        view.setColumn(ds.column(species));
        QTRY_VERIFY(!view.isComputing());
        QCOMPARE(view.barValues(), (QList<double> { 50, 50, 50 }));
        QCOMPARE(view.groupBarValues(1), (QList<double> { 0, 50, 0 }));
        view.replotNow();
        const QString tip = view.toolTipAt(view.barCenter(2));
        QVERIFY2(tip.contains(QStringLiteral("virginica: 50"))
                && tip.contains(QStringLiteral("setosa: 0")),
            qPrintable(tip));
    }

    // The tick count follows the axis' length, also in the first replot after a resize
    // (ticks are made before the layout sizes the axis rect): a plot in a tab page resized
    // while another tab is shown has a tick every 40 to 200 pixels once its tab is.
    void ticksFollowTheAxisLength()
    {
        const auto loaded = sextant::engine::DatasetLoader::load(iris());
        QVERIFY(loaded.dataset);
        QTabWidget tabs;
        auto *other = new QWidget;
        auto *histogram = new HistogramPlot;
        tabs.addTab(other, QStringLiteral("Other"));
        tabs.addTab(histogram, QStringLiteral("Histogram"));
        tabs.resize(240, 300);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        histogram->setColumn(loaded.dataset->column(0));
        QTRY_VERIFY(!histogram->isComputing());
        histogram->replotNow();
        tabs.resize(1000, 700);
        QTest::qWait(50);
        tabs.setCurrentWidget(histogram);
        QTest::qWait(100);
        QCPAxis *axis = histogram->customPlot()->xAxis; // the count axis has ticks of its own
        const QVector<double> ticks = axis->tickVector();
        QVERIFY(ticks.size() >= 3);
        const double apart = std::abs(axis->coordToPixel(ticks[1]) - axis->coordToPixel(ticks[0]));
        QVERIFY2(apart >= 40 && apart <= 200, qPrintable(QString::number(apart)));
    }

    // In a narrow, short dock the legend keeps to a corner above the bars (the count axis
    // reaches higher) instead of hiding them, and a long title is cut at its end.
    void legendAboveTheBarsInASmallPlot()
    {
        const auto loaded = sextant::engine::DatasetLoader::load(iris());
        QVERIFY(loaded.dataset);
        const sextant::engine::Dataset &ds = *loaded.dataset;
        HistogramPlot view;
        QVERIFY(showView(view, QSize(230, 330)));
        view.setSplitColumn(ds.column(ds.indexOf(QStringLiteral("species"))));
        const Column sepal = ds.column(ds.indexOf(QStringLiteral("sepal_length")));
        const Histogram whole = Statistics::histogram(sepal, HistogramPlot::kDefaultBins);
        view.setColumn(sepal, &whole);
        QTRY_VERIFY(view.isSplit());
        QTRY_VERIFY(!view.isComputing());
        view.replotNow();
        QCoreApplication::processEvents(); // a move to the other corner replots once more
        QCustomPlot *plot = view.customPlot();
        QVERIFY(plot->legend->visible());
        const QRect legend = plot->legend->outerRect();
        QVERIFY(legend.height() > 30);
        int under = 0;
        double highestUnder = 0; // the smallest pixel y of a bar below the legend
        for (int i = 0; i < view.barCount(); ++i) {
            const QPointF centre = view.barCenter(i);
            if (centre.x() < legend.left() || centre.x() > legend.right())
                continue;
            const double top = plot->yAxis->coordToPixel(view.barValues()[i]);
            highestUnder = under++ == 0 ? top : std::min(highestUnder, top);
            QVERIFY2(top > legend.bottom(),
                qPrintable(QStringLiteral("bar %1 (%2 rows) reaches y = %3, the legend ends at %4")
                               .arg(i)
                               .arg(view.barValues()[i])
                               .arg(top)
                               .arg(legend.bottom())));
        }
        QVERIFY(under > 0);
        // The count axis was raised no further than needed: the highest bar below the
        // legend ends just under it.
        QVERIFY2(highestUnder < legend.bottom() + 16,
            qPrintable(QStringLiteral("%1 against %2").arg(highestUnder).arg(legend.bottom())));
        // A person's zoom on the count axis stays; resetting the view raises it again.
        const double raised = plot->yAxis->range().upper;
        plot->yAxis->setRange(0, 5);
        view.replotNow();
        QCOMPARE(plot->yAxis->range().upper, 5.0);
        view.resetView();
        view.replotNow();
        QCOMPARE(plot->yAxis->range().upper, raised);

        // The x tick labels keep apart: adjacent ticks further apart than the widest label.
        const auto ticksApart = [&] {
            const QVector<double> ticks = plot->xAxis->tickVector();
            const QVector<QString> labels = plot->xAxis->tickVectorLabels();
            const QFontMetrics metrics(plot->xAxis->tickLabelFont());
            int widest = 0;
            for (const QString &label : labels)
                widest = std::max(widest, metrics.horizontalAdvance(label));
            for (qsizetype i = 1; i < ticks.size(); ++i)
                if (plot->xAxis->coordToPixel(ticks[i]) - plot->xAxis->coordToPixel(ticks[i - 1])
                    < widest + 4)
                    return false;
            return ticks.size() >= 2;
        };
        QVERIFY(ticksApart());

        QVERIFY(view.title().size() > 25);
        QVERIFY2(view.shownTitle().endsWith(QChar(0x2026)), qPrintable(view.shownTitle()));
        QVERIFY(view.title().startsWith(view.shownTitle().chopped(1)));
        // Wide enough: the whole title.
        view.resize(900, 330);
        view.replotNow();
        QCOMPARE(view.shownTitle(), view.title());
        QVERIFY(ticksApart());
        QVERIFY(plot->xAxis->tickVector().size() >= 5);
    }

    void missingAndManyClasses()
    {
        // 15 classes, class k on k + 1 rows; one more row with a missing class.
        std::vector<double> values;
        std::vector<std::int32_t> codes;
        QStringList names;
        for (int k = 0; k < 15; ++k) {
            names << QStringLiteral("c%1").arg(k);
            for (int r = 0; r <= k; ++r) {
                values.push_back(k + r * 0.01);
                codes.push_back(k);
            }
        }
        values.push_back(3.0);
        codes.push_back(-1);
        const Column column = Column::numeric(QStringLiteral("value"), values);
        const Column classes = Column::categorical(QStringLiteral("k"), codes, names);
        HistogramPlot view;
        view.setSplitColumn(classes);
        view.setColumn(column);
        QTRY_VERIFY(view.isSplit());
        const QStringList groups = view.groupNames();
        // The 9 largest classes (c6..c14), "Other" for the other six, then "(missing)".
        QCOMPARE(groups.size(), HistogramPlot::kMaxSplitGroups + 1);
        QCOMPARE(groups.first(), QStringLiteral("c6"));
        QVERIFY2(groups.at(HistogramPlot::kMaxSplitGroups - 1).startsWith(QStringLiteral("Other")),
            qPrintable(groups.join(QLatin1Char(','))));
        QCOMPARE(groups.last(), QStringLiteral("(missing)"));
        QCOMPARE(sum(view.groupBarValues(HistogramPlot::kMaxSplitGroups - 1)), 21.0); // 1+..+6
        QCOMPARE(sum(view.groupBarValues(HistogramPlot::kMaxSplitGroups)), 1.0);
        double all = 0;
        for (int g = 0; g < groups.size(); ++g)
            all += sum(view.groupBarValues(g));
        QCOMPARE(all, sum(view.barValues()));
        QCOMPARE(all, double(values.size()));
    }

    void histogramWithoutRowsIsNotSplit()
    {
        HistogramPlot view;
        view.setSplitColumn(stepClasses());
        Histogram h;
        h.counts = { 4, 5 };
        h.labels = { QStringLiteral("x"), QStringLiteral("y") };
        view.setHistogram(QStringLiteral("node"), true, h);
        QVERIFY(!view.isComputing());
        QVERIFY(!view.isSplit());
        QCOMPARE(view.barValues(), (QList<double> { 4, 5 }));
        view.clear();
        QCOMPARE(view.barCount(), 0);
        QVERIFY(view.toolTipAt(QPointF(300, 200)).isEmpty());
    }

    void exportsAndContextMenu()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HistogramPlot view;
        QVERIFY(showView(view, QSize(640, 480)));
        view.setBinCount(4);
        view.setSplitColumn(stepClasses());
        view.setColumn(steps());
        QTRY_VERIFY(view.isSplit());
        QSignalSpy exported(&view, &sextant::plots::PlotView::exported);

        sextant::plots::ExportOptions o;
        o.size = QSize(500, 400);
        o.scale = 2.0;
        QString error;
        const QString png = dir.filePath(QStringLiteral("h.png"));
        QVERIFY2(view.exportTo(png, o, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1000, 800));
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                coloured += colorDistance(
                                QColor(image.pixel(x, y)), sextant::plots::Palette::categorical(1))
                    <= 8;
        QVERIFY2(coloured > 100, qPrintable(QString::number(coloured)));

        const QString pdf = dir.filePath(QStringLiteral("h.pdf"));
        QVERIFY2(view.exportTo(pdf, o, &error), qPrintable(error));
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF"));
        QVERIFY(pdfBytes.contains("%%EOF"));

        const QString svg = dir.filePath(QStringLiteral("h.svg"));
        QVERIFY2(view.exportTo(svg, o, &error), qPrintable(error));
        QXmlStreamReader xml(readAll(svg));
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const QString all = texts.join(QLatin1Char('|'));
        for (const char *expected : { "steps", "Count", "class", "a", "b" })
            QVERIFY2(
                texts.contains(QLatin1String(expected)) || all.contains(QLatin1String(expected)),
                qPrintable(QStringLiteral("%1 not in %2").arg(QLatin1String(expected), all)));
        QCOMPARE(exported.count(), 3);

        std::unique_ptr<QMenu> menu(view.createContextMenu());
        QStringList names;
        for (QAction *a : menu->actions())
            names << a->objectName();
        for (const char *n : { "exportPng", "exportPdf", "exportSvg", "copyImage", "resetView" })
            QVERIFY2(names.contains(QLatin1String(n)), n);
    }

    void mainWindowSplitCombo()
    {
        // Recent files and window state go to a throw-away settings location.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_histogramplot"));
        sextant::app::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("histogramSplit"));
        QVERIFY(combo);
        QCOMPARE(combo, window.histogramSplitCombo());
        QVERIFY(combo->isVisible());
        QCOMPARE(combo->count(), 1); // "None" before any dataset
        QVERIFY(!combo->isEnabled());
        HistogramPlot *histogram = window.histogramPlot();

        // CSV: split by the proposed target (the last categorical column) by default.
        {
            QSignalSpy finished(&window, &sextant::app::MainWindow::loadFinished);
            window.openFile(iris());
            QVERIFY(finished.wait(30000));
        }
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(1), QStringLiteral("species"));
        QCOMPARE(combo->currentIndex(), 1);
        QVERIFY(histogram->hasSplitColumn());
        combo->setCurrentIndex(0);
        QVERIFY(!histogram->hasSplitColumn());
        window.selectColumn(2);
        combo->setCurrentIndex(1);
        QCOMPARE(histogram->splitColumnName(), QStringLiteral("species"));
        QTRY_VERIFY(histogram->isSplit());
        QCOMPARE(histogram->legendEntries().size(), 3);
        QCOMPARE(sum(histogram->barValues()), 150.0);
        {
            // In the studio's default window, its right column as narrow as it starts, the
            // plot fits its dock: nothing is cut at the window's edge.
            window.resize(1280, 800);
            auto *dock = qobject_cast<QDockWidget *>(histogram->parent());
            QVERIFY(dock);
            dock->raise();
            window.resizeDocks({ dock }, { 170 }, Qt::Horizontal);
            QTest::qWait(100);
            QVERIFY2(dock->width() < 200, qPrintable(QString::number(dock->width())));
            QTRY_VERIFY(histogram->width() <= dock->width());
            const QRect plotRect = histogram->plotWidget()->geometry();
            QVERIFY2(histogram->rect().contains(plotRect),
                qPrintable(QStringLiteral("plot %1,%2 %3x%4 in a histogram %5x%6")
                               .arg(plotRect.x())
                               .arg(plotRect.y())
                               .arg(plotRect.width())
                               .arg(plotRect.height())
                               .arg(histogram->width())
                               .arg(histogram->height())));
        }
        // The split follows the selected column.
        window.selectColumn(0);
        QTRY_VERIFY(!histogram->isComputing());
        QVERIFY(histogram->title().contains(QStringLiteral("sepal_length")));
        QVERIFY(histogram->isSplit());
        combo->setCurrentIndex(0);
        QVERIFY(!histogram->hasSplitColumn());
        QVERIFY(!histogram->isSplit());

        // ARFF with a nominal class (the target): split by it by default.
        {
            QSignalSpy finished(&window, &sextant::app::MainWindow::loadFinished);
            window.openFile(QStringLiteral(SEXTANT_TEST_DATA_DIR "/arff/iris.arff"));
            QVERIFY(finished.wait(30000));
        }
        QCOMPARE(combo->currentText(), QStringLiteral("class"));
        QCOMPARE(histogram->splitColumnName(), QStringLiteral("class"));
        QTRY_VERIFY(histogram->isSplit());
        QCOMPARE(histogram->legendEntries(),
            (QStringList { QStringLiteral("Iris-setosa"), QStringLiteral("Iris-versicolor"),
                QStringLiteral("Iris-virginica") }));
    }

    void heatmapLabelsAtIrisSize()
    {
        sextant::engine::CorrelationMatrix m;
        m.columns = { 0, 1, 2, 3 };
        m.names = { QStringLiteral("sepal_length"), QStringLiteral("sepal_width"),
            QStringLiteral("petal_length"), QStringLiteral("petal_width") };
        m.r = { 1, -0.12, 0.87, 0.82, -0.12, 1, -0.43, -0.37, 0.87, -0.43, 1, 0.96, 0.82, -0.37,
            0.96, 1 };
        sextant::plots::CorrelationHeatmap view;
        view.setMatrix(m);
        QVERIFY(showView(view, QSize(600, 500)));
        QCOMPARE(view.axisLabels(Qt::Horizontal), m.names);
        QCOMPARE(view.axisLabels(Qt::Vertical), m.names);
        snapshot(view, QStringLiteral("heatmap_iris_600x500"));
    }
};

QTEST_MAIN(TestHistogramPlot)
#include "tst_histogramplot.moc"
