#include "core/Translations.h"

#include "core/AnyContextTranslator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>
#include <vector>

namespace sextant::engine {

namespace {

const QStringList kShipped
    = { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN") };

// Installed translators; only touched from the thread that owns the application.
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

QStringList Translations::choices()
{
    return QStringList { QStringLiteral("system") } + kShipped;
}

QString Translations::resolve(const QString &preference)
{
    if (kShipped.contains(preference))
        return preference;
    // "zh-Hans-CN", "zh_CN", "de-AT", "de", "en-US" ...
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QLocale locale(ui);
        if (locale.language() == QLocale::German)
            return QStringLiteral("de");
        if (locale.language() == QLocale::Chinese
            && (locale.script() == QLocale::SimplifiedChineseScript
                || locale.territory() == QLocale::China
                || locale.territory() == QLocale::Singapore))
            return QStringLiteral("zh_CN");
        if (locale.language() == QLocale::English)
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString Translations::resourcePath(const QString &language)
{
    return QStringLiteral(":/i18n/sextant_%1.qm").arg(language);
}

QString Translations::nativeName(const QString &language)
{
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("中文（简体）");
    return QStringLiteral("English");
}

QString Translations::install(const QString &preference)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");
    for (const auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    const QString forced = qEnvironmentVariable(kEnvironment);
    const QString language = resolve(forced.isEmpty() ? preference : forced);
    if (language == QLatin1String("en"))
        return language;
    // Lowest first: Qt asks the translator installed last first.
    auto any = std::make_unique<AnyContextTranslator>();
    if (any->load(QStringLiteral(":/i18n/sextant_%1_any.qm").arg(language))) {
        QCoreApplication::installTranslator(any.get());
        installed().push_back(std::move(any));
    }
    auto own = std::make_unique<QTranslator>();
    if (own->load(resourcePath(language))) {
        QCoreApplication::installTranslator(own.get());
        installed().push_back(std::move(own));
    }
    // Qt's own strings (OK, Cancel, file dialogs), from qt6-translations-l10n if present.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + language,
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    return language;
}

} // namespace sextant::engine
