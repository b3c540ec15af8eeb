#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

class QTextStream;

namespace sextant::cli {

class SweepFolder;

// How one point of a sweep ended, as the backend saw it.
struct SweepOutcome {
    enum class State { Pending, Running, Done, Failed, Cancelled };
    State state = State::Pending;
    int attempts = 0; // submissions of this point (2 after one resubmission)
    int exitCode = -1;
    QString node; // host the last attempt ran on
    double seconds = 0; // the last attempt, as the task measured itself
    QString job; // scheduler's id ("45_3"), "" locally
    QString message; // the run's stderr, or the scheduler's reason when the task left none

    static QString stateId(State s); // "pending", "running", "done", "failed", "cancelled"
    bool final() const
    {
        return state == State::Done || state == State::Failed || state == State::Cancelled;
    }
};

// Gathers a sweep: reads each run folder's task.json and the metrics the run wrote
// (every JSON output of a sink holding a metrics table {"columns", "rows"} or a "metrics"
// object), and writes one table, one row per point:
//   index, <axis targets...>, <metrics...>, seconds, node, state, attempts, job, message
// A metrics table of one row gives columns "<node id>.<metric>" ("8.accuracy"), of several
// rows "<node id>.<row label>.<metric>" ("12.Random Forest.accuracy"); a "metrics" object
// "<node id>.<metric>". Rows are sorted by the chosen metric, best first (lower first for
// rmse, mae, mape, log_loss, inertia), points without it last, ties by index.
class SweepResults {
public:
    // Reads DIR/runs/NNNN/task.json into `outcome` (state Done or Failed, exit code, node,
    // seconds, message). False when there is no report of attempt `attempt` or later.
    static bool readTaskReport(const QString &runDirectory, int attempt, SweepOutcome *outcome);

    // Every metric the run in `runDirectory` wrote, named as the table's columns are
    // ("8.accuracy"), in the order of its run.json.
    static QList<QPair<QString, double>> runMetrics(const QString &runDirectory);

    void gather(const SweepFolder &folder, const QList<SweepOutcome> &outcomes);
    // Picks the sort column: "" the first metric; else a metric column named exactly so, or
    // the only one ending in ".NAME". False with the reason (listing the metrics).
    bool sortBy(const QString &metric, QString *why);
    const QString &sortColumn() const { return m_sortColumn; }

    QStringList header() const;
    QList<QStringList> rows() const; // as written to the CSV, sorted
    const QStringList &metricColumns() const { return m_metricColumns; }
    // The value of metric `column` for point `index` (NaN when it has none).
    double metric(int index, const QString &column) const;

    // DIR/results.csv and DIR/results.json. False with `error`.
    bool write(const QString &directory, QString *error) const;
    // The best `limit` rows as an aligned text table.
    void print(QTextStream &out, int limit) const;

private:
    struct Row {
        int index = 0;
        QStringList values; // axis values
        QVector<double> metrics; // one per m_metricColumns
        SweepOutcome outcome;
    };
    QStringList m_targets;
    QStringList m_metricColumns;
    QList<Row> m_rows; // sorted
    QString m_sortColumn;
};

} // namespace sextant::cli
