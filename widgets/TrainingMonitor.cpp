#include "widgets/TrainingMonitor.h"

#include "nodes/TrainingUpdate.h"
#include "nodes/TuneNode.h"
#include "plots/LiveCurvePlot.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace sextant::widgets {

namespace {

QString duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    const int s = static_cast<int>(seconds);
    return QStringLiteral("%1:%2 min").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// A table cell sorted by its number.
class NumberItem : public QTableWidgetItem {
public:
    explicit NumberItem(double v)
        : QTableWidgetItem(
            std::isfinite(v) ? QString::number(v, 'g', 5) : QStringLiteral("failed")),
          m_value(std::isfinite(v) ? v : -1e300)
    {
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        const auto *o = dynamic_cast<const NumberItem *>(&other);
        return o ? m_value < o->m_value : QTableWidgetItem::operator<(other);
    }

private:
    double m_value;
};

} // namespace

TrainingMonitor::TrainingMonitor(QWidget *parent) : QWidget(parent)
{
    m_curves = new plots::LiveCurvePlot(this);
    m_curves->setTitle(tr("Training loss"));
    m_curves->setYLabel(tr("loss"));
    m_trials = new QTableWidget(0, 4, this);
    m_trials->setHorizontalHeaderLabels(
        { tr("Score"), tr("± std"), tr("Seconds"), tr("Parameters") });
    m_trials->horizontalHeader()->setStretchLastSection(true);
    m_trials->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_trials->setSortingEnabled(true);
    m_trials->verticalHeader()->setVisible(false);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_curves, tr("Loss curves"));
    m_tabs->addTab(m_trials, tr("Tuning trials"));

    m_status = new QLabel(tr("No training yet. Run a workflow with a model node."), this);
    m_status->setWordWrap(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("End the training in progress after the current epoch (or fold, "
                          "or trial) and keep what finished, marked partial; the nodes after "
                          "it still run. The workflow's Cancel discards everything."));
    m_stop->setEnabled(false);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setToolTip(tr("Remove the curves and trials shown"));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        // Acknowledged at once; the training ends at its next epoch / fold.
        m_stop->setText(tr("Stopping…"));
        Q_EMIT stopRequested();
    });
    connect(m_clear, &QPushButton::clicked, this, &TrainingMonitor::clear);

    // The status on a line of its own: in a narrow dock it wraps across the full width
    // instead of into a column beside the buttons.
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(m_clear);
    bar->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
}

void TrainingMonitor::addUpdate(int nodeId, const engine::NodeValuePtr &value)
{
    if (!value)
        return;
    if (const auto *u = value->as<engine::TrainingUpdate>()) {
        const engine::EpochReport &r = u->report;
        // The unit as people read it ("epoch", "Baum", "折"): the axis and the status line.
        const QString unit = engine::TrainingUpdate::unitName(r.unit);
        if (u->end) {
            // The run ended: say why, on the run the node's steps went to.
            const QString run = m_currentRun.value(nodeId, u->modelName);
            m_currentRun.remove(nodeId);
            m_curves->flush();
            QString lead;
            switch (*u->end) {
            case engine::FitEnd::Completed:
            case engine::FitEnd::Converged:
                lead = tr("Finished");
                break;
            case engine::FitEnd::EarlyStopping:
            case engine::FitEnd::Stopped:
                lead = tr("Stopped");
                break;
            case engine::FitEnd::Cancelled:
                lead = tr("Cancelled");
                break;
            }
            QString text = tr("%1 — %2: %3").arg(run, lead, u->describe());
            text += tr(" · elapsed %1").arg(duration(u->elapsedSeconds));
            if (*u->end == engine::FitEnd::Stopped)
                text += tr(" · partial result kept");
            m_status->setText(text);
            m_lastEnd = *u->end;
            return;
        }
        if (r.epoch <= 1 || !m_currentRun.contains(nodeId))
            m_currentRun.insert(
                nodeId, QStringLiteral("%1 #%2").arg(u->modelName).arg(++m_runSerial));
        const QString run = m_currentRun.value(nodeId);
        // The x axis is in the steps of the run drawn last (epochs, iterations, trees).
        const bool drawn = std::isfinite(r.trainLoss) || std::isfinite(r.validationLoss);
        if (drawn) {
            QString axis = unit;
            if (!axis.isEmpty())
                axis[0] = axis[0].toUpper();
            m_curves->setXLabel(axis);
        }
        if (std::isfinite(r.trainLoss))
            m_curves->append(run, tr("train"), r.epoch, r.trainLoss);
        if (std::isfinite(r.validationLoss))
            m_curves->append(run, tr("validation"), r.epoch, r.validationLoss);
        QString text = tr("%1 — %2 %3").arg(run, unit).arg(r.epoch);
        if (r.totalEpochs > 0)
            text += QStringLiteral(" / %1").arg(r.totalEpochs);
        text += tr(" · elapsed %1").arg(duration(u->elapsedSeconds));
        if (r.totalEpochs > 0 && r.epoch > 0 && r.epoch < r.totalEpochs)
            text += tr(" · ETA %1 (at most)")
                        .arg(duration(u->elapsedSeconds / r.epoch * (r.totalEpochs - r.epoch)));
        if (std::isfinite(r.trainLoss))
            text += tr(" · loss %1").arg(r.trainLoss, 0, 'g', 4);
        if (std::isfinite(r.validationLoss))
            text += tr(" · validation %1").arg(r.validationLoss, 0, 'g', 4);
        if (std::isfinite(r.metric))
            text += QStringLiteral(" · %1 %2")
                        .arg(QString::fromStdString(r.metricName))
                        .arg(r.metric, 0, 'g', 4);
        m_status->setText(text);
        m_lastEnd.reset();
        return;
    }
    if (const auto *t = value->as<engine::TuneTrial>()) {
        QStringList params;
        for (auto it = t->parameters.cbegin(); it != t->parameters.cend(); ++it)
            params << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
        m_trials->setSortingEnabled(false);
        const int row = m_trials->rowCount();
        m_trials->insertRow(row);
        m_trials->setItem(row, 0, new NumberItem(t->score));
        m_trials->setItem(row, 1, new NumberItem(t->stdDev));
        m_trials->setItem(row, 2, new NumberItem(t->seconds));
        m_trials->setItem(row, 3, new QTableWidgetItem(params.join(QStringLiteral(", "))));
        m_trials->setSortingEnabled(true);
        const bool lowerBetter = t->metric == QStringLiteral("rmse")
            || t->metric == QStringLiteral("mae") || t->metric == QStringLiteral("log_loss");
        m_trials->sortItems(0, lowerBetter ? Qt::AscendingOrder : Qt::DescendingOrder);
        m_trials->horizontalHeaderItem(0)->setText(t->metric);
        m_status->setText(tr("Tuning: trial %1 of %2 done (%3 %4)")
                              .arg(m_trials->rowCount())
                              .arg(t->total)
                              .arg(t->metric)
                              .arg(t->score, 0, 'g', 4));
        if (m_tabs->currentWidget() != m_trials && m_trials->rowCount() == 1)
            m_tabs->setCurrentWidget(m_trials);
    }
}

void TrainingMonitor::setRunning(bool running)
{
    m_stop->setEnabled(running);
    m_stop->setText(tr("Stop"));
}

void TrainingMonitor::clear()
{
    m_curves->clear();
    m_trials->setRowCount(0);
    m_currentRun.clear();
    m_lastEnd.reset();
    m_status->setText(tr("No training yet. Run a workflow with a model node."));
}

QString TrainingMonitor::statusText() const
{
    return m_status->text();
}

} // namespace sextant::widgets
