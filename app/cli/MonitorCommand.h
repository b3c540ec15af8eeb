#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::cli {

// `sextant monitor MODEL.sxmodel DATA [--json]`
//
// Compares a batch of rows (any table `sextant predict` reads) with the training
// distribution the model file keeps (DriftProfile, model format version 2): per feature
// PSI and the KS statistic (numeric) or PSI and chi-square (categorical), the missing-rate
// change, unseen categories, and the shift of the predictions' distribution against the
// training target's, each with a verdict by DriftReport's documented thresholds. The
// batch goes through the model's preprocessing first (the profile describes the columns
// the model's feature encoder reads); when it cannot, the raw columns are compared.
// A table (or JSON with --json) on standard output.
//
// Exit codes: 0 no drift; 3 drift found in a feature or the predictions; 1 the model or
// the table could not be read, or the model has no training distribution (saved in
// format version 1); 2 usage error.
class MonitorCommand {
public:
    static constexpr int kExitDrift = 3;
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace sextant::cli
