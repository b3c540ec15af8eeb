#include "plots/FeatureRankingPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace sextant::plots {

namespace {

QString elided(const QString &s)
{
    return s.size() > 28 ? s.left(26) + QChar(0x2026) : s;
}

} // namespace

FeatureRankingPlot::FeatureRankingPlot(QWidget *parent)
    : PlotView(parent), m_combo(new QComboBox(this)), m_table(new QTableWidget(this))
{
    m_combo->setObjectName(QStringLiteral("rankingMethod"));
    QHBoxLayout *controls = controlsLayout();
    controls->addWidget(new QLabel(tr("Rank by:"), this));
    controls->addWidget(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index != m_method) {
            m_method = index;
            draw();
        }
    });
    m_table->setObjectName(QStringLiteral("rankingTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->setMinimumHeight(120);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_table, 1);

    QCustomPlot *plot = customPlot();
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->grid()->setVisible(false);
    m_kept = new QCPBars(plot->yAxis, plot->xAxis);
    m_rest = new QCPBars(plot->yAxis, plot->xAxis);
    for (QCPBars *b : { m_kept, m_rest }) {
        b->setWidth(0.7);
        b->setSelectable(QCP::stNone);
        b->removeFromLegend();
    }
    const QColor kept = Palette::categorical(0);
    m_kept->setBrush(kept);
    m_kept->setPen(QPen(kept.darker(130)));
    m_kept->setName(tr("Kept"));
    const QColor rest = palette().color(QPalette::Mid);
    m_rest->setBrush(rest);
    m_rest->setPen(QPen(rest.darker(130)));
    m_rest->setName(tr("Not kept"));
    setTitle(tr("Feature ranking"));
    applyPaletteColors();
}

FeatureRankingPlot::~FeatureRankingPlot() = default;

void FeatureRankingPlot::setData(engine::FeatureRanking data)
{
    m_data = std::move(data);
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    for (const QString &m : std::as_const(m_data.methods))
        m_combo->addItem(engine::FeatureRanking::methodLabel(m));
    m_method = std::clamp(m_data.sortBy, 0, std::max(0, int(m_data.methods.size()) - 1));
    m_combo->setCurrentIndex(m_method);
    fillTable();
    draw();
}

void FeatureRankingPlot::setMethod(int method)
{
    if (method >= 0 && method < m_data.methods.size())
        m_combo->setCurrentIndex(method); // -> draw() when it changes
}

void FeatureRankingPlot::fillTable()
{
    m_table->setSortingEnabled(false);
    m_table->clear();
    const int M = static_cast<int>(m_data.methods.size());
    m_table->setColumnCount(M + 1);
    m_table->setRowCount(static_cast<int>(m_data.features.size()));
    QStringList header { tr("Feature") };
    for (const QString &m : std::as_const(m_data.methods))
        header << engine::FeatureRanking::methodLabel(m);
    m_table->setHorizontalHeaderLabels(header);
    const std::vector<int> order = m_data.order(m_data.sortBy);
    for (int r = 0; r < static_cast<int>(order.size()); ++r) {
        const int f = order[static_cast<std::size_t>(r)];
        m_table->setItem(r, 0, new QTableWidgetItem(m_data.features[f]));
        for (int m = 0; m < M; ++m) {
            auto *item = new QTableWidgetItem;
            const double v = m_data.score(f, m);
            if (std::isfinite(v))
                item->setData(Qt::DisplayRole, v);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, m + 1, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
}

void FeatureRankingPlot::draw()
{
    QCustomPlot *plot = customPlot();
    m_labels.clear();
    m_values.clear();
    const std::vector<int> order = m_data.order(m_method);
    // Which features the node keeps: the first topK by its own score.
    const std::vector<int> nodeOrder = m_data.order(m_data.sortBy);
    std::vector<bool> kept(static_cast<std::size_t>(m_data.features.size()), false);
    for (int r = 0; r < m_data.topK && r < static_cast<int>(nodeOrder.size()); ++r)
        kept[static_cast<std::size_t>(nodeOrder[static_cast<std::size_t>(r)])] = true;
    QVector<double> keptKeys, keptValues, restKeys, restValues;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double lo = 0, hi = 0;
    for (int r = 0; r < static_cast<int>(order.size()) && r < kMaxBars; ++r) {
        const int f = order[static_cast<std::size_t>(r)];
        const double v = m_data.score(f, m_method);
        m_labels << m_data.features[f];
        m_values << v;
        ticker->addTick(r + 1, elided(m_data.features[f]));
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        (kept[static_cast<std::size_t>(f)] ? keptKeys : restKeys).append(r + 1);
        (kept[static_cast<std::size_t>(f)] ? keptValues : restValues).append(v);
    }
    m_kept->setData(keptKeys, keptValues, true);
    m_rest->setData(restKeys, restValues, true);
    plot->yAxis->setTicker(ticker);
    const QString label = engine::FeatureRanking::methodLabel(m_data.methods.value(m_method));
    plot->xAxis->setLabel(label);
    const double pad = (hi - lo) > 0 ? (hi - lo) * 0.05 : 0.5;
    m_xLower = lo < 0 ? lo - pad : 0;
    m_xUpper = hi + pad;
    const int n = static_cast<int>(m_data.features.size());
    QString title = m_data.target.isEmpty()
        ? tr("Features by %1").arg(label)
        : tr("Features by %1 against %2").arg(label, m_data.target);
    if (n > kMaxBars)
        title += tr(" (the best %1 of %2)").arg(kMaxBars).arg(n);
    setTitle(title);
    resetView();
}

int FeatureRankingPlot::keptBarCount() const
{
    return m_kept->dataCount();
}

QString FeatureRankingPlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const int r = static_cast<int>(std::lround(customPlot()->yAxis->pixelToCoord(pixel.y()))) - 1;
    if (r < 0 || r >= m_labels.size())
        return {};
    return tr("%1\n%2 = %3")
        .arg(m_labels[r], engine::FeatureRanking::methodLabel(m_data.methods.value(m_method)))
        .arg(m_values[r], 0, 'g', 6);
}

void FeatureRankingPlot::resetView()
{
    customPlot()->xAxis->setRange(m_xLower, m_xUpper);
    customPlot()->yAxis->setRange(0.4, std::max<double>(1, m_labels.size()) + 0.6);
    replot();
}

} // namespace sextant::plots
