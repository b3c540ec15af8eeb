#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::cli {

// `sextant predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]`
//
// Loads the model (ModelFile::load: refused with its message when malformed), reads the
// table (DatasetLoader: CSV/TSV, ARFF, LIBSVM), applies the model's pipeline
// (TrainedModel::predict: columns are found by name) and writes one CSV row per input
// row: the predicted column ("<target> (predicted)", the class name or the value; for
// clustering "cluster") and, with --proba, one "P(<class>)" column per class. To the file
// given with -o (written atomically), else to standard output.
//
// Exit codes: 0 written; 1 the model or the table could not be read, the table does not
// fit the model (a missing column or one of the other type: the message names it), or the
// output could not be written; 2 usage error.
class PredictCommand {
public:
    // `args` are the arguments after "predict".
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    // The lines the general usage text shows for `predict`.
    static QString usage();
};

} // namespace sextant::cli
