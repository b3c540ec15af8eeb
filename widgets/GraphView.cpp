#include "widgets/GraphView.h"

#include "widgets/GraphScene.h"
#include "widgets/NodePalette.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace sextant::widgets {

GraphView::GraphView(GraphScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    centerOn(0, 0);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::zoomBy(qreal factor)
{
    m_keepFitted = false;
    const qreal target = std::clamp(zoom() * factor, kMinScale, kMaxScale);
    const qreal f = target / zoom();
    scale(f, f);
}

void GraphView::fitToView()
{
    QRectF bounds;
    for (QGraphicsItem *item : scene()->items()) {
        if (!item->parentItem())
            bounds |= item->sceneBoundingRect();
    }
    resetTransform();
    if (bounds.isEmpty()) {
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-40, -40, 40, 40);
    fitInView(bounds, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        resetTransform();
    if (zoom() < kMinScale)
        zoomBy(kMinScale / zoom());
    centerOn(bounds.center());
    m_keepFitted = true;
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_keepFitted)
        fitToView();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_keepFitted = false;
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void GraphView::panBy(QPoint delta)
{
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_keepFitted = false;
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_lastPanPos = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint pos = event->position().toPoint();
        panBy(pos - m_lastPanPos);
        m_lastPanPos = pos;
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !itemAt(event->position().toPoint())) {
        Q_EMIT quickInsertRequested(
            mapToScene(event->position().toPoint()), event->globalPosition().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

bool GraphView::acceptsDrag(const QMimeData *mime) const
{
    if (mime->hasFormat(NodePalette::mimeType()))
        return true;
    if (!mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(),
        [](const QUrl &url) { return url.isLocalFile() && QFileInfo::exists(url.toLocalFile()); });
}

void GraphView::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptsDrag(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void GraphView::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrag(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void GraphView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QPointF pos = mapToScene(event->position().toPoint());
    if (mime->hasFormat(NodePalette::mimeType())) {
        Q_EMIT nodeTypeDropped(QString::fromUtf8(mime->data(NodePalette::mimeType())), pos);
        event->acceptProposedAction();
        return;
    }
    bool any = false;
    for (const QUrl &url : mime->urls()) {
        // A file, or a folder (of class subfolders of images).
        if (!url.isLocalFile() || !QFileInfo::exists(url.toLocalFile()))
            continue;
        Q_EMIT fileDropped(url.toLocalFile(), pos);
        pos += QPointF(30, 30); // several files: a small cascade
        any = true;
    }
    if (any)
        event->acceptProposedAction();
    else
        event->ignore();
}

} // namespace sextant::widgets
