#include "data/ExpressionProgram.h"

#include "data/Dataset.h"
#include "data/ExpressionError.h"
#include "data/NumberParser.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace sextant::engine {

namespace {

constexpr std::int64_t kBlock = 4096;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

using Kind = ExpressionNode::Kind;
using Type = ExpressionProgram::Type;

// A text value over all rows: a code per row (empty `codes`: code 0 on every row, a
// constant) into `dict`, -1 where missing.
// A text value over all rows: a code per row into `dict` (-1 where missing), either owned
// (`codes`) or a column's own codes (`view`); neither: code 0 on every row, a constant.
struct TextData {
    std::vector<std::int32_t> codes;
    const std::int32_t *view = nullptr;
    QStringList dict;
    bool constant() const { return codes.empty() && !view; }
    const std::int32_t *data() const { return codes.empty() ? view : codes.data(); }
    std::int32_t at(std::int64_t r) const { return constant() ? 0 : data()[r]; }
};

enum class Code {
    // numbers
    Column,
    Constant,
    Materialized, // computed whole at prepare (from text operands)
    Lookup, // a number per category of a text operand, read through its codes per block
    Neg,
    Not,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Func1,
    Round,
    Min,
    Max,
    If,
    IsMissing,
    InNumbers,
    Date,
    // numbers from text (materialized)
    TextEq,
    TextNe,
    TextIn,
    Contains,
    Len,
    ToNumber,
    ToDate,
    TextIsMissing,
    // text (materialized)
    TextColumn,
    TextConstant,
    Lower,
    Upper,
    Trim,
    Substr,
    Concat,
    TextIf,
    Cut,
    ToText,
};

enum class Func { Log, Log2, Log10, Exp, Sqrt, Abs, Floor, Ceil, Trunc, Sign };
enum class DatePart { Year, Month, Day, Weekday, Hour, Minute, Second, DayOfYear };

struct Op {
    Code code = Code::Constant;
    Type type = Type::Number;
    int pos = 0;
    std::vector<Op> args;
    double constant = 0;
    const double *column = nullptr;
    const Column *textColumn = nullptr;
    QString text; // TextConstant, Substr/Contains parameters
    Func func = Func::Log;
    DatePart part = DatePart::Year;
    std::vector<double> numbers; // InNumbers set (sorted), Cut edges
    QStringList strings; // TextIn set, Cut labels
    int start = 0, length = -1; // Substr; Round: digits in start
    bool bareWord = false; // TextConstant: a bare word that names no column
    // After prepare:
    std::shared_ptr<const std::vector<double>> full; // Materialized numbers
    std::shared_ptr<const TextData> textData; // text results
    const std::int32_t *lookupCodes = nullptr; // Lookup: the text operand's codes
    std::vector<double> lookup; // Lookup: the number of each category
    std::vector<double> buf; // block scratch
};

std::string str(const QString &s)
{
    return s.toStdString();
}

[[noreturn]] void fail(const std::string &reason, int pos)
{
    throw ExpressionError(reason, pos);
}

QString describe(const ExpressionNode &n)
{
    switch (n.kind) {
    case Kind::Name:
        return QStringLiteral("column '%1'").arg(n.text);
    case Kind::Text:
        return QStringLiteral("'%1'").arg(n.text);
    case Kind::Number:
        return n.text;
    case Kind::Call:
        return n.text + QStringLiteral("(...)");
    default:
        return QStringLiteral("the operand");
    }
}

bool parseNumberText(const QString &text, double &out)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    return parseNumber(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), out);
}

QString numberText(double v)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 15);
}

class Binder {
public:
    explicit Binder(const Dataset &data) : m_data(data) { }

    QStringList used;

    Op bind(const ExpressionNode &n) { return bindAs(n, false); }

private:
    const Dataset &m_data;

    Op constant(double v, int pos)
    {
        Op op;
        op.code = Code::Constant;
        op.constant = v;
        op.pos = pos;
        return op;
    }

    Op textConstant(const QString &t, int pos)
    {
        Op op;
        op.code = Code::TextConstant;
        op.type = Type::Text;
        op.text = t;
        op.pos = pos;
        return op;
    }

    Op columnOp(int index, int pos)
    {
        const Column &c = m_data.column(index);
        if (!used.contains(c.name()))
            used.push_back(c.name());
        Op op;
        op.pos = pos;
        if (c.isNumeric()) {
            op.code = Code::Column;
            op.column = c.values().data();
        } else {
            op.code = Code::TextColumn;
            op.type = Type::Text;
            op.textColumn = &c;
        }
        return op;
    }

    // `allowText`: a bare word that is no column is text (comparisons with text).
    Op bindAs(const ExpressionNode &n, bool allowText)
    {
        switch (n.kind) {
        case Kind::Number:
            return constant(n.number, n.position);
        case Kind::Text: {
            if (n.doubleQuoted) {
                const int j = m_data.indexOf(n.text);
                if (j >= 0)
                    return columnOp(j, n.position);
            }
            return textConstant(n.text, n.position);
        }
        case Kind::Name: {
            const int j = m_data.indexOf(n.text);
            if (j >= 0)
                return columnOp(j, n.position);
            if (allowText && !n.quoted) {
                Op op = textConstant(n.text, n.position);
                op.bareWord = true;
                return op;
            }
            fail("the table has no column '" + str(n.text) + "'", n.position);
        }
        case Kind::List:
            fail("a list [...] can only follow 'in' or be an argument of cut()", n.position);
        case Kind::Unary: {
            Op a = bind(n.children.at(0));
            requireNumber(a, n.children.at(0), n.text == QLatin1String("-") ? "'-'" : "'not'");
            Op op;
            op.code = n.text == QLatin1String("-") ? Code::Neg : Code::Not;
            op.pos = n.position;
            op.args.push_back(std::move(a));
            return op;
        }
        case Kind::Binary:
            return binary(n);
        case Kind::In:
            return inList(n);
        case Kind::Call:
            return call(n);
        }
        fail("unknown expression", n.position);
    }

    void requireNumber(const Op &op, const ExpressionNode &n, const std::string &what)
    {
        if (op.type != Type::Number)
            fail(what + " needs a number, but " + str(describe(n)) + " is text", n.position);
    }

    void requireText(const Op &op, const ExpressionNode &n, const std::string &what)
    {
        if (op.type != Type::Text)
            fail(what + " needs text, but " + str(describe(n)) + " is a number", n.position);
    }

    // A bare word read as text where the other operand is no text: it was meant as a column.
    void rejectBareWord(const Op &op, const ExpressionNode &n)
    {
        if (op.bareWord)
            fail("the table has no column '" + str(n.text) + "'", n.position);
    }

    Op binary(const ExpressionNode &n)
    {
        const QString &o = n.text;
        const bool equality = o == QLatin1String("==") || o == QLatin1String("!=");
        const bool order = o == QLatin1String("<") || o == QLatin1String("<=")
            || o == QLatin1String(">") || o == QLatin1String(">=");
        const ExpressionNode &ln = n.children.at(0);
        const ExpressionNode &rn = n.children.at(1);
        Op a = bindAs(ln, equality || order);
        Op b = bindAs(rn, equality || order);
        Op op;
        op.pos = n.position;
        if (equality || order) {
            if (a.type == Type::Text && b.type == Type::Text) {
                if (a.bareWord && b.bareWord)
                    rejectBareWord(a, ln); // two unknown names: the left one was a column
                if (order)
                    fail("text cannot be ordered with '" + str(o)
                            + "': compare it with ==, !=, in or not in",
                        n.position);
                op.code = o == QLatin1String("==") ? Code::TextEq : Code::TextNe;
            } else if (a.type == Type::Text || b.type == Type::Text) {
                // One side text, the other a number.
                Op &t = a.type == Type::Text ? a : b;
                Op &num = a.type == Type::Text ? b : a;
                const ExpressionNode &tn = a.type == Type::Text ? ln : rn;
                const ExpressionNode &nn = a.type == Type::Text ? rn : ln;
                if (t.code == Code::TextConstant) {
                    rejectBareWord(t, tn);
                    double v = 0;
                    if (!parseNumberText(t.text, v))
                        fail("'" + str(t.text) + "' is not a number (" + str(describe(nn))
                                + " is numeric)",
                            tn.position);
                    t = constant(v, tn.position);
                } else if (num.code == Code::Constant && nn.kind == Kind::Number) {
                    if (order)
                        fail("text cannot be ordered with '" + str(o)
                                + "': compare it with ==, !=, in or not in",
                            n.position);
                    num = textConstant(nn.text, nn.position);
                    op.code = o == QLatin1String("==") ? Code::TextEq : Code::TextNe;
                } else {
                    fail("'" + str(o) + "' compares text with a number: " + str(describe(tn))
                            + " is text, " + str(describe(nn)) + " is a number",
                        n.position);
                }
            }
            if (a.type == Type::Number && b.type == Type::Number)
                op.code = o == QLatin1String("==") ? Code::Eq
                    : o == QLatin1String("!=")     ? Code::Ne
                    : o == QLatin1String("<")      ? Code::Lt
                    : o == QLatin1String("<=")     ? Code::Le
                    : o == QLatin1String(">")      ? Code::Gt
                                                   : Code::Ge;
            op.args.push_back(std::move(a));
            op.args.push_back(std::move(b));
            return op;
        }
        if (o == QLatin1String("+") && (a.type == Type::Text || b.type == Type::Text)) {
            op.code = Code::Concat;
            op.type = Type::Text;
            op.args.push_back(asText(std::move(a)));
            op.args.push_back(asText(std::move(b)));
            return op;
        }
        const std::string what = "'" + str(o) + "'";
        requireNumber(a, ln, what);
        requireNumber(b, rn, what);
        op.code = o == QLatin1String("+") ? Code::Add
            : o == QLatin1String("-")     ? Code::Sub
            : o == QLatin1String("*")     ? Code::Mul
            : o == QLatin1String("/")     ? Code::Div
            : o == QLatin1String("%")     ? Code::Mod
            : o == QLatin1String("^")     ? Code::Pow
            : o == QLatin1String("and")   ? Code::And
                                          : Code::Or;
        op.args.push_back(std::move(a));
        op.args.push_back(std::move(b));
        return op;
    }

    Op asText(Op op)
    {
        if (op.type == Type::Text)
            return op;
        if (op.code == Code::Constant)
            return textConstant(numberText(op.constant), op.pos);
        Op t;
        t.code = Code::ToText;
        t.type = Type::Text;
        t.pos = op.pos;
        t.args.push_back(std::move(op));
        return t;
    }

    Op inList(const ExpressionNode &n)
    {
        const ExpressionNode &ln = n.children.at(0);
        const ExpressionNode &list = n.children.at(1);
        Op a = bind(ln);
        Op op;
        op.pos = n.position;
        if (list.children.empty())
            fail("the list after 'in' is empty", list.position);
        if (a.type == Type::Text) {
            op.code = Code::TextIn;
            for (const ExpressionNode &item : list.children) {
                if (item.kind == Kind::Text || item.kind == Kind::Number
                    || (item.kind == Kind::Name && !item.quoted))
                    op.strings.push_back(item.text);
                else
                    fail("the items after 'in' must be values (texts or numbers)", item.position);
            }
        } else {
            op.code = Code::InNumbers;
            for (const ExpressionNode &item : list.children) {
                double v = 0;
                if (item.kind == Kind::Number)
                    v = item.number;
                else if ((item.kind == Kind::Text || (item.kind == Kind::Name && !item.quoted))
                    && parseNumberText(item.text, v))
                    ;
                else
                    fail("'" + str(item.text) + "' is not a number (" + str(describe(ln))
                            + " is numeric)",
                        item.position);
                op.numbers.push_back(v);
            }
            std::sort(op.numbers.begin(), op.numbers.end());
        }
        if (n.negated) {
            Op inner = std::move(op);
            op = Op();
            op.code = Code::Not;
            op.pos = n.position;
            inner.args.push_back(std::move(a));
            op.args.push_back(std::move(inner));
            return op;
        }
        op.args.push_back(std::move(a));
        return op;
    }

    void arity(const ExpressionNode &n, std::size_t lo, std::size_t hi)
    {
        const std::size_t k = n.children.size();
        if (k >= lo && k <= hi)
            return;
        std::string want = lo == hi ? std::to_string(lo)
            : hi > 100              ? "at least " + std::to_string(lo)
                                    : std::to_string(lo) + " or " + std::to_string(hi);
        fail(str(n.text) + "() takes " + want + (lo == 1 && hi == 1 ? " argument" : " arguments")
                + ", not " + std::to_string(k),
            n.position);
    }

    // A date: a number (seconds since 1970-01-01 UTC) or ISO-8601 text, read as one.
    Op dateArg(const ExpressionNode &n)
    {
        Op a = bind(n);
        if (a.type == Type::Number)
            return a;
        Op d;
        d.code = Code::ToDate;
        d.pos = n.position;
        d.args.push_back(std::move(a));
        return d;
    }

    double constantArg(const ExpressionNode &n, const std::string &what)
    {
        if (n.kind != Kind::Number)
            fail(what + " must be a number written in the expression", n.position);
        return n.number;
    }

    Op call(const ExpressionNode &n)
    {
        const QString &f = n.text;
        const std::string fs = str(f);
        Op op;
        op.pos = n.position;
        static const std::unordered_map<std::string, Func> funcs
            = { { "log", Func::Log }, { "ln", Func::Log }, { "log2", Func::Log2 },
                  { "log10", Func::Log10 }, { "exp", Func::Exp }, { "sqrt", Func::Sqrt },
                  { "abs", Func::Abs }, { "floor", Func::Floor }, { "ceil", Func::Ceil },
                  { "trunc", Func::Trunc }, { "sign", Func::Sign } };
        static const std::unordered_map<std::string, DatePart> parts
            = { { "year", DatePart::Year }, { "month", DatePart::Month }, { "day", DatePart::Day },
                  { "weekday", DatePart::Weekday }, { "hour", DatePart::Hour },
                  { "minute", DatePart::Minute }, { "second", DatePart::Second },
                  { "dayofyear", DatePart::DayOfYear } };
        const auto numberArg = [&](std::size_t i) {
            Op a = bind(n.children.at(i));
            requireNumber(a, n.children.at(i), fs + "()");
            return a;
        };
        const auto textArg = [&](std::size_t i) {
            Op a = bind(n.children.at(i));
            requireText(a, n.children.at(i), fs + "()");
            return a;
        };
        if (auto it = funcs.find(fs); it != funcs.end()) {
            arity(n, 1, 1);
            op.code = Code::Func1;
            op.func = it->second;
            op.args.push_back(numberArg(0));
            return op;
        }
        if (auto it = parts.find(fs); it != parts.end()) {
            arity(n, 1, 1);
            op.code = Code::Date;
            op.part = it->second;
            op.args.push_back(dateArg(n.children[0]));
            return op;
        }
        if (fs == "date") {
            arity(n, 1, 1);
            return dateArg(n.children[0]);
        }
        if (fs == "round") {
            arity(n, 1, 2);
            op.code = Code::Round;
            op.args.push_back(numberArg(0));
            if (n.children.size() == 2) {
                const double d = constantArg(n.children[1], "the digits of round()");
                if (d != std::floor(d) || d < -15 || d > 15)
                    fail("the digits of round() must be a whole number from -15 to 15",
                        n.children[1].position);
                op.start = static_cast<int>(d);
            }
            return op;
        }
        if (fs == "pow") {
            arity(n, 2, 2);
            op.code = Code::Pow;
            op.args.push_back(numberArg(0));
            op.args.push_back(numberArg(1));
            return op;
        }
        if (fs == "min" || fs == "max") {
            arity(n, 1, 1000);
            op.code = fs == "min" ? Code::Min : Code::Max;
            for (std::size_t i = 0; i < n.children.size(); ++i)
                op.args.push_back(numberArg(i));
            return op;
        }
        if (fs == "if") {
            arity(n, 3, 3);
            Op c = numberArg(0);
            Op a = bind(n.children[1]);
            Op b = bind(n.children[2]);
            if (a.type != b.type) {
                a = asText(std::move(a));
                b = asText(std::move(b));
            }
            op.code = a.type == Type::Text ? Code::TextIf : Code::If;
            op.type = a.type;
            op.args.push_back(std::move(c));
            op.args.push_back(std::move(a));
            op.args.push_back(std::move(b));
            return op;
        }
        if (fs == "is_missing" || fs == "isnull" || fs == "isna") {
            arity(n, 1, 1);
            Op a = bind(n.children[0]);
            op.code = a.type == Type::Text ? Code::TextIsMissing : Code::IsMissing;
            op.args.push_back(std::move(a));
            return op;
        }
        if (fs == "lower" || fs == "upper" || fs == "trim") {
            arity(n, 1, 1);
            op.code = fs == "lower" ? Code::Lower : fs == "upper" ? Code::Upper : Code::Trim;
            op.type = Type::Text;
            op.args.push_back(textArg(0));
            return op;
        }
        if (fs == "len" || fs == "num") {
            arity(n, 1, 1);
            op.code = fs == "len" ? Code::Len : Code::ToNumber;
            op.args.push_back(textArg(0));
            return op;
        }
        if (fs == "str") {
            arity(n, 1, 1);
            return asText(bind(n.children[0]));
        }
        if (fs == "contains") {
            arity(n, 2, 2);
            op.code = Code::Contains;
            op.args.push_back(textArg(0));
            const ExpressionNode &p = n.children[1];
            if (p.kind != Kind::Text
                && !(p.kind == Kind::Name && !p.quoted && m_data.indexOf(p.text) < 0))
                fail("the second argument of contains() must be a text in quotes", p.position);
            op.text = p.text;
            return op;
        }
        if (fs == "substr") {
            arity(n, 2, 3);
            op.code = Code::Substr;
            op.type = Type::Text;
            op.args.push_back(textArg(0));
            const double s = constantArg(n.children[1], "the start of substr()");
            if (s != std::floor(s) || s < 0 || s > 1e6)
                fail("the start of substr() must be a whole number >= 0 (0 is the first "
                     "character)",
                    n.children[1].position);
            op.start = static_cast<int>(s);
            if (n.children.size() == 3) {
                const double l = constantArg(n.children[2], "the length of substr()");
                if (l != std::floor(l) || l < 0 || l > 1e6)
                    fail("the length of substr() must be a whole number >= 0",
                        n.children[2].position);
                op.length = static_cast<int>(l);
            }
            return op;
        }
        if (fs == "concat") {
            arity(n, 1, 1000);
            Op acc = asText(bind(n.children[0]));
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                Op c;
                c.code = Code::Concat;
                c.type = Type::Text;
                c.pos = n.position;
                c.args.push_back(std::move(acc));
                c.args.push_back(asText(bind(n.children[i])));
                acc = std::move(c);
            }
            return acc;
        }
        if (fs == "cut") {
            arity(n, 2, 3);
            op.code = Code::Cut;
            op.type = Type::Text;
            op.args.push_back(numberArg(0));
            const ExpressionNode &edges = n.children[1];
            if (edges.kind != Kind::List)
                fail("the edges of cut() must be a list of numbers, e.g. [0, 18, 65, 120]",
                    edges.position);
            for (const ExpressionNode &e : edges.children) {
                op.numbers.push_back(constantArg(e, "each edge of cut()"));
                if (std::isnan(op.numbers.back()))
                    fail("an edge of cut() is nan", e.position);
                if (op.numbers.size() > 1
                    && !(op.numbers.back() > op.numbers[op.numbers.size() - 2]))
                    fail("the edges of cut() must increase", e.position);
            }
            if (op.numbers.size() < 2)
                fail("cut() needs at least two edges", edges.position);
            const std::size_t bins = op.numbers.size() - 1;
            if (n.children.size() == 3) {
                const ExpressionNode &labels = n.children[2];
                if (labels.kind != Kind::List)
                    fail("the labels of cut() must be a list, e.g. [child, adult, senior]",
                        labels.position);
                for (const ExpressionNode &l : labels.children) {
                    if (l.kind == Kind::Text || l.kind == Kind::Number
                        || (l.kind == Kind::Name && !l.quoted))
                        op.strings.push_back(l.text);
                    else
                        fail("each label of cut() must be a word, a number or a text in quotes",
                            l.position);
                }
                if (static_cast<std::size_t>(op.strings.size()) != bins)
                    fail("cut() has " + std::to_string(bins) + " bins but "
                            + std::to_string(op.strings.size()) + " labels",
                        labels.position);
                if (QSet<QString>(op.strings.begin(), op.strings.end()).size() != op.strings.size())
                    fail("the labels of cut() must differ", labels.position);
            } else {
                for (std::size_t k = 0; k < bins; ++k)
                    op.strings.push_back(
                        QStringLiteral("(%1, %2]")
                            .arg(numberText(op.numbers[k]), numberText(op.numbers[k + 1])));
            }
            return op;
        }
        fail("unknown function '" + fs + "'", n.position);
    }
};

// --- evaluation ---------------------------------------------------------------------------

struct Civil {
    std::int64_t year;
    int month, day;
};

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> proleptic Gregorian date.
Civil civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return { y + (m <= 2), static_cast<int>(m), static_cast<int>(d) };
}

// Howard Hinnant's days_from_civil: proleptic Gregorian date -> days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5
        + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "2024-03-05", "2024-03-05T14:30", "2024-03-05 14:30:15.5", with an optional "Z" (all
// read as UTC): seconds since 1970-01-01T00:00:00 UTC; NaN for anything else.
double isoSeconds(const QString &text)
{
    const QString s = text.trimmed();
    const auto digits = [&](int from, int count, int &out) {
        if (from + count > s.size())
            return false;
        out = 0;
        for (int i = from; i < from + count; ++i) {
            if (!s[i].isDigit())
                return false;
            out = out * 10 + s[i].digitValue();
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!digits(0, 4, y) || s.size() < 10 || s[4] != u'-' || !digits(5, 2, mo) || s[7] != u'-'
        || !digits(8, 2, d))
        return kNaN;
    static const int monthDays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (mo < 1 || mo > 12 || d < 1 || d > monthDays[mo - 1])
        return kNaN;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap)
        return kNaN;
    double fraction = 0;
    int pos = 10;
    if (pos < s.size()) {
        if ((s[pos] != u'T' && s[pos] != u' ') || !digits(pos + 1, 2, h) || pos + 3 >= s.size()
            || s[pos + 3] != u':' || !digits(pos + 4, 2, mi))
            return kNaN;
        pos += 6;
        if (pos < s.size() && s[pos] == u':') {
            if (!digits(pos + 1, 2, sec))
                return kNaN;
            pos += 3;
            if (pos < s.size() && s[pos] == u'.') {
                int end = pos + 1;
                while (end < s.size() && s[end].isDigit())
                    ++end;
                if (end == pos + 1)
                    return kNaN;
                fraction = s.mid(pos, end - pos).toDouble();
                pos = end;
            }
        }
        if (pos < s.size() && s[pos] == u'Z')
            ++pos;
        if (pos != s.size() || h > 23 || mi > 59 || sec > 60)
            return kNaN;
    }
    return static_cast<double>(daysFromCivil(y, mo, d)) * 86400.0 + h * 3600.0 + mi * 60.0 + sec
        + fraction;
}

double datePart(double seconds, DatePart part)
{
    if (!std::isfinite(seconds) || std::fabs(seconds) > 1e15)
        return kNaN;
    const double daysF = std::floor(seconds / 86400.0);
    const double secOfDay = seconds - daysF * 86400.0;
    const auto days = static_cast<std::int64_t>(daysF);
    switch (part) {
    case DatePart::Hour:
        return std::floor(secOfDay / 3600.0);
    case DatePart::Minute:
        return std::floor(std::fmod(secOfDay, 3600.0) / 60.0);
    case DatePart::Second:
        return std::floor(std::fmod(secOfDay, 60.0));
    case DatePart::Weekday:
        return static_cast<double>(((days % 7) + 7 + 3) % 7);
    default:
        break;
    }
    const Civil c = civilFromDays(days);
    switch (part) {
    case DatePart::Year:
        return static_cast<double>(c.year);
    case DatePart::Month:
        return c.month;
    case DatePart::Day:
        return c.day;
    case DatePart::DayOfYear: {
        static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
        const bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
        return before[c.month - 1] + c.day + (leap && c.month > 2 ? 1 : 0);
    }
    default:
        return kNaN;
    }
}

double roundHalfEven(double x, int digits)
{
    // numpy.round / pandas round: half to even, scaled by 10^digits.
    if (digits == 0)
        return std::nearbyint(x);
    const double scale = std::pow(10.0, digits);
    return std::nearbyint(x * scale) / scale;
}

inline bool truthy(double v)
{
    return v != 0;
}

class Evaluator {
public:
    Evaluator(std::int64_t rows, const std::atomic<bool> *cancel) : m_rows(rows), m_cancel(cancel)
    {
    }

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    // Materializes text results and text-fed numbers below `op`; allocates block buffers.
    void prepare(Op &op)
    {
        for (Op &a : op.args)
            prepare(a);
        if (op.type == Type::Text) {
            op.textData = std::make_shared<const TextData>(text(op));
            return;
        }
        switch (op.code) {
        case Code::TextEq:
        case Code::TextNe:
        case Code::TextIn:
        case Code::Contains:
        case Code::Len:
        case Code::ToNumber:
        case Code::ToDate:
        case Code::TextIsMissing: {
            std::vector<double> full = textToNumbers(op);
            if (op.code != Code::Lookup && op.code != Code::Constant) {
                op.full = std::make_shared<const std::vector<double>>(std::move(full));
                op.code = Code::Materialized;
            }
            break;
        }
        case Code::Constant:
            op.buf.assign(static_cast<std::size_t>(kBlock), op.constant);
            break;
        case Code::Column:
            break;
        default:
            op.buf.resize(static_cast<std::size_t>(kBlock));
        }
    }

    // The numbers of rows [b, b + len) (len <= kBlock).
    const double *block(Op &op, std::int64_t b, std::int64_t len)
    {
        double *out = op.buf.data();
        const auto n = static_cast<std::size_t>(len);
        switch (op.code) {
        case Code::Column:
            return op.column + b;
        case Code::Constant:
            return op.buf.data();
        case Code::Materialized:
            return op.full->data() + b;
        case Code::Lookup: {
            const std::int32_t *codes = op.lookupCodes + b;
            const double *table = op.lookup.data();
            for (std::size_t i = 0; i < n; ++i)
                out[i] = codes[i] < 0 ? kNaN : table[codes[i]];
            return out;
        }
        case Code::Neg: {
            const double *a = block(op.args[0], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = -a[i];
            return out;
        }
        case Code::Not: {
            const double *a = block(op.args[0], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(a[i]) ? kNaN : (a[i] == 0 ? 1.0 : 0.0);
            return out;
        }
        case Code::Add:
        case Code::Sub:
        case Code::Mul:
        case Code::Div:
        case Code::Mod:
        case Code::Pow:
        case Code::Eq:
        case Code::Ne:
        case Code::Lt:
        case Code::Le:
        case Code::Gt:
        case Code::Ge:
        case Code::And:
        case Code::Or:
            return binary(op, block(op.args[0], b, len), block(op.args[1], b, len), n);
        case Code::Func1: {
            const double *a = block(op.args[0], b, len);
            func(op.func, a, out, n);
            return out;
        }
        case Code::Round: {
            const double *a = block(op.args[0], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = roundHalfEven(a[i], op.start);
            return out;
        }
        case Code::Min:
        case Code::Max: {
            const double *a = block(op.args[0], b, len);
            std::copy(a, a + n, out);
            const bool isMin = op.code == Code::Min;
            for (std::size_t k = 1; k < op.args.size(); ++k) {
                const double *c = block(op.args[k], b, len);
                for (std::size_t i = 0; i < n; ++i) {
                    const double x = out[i], y = c[i];
                    out[i] = (std::isnan(x) || std::isnan(y)) ? kNaN
                        : isMin                               ? (y < x ? y : x)
                                                              : (y > x ? y : x);
                }
            }
            return out;
        }
        case Code::If: {
            const double *c = block(op.args[0], b, len);
            const double *x = block(op.args[1], b, len);
            const double *y = block(op.args[2], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(c[i]) ? kNaN : (c[i] != 0 ? x[i] : y[i]);
            return out;
        }
        case Code::IsMissing: {
            const double *a = block(op.args[0], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(a[i]) ? 1.0 : 0.0;
            return out;
        }
        case Code::InNumbers: {
            const double *a = block(op.args[0], b, len);
            const auto &set = op.numbers;
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(a[i])
                    ? kNaN
                    : (std::binary_search(set.begin(), set.end(), a[i]) ? 1.0 : 0.0);
            return out;
        }
        case Code::Date: {
            const double *a = block(op.args[0], b, len);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = datePart(a[i], op.part);
            return out;
        }
        default:
            break;
        }
        fail("internal error: unexpected operation", op.pos);
    }

    std::vector<double> numbers(Op &op)
    {
        std::vector<double> out(static_cast<std::size_t>(m_rows));
        for (std::int64_t b = 0; b < m_rows; b += kBlock) {
            if (cancelled())
                return {};
            const std::int64_t len = std::min(kBlock, m_rows - b);
            const double *v = block(op, b, len);
            std::memcpy(out.data() + b, v, static_cast<std::size_t>(len) * sizeof(double));
        }
        return out;
    }

private:
    std::int64_t m_rows;
    const std::atomic<bool> *m_cancel;

    static const double *binary(Op &op, const double *a, const double *c, std::size_t n)
    {
        double *out = op.buf.data();
        switch (op.code) {
        case Code::Add:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = a[i] + c[i];
            break;
        case Code::Sub:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = a[i] - c[i];
            break;
        case Code::Mul:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = a[i] * c[i];
            break;
        case Code::Div:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = a[i] / c[i];
            break;
        case Code::Mod: // Python's %: the sign of the divisor
            for (std::size_t i = 0; i < n; ++i) {
                const double r = std::fmod(a[i], c[i]);
                out[i] = (r != 0 && ((r < 0) != (c[i] < 0))) ? r + c[i] : r;
            }
            break;
        case Code::Pow:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::pow(a[i], c[i]);
            break;
#define SEXTANT_COMPARE(CODE, OP)                                                                  \
    case Code::CODE:                                                                               \
        for (std::size_t i = 0; i < n; ++i)                                                        \
            out[i] = (std::isnan(a[i]) || std::isnan(c[i])) ? kNaN : (a[i] OP c[i] ? 1.0 : 0.0);   \
        break;
            SEXTANT_COMPARE(Eq, ==)
            SEXTANT_COMPARE(Ne, !=)
            SEXTANT_COMPARE(Lt, <)
            SEXTANT_COMPARE(Le, <=)
            SEXTANT_COMPARE(Gt, >)
            SEXTANT_COMPARE(Ge, >=)
#undef SEXTANT_COMPARE
        case Code::And:
            for (std::size_t i = 0; i < n; ++i) {
                const bool af = !std::isnan(a[i]) && a[i] == 0, cf = !std::isnan(c[i]) && c[i] == 0;
                out[i] = (af || cf) ? 0.0 : (std::isnan(a[i]) || std::isnan(c[i])) ? kNaN : 1.0;
            }
            break;
        case Code::Or:
            for (std::size_t i = 0; i < n; ++i) {
                const bool at = !std::isnan(a[i]) && truthy(a[i]);
                const bool ct = !std::isnan(c[i]) && truthy(c[i]);
                out[i] = (at || ct) ? 1.0 : (std::isnan(a[i]) || std::isnan(c[i])) ? kNaN : 0.0;
            }
            break;
        default:
            break;
        }
        return out;
    }

    static void func(Func f, const double *a, double *out, std::size_t n)
    {
        switch (f) {
        case Func::Log:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::log(a[i]);
            break;
        case Func::Log2:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::log2(a[i]);
            break;
        case Func::Log10:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::log10(a[i]);
            break;
        case Func::Exp:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::exp(a[i]);
            break;
        case Func::Sqrt:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::sqrt(a[i]);
            break;
        case Func::Abs:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::fabs(a[i]);
            break;
        case Func::Floor:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::floor(a[i]);
            break;
        case Func::Ceil:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::ceil(a[i]);
            break;
        case Func::Trunc:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::trunc(a[i]);
            break;
        case Func::Sign:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(a[i]) ? kNaN : (a[i] > 0 ? 1.0 : a[i] < 0 ? -1.0 : 0.0);
            break;
        }
    }

    // Per-category numbers mapped onto the rows.
    // Turns `op` into a Lookup of `table` through `var`'s codes (a Constant when `var` is
    // one); returns no rows.
    static std::vector<double> lookup(Op &op, const TextData &var, std::vector<double> table)
    {
        if (var.constant()) {
            op.code = Code::Constant;
            op.constant = table.empty() ? kNaN : table[0];
            op.buf.assign(static_cast<std::size_t>(kBlock), op.constant);
            return {};
        }
        op.code = Code::Lookup;
        op.lookupCodes = var.data();
        op.lookup = std::move(table);
        op.buf.resize(static_cast<std::size_t>(kBlock));
        return {};
    }

    // The numbers of a text-fed operation: whole rows, or (per category) turns `op` into a
    // Lookup and returns nothing.
    std::vector<double> textToNumbers(Op &op) const
    {
        const TextData &a = *op.args[0].textData;
        std::vector<double> table(static_cast<std::size_t>(a.dict.size()));
        switch (op.code) {
        case Code::TextEq:
        case Code::TextNe: {
            const bool eq = op.code == Code::TextEq;
            const TextData &c = *op.args[1].textData;
            if (a.constant() != c.constant()) {
                // One side is a constant: compare each category of the other once.
                const TextData &var = a.constant() ? c : a;
                const QString &value = (a.constant() ? a : c).dict.value(0);
                std::vector<double> t(static_cast<std::size_t>(var.dict.size()));
                for (qsizetype k = 0; k < var.dict.size(); ++k)
                    t[static_cast<std::size_t>(k)] = (var.dict[k] == value) == eq ? 1.0 : 0.0;
                return lookup(op, var, std::move(t));
            }
            // Index of each of a's categories in c's dictionary (-2: absent).
            QHash<QString, std::int32_t> index;
            for (qsizetype k = 0; k < c.dict.size(); ++k)
                index.insert(c.dict[k], static_cast<std::int32_t>(k));
            std::vector<std::int32_t> map(static_cast<std::size_t>(a.dict.size()));
            for (qsizetype k = 0; k < a.dict.size(); ++k)
                map[static_cast<std::size_t>(k)] = index.value(a.dict[k], -2);
            std::vector<double> out(static_cast<std::size_t>(m_rows));
            for (std::int64_t r = 0; r < m_rows; ++r) {
                const std::int32_t x = a.at(r), y = c.at(r);
                out[static_cast<std::size_t>(r)] = (x < 0 || y < 0)
                    ? kNaN
                    : ((map[static_cast<std::size_t>(x)] == y) == eq ? 1.0 : 0.0);
            }
            return out;
        }
        case Code::TextIn:
            for (qsizetype k = 0; k < a.dict.size(); ++k)
                table[static_cast<std::size_t>(k)] = op.strings.contains(a.dict[k]) ? 1.0 : 0.0;
            break;
        case Code::Contains:
            for (qsizetype k = 0; k < a.dict.size(); ++k)
                table[static_cast<std::size_t>(k)] = a.dict[k].contains(op.text) ? 1.0 : 0.0;
            break;
        case Code::Len:
            for (qsizetype k = 0; k < a.dict.size(); ++k)
                table[static_cast<std::size_t>(k)] = static_cast<double>(a.dict[k].size());
            break;
        case Code::ToNumber:
            for (qsizetype k = 0; k < a.dict.size(); ++k) {
                double v = kNaN;
                if (!parseNumberText(a.dict[k], v))
                    v = kNaN;
                table[static_cast<std::size_t>(k)] = v;
            }
            break;
        case Code::ToDate:
            for (qsizetype k = 0; k < a.dict.size(); ++k)
                table[static_cast<std::size_t>(k)] = isoSeconds(a.dict[k]);
            break;
        case Code::TextIsMissing: {
            std::vector<double> out(static_cast<std::size_t>(m_rows));
            for (std::int64_t r = 0; r < m_rows; ++r)
                out[static_cast<std::size_t>(r)] = a.at(r) < 0 ? 1.0 : 0.0;
            return out;
        }
        default:
            break;
        }
        return lookup(op, a, std::move(table));
    }

    // A dictionary transformed entry by entry, merging entries that become equal.
    TextData mapDictionary(
        const TextData &a, const std::function<QString(const QString &)> &f) const
    {
        TextData out;
        QHash<QString, std::int32_t> index;
        std::vector<std::int32_t> map(static_cast<std::size_t>(a.dict.size()));
        for (qsizetype k = 0; k < a.dict.size(); ++k) {
            const QString v = f(a.dict[k]);
            auto it = index.find(v);
            if (it == index.end()) {
                it = index.insert(v, static_cast<std::int32_t>(out.dict.size()));
                out.dict.push_back(v);
            }
            map[static_cast<std::size_t>(k)] = it.value();
        }
        if (a.constant())
            return out;
        const std::int32_t *in = a.data();
        out.codes.resize(static_cast<std::size_t>(m_rows));
        for (std::size_t r = 0; r < out.codes.size(); ++r)
            out.codes[r] = in[r] < 0 ? -1 : map[static_cast<std::size_t>(in[r])];
        return out;
    }

    TextData text(Op &op)
    {
        switch (op.code) {
        case Code::TextConstant: {
            TextData t;
            t.dict = { op.text };
            return t;
        }
        case Code::TextColumn: {
            TextData t;
            t.view = op.textColumn->codes().data();
            t.dict = op.textColumn->categories();
            return t;
        }
        case Code::Lower:
            return mapDictionary(
                *op.args[0].textData, [](const QString &s) { return s.toLower(); });
        case Code::Upper:
            return mapDictionary(
                *op.args[0].textData, [](const QString &s) { return s.toUpper(); });
        case Code::Trim:
            return mapDictionary(
                *op.args[0].textData, [](const QString &s) { return s.trimmed(); });
        case Code::Substr: {
            const int start = op.start, length = op.length;
            return mapDictionary(*op.args[0].textData,
                [start, length](const QString &s) { return s.mid(start, length); });
        }
        case Code::ToText: {
            const std::vector<double> v = numbers(op.args[0]);
            TextData t;
            t.codes.resize(v.size());
            std::unordered_map<std::uint64_t, std::int32_t> index;
            for (std::size_t r = 0; r < v.size(); ++r) {
                if (std::isnan(v[r])) {
                    t.codes[r] = -1;
                    continue;
                }
                std::uint64_t bits = 0;
                const double x = v[r] == 0 ? 0.0 : v[r]; // -0 and 0 read the same
                std::memcpy(&bits, &x, sizeof bits);
                auto [it, inserted] = index.emplace(bits, static_cast<std::int32_t>(t.dict.size()));
                if (inserted)
                    t.dict.push_back(numberText(x));
                t.codes[r] = it->second;
            }
            return t;
        }
        case Code::Cut: {
            const std::vector<double> v = numbers(op.args[0]);
            TextData t;
            t.dict = op.strings;
            t.codes.resize(v.size());
            const auto &e = op.numbers;
            for (std::size_t r = 0; r < v.size(); ++r) {
                const double x = v[r];
                if (std::isnan(x) || !(x > e.front()) || x > e.back()) {
                    t.codes[r] = -1;
                    continue;
                }
                // (e[k], e[k+1]]: the first edge >= x closes the bin.
                const auto it = std::lower_bound(e.begin(), e.end(), x);
                t.codes[r] = static_cast<std::int32_t>(it - e.begin()) - 1;
            }
            return t;
        }
        case Code::Concat: {
            const TextData &a = *op.args[0].textData;
            const TextData &c = *op.args[1].textData;
            TextData t;
            if (a.constant() && c.constant()) {
                t.dict = { a.dict[0] + c.dict[0] };
                return t;
            }
            t.codes.resize(static_cast<std::size_t>(m_rows));
            std::unordered_map<std::uint64_t, std::int32_t> index;
            const auto width = static_cast<std::uint64_t>(c.dict.size());
            for (std::int64_t r = 0; r < m_rows; ++r) {
                const std::int32_t x = a.at(r), y = c.at(r);
                if (x < 0 || y < 0) {
                    t.codes[static_cast<std::size_t>(r)] = -1;
                    continue;
                }
                const std::uint64_t key
                    = static_cast<std::uint64_t>(x) * width + static_cast<std::uint64_t>(y);
                auto [it, inserted] = index.emplace(key, static_cast<std::int32_t>(t.dict.size()));
                if (inserted)
                    t.dict.push_back(a.dict[x] + c.dict[y]);
                t.codes[static_cast<std::size_t>(r)] = it->second;
            }
            return dedupe(std::move(t));
        }
        case Code::TextIf: {
            const std::vector<double> cond = numbers(op.args[0]);
            const TextData &a = *op.args[1].textData;
            const TextData &c = *op.args[2].textData;
            TextData t;
            t.dict = a.dict;
            QHash<QString, std::int32_t> index;
            for (qsizetype k = 0; k < t.dict.size(); ++k)
                index.insert(t.dict[k], static_cast<std::int32_t>(k));
            std::vector<std::int32_t> map(static_cast<std::size_t>(c.dict.size()));
            for (qsizetype k = 0; k < c.dict.size(); ++k) {
                auto it = index.find(c.dict[k]);
                if (it == index.end()) {
                    it = index.insert(c.dict[k], static_cast<std::int32_t>(t.dict.size()));
                    t.dict.push_back(c.dict[k]);
                }
                map[static_cast<std::size_t>(k)] = it.value();
            }
            t.codes.resize(static_cast<std::size_t>(m_rows));
            for (std::int64_t r = 0; r < m_rows && !cond.empty(); ++r) {
                const double x = cond[static_cast<std::size_t>(r)];
                std::int32_t code = -1;
                if (!std::isnan(x)) {
                    if (x != 0)
                        code = a.at(r);
                    else {
                        const std::int32_t y = c.at(r);
                        code = y < 0 ? -1 : map[static_cast<std::size_t>(y)];
                    }
                }
                t.codes[static_cast<std::size_t>(r)] = code;
            }
            return t;
        }
        default:
            break;
        }
        fail("internal error: unexpected text operation", op.pos);
    }

    // Merges equal dictionary entries ("a" + "bc" and "ab" + "c").
    static TextData dedupe(TextData t)
    {
        QHash<QString, std::int32_t> index;
        std::vector<std::int32_t> map(static_cast<std::size_t>(t.dict.size()));
        QStringList dict;
        bool merged = false;
        for (qsizetype k = 0; k < t.dict.size(); ++k) {
            auto it = index.find(t.dict[k]);
            if (it == index.end())
                it = index.insert(t.dict[k], static_cast<std::int32_t>(dict.size())),
                dict.push_back(t.dict[k]);
            else
                merged = true;
            map[static_cast<std::size_t>(k)] = it.value();
        }
        if (!merged)
            return t;
        for (auto &c : t.codes)
            if (c >= 0)
                c = map[static_cast<std::size_t>(c)];
        t.dict = std::move(dict);
        return t;
    }
};

const char *const kFunctions[] = { "log", "ln", "log2", "log10", "exp", "sqrt", "abs", "floor",
    "ceil", "trunc", "sign", "year", "month", "day", "weekday", "hour", "minute", "second",
    "dayofyear", "date", "round", "pow", "min", "max", "if", "is_missing", "isnull", "isna",
    "lower", "upper", "trim", "len", "num", "str", "contains", "substr", "concat", "cut" };

} // namespace

void ExpressionProgram::checkFunctions(const ExpressionNode &expression)
{
    if (expression.kind == Kind::Call) {
        const std::string name = expression.text.toStdString();
        if (std::find_if(std::begin(kFunctions), std::end(kFunctions),
                [&](const char *f) { return name == f; })
            == std::end(kFunctions))
            fail("unknown function '" + name + "'", expression.position);
    }
    for (const ExpressionNode &child : expression.children)
        checkFunctions(child);
}

ExpressionProgram::Type ExpressionProgram::typeOf(
    const ExpressionNode &expression, const Dataset &data)
{
    Binder binder(data);
    return binder.bind(expression).type;
}

Dataset ExpressionProgram::schema(const Dataset &data)
{
    Dataset out;
    out.setName(data.name());
    out.reserveColumns(data.columnCount());
    for (const Column &c : data.columns()) {
        Column e = c.isNumeric() ? Column::numeric(c.name(), {})
                                 : Column::categorical(c.name(), {}, c.categories());
        e.setRole(c.role());
        out.addColumn(std::move(e));
    }
    return out;
}

QStringList ExpressionProgram::columnsUsed(const ExpressionNode &expression, const Dataset &data)
{
    Binder binder(data);
    binder.bind(expression);
    return binder.used;
}

ExpressionProgram::Value ExpressionProgram::evaluate(
    const ExpressionNode &expression, const Dataset &data, const std::atomic<bool> *cancel)
{
    Binder binder(data);
    Op root = binder.bind(expression);
    Evaluator ev(data.rowCount(), cancel);
    ev.prepare(root);
    Value out;
    out.type = root.type;
    if (ev.cancelled())
        return {};
    if (root.type == Type::Number) {
        out.numbers = ev.numbers(root);
        return out;
    }
    // Text: expand a constant, keep only the categories in use (in first-use order of
    // the dictionary).
    const TextData &t = *root.textData;
    const auto rows = static_cast<std::size_t>(data.rowCount());
    std::vector<std::int32_t> map(static_cast<std::size_t>(t.dict.size()), -1);
    out.codes.resize(rows);
    if (t.constant()) {
        std::fill(out.codes.begin(), out.codes.end(), rows ? 0 : -1);
        if (rows)
            out.categories = t.dict;
        return out;
    }
    const std::int32_t *codes = t.data();
    for (std::size_t r = 0; r < rows; ++r) {
        const std::int32_t c = codes[r];
        if (c >= 0)
            map[static_cast<std::size_t>(c)] = 0;
    }
    std::int32_t next = 0;
    for (qsizetype k = 0; k < t.dict.size(); ++k)
        if (map[static_cast<std::size_t>(k)] == 0) {
            map[static_cast<std::size_t>(k)] = next++;
            out.categories.push_back(t.dict[k]);
        }
    for (std::size_t r = 0; r < rows; ++r) {
        const std::int32_t c = codes[r];
        out.codes[r] = c < 0 ? -1 : map[static_cast<std::size_t>(c)];
    }
    return out;
}

} // namespace sextant::engine
