#pragma once

#include "graph/NodeValue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sextant::plots {
class LiveCurvePlot;
}

namespace sextant::widgets {

// Watches training while it happens: the loss curves of every learner node that reports
// epochs (train and validation loss per epoch, several runs overlaid), the current
// model's epoch, elapsed time, estimated time left and last figures, a Stop button, and
// the tuning trials finished so far in a table sorted by score.
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
};

} // namespace sextant::widgets
