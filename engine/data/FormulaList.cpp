#include "data/FormulaList.h"

#include "data/ExpressionError.h"
#include "data/ExpressionParser.h"

#include <QSet>

namespace sextant::engine {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.';
}

void skipBlanks(const QString &s, int &pos)
{
    while (pos < s.size() && s[pos].isSpace())
        ++pos;
}

} // namespace

std::string FormulaList::context(const QString &column)
{
    return "formula '" + column.toStdString() + "'";
}

std::vector<FormulaList::Formula> FormulaList::parse(const QString &text)
{
    std::vector<Formula> out;
    QSet<QString> names;
    int pos = 0;
    for (;;) {
        // Skip separators.
        while (pos < text.size() && (text[pos].isSpace() || text[pos] == u';'))
            ++pos;
        if (pos >= text.size())
            break;
        Formula f;
        f.position = pos;
        if (text[pos] == u'`') {
            const int close = static_cast<int>(text.indexOf(u'`', pos + 1));
            if (close < 0)
                throw ExpressionError("unterminated quote `", pos);
            f.column = text.mid(pos + 1, close - pos - 1);
            pos = close + 1;
        } else {
            const int start = pos;
            while (pos < text.size() && isNameChar(text[pos]))
                ++pos;
            f.column = text.mid(start, pos - start);
        }
        if (f.column.trimmed().isEmpty())
            throw ExpressionError("expected a column name, e.g. 'ratio = a / b'", f.position);
        skipBlanks(text, pos);
        if (pos < text.size() && text[pos] == u':') {
            ++pos;
            skipBlanks(text, pos);
            const int start = pos;
            while (pos < text.size() && isNameChar(text[pos]))
                ++pos;
            const QString type = text.mid(start, pos - start).toLower();
            if (type == QLatin1String("numeric") || type == QLatin1String("number"))
                f.force = Force::Numeric;
            else if (type == QLatin1String("categorical") || type == QLatin1String("text"))
                f.force = Force::Categorical;
            else if (type != QLatin1String("auto"))
                throw ExpressionError(
                    "unknown type '" + type.toStdString() + "' (numeric, categorical or auto)",
                    start);
            skipBlanks(text, pos);
        }
        if (pos >= text.size() || text[pos] != u'='
            || (pos + 1 < text.size() && text[pos + 1] == u'='))
            throw ExpressionError("expected '=' after the column name '" + f.column.toStdString()
                    + "', as in '" + f.column.toStdString() + " = expression'",
                pos);
        ++pos;
        const int exprStart = pos;
        try {
            f.expression = ExpressionParser::parsePrefix(text, pos);
        } catch (const ExpressionError &e) {
            throw e.withContext(context(f.column));
        }
        // What follows must be a separator: ';', a line break or the end.
        int back = pos;
        while (back > exprStart && text[back - 1].isSpace())
            --back;
        f.source = text.mid(exprStart, back - exprStart).trimmed();
        if (pos < text.size() && text[pos] != u';' && !text.mid(back, pos - back).contains(u'\n'))
            throw ExpressionError("unexpected '" + text.mid(pos, 20).toStdString()
                    + "' after the expression (a missing operator, or ';' between two formulas?)",
                pos, context(f.column));
        if (names.contains(f.column))
            throw ExpressionError(
                "the column '" + f.column.toStdString() + "' is defined twice", f.position);
        names.insert(f.column);
        out.push_back(std::move(f));
    }
    if (out.empty())
        throw ExpressionError("no formula: write one as 'name = expression'", -1);
    return out;
}

} // namespace sextant::engine
