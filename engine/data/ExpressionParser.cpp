#include "data/ExpressionParser.h"

#include "data/ExpressionError.h"
#include "data/NumberParser.h"

#include <cmath>
#include <limits>

namespace sextant::engine {

namespace {

constexpr int kMaxDepth = 200;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.';
}

class Parser {
public:
    Parser(const QString &text, int pos, int offset) : m_s(text), m_pos(pos), m_offset(offset) { }

    ExpressionNode expression()
    {
        DepthGuard guard(*this);
        return parseOr();
    }

    int pos() const { return m_pos; }
    void skip()
    {
        while (m_pos < m_s.size() && m_s[m_pos].isSpace())
            ++m_pos;
    }
    bool atEnd()
    {
        skip();
        return m_pos >= m_s.size();
    }
    QChar peek(int ahead = 0) const
    {
        return m_pos + ahead < m_s.size() ? m_s[m_pos + ahead] : QChar();
    }
    [[noreturn]] void fail(const std::string &reason, int at) const
    {
        throw ExpressionError(reason, at + m_offset);
    }
    std::string shown(int from) const
    {
        QString t = m_s.mid(from, 20);
        return t.toStdString();
    }

private:
    struct DepthGuard {
        explicit DepthGuard(Parser &p) : parser(p)
        {
            if (++parser.m_depth > kMaxDepth)
                parser.fail("the expression is nested too deeply", parser.m_pos);
        }
        ~DepthGuard() { --parser.m_depth; }
        Parser &parser;
    };

    ExpressionNode node(ExpressionNode::Kind kind, int at, QString text = {})
    {
        ExpressionNode n;
        n.kind = kind;
        n.position = at + m_offset;
        n.text = std::move(text);
        return n;
    }

    ExpressionNode binary(QString op, int at, ExpressionNode a, ExpressionNode b)
    {
        ExpressionNode n = node(ExpressionNode::Kind::Binary, at, std::move(op));
        n.children.push_back(std::move(a));
        n.children.push_back(std::move(b));
        return n;
    }

    // A keyword (case-insensitive) at the current position, followed by a non-name char.
    bool word(const char *w)
    {
        skip();
        const auto len = static_cast<int>(std::char_traits<char>::length(w));
        if (m_s.mid(m_pos, len).compare(QLatin1String(w), Qt::CaseInsensitive) != 0)
            return false;
        if (m_pos + len < m_s.size() && isNameChar(m_s[m_pos + len]))
            return false;
        m_pos += len;
        return true;
    }

    bool symbol(const char *sym)
    {
        skip();
        const auto len = static_cast<int>(std::char_traits<char>::length(sym));
        if (m_s.mid(m_pos, len) != QLatin1String(sym))
            return false;
        m_pos += len;
        return true;
    }

    ExpressionNode parseOr()
    {
        ExpressionNode left = parseAnd();
        for (;;) {
            skip();
            const int at = m_pos;
            if (!word("or") && !symbol("||"))
                return left;
            left = binary(QStringLiteral("or"), at, std::move(left), parseAnd());
        }
    }

    ExpressionNode parseAnd()
    {
        ExpressionNode left = parseNot();
        for (;;) {
            skip();
            const int at = m_pos;
            if (!word("and") && !symbol("&&"))
                return left;
            left = binary(QStringLiteral("and"), at, std::move(left), parseNot());
        }
    }

    ExpressionNode parseNot()
    {
        DepthGuard guard(*this);
        skip();
        const int at = m_pos;
        const int save = m_pos;
        if (word("not")) {
            // "not in" after a name is handled by compare; here "not" starts the operand.
            ExpressionNode n = node(ExpressionNode::Kind::Unary, at, QStringLiteral("not"));
            n.children.push_back(parseNot());
            return n;
        }
        m_pos = save;
        if (peek() == u'!' && peek(1) != u'=') {
            ++m_pos;
            ExpressionNode n = node(ExpressionNode::Kind::Unary, at, QStringLiteral("not"));
            n.children.push_back(parseNot());
            return n;
        }
        return parseCompare();
    }

    ExpressionNode parseCompare()
    {
        ExpressionNode left = parseSum();
        skip();
        const int at = m_pos;
        static const char *const ops[] = { "==", "!=", "<>", "<=", ">=", "<", ">", "=" };
        for (const char *op : ops) {
            if (symbol(op)) {
                QString o = QLatin1String(op);
                if (o == QLatin1String("="))
                    o = QStringLiteral("==");
                if (o == QLatin1String("<>"))
                    o = QStringLiteral("!=");
                ExpressionNode right = parseSum();
                skip();
                if (peek() == u'<' || peek() == u'>' || (peek() == u'=' && peek(1) == u'='))
                    fail("comparisons cannot be chained: join them with 'and'", m_pos);
                return binary(o, at, std::move(left), std::move(right));
            }
        }
        const int save = m_pos;
        bool negated = false;
        if (word("not")) {
            negated = true;
            if (!word("in")) {
                m_pos = save;
                return left;
            }
        } else if (!word("in")) {
            return left;
        }
        ExpressionNode n = node(ExpressionNode::Kind::In, at);
        n.negated = negated;
        n.children.push_back(std::move(left));
        n.children.push_back(parseList(true));
        return n;
    }

    ExpressionNode parseSum()
    {
        ExpressionNode left = parseProduct();
        for (;;) {
            skip();
            const int at = m_pos;
            const QChar c = peek();
            if (c != u'+' && c != u'-')
                return left;
            ++m_pos;
            left = binary(QString(c), at, std::move(left), parseProduct());
        }
    }

    ExpressionNode parseProduct()
    {
        ExpressionNode left = parseUnary();
        for (;;) {
            skip();
            const int at = m_pos;
            const QChar c = peek();
            if (c == u'*' && peek(1) == u'*')
                return left; // power, handled below
            if (c != u'*' && c != u'/' && c != u'%')
                return left;
            ++m_pos;
            left = binary(QString(c), at, std::move(left), parseUnary());
        }
    }

    ExpressionNode parseUnary()
    {
        DepthGuard guard(*this);
        skip();
        const int at = m_pos;
        if (peek() == u'-' || peek() == u'+') {
            const QChar c = peek();
            ++m_pos;
            ExpressionNode operand = parseUnary();
            if (c == u'+')
                return operand;
            if (operand.kind == ExpressionNode::Kind::Number) {
                operand.number = -operand.number;
                operand.text = QLatin1Char('-') + operand.text;
                operand.position = at + m_offset;
                return operand;
            }
            ExpressionNode n = node(ExpressionNode::Kind::Unary, at, QStringLiteral("-"));
            n.children.push_back(std::move(operand));
            return n;
        }
        return parsePower();
    }

    ExpressionNode parsePower()
    {
        ExpressionNode base = parsePrimary();
        skip();
        const int at = m_pos;
        if (symbol("^") || symbol("**"))
            return binary(QStringLiteral("^"), at, std::move(base), parseUnary());
        return base;
    }

    QString quotedText(QChar q)
    {
        const int start = m_pos;
        QString out;
        for (int i = m_pos + 1; i < m_s.size(); ++i) {
            if (m_s[i] == q) {
                if (i + 1 < m_s.size() && m_s[i + 1] == q) {
                    out += q;
                    ++i;
                    continue;
                }
                m_pos = i + 1;
                return out;
            }
            out += m_s[i];
        }
        fail(std::string("unterminated quote ") + static_cast<char>(q.unicode()), start);
    }

    // Items separated by commas up to `close`; the opening bracket is consumed.
    void items(ExpressionNode &list, QChar close)
    {
        skip();
        if (peek() == close) {
            ++m_pos;
            return;
        }
        for (;;) {
            list.children.push_back(expression());
            skip();
            if (peek() == close) {
                ++m_pos;
                return;
            }
            if (peek() != u',') {
                if (m_pos >= m_s.size())
                    fail(
                        std::string("missing '") + static_cast<char>(close.unicode()) + "'", m_pos);
                fail("expected ',' or '" + std::string(1, static_cast<char>(close.unicode()))
                        + "', found '" + shown(m_pos) + "'",
                    m_pos);
            }
            ++m_pos;
        }
    }

    // A list after `in` (brackets or parentheses, or one bare item) or in cut().
    ExpressionNode parseList(bool allowSingle)
    {
        skip();
        const int at = m_pos;
        ExpressionNode list = node(ExpressionNode::Kind::List, at);
        if (peek() == u'[' || peek() == u'(') {
            const QChar close = peek() == u'[' ? u']' : u')';
            ++m_pos;
            items(list, close);
            return list;
        }
        if (!allowSingle)
            fail("expected a list in brackets, e.g. [0, 18, 65]", at);
        list.children.push_back(parsePrimary());
        return list;
    }

    ExpressionNode parsePrimary()
    {
        DepthGuard guard(*this);
        skip();
        const int at = m_pos;
        if (m_pos >= m_s.size())
            fail("the expression ends where a value was expected", at);
        const QChar c = peek();
        if (c == u'\'' || c == u'"') {
            ExpressionNode n = node(ExpressionNode::Kind::Text, at, quotedText(c));
            n.doubleQuoted = c == u'"';
            return n;
        }
        if (c == u'`') {
            ExpressionNode n = node(ExpressionNode::Kind::Name, at, quotedText(c));
            n.quoted = true;
            if (n.text.isEmpty())
                fail("empty column name", at);
            return n;
        }
        if (c == u'[')
            return parseList(false);
        if (c == u'(') {
            ++m_pos;
            ExpressionNode inner = expression();
            skip();
            if (peek() == u',') { // a parenthesised list: (a, b, c)
                ExpressionNode list = node(ExpressionNode::Kind::List, at);
                list.children.push_back(std::move(inner));
                ++m_pos;
                items(list, u')');
                return list;
            }
            if (peek() != u')')
                fail(m_pos >= m_s.size() ? std::string("missing ')'")
                                         : "expected ')', found '" + shown(m_pos) + "'",
                    m_pos);
            ++m_pos;
            return inner;
        }
        if (c.isDigit() || (c == u'.' && peek(1).isDigit())) {
            int end = m_pos;
            while (end < m_s.size() && (m_s[end].isDigit() || m_s[end] == u'.'))
                ++end;
            if (end < m_s.size() && (m_s[end] == u'e' || m_s[end] == u'E')) {
                int e = end + 1;
                if (e < m_s.size() && (m_s[e] == u'+' || m_s[e] == u'-'))
                    ++e;
                if (e < m_s.size() && m_s[e].isDigit()) {
                    while (e < m_s.size() && m_s[e].isDigit())
                        ++e;
                    end = e;
                }
            }
            const QString text = m_s.mid(m_pos, end - m_pos);
            const QByteArray utf8 = text.toUtf8();
            double v = 0;
            if (!parseNumber(std::string_view(utf8.constData(), std::size_t(utf8.size())), v)) {
                std::string message = "'";
                message.append(text.toStdString()).append("' is not a number");
                fail(message, at);
            }
            if (end < m_s.size() && isNameStart(m_s[end])) {
                std::string message = "'";
                message.append(m_s.mid(m_pos, end - m_pos + 1).toStdString())
                    .append("...' is not a number (quote a column name that starts with a "
                            "digit in `backticks`)");
                fail(message, at);
            }
            m_pos = end;
            ExpressionNode n = node(ExpressionNode::Kind::Number, at, text);
            n.number = v;
            return n;
        }
        if (isNameStart(c)) {
            int end = m_pos;
            while (end < m_s.size() && isNameChar(m_s[end]))
                ++end;
            const QString name = m_s.mid(m_pos, end - m_pos);
            m_pos = end;
            const int save = m_pos;
            skip();
            if (peek() == u'(') {
                ++m_pos;
                ExpressionNode call = node(ExpressionNode::Kind::Call, at, name.toLower());
                items(call, u')');
                return call;
            }
            m_pos = save;
            const QString lower = name.toLower();
            if (lower == QLatin1String("inf") || lower == QLatin1String("nan")) {
                ExpressionNode n = node(ExpressionNode::Kind::Number, at, name);
                n.number = lower == QLatin1String("inf") ? std::numeric_limits<double>::infinity()
                                                         : std::nan("");
                return n;
            }
            if (lower == QLatin1String("and") || lower == QLatin1String("or")
                || lower == QLatin1String("in"))
                fail("'" + name.toStdString() + "' needs a value before it", at);
            return node(ExpressionNode::Kind::Name, at, name);
        }
        if (c == u')' || c == u']' || c == u',')
            fail("unexpected '" + std::string(1, static_cast<char>(c.unicode()))
                    + "' where a value was expected",
                at);
        fail("unexpected character '" + QString(c).toStdString() + "'", at);
    }

    const QString &m_s;
    int m_pos;
    int m_offset;
    int m_depth = 0;
};

} // namespace

ExpressionNode ExpressionParser::parse(const QString &text, int offset)
{
    Parser p(text, 0, offset);
    if (p.atEnd())
        p.fail("the expression is empty", 0);
    ExpressionNode n = p.expression();
    if (!p.atEnd())
        p.fail("unexpected '" + p.shown(p.pos())
                + "' after the expression (a missing "
                  "operator?)",
            p.pos());
    return n;
}

ExpressionNode ExpressionParser::parsePrefix(const QString &text, int &pos)
{
    Parser p(text, pos, 0);
    if (p.atEnd() || p.peek() == u';')
        p.fail("the expression is empty", p.pos());
    ExpressionNode n = p.expression();
    p.skip();
    pos = p.pos();
    return n;
}

} // namespace sextant::engine
