#include "plots/ConfusionMatrixPlot.h"

#include "plots/CellTextLayer.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
#include <algorithm>
#include <cmath>

namespace sextant::plots {

ConfusionMatrixPlot::ConfusionMatrixPlot(QWidget *parent)
    : PlotView(parent), m_normalizeBox(new QCheckBox(tr("&Row-normalised"), this))
{
    QCustomPlot *plot = customPlot();
    m_map = new QCPColorMap(plot->xAxis, plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    QCPColorGradient gradient;
    Palette::setBlues(gradient);
    m_map->setGradient(gradient);
    m_scale = addColorScale(tr("Count"));
    m_scale->setGradient(gradient);
    m_map->setColorScale(m_scale);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_cellText
        = CellTextLayer::create(m_map, [this](int key, int value) { return cellText(value, key); });

    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel(tr("Predicted class"));
    plot->yAxis->setLabel(tr("True class"));
    for (QCPAxis *axis : { plot->xAxis, plot->yAxis }) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
    }
    plot->axisRect()->setupFullAxesBox(false);
    plot->xAxis2->setTicks(false);
    plot->yAxis2->setTicks(false);
    plot->setInteractions(QCP::Interactions()); // small matrices: nothing to zoom
    setTitle(tr("Confusion matrix"));
    applyPaletteColors();

    m_normalizeBox->setObjectName(QStringLiteral("rowNormalized"));
    m_normalizeBox->setToolTip(tr("Divide each row by the number of samples of its true class"));
    controlsLayout()->addWidget(m_normalizeBox);
    connect(m_normalizeBox, &QCheckBox::toggled, this, &ConfusionMatrixPlot::setNormalized);
    clear();
}

ConfusionMatrixPlot::~ConfusionMatrixPlot() = default;

void ConfusionMatrixPlot::clear()
{
    setMatrix(engine::ConfusionMatrix {}, {});
}

void ConfusionMatrixPlot::setMatrix(
    const engine::ConfusionMatrix &matrix, const QStringList &classNames)
{
    m_matrix = matrix;
    if (m_matrix.counts.size()
        != static_cast<std::size_t>(m_matrix.classCount) * m_matrix.classCount)
        m_matrix = engine::ConfusionMatrix {};
    m_normalizedValues = m_matrix.rowNormalized();
    m_names = classNames;
    for (int k = static_cast<int>(m_names.size()); k < m_matrix.classCount; ++k)
        m_names << QString::number(k);

    QMap<double, QString> ticks;
    for (int k = 0; k < m_matrix.classCount; ++k)
        ticks.insert(k, m_names.at(k));
    for (QCPAxis *axis : { customPlot()->xAxis, customPlot()->yAxis }) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->setTicks(ticks);
        axis->setTicker(ticker);
    }
    customPlot()->xAxis->setTickLabelRotation(m_matrix.classCount > 6 ? 45 : 0);
    redraw();
    resetView();
}

void ConfusionMatrixPlot::setNormalized(bool on)
{
    if (m_normalizeBox->isChecked() != on)
        m_normalizeBox->setChecked(on);
    if (m_normalized == on)
        return;
    m_normalized = on;
    redraw();
}

void ConfusionMatrixPlot::redraw()
{
    const int K = m_matrix.classCount;
    QCPColorMapData *data = m_map->data();
    data->setSize(std::max(1, K), std::max(1, K));
    data->setRange(QCPRange(0, std::max(1, K) - 1), QCPRange(0, std::max(1, K) - 1));
    double maxValue = 0;
    for (int i = 0; i < K; ++i)
        for (int j = 0; j < K; ++j) {
            const double v = cellValue(i, j);
            data->setCell(j, i, v);
            maxValue = std::max(maxValue, v);
        }
    m_map->setVisible(K > 0);
    drawSelection();
    const QCPRange range(0, m_normalized ? 1.0 : std::max(1.0, maxValue));
    m_map->setDataRange(range);
    m_scale->setDataRange(range);
    m_scale->axis()->setLabel(m_normalized ? tr("Fraction of true class") : tr("Count"));
    const double accuracy = m_matrix.accuracy();
    setTitle(std::isnan(accuracy)
            ? tr("Confusion matrix")
            : tr("Confusion matrix — accuracy %1%").arg(100.0 * accuracy, 0, 'f', 1));
    replot();
}

QSize ConfusionMatrixPlot::colorMapSize() const
{
    if (m_matrix.classCount == 0)
        return QSize(0, 0);
    return QSize(m_map->data()->keySize(), m_map->data()->valueSize());
}

std::pair<double, double> ConfusionMatrixPlot::colorRange() const
{
    return { m_map->dataRange().lower, m_map->dataRange().upper };
}

bool ConfusionMatrixPlot::hasColorScale() const
{
    return m_map->colorScale() == m_scale && m_scale->visible();
}

double ConfusionMatrixPlot::cellValue(int trueClass, int predicted) const
{
    const int K = m_matrix.classCount;
    if (trueClass < 0 || predicted < 0 || trueClass >= K || predicted >= K)
        return std::nan("");
    if (m_normalized)
        return m_normalizedValues[static_cast<std::size_t>(trueClass) * K + predicted];
    return static_cast<double>(m_matrix.at(trueClass, predicted));
}

QString ConfusionMatrixPlot::cellText(int trueClass, int predicted) const
{
    const double v = cellValue(trueClass, predicted);
    if (std::isnan(v))
        return {};
    return m_normalized ? QString::number(v, 'f', 2) : QString::number(static_cast<qint64>(v));
}

QPointF ConfusionMatrixPlot::cellCenter(int trueClass, int predicted) const
{
    return QPointF(
        customPlot()->xAxis->coordToPixel(predicted), customPlot()->yAxis->coordToPixel(trueClass));
}

QPoint ConfusionMatrixPlot::cellAt(const QPointF &pixel) const
{
    const int K = m_matrix.classCount;
    if (K == 0 || !customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return QPoint(-1, -1);
    const int p = static_cast<int>(std::lround(customPlot()->xAxis->pixelToCoord(pixel.x())));
    const int t = static_cast<int>(std::lround(customPlot()->yAxis->pixelToCoord(pixel.y())));
    if (p < 0 || t < 0 || p >= K || t >= K)
        return QPoint(-1, -1);
    return QPoint(p, t);
}

bool ConfusionMatrixPlot::cellValuesShown() const
{
    return CellTextLayer::drewText(m_cellText);
}

QString ConfusionMatrixPlot::toolTipAt(const QPointF &pixel) const
{
    const QPoint c = cellAt(pixel);
    if (c.x() < 0)
        return {};
    const int K = m_matrix.classCount;
    const std::int64_t count = m_matrix.at(c.y(), c.x());
    const double fraction = m_normalizedValues[static_cast<std::size_t>(c.y()) * K + c.x()];
    return tr("True: %1\nPredicted: %2\n%3 sample(s), %4% of true %1")
        .arg(m_names.at(c.y()), m_names.at(c.x()))
        .arg(count)
        .arg(100.0 * fraction, 0, 'f', 1);
}

void ConfusionMatrixPlot::resetView()
{
    const int K = std::max(1, m_matrix.classCount);
    customPlot()->xAxis->setRange(-0.5, K - 0.5);
    customPlot()->yAxis->setRange(-0.5, K - 0.5);
    replot();
}

void ConfusionMatrixPlot::clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers)
{
    const QPoint c = cellAt(pixel);
    if (c.x() >= 0)
        Q_EMIT cellClicked(c.y(), c.x(), modifiers);
}

void ConfusionMatrixPlot::setSelectedCells(const QList<QPoint> &cells)
{
    m_selectedCells = cells;
    drawSelection();
    replot();
}

void ConfusionMatrixPlot::drawSelection()
{
    QCustomPlot *plot = customPlot();
    for (QCPItemRect *item : std::as_const(m_selectionItems))
        plot->removeItem(item);
    m_selectionItems.clear();
    const int K = m_matrix.classCount;
    const QColor outline(0xff, 0x8f, 0x00); // the selection colour of every view
    for (const QPoint &c : std::as_const(m_selectedCells)) {
        if (c.x() < 0 || c.y() < 0 || c.x() >= K || c.y() >= K)
            continue;
        auto *item = new QCPItemRect(plot);
        item->topLeft->setCoords(c.x() - 0.47, c.y() - 0.47);
        item->bottomRight->setCoords(c.x() + 0.47, c.y() + 0.47);
        item->setPen(QPen(outline, 3));
        item->setBrush(Qt::NoBrush);
        item->setSelectable(false);
        m_selectionItems.append(item);
    }
}

void ConfusionMatrixPlot::addContextMenuActions(QMenu *menu)
{
    menu->addSeparator();
    QAction *norm = menu->addAction(tr("Row-&normalised"));
    norm->setObjectName(QStringLiteral("rowNormalizedAction"));
    norm->setCheckable(true);
    norm->setChecked(m_normalized);
    connect(norm, &QAction::toggled, this, &ConfusionMatrixPlot::setNormalized);
}

} // namespace sextant::plots
