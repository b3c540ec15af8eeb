#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace sextant::engine {

// Sextant's languages: the Qt Linguist translations (translations/sextant_*.ts), built
// into the executable by lrelease as :/i18n/sextant_<language>.qm, and Qt's own (qtbase,
// for standard buttons and dialogs) when the system has them. The studio and the command
// line both install them at start-up, before the node registry is built (node names,
// categories, parameter labels and help are translated when a type is registered:
// NodeTypeText).
class Translations {
public:
    // "system", then the languages shipped: "en", "de", "zh_CN".
    static QStringList choices();
    // The settings key of the studio's choice (Preferences) and the environment variable
    // that overrides it and the system locale (SEXTANT_LANGUAGE=de).
    static inline const char *kSettingsKey = "preferences/language";
    static inline const char *kEnvironment = "SEXTANT_LANGUAGE";

    // The language `preference` ("system", "", or one of choices()) means here: the
    // system's UI languages are matched against the shipped ones; "en" when none match.
    static QString resolve(const QString &preference);
    // Installs the translators of `preference` (resolved; SEXTANT_LANGUAGE wins) into the
    // running application and returns the language installed ("en" installs none).
    // Translators already installed by an earlier call are removed first.
    static QString install(const QString &preference);
    // The resource path of a language's .qm file.
    static QString resourcePath(const QString &language);
    // The name of a language in that language ("Deutsch", "中文（简体）").
    static QString nativeName(const QString &language);
};

} // namespace sextant::engine
