#include "plots/HistogramPlot.h"

#include "data/DateTime.h"
#include "data/GroupedHistogram.h"
#include "plots/DateAxis.h"
#include "plots/FlowLayout.h"
#include "plots/NumberAxis.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace sextant::plots {

using engine::Column;
using engine::GroupedHistogram;
using engine::Histogram;

namespace {

// A label and its control side by side, kept together when the controls wrap.
QWidget *labelled(QWidget *parent, QWidget *label, QWidget *control)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : { label, control })
        if (w)
            row->addWidget(w);
    return box;
}

// Fill alpha of the overlaid class bars: several layers still read through each other.
constexpr int kOverlayAlpha = 90;
// Pixels either side of a thin bar that still count as hovering it.
constexpr double kHoverSlopPx = 2.0;

// Tick steps of at least 1 for count axes: counts are integers.
class CountTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange &range) override
    {
        const double step = QCPAxisTicker::getTickStep(range);
        return step < 1.0 ? 1.0 : std::ceil(step);
    }
};

QString elided(const QString &label, int maxChars = 18)
{
    if (label.size() <= maxChars)
        return label;
    return label.left(maxChars - 1) + QChar(0x2026);
}

QString countText(std::int64_t count)
{
    return QLocale().toString(qlonglong(count));
}

// The bin of a finite value with Statistics::histogram's (numpy's) index computation over
// `edges`, so that the rows of a bar are exactly the ones it counts.
std::size_t binOf(double v, const std::vector<double> &edges)
{
    const std::size_t nBins = edges.size() - 1;
    const double lo = edges.front();
    const double hi = edges.back();
    double f = ((v - lo) / (hi - lo)) * double(nBins);
    if (!(f >= 0.0))
        f = 0.0;
    if (f > double(nBins))
        f = double(nBins);
    auto i = static_cast<std::size_t>(f);
    if (i == nBins)
        --i;
    if (i > 0 && v < edges[i])
        --i;
    else if (i != nBins - 1 && v >= edges[i + 1])
        ++i;
    return i;
}

// The histogram bin row `row` of `column` falls in, or -1 (missing, infinite, or a
// category outside the dictionary).
std::ptrdiff_t binOfRow(const Column &column, const std::vector<double> &edges, std::size_t row)
{
    if (column.isCategorical()) {
        const std::int32_t code = column.codes()[row];
        return code >= 0 && code < column.categories().size() ? std::ptrdiff_t(code) : -1;
    }
    const double v = column.values()[row];
    if (!std::isfinite(v) || edges.size() < 2)
        return -1;
    return std::ptrdiff_t(binOf(v, edges));
}

// The colour of selected rows in every view.
const QColor kSelectionColor(0xff, 0x8f, 0x00);

} // namespace

HistogramPlot::HistogramPlot(QWidget *parent)
    : PlotView(parent), m_bins(new QSpinBox(this)), m_modeLabel(new QLabel(this)),
      m_mode(new QComboBox(this))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("HistogramPlotPool"));
    m_selectionPool.setMaxThreadCount(1);
    m_selectionPool.setObjectName(QStringLiteral("HistogramSelectionPool"));

    m_bins->setRange(1, kMaxBins);
    m_bins->setValue(kDefaultBins);
    m_bins->setKeyboardTracking(false);
    m_bins->setObjectName(QStringLiteral("histogramBins"));
    m_bins->setToolTip(tr("Number of equal-width bins for numeric columns"));
    auto *binsLabel = new QLabel(tr("&Bins:"), this);
    binsLabel->setBuddy(m_bins);

    m_mode->setObjectName(QStringLiteral("histogramSplitMode"));
    m_mode->addItem(tr("Stacked"), int(SplitMode::Stacked));
    m_mode->addItem(tr("Overlaid"), int(SplitMode::Overlaid));
    m_mode->setToolTip(tr("Stack the classes' bars (they add up to the whole column) or "
                          "overlay them (to compare their shapes)"));
    m_modeLabel->setText(tr("&Classes:"));
    m_modeLabel->setBuddy(m_mode);

    // The controls wrap onto more rows in a narrow dock, each label with its control.
    m_controlRow = new FlowLayout(8);
    m_controlRow->setContentsMargins(6, 4, 6, 0);
    static_cast<QVBoxLayout *>(layout())->insertLayout(0, m_controlRow);
    m_modeBox = labelled(this, m_modeLabel, m_mode);
    m_modeBox->setVisible(false);
    m_controlRow->addWidget(m_modeBox);
    m_controlRow->addWidget(labelled(this, binsLabel, m_bins));

    QCustomPlot *plot = customPlot();
    m_bars = new QCPBars(plot->xAxis, plot->yAxis);
    const QColor fill(0x4a, 0x90, 0xd9);
    m_bars->setBrush(fill);
    m_bars->setPen(QPen(fill.darker(140), 1));
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_bars->removeFromLegend();
    m_selectionBars = new QCPBars(plot->xAxis, plot->yAxis);
    QColor selectionFill = kSelectionColor;
    selectionFill.setAlpha(200);
    m_selectionBars->setBrush(selectionFill);
    m_selectionBars->setPen(QPen(kSelectionColor.darker(130), 1));
    m_selectionBars->setWidthType(QCPBars::wtPlotCoords);
    m_selectionBars->setSelectable(QCP::stNone);
    m_selectionBars->removeFromLegend();
    // On a layer of its own above the bars' layer: drawn over the class bars, which are
    // made again with each histogram.
    plot->addLayer(
        QStringLiteral("selection"), plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_selectionBars->setLayer(QStringLiteral("selection"));
    plot->yAxis->setLabel(tr("Count"));
    plot->yAxis->setTicker(QSharedPointer<CountTicker>::create());
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(0);
    plot->yAxis->grid()->setSubGridVisible(false);
    plot->xAxis->grid()->setVisible(false);
    // Counts start at 0: wheel and drag act on the bins only.
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);

    plot->legend->setVisible(false);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    QFont legendFont = font();
    legendFont.setPointSizeF(std::max(7.0, legendFont.pointSizeF() - 1));
    plot->legend->setFont(legendFont);
    // The legend's first row names the split column; the class entries follow.
    QFont legendTitleFont = legendFont;
    legendTitleFont.setBold(true);
    m_legendTitle = new QCPTextElement(plot, QString(), legendTitleFont);
    m_legendTitle->setMargins(QMargins(6, 4, 6, 0));
    plot->legend->insertRow(0);
    plot->legend->addElement(0, 0, m_legendTitle);
    m_legendTitle->setLayer(plot->legend->layer()); // above the legend's background
    applyPaletteColors();
    QColor legendBackground = palette().color(QPalette::Base);
    legendBackground.setAlpha(215);
    plot->legend->setBrush(legendBackground);
    setTitle(tr("Select a column to see its histogram"));
    connect(plot, &QCustomPlot::afterLayout, this, &HistogramPlot::makeRoomForLegend);

    connect(m_bins, &QSpinBox::valueChanged, this, &HistogramPlot::onBinsEdited);
    connect(m_mode, &QComboBox::currentIndexChanged, this,
        [this](int index) { setSplitMode(SplitMode(m_mode->itemData(index).toInt())); });
    clear();
}

HistogramPlot::~HistogramPlot()
{
    // Background tasks post their results to this object: let them end first.
    if (m_cancel)
        m_cancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
    m_selectionPool.clear();
    m_selectionPool.waitForDone();
}

void HistogramPlot::addLeadingControl(QWidget *label, QWidget *control)
{
    m_controlRow->insertWidget(m_leadingControls++, labelled(this, label, control));
}

int HistogramPlot::binCount() const
{
    return m_bins->value();
}

void HistogramPlot::setBinCount(int bins)
{
    m_bins->setValue(std::clamp(bins, 1, kMaxBins)); // -> onBinsEdited when it changes
}

void HistogramPlot::onBinsEdited(int bins)
{
    if (m_column && m_column->isNumeric())
        computeInBackground();
    Q_EMIT binCountChanged(bins);
}

void HistogramPlot::cancelPending()
{
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_pool.clear();
    m_pending = 0;
}

void HistogramPlot::setColumn(const Column &column, const Histogram *precomputed)
{
    m_column = column;
    m_bins->setEnabled(column.isNumeric());
    const bool fits = precomputed
        && (column.isCategorical() || precomputed->counts.size() == std::size_t(binCount()));
    if (fits) {
        cancelPending(); // drop any result still coming for the previous column
        // The whole column at once; with a split, the classes follow from the background.
        draw(column.name(), column.isCategorical(), *precomputed, {});
        if (m_split)
            computeInBackground();
    } else {
        computeInBackground();
    }
}

void HistogramPlot::setHistogram(
    const QString &columnName, bool categorical, const Histogram &histogram)
{
    cancelPending();
    m_column.reset();
    m_bins->setEnabled(!categorical);
    draw(columnName, categorical, histogram, {});
}

void HistogramPlot::clear()
{
    cancelPending();
    m_column.reset();
    m_histogram = Histogram {};
    m_columnName.clear();
    m_categorical = false;
    m_groups.clear();
    m_order.clear();
    m_values.clear();
    m_labels.clear();
    removeGroupBars();
    m_bars->data()->clear();
    m_bars->setVisible(true);
    m_keys.clear();
    m_barTops.clear();
    ++m_selectionGeneration;
    ++m_clickGeneration;
    m_selectedCounts.clear();
    m_selectionBars->data()->clear();
    customPlot()->legend->setVisible(false);
    setTitle(tr("Select a column to see its histogram"));
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(QString());
    NumberAxis::apply(plot->xAxis);
    m_xLower = 0;
    m_xUpper = 1;
    m_yUpper = 1;
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1);
    plot->xAxis->setVisible(false);
    plot->yAxis->setVisible(false);
    replot();
    Q_EMIT histogramShown();
}

void HistogramPlot::setSplitColumn(const Column &column)
{
    if (!column.isCategorical()) {
        clearSplitColumn();
        return;
    }
    m_split = column;
    m_modeBox->setVisible(true);
    if (m_column)
        computeInBackground();
}

void HistogramPlot::clearSplitColumn()
{
    if (!m_split)
        return;
    m_split.reset();
    m_modeBox->setVisible(false);
    if (m_column && m_pending > 0) {
        computeInBackground(); // the request in flight was for the split
    } else if (!m_groups.empty()) {
        // The unsplit histogram is already at hand: no recompute.
        const Histogram histogram = m_histogram;
        draw(m_columnName, m_categorical, histogram, {});
    }
}

QString HistogramPlot::splitColumnName() const
{
    return m_split ? m_split->name() : QString();
}

void HistogramPlot::setSplitMode(SplitMode mode)
{
    const int index = m_mode->findData(int(mode));
    if (index >= 0 && m_mode->currentIndex() != index)
        m_mode->setCurrentIndex(index); // re-enters through currentIndexChanged
    if (mode == m_splitMode)
        return;
    m_splitMode = mode;
    if (!m_groups.empty()) {
        drawBars();
        customPlot()->yAxis->setRange(0, m_yUpper); // stacks are taller than overlays
        replot();
    }
    Q_EMIT splitModeChanged(mode);
}

std::vector<HistogramPlot::Group> HistogramPlot::makeGroups(const GroupedHistogram &grouped)
{
    std::vector<Group> out;
    const std::size_t nBins = grouped.total.counts.size();
    if (grouped.groups.isEmpty() || nBins == 0)
        return out;
    const auto total = [](const std::vector<std::int64_t> &counts) {
        return std::accumulate(counts.begin(), counts.end(), std::int64_t(0));
    };
    // Classes that occur, in dictionary order (colours follow the category index, as in
    // the scatter plot).
    std::vector<int> present;
    std::vector<std::int64_t> sizes(grouped.counts.size(), 0);
    for (std::size_t g = 0; g < grouped.counts.size(); ++g) {
        sizes[g] = total(grouped.counts[g]);
        if (sizes[g] > 0)
            present.push_back(int(g));
    }
    std::vector<int> kept = present;
    std::vector<int> merged;
    if (int(present.size()) > kMaxSplitGroups) {
        std::vector<int> bySize = present;
        std::stable_sort(bySize.begin(), bySize.end(),
            [&](int a, int b) { return sizes[std::size_t(a)] > sizes[std::size_t(b)]; });
        kept.assign(bySize.begin(), bySize.begin() + (kMaxSplitGroups - 1));
        merged.assign(bySize.begin() + (kMaxSplitGroups - 1), bySize.end());
        std::sort(kept.begin(), kept.end());
    }
    for (int g : kept)
        out.push_back(Group {
            grouped.groups.at(g), Palette::categorical(g), grouped.counts[std::size_t(g)] });
    if (!merged.empty()) {
        Group other { tr("Other (%n classes)", nullptr, int(merged.size())),
            QColor(0x8c, 0x8c, 0x8c), std::vector<std::int64_t>(nBins, 0) };
        for (int g : merged)
            for (std::size_t b = 0; b < nBins; ++b)
                other.counts[b] += grouped.counts[std::size_t(g)][b];
        out.push_back(std::move(other));
    }
    if (grouped.hasMissingGroup() && total(grouped.missingGroup) > 0)
        out.push_back(Group { tr("(missing)"), Palette::missing(), grouped.missingGroup });
    return out;
}

void HistogramPlot::computeInBackground()
{
    if (!m_column)
        return;
    cancelPending();
    const quint64 generation = m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_pending = 1;
    setTitle(m_split
            ? tr("Computing the histogram of %1 by %2…").arg(m_column->name(), m_split->name())
            : tr("Computing the histogram of %1…").arg(m_column->name()));
    std::optional<Column> split;
    if (m_split && m_split->size() == m_column->size())
        split = m_split;
    m_pool.start([this, generation, column = *m_column, split = std::move(split), bins = binCount(),
                     cancel = m_cancel] {
        Histogram histogram;
        std::vector<Group> groups;
        if (split) {
            const GroupedHistogram grouped
                = GroupedHistogram::compute(column, *split, bins, cancel.get());
            if (cancel->load())
                return;
            histogram = grouped.total;
            groups = makeGroups(grouped);
        } else {
            histogram = engine::Statistics::histogram(column, bins);
        }
        if (cancel->load())
            return;
        // Worker thread -> GUI thread; `this` outlives the pool (see the destructor).
        QMetaObject::invokeMethod(
            this,
            [this, generation, column, histogram = std::move(histogram),
                groups = std::move(groups)]() mutable {
                if (generation != m_generation)
                    return;
                m_pending = 0;
                m_cancel.reset();
                draw(column.name(), column.isCategorical(), histogram, std::move(groups));
            },
            Qt::QueuedConnection);
    });
}

void HistogramPlot::draw(const QString &columnName, bool categorical, const Histogram &histogram,
    std::vector<Group> groups)
{
    QCustomPlot *plot = customPlot();
    m_histogram = histogram;
    m_columnName = columnName;
    m_categorical = categorical;
    m_groups = std::move(groups);
    m_order.clear();
    m_labels.clear();
    const std::size_t n = histogram.counts.size();
    const std::int64_t total
        = std::accumulate(histogram.counts.begin(), histogram.counts.end(), std::int64_t(0));
    QString title = columnName;

    if (categorical) {
        // Category order, or the most frequent kMaxCategoryBars (in falling count).
        m_order.resize(n);
        std::iota(m_order.begin(), m_order.end(), std::size_t(0));
        if (n > std::size_t(kMaxCategoryBars)) {
            auto byCount = [&](std::size_t a, std::size_t b) {
                return histogram.counts[a] > histogram.counts[b]
                    || (histogram.counts[a] == histogram.counts[b] && a < b);
            };
            std::nth_element(
                m_order.begin(), m_order.begin() + kMaxCategoryBars, m_order.end(), byCount);
            m_order.resize(kMaxCategoryBars);
            std::sort(m_order.begin(), m_order.end(), byCount);
            title = tr("%1 (the %2 most frequent of %3 categories)")
                        .arg(columnName)
                        .arg(kMaxCategoryBars)
                        .arg(n);
        }
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        int longest = 0;
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            const std::size_t bin = m_order[i];
            const QString label = bin < std::size_t(histogram.labels.size())
                ? histogram.labels[qsizetype(bin)]
                : QString::number(bin);
            m_labels.push_back(label);
            ticker->addTick(double(i + 1), elided(label));
            longest = std::max(longest, int(elided(label).size()));
        }
        plot->xAxis->setTicker(ticker);
        const bool crowded = m_order.size() > 12 || m_order.size() * std::size_t(longest) > 60;
        plot->xAxis->setTickLabelRotation(crowded ? 60 : 0);
        m_xLower = 0.4;
        m_xUpper = double(m_order.size()) + 0.6;
    } else {
        NumberAxis::apply(plot->xAxis);
        plot->xAxis->setTickLabelRotation(0);
        // A date column's bins are spans of time: date ticks and dates in the tool tips.
        const bool dates = m_column && m_column->isDateTime() && m_column->name() == columnName;
        const auto edge = [&](double v) {
            return dates ? engine::DateTime::toIsoText(
                       v, m_column->isDateOnly() && engine::DateTime::isMidnight(v))
                         : QString::number(v, 'g', 6);
        };
        if (n > 0 && histogram.edges.size() == n + 1) {
            m_order.resize(n);
            std::iota(m_order.begin(), m_order.end(), std::size_t(0));
            for (std::size_t i = 0; i < n; ++i)
                m_labels.push_back(QStringLiteral("[%1, %2%3")
                                       .arg(edge(histogram.edges[i]), edge(histogram.edges[i + 1]))
                                       .arg(i + 1 == n ? QLatin1Char(']') : QLatin1Char(')')));
            const double lo = histogram.edges.front();
            const double hi = histogram.edges.back();
            if (dates)
                DateAxis::apply(plot->xAxis);
            const double pad = hi > lo ? 0.02 * (hi - lo) : 1.0;
            m_xLower = lo - pad;
            m_xUpper = hi + pad;
        } else {
            m_xLower = 0;
            m_xUpper = 1;
        }
    }
    m_values.clear();
    for (std::size_t bin : m_order)
        m_values.push_back(double(histogram.counts[bin]));

    const QLocale locale;
    if (histogram.missing > 0)
        title = tr("%1 — %2 values, %3 missing")
                    .arg(title, locale.toString(qlonglong(total)),
                        locale.toString(qlonglong(histogram.missing)));
    else
        title = tr("%1 — %2 values").arg(title, locale.toString(qlonglong(total)));
    if (!m_groups.empty() && m_split)
        title = tr("%1, by %2").arg(title, m_split->name());
    setTitle(title);
    plot->xAxis->setLabel(columnName);
    plot->xAxis->setVisible(true);
    plot->yAxis->setVisible(true);
    drawBars();
    countSelectionInBackground();
    resetView();
    Q_EMIT histogramShown();
}

void HistogramPlot::removeGroupBars()
{
    for (QCPBars *bars : std::as_const(m_groupBars))
        customPlot()->removePlottable(bars); // also leaves the legend
    m_groupBars.clear();
}

void HistogramPlot::drawBars()
{
    QCustomPlot *plot = customPlot();
    removeGroupBars();

    // Bar positions and width: bin centres for numeric columns, 1..n for categories.
    QVector<double> keys;
    keys.reserve(qsizetype(m_order.size()));
    double width = 0.7;
    if (m_categorical) {
        for (std::size_t i = 0; i < m_order.size(); ++i)
            keys.push_back(double(i + 1));
    } else if (!m_order.empty()) {
        const std::vector<double> &edges = m_histogram.edges;
        for (std::size_t bin : m_order)
            keys.push_back(0.5 * (edges[bin] + edges[bin + 1]));
        const double lo = edges.front();
        const double hi = edges.back();
        width = hi > lo ? (hi - lo) / double(m_order.size()) : 1.0;
    }
    m_keys = keys;
    m_barWidth = width;
    const auto valuesOf = [&](const std::vector<std::int64_t> &counts) {
        QVector<double> values;
        values.reserve(keys.size());
        for (std::size_t bin : m_order)
            values.push_back(bin < counts.size() ? double(counts[bin]) : 0.0);
        return values;
    };

    double top = m_values.isEmpty() ? 1.0 : *std::max_element(m_values.begin(), m_values.end());
    if (m_groups.empty()) {
        m_bars->setVisible(true);
        m_bars->setWidth(width);
        m_bars->setData(keys, QVector<double>(m_values.begin(), m_values.end()), true);
        plot->legend->setVisible(false);
    } else {
        m_bars->setVisible(false);
        m_bars->data()->clear();
        const bool stacked = m_splitMode == SplitMode::Stacked;
        if (!stacked)
            top = 0;
        QCPBars *below = nullptr;
        for (const Group &group : m_groups) {
            auto *bars = new QCPBars(plot->xAxis, plot->yAxis); // added to the legend
            bars->setName(group.name);
            bars->setWidthType(QCPBars::wtPlotCoords);
            bars->setWidth(width);
            bars->setSelectable(QCP::stNone);
            QColor fill = group.color;
            if (stacked) {
                bars->setStackingGap(0);
                bars->setPen(QPen(fill.darker(140), 1));
                if (below)
                    bars->moveAbove(below);
                below = bars;
            } else {
                bars->setPen(QPen(fill.darker(115), 1.5));
                fill.setAlpha(kOverlayAlpha);
            }
            bars->setBrush(fill);
            // Empty bins get no bar (a zero-height bar would still draw its outline).
            const QVector<double> values = valuesOf(group.counts);
            QVector<double> groupKeys, groupValues;
            for (qsizetype i = 0; i < values.size(); ++i) {
                if (values[i] <= 0)
                    continue;
                groupKeys.push_back(keys[i]);
                groupValues.push_back(values[i]);
                if (!stacked)
                    top = std::max(top, values[i]);
            }
            bars->setData(groupKeys, groupValues, true);
            m_groupBars.append(bars);
        }
        // makeRoomForLegend() puts the legend in the upper corner over the lower bars.
        m_barTops = QVector<double>(m_values.size(), 0.0);
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            double barTop = m_values[i];
            if (!stacked) {
                barTop = 0;
                for (const Group &group : m_groups)
                    barTop = std::max(barTop, double(group.counts[m_order[std::size_t(i)]]));
            }
            m_barTops[i] = barTop;
        }
        m_legendTitle->setText(m_split ? m_split->name() : QString());
        m_legendTitle->setTextColor(palette().color(QPalette::Text));
        plot->legend->setVisible(true);
    }
    m_yUpper = std::max(1.0, top * 1.08);
    drawSelectionBars();
}

void HistogramPlot::makeRoomForLegend()
{
    QCustomPlot *plot = customPlot();
    double upper = m_yUpper;
    const QRect legend = plot->legend->outerRect();
    const QRect area = plot->axisRect()->rect();
    if (plot->legend->visible() && m_barTops.size() == m_keys.size() && legend.width() > 0) {
        // The tallest bar drawn (in part) below the legend's width, in the right corner
        // and in the left one (the legend mirrored).
        QCPLayoutInset *inset = plot->axisRect()->insetLayout();
        const bool atLeft = inset->insetAlignment(0).testFlag(Qt::AlignLeft);
        const int margin = atLeft ? legend.left() - area.left() : area.right() - legend.right();
        const std::pair<int, int> corners[2]
            = { { area.left() + margin, area.left() + margin + legend.width() - 1 },
                  { area.right() - margin - legend.width() + 1, area.right() - margin } };
        double under[2] = { 0, 0 };
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            const double a = plot->xAxis->coordToPixel(m_keys[i] - 0.5 * m_barWidth);
            const double b = plot->xAxis->coordToPixel(m_keys[i] + 0.5 * m_barWidth);
            for (int c = 0; c < 2; ++c)
                if (std::max(a, b) >= corners[c].first && std::min(a, b) <= corners[c].second)
                    under[c] = std::max(under[c], m_barTops[i]);
        }
        // The corner over the lower bars; the right one when they are as high.
        const int corner = under[0] < under[1] ? 0 : 1;
        const Qt::Alignment align = Qt::AlignTop | (corner == 0 ? Qt::AlignLeft : Qt::AlignRight);
        if (inset->insetAlignment(0) != align) {
            // The legend moves at the next layout (this one has placed it already).
            inset->setInsetAlignment(0, align);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
        // The bars' share of the height that the legend leaves free, with a small gap.
        const double height = area.height();
        const double free = area.bottom() - legend.bottom() - 4;
        // A legend taller than most of the plot stays over the bars (translucent).
        if (under[corner] > 0 && height > 0 && free >= 0.4 * height)
            upper = std::max(upper, under[corner] * 1.04 * height / free);
    }
    // Only while the count axis shows its own range: a person's zoom or pan stays.
    const QCPRange shown = plot->yAxis->range();
    const bool own = shown.lower == 0 && (shown.upper == m_yUpper || shown.upper == m_legendUpper);
    m_legendUpper = upper;
    if (own && shown.upper != upper)
        plot->yAxis->setRange(0, upper);
}

void HistogramPlot::resetView()
{
    customPlot()->xAxis->setRange(m_xLower, m_xUpper);
    customPlot()->yAxis->setRange(0, m_yUpper);
    replot();
}

int HistogramPlot::barCount() const
{
    return int(m_values.size());
}

QList<double> HistogramPlot::barValues() const
{
    return m_values;
}

QStringList HistogramPlot::barLabels() const
{
    return m_labels;
}

QStringList HistogramPlot::groupNames() const
{
    QStringList out;
    for (const Group &group : m_groups)
        out << group.name;
    return out;
}

QList<double> HistogramPlot::groupBarValues(int group) const
{
    QList<double> out;
    if (group < 0 || std::size_t(group) >= m_groups.size())
        return out;
    const std::vector<std::int64_t> &counts = m_groups[std::size_t(group)].counts;
    for (std::size_t bin : m_order)
        out << (bin < counts.size() ? double(counts[bin]) : 0.0);
    return out;
}

QStringList HistogramPlot::legendEntries() const
{
    QStringList out;
    QCPLegend *legend = customPlot()->legend;
    if (!legend || !legend->visible())
        return out;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            out << item->plottable()->name();
    return out;
}

QPointF HistogramPlot::barCenter(int index) const
{
    if (index < 0 || index >= barCount())
        return {};
    double key = double(index + 1);
    if (!m_categorical) {
        const std::size_t bin = m_order[std::size_t(index)];
        key = 0.5 * (m_histogram.edges[bin] + m_histogram.edges[bin + 1]);
    }
    return coordToPixel(QPointF(key, 0.5 * m_values[index]));
}

int HistogramPlot::barAt(const QPointF &pixel) const
{
    QCustomPlot *plot = customPlot();
    if (m_order.empty() || !plot->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    QCPAxis *x = plot->xAxis;
    // A slop of a few pixels around each bar so that thin bars can be hovered.
    const double slop = std::abs(x->pixelToCoord(kHoverSlopPx) - x->pixelToCoord(0));
    const double key = x->pixelToCoord(pixel.x());
    if (m_categorical) {
        const int i = int(std::lround(key)) - 1;
        if (i < 0 || std::size_t(i) >= m_order.size())
            return -1;
        return std::abs(key - double(i + 1)) <= 0.35 + slop ? i : -1;
    }
    const std::vector<double> &edges = m_histogram.edges;
    if (key < edges.front() - slop || key > edges.back() + slop)
        return -1;
    const auto it = std::upper_bound(edges.begin(), edges.end(), key);
    const auto bin = std::size_t(
        std::clamp<std::ptrdiff_t>(it - edges.begin() - 1, 0, std::ptrdiff_t(m_order.size()) - 1));
    return int(bin); // numeric bars are the bins in order
}

QString HistogramPlot::toolTipAt(const QPointF &pixel) const
{
    const int index = barAt(pixel);
    if (index < 0)
        return {};
    const std::size_t bin = m_order[std::size_t(index)];
    const auto count = std::int64_t(m_values[index]);
    QString tip = m_categorical ? tr("%1\nCount: %2").arg(m_labels[index], countText(count))
                                : tr("Bin %1\nCount: %2").arg(m_labels[index], countText(count));
    for (const Group &group : m_groups) {
        const std::int64_t n = bin < group.counts.size() ? group.counts[bin] : 0;
        tip += QLatin1Char('\n') + tr("%1: %2").arg(group.name, countText(n));
    }
    return tip;
}

} // namespace sextant::plots

namespace sextant::plots {

void HistogramPlot::clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers)
{
    const bool extend = modifiers.testAnyFlags(Qt::ShiftModifier | Qt::ControlModifier);
    const int index = barAt(pixel);
    if (index >= 0) {
        selectBar(index, extend);
    } else if (!extend && m_column && !m_order.empty()) {
        ++m_clickGeneration; // a bar clicked before no longer counts
        Q_EMIT rowsSelected({}, false);
    }
}

void HistogramPlot::selectBar(int index, bool extend)
{
    // Only the bars of the shown column, as drawn (not while new ones are coming).
    if (!m_column || m_pending > 0 || index < 0 || std::size_t(index) >= m_order.size())
        return;
    const std::size_t bin = m_order[std::size_t(index)];
    const quint64 generation = ++m_clickGeneration;
    ++m_selectionPending;
    m_selectionPool.start(
        [this, generation, extend, bin, column = *m_column, edges = m_histogram.edges] {
            QList<qint64> rows;
            const std::size_t n = column.size();
            for (std::size_t r = 0; r < n; ++r)
                if (binOfRow(column, edges, r) == std::ptrdiff_t(bin))
                    rows.push_back(qint64(r));
            // Worker thread -> GUI thread; `this` outlives the pool (see the destructor).
            QMetaObject::invokeMethod(
                this,
                [this, generation, extend, rows = std::move(rows)] {
                    --m_selectionPending;
                    if (generation == m_clickGeneration)
                        Q_EMIT rowsSelected(rows, extend);
                },
                Qt::QueuedConnection);
        });
}

void HistogramPlot::setHighlightedRows(const QList<qint64> &rows)
{
    m_highlight = rows;
    countSelectionInBackground();
}

void HistogramPlot::countSelectionInBackground()
{
    const quint64 generation = ++m_selectionGeneration;
    m_selectedCounts.clear();
    drawSelectionBars();
    if (m_highlight.isEmpty() || !m_column || m_order.empty()) {
        replot();
        Q_EMIT selectionShown();
        return;
    }
    const std::size_t bins = m_histogram.counts.size();
    ++m_selectionPending;
    m_selectionPool.start([this, generation, bins, rows = m_highlight, column = *m_column,
                              edges = m_categorical ? std::vector<double> {} : m_histogram.edges] {
        std::vector<std::int64_t> counts(bins, 0);
        const auto n = qint64(column.size());
        for (qint64 r : rows) {
            if (r < 0 || r >= n)
                continue; // not a row of this column
            const std::ptrdiff_t b = binOfRow(column, edges, std::size_t(r));
            if (b >= 0 && std::size_t(b) < bins)
                ++counts[std::size_t(b)];
        }
        // Worker thread -> GUI thread; `this` outlives the pool (see the destructor).
        QMetaObject::invokeMethod(
            this,
            [this, generation, counts = std::move(counts)]() mutable {
                --m_selectionPending;
                if (generation != m_selectionGeneration)
                    return;
                m_selectedCounts = std::move(counts);
                drawSelectionBars();
                replot();
                Q_EMIT selectionShown();
            },
            Qt::QueuedConnection);
    });
}

void HistogramPlot::drawSelectionBars()
{
    QVector<double> keys, values;
    if (m_selectedCounts.size() == m_histogram.counts.size()
        && m_keys.size() == qsizetype(m_order.size()))
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            const std::int64_t count = m_selectedCounts[m_order[i]];
            if (count <= 0)
                continue; // an empty bar would still draw its outline
            keys.push_back(m_keys[qsizetype(i)]);
            values.push_back(double(count));
        }
    m_selectionBars->setWidth(m_barWidth);
    m_selectionBars->setData(keys, values, true);
}

QList<double> HistogramPlot::selectedBarValues() const
{
    QList<double> out;
    if (m_selectedCounts.size() != m_histogram.counts.size())
        return out;
    for (std::size_t bin : m_order)
        out << double(m_selectedCounts[bin]);
    return out;
}

} // namespace sextant::plots
