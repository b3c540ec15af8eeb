#pragma once

#include "graph/NodeValue.h"
#include "ml/FitContext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sextant::plots {
class LiveCurvePlot;
}

namespace sextant::widgets {

// Watches training while it happens: the loss curves of every learner node that reports
// epochs (train and validation loss per epoch, several runs overlaid; the x axis in the
// learner's steps: epochs, iterations for k-means and L-BFGS, trees), the current
// model's step, elapsed time, estimated time left and last figures, a Stop button, and
// the tuning trials finished so far in a table sorted by score. When a run ends, the
// status says why ("Stopped: early stopping after epoch 37", "Finished: converged
// (tolerance reached) after iteration 12", "Stopped: Stop pressed after fold 3 of 10 ·
// partial result kept"). Cross-Validation reports its folds, Tune its trials.
//
// Fed by Executor::nodeUpdate (connected queued: it is emitted on worker threads). The
// curve plot throttles redraws to ~30 per second whatever the rate of epochs, so a fast
// learner cannot flood the GUI thread.
class TrainingMonitor : public QWidget {
    Q_OBJECT
public:
    explicit TrainingMonitor(QWidget *parent = nullptr);

    // GUI thread. A TrainingUpdate adds a point to its node's current run (epoch 1 starts
    // a new run); a TuneTrial adds a row to the trials table. Other values are ignored.
    void addUpdate(int nodeId, const sextant::engine::NodeValuePtr &value);
    // A run of the graph started / ended: Stop is enabled in between.
    void setRunning(bool running);
    void clear();

    plots::LiveCurvePlot *curves() const { return m_curves; }
    QTableWidget *trialsTable() const { return m_trials; }
    QString statusText() const;
    int runCount() const { return m_runSerial; }
    // How the last run shown ended (none while one is going on or before any).
    std::optional<sextant::engine::FitEnd> lastEnd() const { return m_lastEnd; }
    QPushButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    // Stop pressed: training should end at the next epoch, keeping the model.
    void stopRequested();

private:
    QTabWidget *m_tabs;
    plots::LiveCurvePlot *m_curves;
    QTableWidget *m_trials;
    QLabel *m_status;
    QPushButton *m_stop;
    QPushButton *m_clear;
    // node id -> the run label its epochs currently go to
    QHash<int, QString> m_currentRun;
    int m_runSerial = 0;
    std::optional<sextant::engine::FitEnd> m_lastEnd;
};

} // namespace sextant::widgets
