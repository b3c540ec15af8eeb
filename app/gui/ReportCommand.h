#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace sextant::app {

// `sextant report MODEL.sxmodel [--data FILE] --out report.html|report.pdf`: a report of a
// saved model as one self-contained HTML file (plots embedded as PNG data URIs, no other
// file) or as PDF (the same document through QTextDocument and QPdfWriter):
//   - the model: learner, parameters, task, target and classes, features, preprocessing,
//     when it was trained, its training table's fingerprint and size;
//   - the training data: per feature its summary kept in the model (type, missing rate,
//     range or categories);
//   - the metrics stored with the model (cross-validation / test), and the learner's
//     feature importances (table and bar chart) when it has them;
//   - with --data (a table with the model's columns): the metrics on those rows when they
//     hold the target (Evaluation::metrics), the confusion matrix and ROC curves for a
//     classifier (with probabilities), and the drift of those rows against the training
//     data (DriftReport, as `sextant monitor`: table and bar chart).
// Lives in the studio build: the plots are drawn with the plot widgets, offscreen.
class ReportCommand {
public:
    static QString usage();
    // `args` without the program name and "report". Exit codes: 0 written, 1 bad input
    // (message on `err`), 2 usage error.
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace sextant::app
