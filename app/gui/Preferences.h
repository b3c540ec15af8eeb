#pragma once

#include <QString>

namespace sextant::app {

// The studio's preferences, kept in QSettings: the language (engine/core/Translations,
// takes effect at the next start), the number of worker threads the workflow runs on
// (0: one per core), whether Auto-run is on (AutoRun's own setting), the theme, and the
// defaults of Tune's Slurm folder and partition.
class Preferences {
public:
    static QString language(); // "system", "en", "de", "zh_CN"
    static void setLanguage(const QString &language);

    static int workerThreads(); // 0 = automatic
    static void setWorkerThreads(int threads);
    // What the executor is given: workerThreads(), or the core count for 0.
    static int effectiveWorkerThreads();
    static constexpr int kMaxWorkerThreads = 256;

    static bool autoRun();
    static void setAutoRun(bool on);

    static QString theme(); // "system", "light", "dark"
    static void setTheme(const QString &theme);

    // run_on = slurm (Tune, Cross-Validation), where the node leaves them empty: the folder
    // the run folders go in (on a file system the cluster's nodes share; "" : Sextant's data
    // folder) and the partition ("" : the cluster's default).
    static QString slurmFolder();
    static void setSlurmFolder(const QString &folder);
    static QString slurmPartition();
    static void setSlurmPartition(const QString &partition);
    // Hands those two to the registered Slurm trial runner (cli::SlurmTrialRunner).
    static void applySlurmDefaults();
};

} // namespace sextant::app
