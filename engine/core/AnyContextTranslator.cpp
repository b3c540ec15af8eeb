#include "core/AnyContextTranslator.h"

namespace sextant::engine {

QString AnyContextTranslator::translate(
    const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    Q_UNUSED(context);
    return QTranslator::translate("*", sourceText, disambiguation, n);
}

} // namespace sextant::engine
