#pragma once

#include <QTranslator>

namespace sextant::engine {

// A translator that looks every text up in the single context "*" of its .qm file (the
// translations flattened at build time, translations/FlattenContexts.cmake), whatever
// context it is asked for. Installed below the exact translator, it catches the tr() calls
// whose run-time context differs from the one lupdate recorded (file-local tr() helpers,
// classes lupdate cannot place in their namespace).
class AnyContextTranslator : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText,
        const char *disambiguation = nullptr, int n = -1) const override;
};

} // namespace sextant::engine
