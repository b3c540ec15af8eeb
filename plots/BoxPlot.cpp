#include "plots/BoxPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

constexpr double kBoxWidth = 0.6;
constexpr double kViolinHalfWidth = 0.42;

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

BoxPlot::BoxPlot(QWidget *parent)
    : PlotView(parent), m_columnLabel(new QLabel(tr("Column:"), this)),
      m_column(new QComboBox(this))
{
    m_column->setObjectName(QStringLiteral("boxPlotColumn"));
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    QHBoxLayout *controls = controlsLayout();
    controls->addWidget(m_columnLabel);
    controls->addWidget(m_column);
    connect(m_column, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index != m_current) {
            m_current = index;
            draw();
        }
    });
    QCustomPlot *plot = customPlot();
    plot->setAntialiasedElement(QCP::aePlottables, true);
    plot->xAxis->grid()->setVisible(false);
    setTitle(tr("Box plot"));
    applyPaletteColors();
}

BoxPlot::~BoxPlot() = default;

void BoxPlot::clear()
{
    QCustomPlot *plot = customPlot();
    for (QCPStatisticalBox *b : std::as_const(m_boxes))
        plot->removePlottable(b);
    for (QCPCurve *c : std::as_const(m_violins))
        plot->removePlottable(c);
    m_boxes.clear();
    m_violins.clear();
    m_violinScale.clear();
    replot();
}

void BoxPlot::setData(engine::BoxPlotData data)
{
    m_data = std::move(data);
    const QSignalBlocker block(m_column);
    m_column->clear();
    for (const auto &c : m_data.columns)
        m_column->addItem(c.name);
    const bool several = m_data.columns.size() > 1;
    m_column->setVisible(several);
    m_columnLabel->setVisible(several);
    m_current = m_data.columns.empty() ? -1 : 0;
    m_column->setCurrentIndex(m_current);
    draw();
}

QStringList BoxPlot::columnNames() const
{
    QStringList out;
    for (const auto &c : m_data.columns)
        out << c.name;
    return out;
}

void BoxPlot::setCurrentColumn(int index)
{
    if (index >= 0 && index < static_cast<int>(m_data.columns.size()))
        m_column->setCurrentIndex(index); // -> draw() when it changes
}

QStringList BoxPlot::groupLabels() const
{
    return m_data.groupNames;
}

void BoxPlot::draw()
{
    clear();
    QCustomPlot *plot = customPlot();
    if (m_current < 0 || m_current >= static_cast<int>(m_data.columns.size())) {
        setTitle(m_data.violin ? tr("Violin plot") : tr("Box plot"));
        return;
    }
    const auto &column = m_data.columns[static_cast<std::size_t>(m_current)];
    const QPalette pal = palette();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    // One common density scale, so that violins compare: the widest fills its slot.
    double peak = 0;
    if (m_data.violin)
        for (const auto &g : column.groups)
            for (double d : g.density)
                peak = std::max(peak, d);
    for (std::size_t gi = 0; gi < column.groups.size(); ++gi) {
        const engine::BoxSummary &g = column.groups[gi];
        const double key = static_cast<double>(gi + 1);
        const QString name = gi < static_cast<std::size_t>(m_data.groupNames.size())
            ? m_data.groupNames[static_cast<qsizetype>(gi)]
            : QString::number(gi + 1);
        ticker->addTick(key, QStringLiteral("%1\nn = %2").arg(name).arg(g.count));
        const QColor color = name == QLatin1String("(missing)")
            ? Palette::missing()
            : Palette::categorical(static_cast<int>(gi));
        QColor fill = color;
        fill.setAlpha(m_data.violin ? 110 : 150);

        if (m_data.violin) {
            auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
            curve->setName(name);
            curve->setSelectable(QCP::stNone);
            curve->removeFromLegend();
            curve->setPen(QPen(color.darker(130), 1.2));
            curve->setBrush(fill);
            const double scale = peak > 0 ? kViolinHalfWidth / peak : 0;
            m_violinScale.append(scale);
            const std::size_t m = g.density.size();
            QVector<QCPCurveData> pts;
            pts.reserve(static_cast<qsizetype>(2 * m + 1));
            double t = 0;
            for (std::size_t i = 0; i < m; ++i)
                pts.append(QCPCurveData(t++, key + g.density[i] * scale, g.densityGrid[i]));
            for (std::size_t i = m; i-- > 0;)
                pts.append(QCPCurveData(t++, key - g.density[i] * scale, g.densityGrid[i]));
            if (m > 0) {
                pts.append(pts.front());
                pts.last().t = t;
                lo = std::min(lo, g.densityGrid.front());
                hi = std::max(hi, g.densityGrid.back());
            }
            curve->data()->set(pts, true);
            m_violins.append(curve);
        }
        auto *box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
        box->setName(name);
        box->setSelectable(QCP::stNone);
        box->removeFromLegend();
        if (g.count > 0) {
            QVector<double> outliers(g.outliers.begin(), g.outliers.end());
            box->addData(key, g.lowerWhisker, g.q1, g.median, g.q3, g.upperWhisker, outliers);
            lo = std::min(lo, g.minimum);
            hi = std::max(hi, g.maximum);
        }
        const QColor ink = pal.color(QPalette::Text);
        if (m_data.violin) {
            box->setWidth(0.08);
            box->setWhiskerWidth(0);
            box->setBrush(ink);
            box->setPen(QPen(ink, 1));
            box->setWhiskerPen(QPen(ink, 1.5));
            box->setWhiskerBarPen(Qt::NoPen);
            box->setMedianPen(QPen(pal.color(QPalette::Base), 3));
        } else {
            box->setWidth(kBoxWidth);
            box->setWhiskerWidth(kBoxWidth * 0.5);
            box->setBrush(fill);
            box->setPen(QPen(color.darker(150), 1.2));
            box->setWhiskerPen(QPen(color.darker(150), 1.2));
            box->setWhiskerBarPen(QPen(color.darker(150), 1.2));
            box->setMedianPen(QPen(ink, 2));
        }
        box->setOutlierStyle(QCPScatterStyle(
            QCPScatterStyle::ssCircle, color.darker(130), Qt::transparent, m_data.violin ? 3 : 4));
        m_boxes.append(box);
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(column.groups.size() > 8 ? 45 : 0);
    plot->yAxis->setLabel(column.name);
    plot->xAxis->setLabel(m_data.splitColumn);
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    const double pad = hi > lo ? (hi - lo) * 0.05 : 0.5;
    m_yLower = lo - pad;
    m_yUpper = hi + pad;
    const QString kind = m_data.violin ? tr("Violin plot") : tr("Box plot");
    setTitle(m_data.splitColumn.isEmpty()
            ? tr("%1 of %2").arg(kind, column.name)
            : tr("%1 of %2 by %3").arg(kind, column.name, m_data.splitColumn));
    resetView();
    Q_EMIT columnShown(m_current);
}

QList<double> BoxPlot::drawnBox(int group) const
{
    if (group < 0 || group >= m_boxes.size() || m_boxes[group]->data()->isEmpty())
        return {};
    const QCPStatisticalBoxData &d = *m_boxes[group]->data()->constBegin();
    return { d.minimum, d.lowerQuartile, d.median, d.upperQuartile, d.maximum };
}

int BoxPlot::drawnOutlierCount(int group) const
{
    if (group < 0 || group >= m_boxes.size() || m_boxes[group]->data()->isEmpty())
        return 0;
    return static_cast<int>(m_boxes[group]->data()->constBegin()->outliers.size());
}

int BoxPlot::violinPointCount(int group) const
{
    return group >= 0 && group < m_violins.size() ? m_violins[group]->dataCount() : 0;
}

double BoxPlot::violinHalfWidthAt(int group, double y) const
{
    if (m_current < 0 || group < 0 || group >= m_violinScale.size())
        return 0;
    const engine::BoxSummary &g = m_data.columns[static_cast<std::size_t>(m_current)]
                                      .groups[static_cast<std::size_t>(group)];
    const auto &x = g.densityGrid;
    if (x.size() < 2 || y < x.front() || y > x.back())
        return 0;
    const auto it = std::upper_bound(x.begin(), x.end(), y);
    const std::size_t i
        = std::min<std::size_t>(static_cast<std::size_t>(it - x.begin()), x.size() - 1);
    const double t = (y - x[i - 1]) / (x[i] - x[i - 1]);
    return m_violinScale[group] * (g.density[i - 1] + t * (g.density[i] - g.density[i - 1]));
}

int BoxPlot::groupAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    const double key = customPlot()->xAxis->pixelToCoord(pixel.x());
    const int g = static_cast<int>(std::lround(key)) - 1;
    if (g < 0 || g >= m_boxes.size() || std::abs(key - (g + 1)) > 0.45)
        return -1;
    return g;
}

QString BoxPlot::toolTipAt(const QPointF &pixel) const
{
    const int g = groupAt(pixel);
    if (g < 0 || m_current < 0)
        return {};
    const engine::BoxSummary &s
        = m_data.columns[static_cast<std::size_t>(m_current)].groups[static_cast<std::size_t>(g)];
    QString text = tr("%1: %2 values").arg(m_data.groupNames.value(g)).arg(s.count);
    if (s.count == 0)
        return text;
    text += QLatin1Char('\n')
        + tr("median %1, quartiles %2 – %3\nwhiskers %4 – %5, mean %6")
              .arg(number(s.median), number(s.q1), number(s.q3), number(s.lowerWhisker),
                  number(s.upperWhisker), number(s.mean));
    if (s.outlierCount > 0)
        text += QLatin1Char('\n')
            + tr("%1 outliers (min %2, max %3)")
                  .arg(s.outlierCount)
                  .arg(number(s.minimum), number(s.maximum));
    return text;
}

void BoxPlot::resetView()
{
    customPlot()->xAxis->setRange(0.4, std::max<double>(1, m_boxes.size()) + 0.6);
    customPlot()->yAxis->setRange(m_yLower, m_yUpper);
    replot();
}

} // namespace sextant::plots
