#include "gui/Preferences.h"

#include "cli/SlurmTrialRunner.h"
#include "core/ThreadCount.h"
#include "core/Translations.h"
#include "gui/AutoRun.h"
#include "nodes/RemoteTrials.h"

#include <QSettings>
#include <QStringList>
#include <QThread>
#include <algorithm>

namespace sextant::app {

namespace {
constexpr auto kThreadsKey = "preferences/workerThreads";
constexpr auto kThemeKey = "preferences/theme";
constexpr auto kSlurmFolderKey = "preferences/slurmFolder";
constexpr auto kSlurmPartitionKey = "preferences/slurmPartition";
} // namespace

QString Preferences::language()
{
    const QString value
        = QSettings()
              .value(QLatin1String(engine::Translations::kSettingsKey), QStringLiteral("system"))
              .toString();
    return engine::Translations::choices().contains(value) ? value : QStringLiteral("system");
}

void Preferences::setLanguage(const QString &language)
{
    QSettings().setValue(QLatin1String(engine::Translations::kSettingsKey), language);
}

int Preferences::workerThreads()
{
    return std::clamp(
        QSettings().value(QLatin1String(kThreadsKey), 0).toInt(), 0, kMaxWorkerThreads);
}

void Preferences::setWorkerThreads(int threads)
{
    QSettings().setValue(QLatin1String(kThreadsKey), std::clamp(threads, 0, kMaxWorkerThreads));
}

int Preferences::effectiveWorkerThreads()
{
    const int chosen = workerThreads();
    // Automatic: what the executor starts with (at least two, so a view can run beside a
    // long training).
    return chosen > 0 ? chosen : std::max(2, sextant::engine::defaultThreadCount());
}

bool Preferences::autoRun()
{
    return QSettings().value(QLatin1String(AutoRun::kSettingsKey), true).toBool();
}

void Preferences::setAutoRun(bool on)
{
    QSettings().setValue(QLatin1String(AutoRun::kSettingsKey), on);
}

QString Preferences::theme()
{
    const QString value
        = QSettings().value(QLatin1String(kThemeKey), QStringLiteral("system")).toString();
    return QStringList { QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark") }
               .contains(value)
        ? value
        : QStringLiteral("system");
}

void Preferences::setTheme(const QString &theme)
{
    QSettings().setValue(QLatin1String(kThemeKey), theme);
}

QString Preferences::slurmFolder()
{
    return QSettings().value(QLatin1String(kSlurmFolderKey)).toString().trimmed();
}

void Preferences::setSlurmFolder(const QString &folder)
{
    QSettings().setValue(QLatin1String(kSlurmFolderKey), folder.trimmed());
}

QString Preferences::slurmPartition()
{
    return QSettings().value(QLatin1String(kSlurmPartitionKey)).toString().trimmed();
}

void Preferences::setSlurmPartition(const QString &partition)
{
    QSettings().setValue(QLatin1String(kSlurmPartitionKey), partition.trimmed());
}

void Preferences::applySlurmDefaults()
{
    if (auto *runner = dynamic_cast<cli::SlurmTrialRunner *>(engine::RemoteTrialRunner::get()))
        runner->setDefaults({ slurmFolder(), slurmPartition() });
}

} // namespace sextant::app
