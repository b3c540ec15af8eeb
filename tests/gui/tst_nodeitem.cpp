// Node drawing, offscreen: a node's title stays readable at the zoom Fit picks for a large
// graph (it is drawn simplified, in a font that keeps a minimum size on screen), and the
// full drawing (title, subtitle, port labels) is used at normal zoom.

#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/GraphScene.h"
#include "widgets/NodeItem.h"

#include <QApplication>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace sextant;

namespace {
// The node at `scale` on a white image; returns the height in pixels of the span of rows
// that hold dark (text) pixels inside the node.
int darkTextHeight(widgets::GraphScene &scene, int node, qreal scale, QImage *out = nullptr)
{
    const QRectF source = scene.nodeItem(node)->sceneBoundingRect();
    QImage image((source.size() * scale).toSize() + QSize(2, 2), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size() * scale), source);
    }
    int top = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(row[x]) < 0x70) {
                if (top < 0)
                    top = y;
                bottom = y;
                break;
            }
        }
    }
    if (out)
        *out = image;
    return top < 0 ? 0 : bottom - top + 1;
}
} // namespace

class TestNodeItem : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void titleReadableWhenZoomedOut();
    void zoomedOutTitlesAreWholeWhenTheyCanBe();
};

void TestNodeItem::titleReadableWhenZoomedOut()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int node = model.addNode(QStringLiteral("model.gradient_boosting"), { 0, 0 }).value();
    widgets::GraphScene scene(model);
    QVERIFY(scene.nodeItem(node));

    // At a quarter of the size, the normal drawing would leave text about 3 px high; the
    // simplified drawing keeps the title at least kMinTitlePixels tall on screen.
    QImage small;
    const int zoomedOut = darkTextHeight(scene, node, 0.25, &small);
    QVERIFY2(zoomedOut >= 7, qPrintable(QStringLiteral("title %1 px high at 25%").arg(zoomedOut)));

    // At normal zoom the node shows its rows of labels: text spans most of its height.
    const int normal = darkTextHeight(scene, node, 1.0);
    QVERIFY2(normal > widgets::NodeItem::kHeaderHeight,
        qPrintable(QStringLiteral("labels span %1 px at 100%").arg(normal)));
}

// At the zoom Fit picks for the example workflow in a small window (about 0.37), titles
// such as "Standardize" and "Logistic Regression" are drawn whole, in a slightly smaller
// font (never below kFloorTitlePixels on screen), instead of elided at kMinTitlePixels;
// a name that cannot fit even then is elided at the usual size.
void TestNodeItem::zoomedOutTitlesAreWholeWhenTheyCanBe()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int standardize = model.addNode(QStringLiteral("prep.standardize"), { 0, 0 }).value();
    const int test = model.addNode(QStringLiteral("model.logistic_regression"), { 0, 200 }).value();
    const int named = model.addNode(QStringLiteral("view.table"), { 0, 400 }).value();
    QVERIFY(model
                .setLabel(named,
                    QStringLiteral("Antidisestablishmentarianism of the "
                                   "held-out predictions, second attempt"))
                .ok());
    widgets::GraphScene scene(model);
    const qreal lod = 0.37;
    QFont font;
    for (int id : { standardize, test }) {
        const QStringList lines = scene.nodeItem(id)->simplifiedTitle(lod, &font);
        QCOMPARE(lines.join(QLatin1Char(' ')), model.title(id));
        QVERIFY(font.pixelSize() * lod >= widgets::NodeItem::kFloorTitlePixels - 1);
    }
    const QStringList long_ = scene.nodeItem(named)->simplifiedTitle(lod, &font);
    QVERIFY(long_.join(QString()).contains(QChar(0x2026))); // elided
    // ... at the size of the other titles, since it is elided anyway.
    QCOMPARE(font.pixelSize(), int(widgets::NodeItem::kMinTitlePixels / lod));
    // At a zoom where the normal size fits, the normal size is used.
    scene.nodeItem(standardize)->simplifiedTitle(0.5, &font);
    QCOMPARE(font.pixelSize(), int(widgets::NodeItem::kMinTitlePixels / 0.5));
}

QTEST_MAIN(TestNodeItem)
#include "tst_nodeitem.moc"
