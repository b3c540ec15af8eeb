#include "data/RowSelection.h"

#include "data/NumberParser.h"

#include <QRegularExpression>
#include <cmath>
#include <set>
#include <string>

namespace sextant::engine {

Dataset selectRows(const Dataset &data, const std::vector<std::int64_t> &rows)
{
    const std::int64_t n = data.rowCount();
    for (std::int64_t r : rows)
        if (r < 0 || r >= n)
            throw std::out_of_range("row " + std::to_string(r) + " is outside the table ("
                + std::to_string(n) + " rows)");
    Dataset out;
    out.setName(data.name());
    out.setSource(data.source());
    for (const Column &c : data.columns()) {
        Column nc;
        if (c.isNumeric()) {
            const auto src = c.values();
            std::vector<double> v(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                v[i] = src[static_cast<std::size_t>(rows[i])];
            nc = Column::numeric(c.name(), std::move(v)); // NaN cells become the mask
        } else {
            const auto src = c.codes();
            std::vector<std::int32_t> codes(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                codes[i] = src[static_cast<std::size_t>(rows[i])];
            nc = Column::categorical(c.name(), std::move(codes), c.categories());
        }
        nc.setRole(c.role());
        nc.copyDateTimeFlags(c);
        out.addColumn(std::move(nc));
    }
    return out;
}

namespace {

QString opText(RowCondition::Op op)
{
    switch (op) {
    case RowCondition::Op::Less:
        return QStringLiteral("<");
    case RowCondition::Op::LessEqual:
        return QStringLiteral("<=");
    case RowCondition::Op::Greater:
        return QStringLiteral(">");
    case RowCondition::Op::GreaterEqual:
        return QStringLiteral(">=");
    case RowCondition::Op::Equal:
        return QStringLiteral("==");
    case RowCondition::Op::NotEqual:
        return QStringLiteral("!=");
    case RowCondition::Op::IsOneOf:
        return QStringLiteral("in");
    case RowCondition::Op::NotOneOf:
        return QStringLiteral("not in");
    }
    return {};
}

std::string str(const QString &s)
{
    return s.toStdString();
}

// A value of a condition on a numeric column: the rules every reader uses
// (NumberParser.h), after trimming the blanks around it.
bool parseNumber(const QString &text, double &out)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    return engine::parseNumber(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), out);
}

bool isList(RowCondition::Op op)
{
    return op == RowCondition::Op::IsOneOf || op == RowCondition::Op::NotOneOf;
}

// Writes a name or value so that RowFilter::parse reads it back unchanged: bare when it
// is plain (letters, digits, _ . + -), otherwise quoted with the first quote character it
// lacks (backtick, double, single); with all three, in backticks with each inner backtick
// doubled (the parser reads a doubled quote as one).
QString quoteIfNeeded(const QString &s)
{
    bool plain = !s.isEmpty();
    for (QChar ch : s)
        if (!(ch.isLetterOrNumber() || ch == u'_' || ch == u'.' || ch == u'+' || ch == u'-')) {
            plain = false;
            break;
        }
    if (plain)
        return s;
    for (QChar q : { QChar(u'`'), QChar(u'"'), QChar(u'\'') })
        if (!s.contains(q))
            return q + s + q;
    QString doubled = s;
    doubled.replace(QStringLiteral("`"), QStringLiteral("``"));
    return QLatin1Char('`') + doubled + QLatin1Char('`');
}

} // namespace

QString RowCondition::toString() const
{
    QString out = quoteIfNeeded(column);
    // A bare name before a word operator (in, not in) is read up to the first symbolic
    // operator, which may stand in a list item: then the name is quoted.
    if (isList(op) && out == column)
        for (const QString &v : values)
            if (v.contains(QRegularExpression(QStringLiteral("[<>=!]"))))
                out = QLatin1Char('`') + column + QLatin1Char('`');
    out += QLatin1Char(' ') + opText(op) + QLatin1Char(' ');
    if (isList(op)) {
        QStringList quoted;
        for (const QString &v : values)
            quoted.push_back(quoteIfNeeded(v));
        return out + QLatin1Char('(') + quoted.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return out + (values.isEmpty() ? QString() : quoteIfNeeded(values.first()));
}

std::vector<std::int64_t> RowFilter::completeRows(const Dataset &data, const QStringList &columns)
{
    QList<int> indices;
    if (columns.isEmpty()) {
        for (int j = 0; j < data.columnCount(); ++j)
            indices.push_back(j);
    } else {
        for (const QString &name : columns) {
            const int j = data.indexOf(name);
            if (j < 0)
                throw RowFilterError("the table has no column '" + str(name) + "'");
            indices.push_back(j);
        }
    }
    std::vector<std::uint8_t> drop(static_cast<std::size_t>(data.rowCount()), 0);
    for (int j : indices) {
        const Column &c = data.column(j);
        if (c.missingCount() == 0)
            continue;
        for (std::int64_t r = 0; r < data.rowCount(); ++r)
            if (c.isMissing(r))
                drop[static_cast<std::size_t>(r)] = 1;
    }
    std::vector<std::int64_t> rows;
    for (std::int64_t r = 0; r < data.rowCount(); ++r)
        if (!drop[static_cast<std::size_t>(r)])
            rows.push_back(r);
    return rows;
}

Dataset RowFilter::dropMissing(const Dataset &data, const QStringList &columns)
{
    return selectRows(data, completeRows(data, columns));
}

std::vector<std::int64_t> RowFilter::matchingRows(
    const Dataset &data, const RowCondition &condition)
{
    using Op = RowCondition::Op;
    const int j = data.indexOf(condition.column);
    if (j < 0)
        throw RowFilterError("the table has no column '" + str(condition.column) + "'");
    const Column &c = data.column(j);
    const std::string name = str(c.name());
    if (condition.values.isEmpty())
        throw RowFilterError("the condition on column '" + name + "' has no value");
    if (!isList(condition.op) && condition.values.size() != 1)
        throw RowFilterError("the condition on column '" + name + "' compares with "
            + std::to_string(condition.values.size()) + " values; use 'in' for a list");
    std::vector<std::int64_t> rows;
    const std::int64_t n = data.rowCount();
    if (c.isNumeric()) {
        std::vector<double> numbers;
        for (const QString &v : condition.values) {
            double x = 0;
            if (!parseNumber(v, x))
                throw RowFilterError(
                    "'" + str(v) + "' is not a number (column '" + name + "' is numeric)");
            numbers.push_back(x);
        }
        const std::set<double> set(numbers.begin(), numbers.end());
        const double x = numbers.front();
        const auto values = c.values();
        for (std::int64_t r = 0; r < n; ++r) {
            const double v = values[static_cast<std::size_t>(r)];
            if (std::isnan(v))
                continue;
            bool keep = false;
            switch (condition.op) {
            case Op::Less:
                keep = v < x;
                break;
            case Op::LessEqual:
                keep = v <= x;
                break;
            case Op::Greater:
                keep = v > x;
                break;
            case Op::GreaterEqual:
                keep = v >= x;
                break;
            case Op::Equal:
                keep = v == x;
                break;
            case Op::NotEqual:
                keep = v != x;
                break;
            case Op::IsOneOf:
                keep = set.count(v) > 0;
                break;
            case Op::NotOneOf:
                keep = set.count(v) == 0;
                break;
            }
            if (keep)
                rows.push_back(r);
        }
        return rows;
    }
    if (!isList(condition.op) && condition.op != Op::Equal && condition.op != Op::NotEqual)
        throw RowFilterError("column '" + name
            + "' is categorical: compare it with ==, !=, "
              "in or not in, not "
            + str(opText(condition.op)));
    // Category code -> in the value set.
    std::vector<std::uint8_t> member(static_cast<std::size_t>(c.categories().size()), 0);
    for (qsizetype k = 0; k < c.categories().size(); ++k)
        member[static_cast<std::size_t>(k)] = condition.values.contains(c.categories()[k]) ? 1 : 0;
    const bool wantMember = condition.op == Op::Equal || condition.op == Op::IsOneOf;
    const auto codes = c.codes();
    for (std::int64_t r = 0; r < n; ++r) {
        const std::int32_t code = codes[static_cast<std::size_t>(r)];
        if (code < 0)
            continue;
        if ((member[static_cast<std::size_t>(code)] != 0) == wantMember)
            rows.push_back(r);
    }
    return rows;
}

Dataset RowFilter::keepMatching(const Dataset &data, const RowCondition &condition)
{
    return selectRows(data, matchingRows(data, condition));
}

namespace {

bool isQuote(QChar ch)
{
    return ch == u'"' || ch == u'\'' || ch == u'`';
}

// Reads a quoted token starting at `pos` (on the quote); returns the text and moves `pos`
// past the closing quote. A doubled quote inside stands for one.
QString readQuoted(const QString &s, qsizetype &pos, const QString &expression)
{
    const QChar q = s[pos];
    QString out;
    for (qsizetype i = pos + 1; i < s.size(); ++i) {
        if (s[i] == q) {
            if (i + 1 < s.size() && s[i + 1] == q) {
                out += q;
                ++i;
                continue;
            }
            pos = i + 1;
            return out;
        }
        out += s[i];
    }
    throw RowFilterError("unterminated quote " + std::string(1, static_cast<char>(q.unicode()))
        + " in '" + expression.toStdString() + "'");
}

void skipSpace(const QString &s, qsizetype &pos)
{
    while (pos < s.size() && s[pos].isSpace())
        ++pos;
}

// Tries to read an operator at `pos`; the word operators need a space (or a bracket /
// quote) after them.
bool readOperator(const QString &s, qsizetype &pos, RowCondition::Op &op)
{
    using Op = RowCondition::Op;
    const auto startsWith = [&](const char *t) {
        return s.mid(pos).startsWith(QLatin1String(t), Qt::CaseInsensitive);
    };
    const auto wordEnds = [&](qsizetype end) {
        return end >= s.size() || s[end].isSpace() || s[end] == u'(' || s[end] == u'['
            || isQuote(s[end]);
    };
    struct Sym {
        const char *text;
        Op op;
    };
    static const Sym symbols[] = { { "<=", Op::LessEqual }, { ">=", Op::GreaterEqual },
        { "==", Op::Equal }, { "!=", Op::NotEqual }, { "<>", Op::NotEqual }, { "<", Op::Less },
        { ">", Op::Greater }, { "=", Op::Equal } };
    for (const Sym &sym : symbols)
        if (startsWith(sym.text)) {
            op = sym.op;
            pos += static_cast<qsizetype>(std::char_traits<char>::length(sym.text));
            return true;
        }
    if (startsWith("not")) {
        qsizetype p = pos + 3;
        if (p < s.size() && s[p].isSpace()) {
            skipSpace(s, p);
            if (s.mid(p).startsWith(QLatin1String("in"), Qt::CaseInsensitive) && wordEnds(p + 2)) {
                op = Op::NotOneOf;
                pos = p + 2;
                return true;
            }
        }
    }
    if (startsWith("in") && wordEnds(pos + 2)) {
        op = Op::IsOneOf;
        pos += 2;
        return true;
    }
    return false;
}

} // namespace

RowCondition RowFilter::parse(const QString &expression)
{
    const QString s = expression.trimmed();
    const std::string shown = s.toStdString();
    if (s.isEmpty())
        throw RowFilterError("the condition is empty: write it as 'column op value', e.g. "
                             "'petal_length >= 2.5'");
    RowCondition cond;
    qsizetype pos = 0;
    // Column name: quoted, or everything up to the operator.
    if (isQuote(s[0])) {
        cond.column = readQuoted(s, pos, s);
        skipSpace(s, pos);
        if (!readOperator(s, pos, cond.op))
            throw RowFilterError("could not find a comparison operator (<, <=, >, >=, ==, !=, "
                                 "in, not in) after the column name in '"
                + shown + "'");
    } else {
        // A symbolic operator wins over the words in / not in, so a name like
        // "size in cm > 3" still parses; the words are looked for only without one.
        bool found = false;
        for (int pass = 0; pass < 2 && !found; ++pass)
            for (qsizetype i = 0; i < s.size(); ++i) {
                const QChar ch = s[i];
                qsizetype p = i;
                if (pass == 0) {
                    if (ch != u'<' && ch != u'>' && ch != u'=' && ch != u'!')
                        continue;
                    if (!readOperator(s, p, cond.op))
                        throw RowFilterError("could not parse the operator at '"
                            + s.mid(i).toStdString() + "' in '" + shown + "'");
                } else {
                    if (i == 0 || !s[i - 1].isSpace() || !readOperator(s, p, cond.op))
                        continue;
                }
                cond.column = s.left(i).trimmed();
                pos = p;
                found = true;
                break;
            }
        if (!found)
            throw RowFilterError("could not find a comparison operator (<, <=, >, >=, ==, !=, "
                                 "in, not in) in '"
                + shown + "'");
        if (cond.column.isEmpty())
            throw RowFilterError("the condition '" + shown
                + "' has no column name before its "
                  "operator");
    }
    skipSpace(s, pos);
    QString rest = s.mid(pos).trimmed();
    if (rest.isEmpty())
        throw RowFilterError("the condition '" + shown + "' has no value after its operator");
    if (isList(cond.op)) {
        if ((rest.startsWith(u'(') && rest.endsWith(u')'))
            || (rest.startsWith(u'[') && rest.endsWith(u']')))
            rest = rest.mid(1, rest.size() - 2);
        else if (rest.startsWith(u'(') || rest.startsWith(u'['))
            throw RowFilterError("unclosed bracket in the list of '" + shown + "'");
        qsizetype p = 0;
        for (;;) {
            skipSpace(rest, p);
            QString item;
            if (p < rest.size() && isQuote(rest[p])) {
                item = readQuoted(rest, p, s);
                skipSpace(rest, p);
            } else {
                const qsizetype comma = rest.indexOf(u',', p);
                const qsizetype end = comma < 0 ? rest.size() : comma;
                item = rest.mid(p, end - p).trimmed();
                p = end;
            }
            if (item.isEmpty())
                throw RowFilterError("empty item in the list of '" + shown + "'");
            cond.values.push_back(item);
            if (p >= rest.size())
                break;
            if (rest[p] != u',')
                throw RowFilterError("expected ',' after '" + item.toStdString()
                    + "' in the list of '" + shown + "'");
            ++p;
        }
    } else {
        QString value;
        if (isQuote(rest[0])) {
            qsizetype p = 0;
            value = readQuoted(rest, p, s);
            if (!rest.mid(p).trimmed().isEmpty())
                throw RowFilterError("unexpected text '" + rest.mid(p).trimmed().toStdString()
                    + "' after the value in '" + shown + "'");
        } else {
            value = rest;
            for (QChar ch : value)
                if (ch == u'<' || ch == u'>' || ch == u'=' || ch == u'!')
                    throw RowFilterError("could not parse the value '" + value.toStdString()
                        + "' in '" + shown
                        + "' (quote it if it holds an "
                          "operator character)");
        }
        cond.values.push_back(value);
    }
    return cond;
}

} // namespace sextant::engine
