#pragma once

#include <QString>

namespace sextant::app {

// The studio's preferences, kept in QSettings: the language (engine/core/Translations,
// takes effect at the next start), the number of worker threads the workflow runs on
// (0: one per core), whether Auto-run is on (AutoRun's own setting) and the theme.
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
};

} // namespace sextant::app
