#pragma once

#include <QGraphicsView>

class QMimeData;

namespace sextant::widgets {

class GraphScene;

// The view onto a GraphScene: wheel zoom (around the cursor), pan with the middle button
// or with Space held, rubber-band selection, fit-to-view. Drops of dataset files and of
// node types from the palette, and double-clicks on empty canvas, come out as signals
// (the editor turns them into undo commands / the quick-insert popup).
class GraphView : public QGraphicsView {
    Q_OBJECT

public:
    static constexpr qreal kMinScale = 0.1;
    static constexpr qreal kMaxScale = 4.0;

    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;

public Q_SLOTS:
    // Zooms to show every node (at most 100%); nothing to show resets to 100% at origin.
    // Until the person zooms, pans or clicks in the view, a resize fits again (a workflow
    // opened before the window has its final size, docks opening or closing).
    void fitToView();
    void zoomBy(qreal factor);

public:
    bool keepsFitted() const { return m_keepFitted; }

Q_SIGNALS:
    // A file or a folder was dropped.
    void fileDropped(const QString &path, QPointF scenePos);
    void nodeTypeDropped(const QString &typeId, QPointF scenePos);
    void quickInsertRequested(QPointF scenePos, QPoint globalPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool acceptsDrag(const QMimeData *mime) const;
    void panBy(QPoint delta);

    bool m_keepFitted = false;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_lastPanPos;
};

} // namespace sextant::widgets
