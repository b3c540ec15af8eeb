#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::cli {

// The folder a sweep works in, shared with the cluster's nodes when it runs on Slurm:
//
//   DIR/sweep.json          the plan: the workflow, the input files with their SHA-256,
//                           every point's --set assignments
//   DIR/input/FLOW.sextant  a copy of the workflow
//   DIR/input/...           copies of the data files it names, at the same paths relative
//                           to the workflow as in its own folder
//   DIR/runs/NNNN/          one folder per point: what `sextant run` writes (run.json, the
//                           sinks' data files, models), the task's own report task.json and
//                           the scheduler's log slurm.out. A task writes only here.
//   DIR/results.csv, .json  the gathered table (SweepResults)
//
// Only the workflow and the files it names cross to the nodes; each task checks their
// fingerprints before it runs (SweepTask).
class SweepFolder {
public:
    struct InputFile {
        QString path; // relative to DIR ("input/wine.csv")
        QString sha256; // hex
        qint64 bytes = 0;
    };
    struct Point {
        int index = 0;
        QStringList targets; // "5.C", one per axis
        QStringList values; // one per axis
        QStringList sets; // every --set the task applies: the fixed ones, then the axes'
    };

    QString directory; // absolute
    QString workflow; // relative to DIR ("input/wine-classify.sextant")
    QList<InputFile> inputs; // the workflow first
    QList<Point> points;
    QString metric; // the column results are sorted by ("" : the first metric)

    QString path(const QString &relative) const;
    QString runDirectory(int index) const; // absolute
    static QString runName(int index); // "0007"

    // Writes DIR/sweep.json. False with `error`.
    bool save(QString *error) const;
    // Reads DIR/sweep.json; refuses a file that is not a sweep plan, with its reason.
    static bool load(const QString &directory, SweepFolder *folder, QString *error);

    // SHA-256 of a file as hex, streamed. Empty when it cannot be read.
    static QString sha256(const QString &path);
};

} // namespace sextant::cli
