#include "plots/HistogramPlot.h"

#include "plots/QCustomPlotInclude.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sextant::plots {

using engine::Column;
using engine::Histogram;

namespace {

// Tick steps of at least 1 for count axes: counts are integers.
class CountTicker : public QCPAxisTicker
{
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

} // namespace

HistogramPlot::HistogramPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_bins(new QSpinBox(this))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("HistogramPlotPool"));

    m_bins->setRange(1, kMaxBins);
    m_bins->setValue(kDefaultBins);
    m_bins->setKeyboardTracking(false);
    m_bins->setObjectName(QStringLiteral("histogramBins"));
    m_bins->setToolTip(tr("Number of equal-width bins for numeric columns"));
    auto *binsLabel = new QLabel(tr("&Bins:"), this);
    binsLabel->setBuddy(m_bins);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    controls->addStretch(1);
    controls->addWidget(binsLabel);
    controls->addWidget(m_bins);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumSize(200, 150);
    m_plot->setBackground(palette().color(QPalette::Base));
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), titleFont);
    m_title->setTextColor(palette().color(QPalette::Text));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_title);

    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    const QColor fill(0x4a, 0x90, 0xd9);
    m_bars->setBrush(fill);
    m_bars->setPen(QPen(fill.darker(140), 1));
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_plot->yAxis->setLabel(tr("Count"));
    m_plot->yAxis->setTicker(QSharedPointer<CountTicker>::create());
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->yAxis->grid()->setSubGridVisible(false);
    m_plot->xAxis->grid()->setVisible(false);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(palette().color(QPalette::Mid)));
        axis->setTickPen(QPen(palette().color(QPalette::Mid)));
        axis->setSubTickPen(QPen(palette().color(QPalette::Mid)));
        axis->setTickLabelColor(palette().color(QPalette::Text));
        axis->setLabelColor(palette().color(QPalette::Text));
    }

    connect(m_bins, &QSpinBox::valueChanged, this, &HistogramPlot::onBinsEdited);
    clear();
}

HistogramPlot::~HistogramPlot()
{
    // Background tasks post their results to this object: let them end first.
    m_pool.clear();
    m_pool.waitForDone();
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

void HistogramPlot::setColumn(const Column &column, const Histogram *precomputed)
{
    m_column = column;
    m_bins->setEnabled(column.isNumeric());
    const bool fits = precomputed
                      && (column.isCategorical()
                          || precomputed->counts.size() == std::size_t(binCount()));
    if (fits) {
        ++m_generation; // drop any result still coming for the previous column
        m_pool.clear();
        m_pending = 0;
        draw(column.name(), column.isCategorical(), *precomputed);
    } else {
        computeInBackground();
    }
}

void HistogramPlot::setHistogram(const QString &columnName, bool categorical,
                                 const Histogram &histogram)
{
    ++m_generation;
    m_pool.clear();
    m_pending = 0;
    m_column.reset();
    m_bins->setEnabled(!categorical);
    draw(columnName, categorical, histogram);
}

void HistogramPlot::clear()
{
    ++m_generation;
    m_pool.clear();
    m_pending = 0;
    m_column.reset();
    m_values.clear();
    m_labels.clear();
    m_bars->data()->clear();
    m_title->setText(tr("Select a column to see its histogram"));
    m_plot->xAxis->setLabel(QString());
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT histogramShown();
}

void HistogramPlot::computeInBackground()
{
    if (!m_column)
        return;
    const quint64 generation = ++m_generation;
    m_pool.clear(); // requests not yet started are superseded
    m_pending = 1;
    m_title->setText(tr("Computing the histogram of %1…").arg(m_column->name()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_pool.start([this, generation, column = *m_column, bins = binCount()] {
        Histogram histogram = engine::Statistics::histogram(column, bins);
        // Worker thread -> GUI thread; `this` outlives the pool (see the destructor).
        QMetaObject::invokeMethod(
            this,
            [this, generation, column, histogram = std::move(histogram)] {
                if (generation != m_generation)
                    return;
                m_pending = 0;
                draw(column.name(), column.isCategorical(), histogram);
            },
            Qt::QueuedConnection);
    });
}

void HistogramPlot::draw(const QString &columnName, bool categorical, const Histogram &histogram)
{
    QVector<double> keys;
    QVector<double> values;
    m_labels.clear();
    const std::size_t n = histogram.counts.size();
    const std::int64_t total
        = std::accumulate(histogram.counts.begin(), histogram.counts.end(), std::int64_t(0));
    QString title = columnName;

    if (categorical) {
        // Category order, or the most frequent kMaxCategoryBars (in falling count).
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t(0));
        if (n > std::size_t(kMaxCategoryBars)) {
            auto byCount = [&](std::size_t a, std::size_t b) {
                return histogram.counts[a] > histogram.counts[b]
                       || (histogram.counts[a] == histogram.counts[b] && a < b);
            };
            std::nth_element(order.begin(), order.begin() + kMaxCategoryBars, order.end(),
                             byCount);
            order.resize(kMaxCategoryBars);
            std::sort(order.begin(), order.end(), byCount);
            title = tr("%1 (the %2 most frequent of %3 categories)")
                        .arg(columnName)
                        .arg(kMaxCategoryBars)
                        .arg(n);
        }
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        keys.reserve(qsizetype(order.size()));
        values.reserve(qsizetype(order.size()));
        int longest = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::size_t bin = order[i];
            const QString label = bin < std::size_t(histogram.labels.size())
                                      ? histogram.labels[qsizetype(bin)]
                                      : QString::number(bin);
            keys.push_back(double(i + 1));
            values.push_back(double(histogram.counts[bin]));
            m_labels.push_back(label);
            ticker->addTick(double(i + 1), elided(label));
            longest = std::max(longest, int(elided(label).size()));
        }
        m_plot->xAxis->setTicker(ticker);
        const bool crowded = order.size() > 12 || order.size() * std::size_t(longest) > 60;
        m_plot->xAxis->setTickLabelRotation(crowded ? 60 : 0);
        m_bars->setWidth(0.7);
        m_plot->xAxis->setRange(0.4, double(order.size()) + 0.6);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->xAxis->setTickLabelRotation(0);
        if (n > 0 && histogram.edges.size() == n + 1) {
            keys.reserve(qsizetype(n));
            values.reserve(qsizetype(n));
            for (std::size_t i = 0; i < n; ++i) {
                keys.push_back(0.5 * (histogram.edges[i] + histogram.edges[i + 1]));
                values.push_back(double(histogram.counts[i]));
                m_labels.push_back(QStringLiteral("[%1, %2%3")
                                       .arg(histogram.edges[i], 0, 'g', 6)
                                       .arg(histogram.edges[i + 1], 0, 'g', 6)
                                       .arg(i + 1 == n ? QLatin1Char(']') : QLatin1Char(')')));
            }
            const double lo = histogram.edges.front();
            const double hi = histogram.edges.back();
            const double width = hi > lo ? (hi - lo) / double(n) : 1.0;
            m_bars->setWidth(width);
            const double pad = hi > lo ? 0.02 * (hi - lo) : 1.0;
            m_plot->xAxis->setRange(lo - pad, hi + pad);
        } else {
            m_plot->xAxis->setRange(0, 1);
        }
    }

    const QLocale locale;
    if (histogram.missing > 0)
        title = tr("%1 — %2 values, %3 missing")
                    .arg(title, locale.toString(qlonglong(total)),
                         locale.toString(qlonglong(histogram.missing)));
    else
        title = tr("%1 — %2 values").arg(title, locale.toString(qlonglong(total)));
    m_title->setText(title);
    m_plot->xAxis->setLabel(columnName);
    m_plot->xAxis->setVisible(true);
    m_plot->yAxis->setVisible(true);
    m_bars->setData(keys, values, true);
    const double top = values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end());
    m_plot->yAxis->setRange(0, std::max(1.0, top * 1.08));
    m_values = QList<double>(values.begin(), values.end());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT histogramShown();
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

QString HistogramPlot::title() const
{
    return m_title->text();
}

} // namespace sextant::plots
