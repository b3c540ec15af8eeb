// Export of every view: PNG at the asked pixel size and resolution, JPEG, PDF (vector,
// starts with %PDF), SVG (well-formed XML with the view's texts), without a display and
// without resizing the widget; the shared context menu; copy to the clipboard.
#include "PlotTestSupport.h"
#include "ml/BoxStatistics.h"
#include "ml/CurveMetrics.h"
#include "ml/Dendrogram.h"
#include "nodes/BoxPlotData.h"
#include "nodes/DendrogramData.h"
#include "nodes/FeatureRanking.h"
#include "nodes/ProbabilityCurvesData.h"
#include "nodes/ScatterMatrixData.h"
#include "nodes/SilhouetteData.h"
#include "nodes/TreeViewData.h"
#include "plots/BoxPlot.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/DendrogramPlot.h"
#include "plots/FeatureRankingPlot.h"
#include "plots/LiveCurvePlot.h"
#include "plots/PlotExporter.h"
#include "plots/PrecisionRecallPlot.h"
#include "plots/ProbabilityCurvesPlot.h"
#include "plots/ResidualPlot.h"
#include "plots/RocPlot.h"
#include "plots/ScatterMatrixPlot.h"
#include "plots/ScatterPlot.h"
#include "plots/SilhouettePlot.h"
#include "plots/TreeViewPlot.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <csignal>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace sextant;
using plots::ExportFormat;
using plots::ExportOptions;
using plots::PlotExporter;
using sextant::testing::showView;

namespace {

std::unique_ptr<plots::PlotView> makeView(const QString &kind)
{
    if (kind == QLatin1String("heatmap")) {
        auto v = std::make_unique<plots::CorrelationHeatmap>();
        engine::CorrelationMatrix m;
        m.columns = { 0, 1, 2 };
        m.names = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
        m.r = { 1, 0.5, -0.2, 0.5, 1, 0.1, -0.2, 0.1, 1 };
        v->setMatrix(m);
        return v;
    }
    if (kind == QLatin1String("scatter")) {
        auto v = std::make_unique<plots::ScatterPlot>();
        std::vector<double> x, y;
        for (int i = 0; i < 200; ++i) {
            x.push_back(i);
            y.push_back((i * 37) % 101);
        }
        v->setData(
            std::move(x), std::move(y), QStringLiteral("x value"), QStringLiteral("y value"));
        return v;
    }
    if (kind == QLatin1String("livecurve")) {
        auto v = std::make_unique<plots::LiveCurvePlot>();
        for (int e = 1; e <= 20; ++e)
            v->append(QStringLiteral("run"), QStringLiteral("loss"), e, 1.0 / e);
        v->flush();
        return v;
    }
    if (kind == QLatin1String("roc")) {
        auto v = std::make_unique<plots::RocPlot>();
        const std::vector<std::int32_t> y { 0, 0, 1, 1, 0, 1 };
        const std::vector<double> s { 0.1, 0.4, 0.35, 0.8, 0.2, 0.7 };
        v->setCurve(engine::CurveMetrics::roc(y, s), QStringLiteral("positive"));
        return v;
    }
    if (kind == QLatin1String("pr")) {
        auto v = std::make_unique<plots::PrecisionRecallPlot>();
        const std::vector<std::int32_t> y { 0, 0, 1, 1, 0, 1 };
        const std::vector<double> s { 0.1, 0.4, 0.35, 0.8, 0.2, 0.7 };
        v->setCurve(engine::CurveMetrics::precisionRecall(y, s), QStringLiteral("positive"));
        return v;
    }
    if (kind == QLatin1String("confusion")) {
        auto v = std::make_unique<plots::ConfusionMatrixPlot>();
        engine::ConfusionMatrix m;
        m.classCount = 2;
        m.counts = { 7, 1, 2, 9 };
        v->setMatrix(m, { QStringLiteral("no"), QStringLiteral("yes") });
        return v;
    }
    if (kind == QLatin1String("boxplot") || kind == QLatin1String("violin")) {
        engine::BoxPlotData d;
        d.violin = kind == QLatin1String("violin");
        d.splitColumn = QStringLiteral("class");
        d.groupNames = { QStringLiteral("a"), QStringLiteral("b") };
        engine::BoxPlotData::ColumnBoxes c;
        c.name = QStringLiteral("value");
        for (int g = 0; g < 2; ++g) {
            std::vector<double> v;
            for (int i = 0; i < 60; ++i)
                v.push_back(g * 3 + (i * 17 % 23) / 4.0 + (i == 5 ? 20 : 0));
            c.groups.push_back(engine::BoxStatistics::summarize(v, d.violin));
        }
        d.columns.push_back(c);
        auto v = std::make_unique<plots::BoxPlot>();
        v->setData(d);
        return v;
    }
    if (kind == QLatin1String("silhouette")) {
        engine::SilhouetteData d;
        d.clusterColumn = QStringLiteral("cluster");
        d.clusterNames = { QStringLiteral("1"), QStringLiteral("2") };
        for (int i = 0; i < 40; ++i) {
            d.rows.push_back(i);
            d.cluster.push_back(i % 2);
            d.values.push_back(0.8 - i * 0.025);
        }
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < 40; ++i)
                if (i % 2 == c)
                    d.order.push_back(i);
        d.clusterSizes = { 20, 20 };
        d.clusterMeans = { 0.3, 0.28 };
        d.mean = 0.29;
        d.tableRows = 40;
        auto v = std::make_unique<plots::SilhouettePlot>();
        v->setData(d);
        return v;
    }
    if (kind == QLatin1String("calibration") || kind == QLatin1String("gains")
        || kind == QLatin1String("lift")) {
        engine::ProbabilityCurvesData d;
        d.modelName = QStringLiteral("model");
        d.curveNames = { QStringLiteral("yes") };
        const std::vector<std::int32_t> y { 0, 0, 1, 1, 0, 1, 1, 0, 1, 1 };
        const std::vector<double> s { 0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.9, 0.5, 0.65, 0.95 };
        if (kind == QLatin1String("calibration")) {
            d.kind = engine::ProbabilityCurvesData::Kind::Calibration;
            d.bins = 5;
            d.strategy = QStringLiteral("uniform");
            d.calibration.push_back(engine::ProbabilityCurves::calibration(
                y, s, 5, engine::ProbabilityCurves::Strategy::Uniform));
        } else {
            d.kind = kind == QLatin1String("lift") ? engine::ProbabilityCurvesData::Kind::Lift
                                                   : engine::ProbabilityCurvesData::Kind::Gains;
            d.gains.push_back(engine::ProbabilityCurves::gains(y, s));
        }
        auto v = std::make_unique<plots::ProbabilityCurvesPlot>();
        v->setData(d);
        return v;
    }
    if (kind == QLatin1String("ranking")) {
        engine::FeatureRanking r;
        r.target = QStringLiteral("class");
        r.methods = { QStringLiteral("info_gain"), QStringLiteral("anova_f") };
        r.features = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
        r.scores = { 0.2, 10, 0.9, 40, 0.05, 1 };
        r.topK = 2;
        auto v = std::make_unique<plots::FeatureRankingPlot>();
        v->setData(r);
        return v;
    }
    if (kind == QLatin1String("scattermatrix")) {
        engine::ScatterMatrixData m;
        m.columns = { QStringLiteral("a"), QStringLiteral("b") };
        m.colorColumn = QStringLiteral("cls");
        m.classNames = { QStringLiteral("x"), QStringLiteral("y") };
        m.values.resize(2);
        for (int i = 0; i < 30; ++i) {
            m.rows.push_back(i);
            m.classes.push_back(i % 2);
            m.values[0].push_back(i);
            m.values[1].push_back((i * 7) % 11);
        }
        m.edges = { { 0, 15, 30 }, { 0, 5, 10 } };
        m.counts = { { 8, 7, 7, 8 }, { 6, 9, 9, 6 } };
        m.tableRows = 30;
        auto v = std::make_unique<plots::ScatterMatrixPlot>();
        v->setData(m);
        return v;
    }
    if (kind == QLatin1String("dendrogram")) {
        // Four samples: (0, 1) at 1, (2, 3) at 2, both at 5; cut into two.
        engine::DendrogramData d;
        d.linkage = QStringLiteral("average");
        d.rows = { 0, 1, 2, 3 };
        d.labels = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d") };
        d.merges = { 0, 1, 1, 2, 2, 3, 2, 2, 4, 5, 5, 4 };
        d.layout = engine::Dendrogram::layout(
            Eigen::Map<const Eigen::Matrix<double, 3, 4, Eigen::RowMajor>>(d.merges.data()));
        d.clusters = 2;
        d.cut = 3.5;
        d.clusterNames = { QStringLiteral("1"), QStringLiteral("2") };
        d.cluster = { 0, 0, 1, 1 };
        d.clusterSizes = { 2, 2 };
        d.linkCluster = { 0, 1, -1 };
        d.tableRows = 4;
        auto v = std::make_unique<plots::DendrogramPlot>();
        v->setData(d);
        return v;
    }
    if (kind == QLatin1String("tree")) {
        // A root split over two leaves, 10 rows of two classes.
        engine::TreeViewData d;
        d.learner = QStringLiteral("Decision Tree");
        d.classNames = { QStringLiteral("no"), QStringLiteral("yes") };
        d.modelNodes = 3;
        d.modelLeaves = 2;
        d.dataName = QStringLiteral("t");
        d.dataRows = 10;
        engine::TreeViewData::Node root;
        root.leaf = false;
        root.left = 1;
        root.right = 2;
        root.featureIndex = 0;
        root.feature = QStringLiteral("x");
        root.threshold = 0.5;
        root.split = QStringLiteral("x <= 0.5");
        root.samples = 10;
        root.classCounts = { 6, 4 };
        root.value = { 0.6, 0.4 };
        root.majority = 0;
        engine::TreeViewData::Node left;
        left.parent = 0;
        left.depth = 1;
        left.samples = 6;
        left.classCounts = { 6, 0 };
        left.value = { 1, 0 };
        left.majority = 0;
        engine::TreeViewData::Node right = left;
        right.samples = 4;
        right.classCounts = { 0, 4 };
        right.value = { 0, 1 };
        right.majority = 1;
        d.nodes = { root, left, right };
        auto v = std::make_unique<plots::TreeViewPlot>();
        v->setData(d);
        return v;
    }
    auto v = std::make_unique<plots::ResidualPlot>();
    const std::vector<double> p { 1, 2, 3, 4 }, a { 1.1, 1.8, 3.3, 3.9 };
    v->setData(p, a);
    return v;
}

const QStringList kKinds { QStringLiteral("heatmap"), QStringLiteral("scatter"),
    QStringLiteral("livecurve"), QStringLiteral("roc"), QStringLiteral("pr"),
    QStringLiteral("confusion"), QStringLiteral("residual"), QStringLiteral("boxplot"),
    QStringLiteral("violin"), QStringLiteral("silhouette"), QStringLiteral("calibration"),
    QStringLiteral("gains"), QStringLiteral("lift"), QStringLiteral("ranking"),
    QStringLiteral("scattermatrix"), QStringLiteral("dendrogram"), QStringLiteral("tree") };

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPlotExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formats()
    {
        QCOMPARE(PlotExporter::formatForPath(QStringLiteral("/x/a.PNG")), ExportFormat::Png);
        QCOMPARE(PlotExporter::formatForPath(QStringLiteral("a.jpeg")), ExportFormat::Jpeg);
        QCOMPARE(PlotExporter::formatForPath(QStringLiteral("a.pdf")), ExportFormat::Pdf);
        QCOMPARE(PlotExporter::formatForPath(QStringLiteral("a.svg")), ExportFormat::Svg);
        QVERIFY(!PlotExporter::formatForPath(QStringLiteral("a.txt")));
        QVERIFY(!PlotExporter::formatForPath(QStringLiteral("noext")));
        QVERIFY(PlotExporter::nameFilter(ExportFormat::Svg).contains(QStringLiteral("*.svg")));
    }

    void everyViewEveryFormat_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &k : kKinds)
            QTest::newRow(qPrintable(k)) << k;
    }

    void everyViewEveryFormat()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto view = makeView(kind);
        QVERIFY(showView(*view, QSize(640, 480)));
        const QSize widgetSize = view->size();
        QSignalSpy exported(view.get(), &plots::PlotView::exported);

        // PNG at 500 x 400, scale 2: 1000 x 800 pixels, 192 dpi.
        ExportOptions o;
        o.size = QSize(500, 400);
        o.scale = 2.0;
        const QString png = dir.filePath(kind + QStringLiteral(".png"));
        QString error;
        QVERIFY2(view->exportTo(png, o, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1000, 800));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
        // Not blank: the background and at least some dark ink (axes, text).
        int dark = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));

        // JPEG at scale 1.
        o.scale = 1.0;
        const QString jpg = dir.filePath(kind + QStringLiteral(".jpg"));
        QVERIFY(view->exportTo(jpg, o));
        QCOMPARE(QImageReader(jpg).size(), QSize(500, 400));

        // PDF: a PDF file with content.
        const QString pdf = dir.filePath(kind + QStringLiteral(".pdf"));
        QVERIFY2(view->exportTo(pdf, o, &error), qPrintable(error));
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF"));
        QVERIFY(pdfBytes.size() > 1000);
        QVERIFY(pdfBytes.contains("%%EOF"));

        // SVG: well-formed, an <svg> root of the asked size, with text elements.
        const QString svg = dir.filePath(kind + QStringLiteral(".svg"));
        QVERIFY2(view->exportTo(svg, o, &error), qPrintable(error));
        const QByteArray svgBytes = readAll(svg);
        QXmlStreamReader xml(svgBytes);
        QString root;
        int texts = 0, paths = 0;
        QString viewBox;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (root.isEmpty()) {
                    root = xml.name().toString();
                    viewBox = xml.attributes().value(QStringLiteral("viewBox")).toString();
                }
                texts += xml.name() == QLatin1String("text") ? 1 : 0;
                paths += (xml.name() == QLatin1String("path")
                             || xml.name() == QLatin1String("polyline"))
                    ? 1
                    : 0;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QCOMPARE(viewBox, QStringLiteral("0 0 500 400"));
        QVERIFY(texts > 3);
        QVERIFY(paths > 0);

        QCOMPARE(exported.count(), 4);
        // The widget was not resized by rendering at other sizes.
        QCOMPARE(view->size(), widgetSize);
    }

    void headlessWithoutShowing()
    {
        // Never shown: the export still renders at the asked size.
        auto view = makeView(QStringLiteral("heatmap"));
        const QImage image = view->toImage(QSize(300, 200), 1.5);
        QCOMPARE(image.size(), QSize(450, 300));
        QVERIFY(!PlotExporter::toSvg(view->customPlot(), QSize(300, 200)).isEmpty());
        QTemporaryDir dir;
        QVERIFY(PlotExporter::save(view->customPlot(), dir.filePath(QStringLiteral("h.pdf"))));
        QVERIFY(readAll(dir.filePath(QStringLiteral("h.pdf"))).startsWith("%PDF"));
    }

    void pdfIsAtomic()
    {
        auto view = makeView(QStringLiteral("roc"));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("roc.pdf"));
        {
            QFile old(pdf);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the figure from last week");
        }
        ExportOptions o;
        o.size = QSize(500, 400);
        // Writing fails part-way (files over 512 bytes refused, as on a full disk; also for
        // root): the old file is as it was and nothing is left beside it.
        QString error;
        bool ok = true;
        {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit old {};
            QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
            rlimit limit = old;
            limit.rlim_cur = 512;
            QVERIFY(setrlimit(RLIMIT_FSIZE, &limit) == 0);
            ok = view->exportTo(pdf, o, &error);
            setrlimit(RLIMIT_FSIZE, &old);
        }
        QVERIFY(!ok);
        QVERIFY2(error.startsWith(pdf + QStringLiteral(": cannot write: ")), qPrintable(error));
        QCOMPARE(readAll(pdf), QByteArray("the figure from last week"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("roc.pdf") });

        // An unwritable folder, the same (root may write anywhere).
        if (::geteuid() != 0) {
            QVERIFY(
                QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            ok = view->exportTo(pdf, o, &error);
            QFile::setPermissions(dir.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QVERIFY(!ok);
            QVERIFY2(error.contains(pdf), qPrintable(error));
            QCOMPARE(readAll(pdf), QByteArray("the figure from last week"));
        }

        // Then it works: one page the size of the plot in points, replacing the old file.
        QVERIFY2(view->exportTo(pdf, o, &error), qPrintable(error));
        const QByteArray bytes = readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.contains("%%EOF"));
        const qsizetype box = bytes.indexOf("/MediaBox");
        QVERIFY(box >= 0);
        const qsizetype open = bytes.indexOf('[', box);
        const QList<QByteArray> corners
            = bytes.mid(open + 1, bytes.indexOf(']', open) - open - 1).simplified().split(' ');
        QCOMPARE(corners.size(), 4);
        QCOMPARE(corners[2].toDouble(), 500.0);
        QCOMPARE(corners[3].toDouble(), 400.0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("roc.pdf") });
    }

    void errors()
    {
        auto view = makeView(QStringLiteral("roc"));
        QString error;
        QVERIFY(!view->exportTo(QStringLiteral("/tmp/plot.unknown"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("Unknown")));
        error.clear();
        QVERIFY(!view->exportTo(QStringLiteral("/nonexistent-dir/x/plot.png"), {}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent-dir/x/plot.png: cannot write: ")),
            qPrintable(error));
        QVERIFY(!PlotExporter::save(nullptr, QStringLiteral("/tmp/x.png")));
    }

    void contextMenu()
    {
        auto view = makeView(QStringLiteral("scatter"));
        std::unique_ptr<QMenu> menu(view->createContextMenu());
        QStringList names;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                names << a->objectName();
        for (const char *n :
            { "exportPng", "exportPdf", "exportSvg", "copyImage", "resetView", "dragSelects" })
            QVERIFY2(names.contains(QLatin1String(n)), n);
    }

    void copyToClipboard()
    {
        auto view = makeView(QStringLiteral("confusion"));
        QVERIFY(showView(*view, QSize(400, 300)));
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->clear();
        view->copyToClipboard();
        const QImage copied = clipboard->image();
        if (copied.isNull())
            QSKIP("this platform plugin keeps no clipboard image");
        QVERIFY(copied.width() >= 200);
    }
};

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
