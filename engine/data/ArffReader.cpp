#include "data/ArffReader.h"

#include "data/ArffDate.h"
#include "data/MemoryBudget.h"
#include "data/NumberParser.h"
#include "data/TextEncoding.h"
#include "data/TextSource.h"

#include <QHash>
#include <QStringList>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// ARFF as Weka reads it (weka.core.converters.ArffLoader.ArffReader):
//  - Tokens are separated by whitespace (any byte <= ' ') and commas; '{' and '}' are
//    tokens of their own; '%' starts a comment that runs to the end of the line; values
//    with spaces are quoted with ' or ", inside which a backslash escapes the next
//    character (\n \t \r \b \f \v \a, anything else stands for itself). A quoted value
//    ends on its line.
//  - Keywords (@relation, @attribute, @data) and type names are case-insensitive; names
//    and nominal values are case-sensitive.
//  - An unquoted '?' is a missing value; a quoted '?' is the text "?".
//  - Sparse rows "{index value, ...}" use 0-based, strictly ascending attribute indices;
//    an absent entry is 0 for numeric and date attributes and the first value (code 0)
//    for nominal and string attributes, as in Weka.
//  - A trailing "{weight}" after a row is Weka's instance weight; it is ignored with one
//    warning.
//
// Types:
//  - numeric / real / integer -> numeric column.
//  - {a, b, 'c d'}            -> categorical column, categories in declared order.
//  - string                   -> categorical column, categories in order of first
//                                appearance (so Weka's "absent sparse string = value 0"
//                                is the first string of the file).
//  - date [format]            -> numeric column of seconds since 1970-01-01T00:00:00 UTC
//                                (fractional with milliseconds). The format is Java's
//                                SimpleDateFormat, default "yyyy-MM-dd'T'HH:mm:ss". Times
//                                are read as UTC unless the value carries a zone offset
//                                (pattern letters Z or X). A format using letters Sextant
//                                does not parse (week numbers, era, ...) keeps the values
//                                as categories, with a warning.
//  - relational               -> refused ("not supported").
//
// Numbers follow NumberParser.h and text the encoding policy of TextEncoding.h (UTF-8,
// BOM skipped; a name or value that is not valid UTF-8 is read as Latin-1 with a
// warning at its first appearance), as in the CSV and LIBSVM readers.

namespace sextant::engine {

namespace {

using arff::compileDateFormat;
using arff::DateFormat;
using arff::parseDate;

// ---------------------------------------------------------------------------------------
// Tokens

enum class TokenKind : std::uint8_t { Word, Quoted, OpenBrace, CloseBrace };

struct Token {
    TokenKind kind = TokenKind::Word;
    std::string text;
    bool isValue() const { return kind == TokenKind::Word || kind == TokenKind::Quoted; }
    bool isMissing() const { return kind == TokenKind::Word && text == "?"; }
};

// The tokens of one line; Token objects (and their string capacity) are reused from line
// to line so that reading a row does not allocate. At most `limit` tokens are kept: a data
// row can hold no more than 2 x attributes + 5 tokens, so past the limit a line is wrong
// whatever follows, and the rest is only counted (`total`) instead of costing ~40 bytes a
// token. `leadingValues` and `firstNonValue` describe the whole line, kept or not.
struct LineTokens {
    std::vector<Token> tokens;
    std::size_t count = 0; // tokens kept
    std::size_t total = 0; // tokens on the line
    std::size_t limit = std::numeric_limits<std::size_t>::max();
    std::size_t leadingValues = 0; // values before the first brace
    TokenKind firstNonValue = TokenKind::Word; // valid when leadingValues < total
    Token dropped; // receives the tokens past the limit

    void clear()
    {
        count = 0;
        total = 0;
        leadingValues = 0;
    }
    Token &append(TokenKind kind)
    {
        const bool value = kind == TokenKind::Word || kind == TokenKind::Quoted;
        if (value && leadingValues == total)
            ++leadingValues;
        else if (!value && leadingValues == total)
            firstNonValue = kind;
        ++total;
        Token *t = &dropped;
        if (count < limit) {
            if (count == tokens.size())
                tokens.emplace_back();
            t = &tokens[count++];
        }
        t->kind = kind;
        t->text.clear();
        return *t;
    }
    const Token &operator[](std::size_t i) const { return tokens[i]; }
};

inline bool isSeparator(unsigned char c)
{
    return c <= ' ' || c == ',';
}

inline bool endsWord(unsigned char c)
{
    return isSeparator(c) || c == '%' || c == '{' || c == '}' || c == '\'' || c == '"';
}

// Splits [p, end) into tokens. On failure returns false with `error` set; the failing
// token is the last one appended (its 1-based number is out.total).
bool tokenize(const char *p, const char *end, LineTokens &out, QString &error)
{
    out.clear();
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (isSeparator(c)) {
            ++p;
        } else if (c == '%') {
            break;
        } else if (c == '{') {
            out.append(TokenKind::OpenBrace);
            ++p;
        } else if (c == '}') {
            out.append(TokenKind::CloseBrace);
            ++p;
        } else if (c == '\'' || c == '"') {
            Token &t = out.append(TokenKind::Quoted);
            const char quote = static_cast<char>(c);
            ++p;
            bool closed = false;
            while (p < end) {
                char ch = *p++;
                if (ch == quote) {
                    closed = true;
                    break;
                }
                if (ch == '\\') {
                    if (p == end)
                        break;
                    ch = *p++;
                    switch (ch) {
                    case 'n':
                        ch = '\n';
                        break;
                    case 't':
                        ch = '\t';
                        break;
                    case 'r':
                        ch = '\r';
                        break;
                    case 'b':
                        ch = '\b';
                        break;
                    case 'f':
                        ch = '\f';
                        break;
                    case 'v':
                        ch = '\v';
                        break;
                    case 'a':
                        ch = '\a';
                        break;
                    default:
                        break; // \\ \' \" \% and anything else: the character itself
                    }
                }
                t.text.push_back(ch);
            }
            if (!closed) {
                error = QStringLiteral("unterminated quoted value (missing closing %1)")
                            .arg(QLatin1Char(quote));
                return false;
            }
        } else {
            Token &t = out.append(TokenKind::Word);
            const char *start = p;
            while (p < end && !endsWord(static_cast<unsigned char>(*p)))
                ++p;
            t.text.assign(start, p);
        }
    }
    return true;
}

QString quoteText(std::string_view s)
{
    constexpr std::size_t kMax = 60;
    bool latin1 = false;
    QString q = text::decode(s.substr(0, kMax), latin1);
    if (s.size() > kMax)
        q += QStringLiteral("...");
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// Numbers follow the rules shared by every reader (NumberParser.h).
bool parseDouble(const std::string &s, double &out)
{
    return parseNumber(s, out);
}

QString describe(const Token &t)
{
    switch (t.kind) {
    case TokenKind::OpenBrace:
        return QStringLiteral("'{'");
    case TokenKind::CloseBrace:
        return QStringLiteral("'}'");
    default:
        return quoteText(t.text);
    }
}

// ---------------------------------------------------------------------------------------
// Attributes

struct Attribute {
    enum class Kind : std::uint8_t { Numeric, Nominal, String, Date };
    Kind kind = Kind::Numeric;
    QString name;
    std::int64_t line = 0;
    // Nominal and String (and Date kept as text): categories and their index.
    std::vector<std::string> categories;
    std::unordered_map<std::string, std::int32_t> lookup;
    // Date
    std::string dateFormatText;
    DateFormat dateFormat;
    // Cells: values for Numeric and parsed Date, codes otherwise.
    std::vector<double> values;
    std::vector<std::int32_t> codes;

    bool storesCodes() const
    {
        return kind == Kind::Nominal || kind == Kind::String
            || (kind == Kind::Date && !dateFormat.valid);
    }
    QString typeName() const
    {
        switch (kind) {
        case Kind::Numeric:
            return QStringLiteral("numeric");
        case Kind::Nominal:
            return QStringLiteral("nominal");
        case Kind::String:
            return QStringLiteral("string");
        case Kind::Date:
            return QStringLiteral("date");
        }
        return {};
    }
};

QString nominalList(const Attribute &a)
{
    constexpr std::size_t kShown = 12;
    QStringList shown;
    for (std::size_t i = 0; i < a.categories.size() && i < kShown; ++i) {
        bool latin1 = false;
        shown << text::decode(a.categories[i], latin1);
    }
    if (a.categories.size() > kShown)
        shown << QStringLiteral("... (%1 values)").arg(a.categories.size());
    return QLatin1Char('{') + shown.join(QStringLiteral(", ")) + QLatin1Char('}');
}

class Parser {
public:
    Parser(const char *data, std::size_t size, const QString &source, const LoadControl &control)
        : m_begin(data), m_end(data + size), m_source(source), m_control(control)
    {
    }

    LoadResult run();

private:
    enum class State { Start, Header, Data };

    LoadResult parse();
    LoadResult outOfMemory() const;

    LoadIssue issue(int column, const QString &message) const
    {
        return LoadIssue { m_source, m_line, column, message };
    }
    bool fail(int column, const QString &message)
    {
        m_error = issue(column, message);
        return false;
    }

    bool headerLine();
    bool attributeLine();
    bool dataLine();
    bool denseRow(std::size_t valueCount);
    bool sparseRow();
    bool store(Attribute &a, const Token &t, int field);
    void storeDefault(Attribute &a);
    bool weight(std::size_t first, int firstField);
    QString decodeText(const std::string &bytes, int field);
    LoadResult finish();

    const char *m_begin;
    const char *m_end;
    QString m_source;
    const LoadControl &m_control;

    State m_state = State::Start;
    std::int64_t m_line = 0;
    LineTokens m_tokens;
    QString m_relation;
    std::vector<Attribute> m_attributes;
    QHash<QString, int> m_attributeIndex;
    std::int64_t m_rows = 0;
    // For the out-of-memory message: where the current line starts and its length.
    const char *m_lineStart = nullptr;
    std::size_t m_lineLength = 0;
    std::size_t m_attributeCount = 0;
    bool m_warnedWeights = false;
    int m_latin1Warnings = 0; // kept; the rest are counted in m_latin1Dropped
    std::int64_t m_latin1Dropped = 0;
    std::optional<LoadIssue> m_error;
    QList<LoadIssue> m_warnings;
};

// Names and values by the shared encoding policy: UTF-8, or Latin-1 with a warning (the
// first kMaxLatin1Warnings of them, as the CSV reader keeps its first 50 warnings).
QString Parser::decodeText(const std::string &bytes, int field)
{
    constexpr int kMaxLatin1Warnings = 50;
    bool latin1 = false;
    QString decoded = text::decode(bytes, latin1);
    if (latin1) {
        if (m_latin1Warnings < kMaxLatin1Warnings) {
            ++m_latin1Warnings;
            m_warnings.push_back(issue(field, text::notUtf8Warning(decoded)));
        } else {
            ++m_latin1Dropped;
        }
    }
    return decoded;
}

// Every allocation (tokens, cells, categories) is proportional to the file, but a file can
// still be larger than the memory left: running out is a refusal naming the line reached,
// never an abort.
LoadResult Parser::run()
{
    try {
        return parse();
    } catch (const std::bad_alloc &) {
        m_attributes = {};
        m_tokens = {};
        return outOfMemory();
    }
}

LoadResult Parser::outOfMemory() const
{
    // What the table needs: a double per cell for the rows of the whole file (estimated
    // from the share of the file read so far), and the line being read as tokens.
    const auto size = static_cast<double>(m_end - m_begin);
    const double done
        = m_lineStart ? std::max(1.0, static_cast<double>(m_lineStart - m_begin)) : size;
    const double cells = static_cast<double>(m_rows) * static_cast<double>(m_attributeCount);
    const double needed = cells * sizeof(double) * (size / done)
        + static_cast<double>(m_lineLength) * sizeof(Token) / 2.0;
    return LoadResult::failure(issue(0,
        MemoryBudget::outOfMemory(
            QStringLiteral("load the file"), static_cast<std::uint64_t>(needed))));
}

LoadResult Parser::parse()
{
    const std::size_t size = static_cast<std::size_t>(m_end - m_begin);
    if (size == 0)
        return LoadResult::failure({ m_source, 0, 0, QStringLiteral("the file is empty") });

    if (const QString refused = text::unsupportedEncoding(m_begin, size); !refused.isEmpty())
        return LoadResult::failure({ m_source, 1, 1, refused });
    const char *p = m_begin + text::utf8BomLength(m_begin, size);

    constexpr std::size_t kReportEvery = std::size_t(1) << 20;
    std::size_t nextReport = kReportEvery;
    m_control.report(0.0);

    while (p < m_end) {
        const char *lineEnd = static_cast<const char *>(std::memchr(p, '\n', m_end - p));
        if (!lineEnd)
            lineEnd = m_end;
        const char *next = lineEnd < m_end ? lineEnd + 1 : m_end;
        while (lineEnd > p && lineEnd[-1] == '\r')
            --lineEnd;
        ++m_line;
        m_lineStart = p;
        m_lineLength = static_cast<std::size_t>(lineEnd - p);

        if (std::memchr(p, '\0', lineEnd - p))
            return LoadResult::failure(issue(
                0, QStringLiteral("binary data (a NUL byte): this is not an ARFF text file")));

        QString tokenError;
        if (!tokenize(p, lineEnd, m_tokens, tokenError))
            return LoadResult::failure(issue(static_cast<int>(m_tokens.total), tokenError));

        if (m_tokens.total > 0) {
            const bool ok = m_state == State::Data ? dataLine() : headerLine();
            if (!ok)
                return LoadResult::failure(*m_error);
        }

        p = next;
        const auto done = static_cast<std::size_t>(p - m_begin);
        if (done >= nextReport) {
            nextReport = done + kReportEvery;
            if (m_control.cancelled())
                return LoadResult::wasCancelled(m_source);
            m_control.report(double(done) / double(size));
        }
    }
    if (m_control.cancelled())
        return LoadResult::wasCancelled(m_source);

    switch (m_state) {
    case State::Start:
        return LoadResult::failure({ m_source, m_line, 0,
            QStringLiteral("no @relation line: the file has only comments or blank lines") });
    case State::Header:
        return LoadResult::failure({ m_source, m_line, 0,
            QStringLiteral("missing @data section: the file ends after the header") });
    case State::Data:
        break;
    }
    return finish();
}

bool Parser::headerLine()
{
    const Token &first = m_tokens[0];
    std::string keyword = first.kind == TokenKind::Word ? first.text : std::string();
    for (char &c : keyword)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');

    if (m_state == State::Start) {
        if (keyword != "@relation")
            return fail(1,
                QStringLiteral("expected @relation at the start of an ARFF file, found %1")
                    .arg(describe(first)));
        if (m_tokens.count < 2 || !m_tokens[1].isValue())
            return fail(2, QStringLiteral("@relation needs a name"));
        m_relation = decodeText(m_tokens[1].text, 2);
        m_state = State::Header;
        return true;
    }
    if (keyword == "@attribute")
        return attributeLine();
    if (keyword == "@data") {
        if (m_attributes.empty())
            return fail(1, QStringLiteral("@data before any @attribute declaration"));
        m_state = State::Data;
        m_attributeCount = m_attributes.size();
        m_tokens.limit = 2 * m_attributes.size() + 6;
        return true;
    }
    if (keyword == "@relation")
        return fail(1, QStringLiteral("a second @relation line"));
    return fail(1, QStringLiteral("expected @attribute or @data, found %1").arg(describe(first)));
}

bool Parser::attributeLine()
{
    if (m_tokens.count < 2 || !m_tokens[1].isValue())
        return fail(2, QStringLiteral("@attribute needs a name"));
    Attribute a;
    a.name = decodeText(m_tokens[1].text, 2);
    a.line = m_line;
    if (const auto it = m_attributeIndex.constFind(a.name); it != m_attributeIndex.cend())
        return fail(2,
            QStringLiteral("duplicate attribute name %1 (first declared on line %2)")
                .arg(quoteText(m_tokens[1].text))
                .arg(m_attributes[static_cast<std::size_t>(*it)].line));
    if (m_tokens.count < 3)
        return fail(3, QStringLiteral("attribute %1 has no type").arg(quoteText(m_tokens[1].text)));

    const Token &type = m_tokens[2];
    if (type.kind == TokenKind::OpenBrace) {
        a.kind = Attribute::Kind::Nominal;
        std::size_t i = 3;
        for (; i < m_tokens.count; ++i) {
            const Token &t = m_tokens[i];
            if (t.kind == TokenKind::CloseBrace)
                break;
            if (!t.isValue())
                return fail(static_cast<int>(i + 1),
                    QStringLiteral("unexpected '{' in the values of nominal attribute %1")
                        .arg(quoteText(m_tokens[1].text)));
            const auto code = static_cast<std::int32_t>(a.categories.size());
            if (!a.lookup.emplace(t.text, code).second)
                return fail(static_cast<int>(i + 1),
                    QStringLiteral("nominal attribute %1 declares the value %2 twice")
                        .arg(quoteText(m_tokens[1].text), quoteText(t.text)));
            a.categories.push_back(t.text);
            decodeText(t.text, static_cast<int>(i + 1)); // warns when not UTF-8
        }
        if (i == m_tokens.count)
            return fail(static_cast<int>(m_tokens.count),
                QStringLiteral("the values of nominal attribute %1 are not closed with '}'")
                    .arg(quoteText(m_tokens[1].text)));
    } else {
        std::string name = type.kind == TokenKind::Word ? type.text : std::string();
        for (char &c : name)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        if (name == "numeric" || name == "real" || name == "integer") {
            a.kind = Attribute::Kind::Numeric;
        } else if (name == "string") {
            a.kind = Attribute::Kind::String;
        } else if (name == "date") {
            a.kind = Attribute::Kind::Date;
            a.dateFormatText = "yyyy-MM-dd'T'HH:mm:ss";
            if (m_tokens.count >= 4 && m_tokens[3].isValue())
                a.dateFormatText = m_tokens[3].text;
            a.dateFormat = compileDateFormat(a.dateFormatText);
            if (!a.dateFormat.valid)
                m_warnings.push_back(issue(4,
                    QStringLiteral("date attribute %1: the format %2 uses the pattern letter "
                                   "'%3', which Sextant does not parse; its values are kept "
                                   "as text categories")
                        .arg(quoteText(m_tokens[1].text), quoteText(a.dateFormatText),
                            a.dateFormat.unsupported)));
        } else if (name == "relational") {
            return fail(3,
                QStringLiteral("relational attributes (%1) are not supported")
                    .arg(quoteText(m_tokens[1].text)));
        } else {
            return fail(3,
                QStringLiteral("unknown attribute type %1 for attribute %2 (expected "
                               "numeric, real, integer, string, date or {values})")
                    .arg(quoteText(type.text), quoteText(m_tokens[1].text)));
        }
        // Like Weka, anything after the type is ignored.
    }
    m_attributeIndex.insert(a.name, static_cast<int>(m_attributes.size()));
    m_attributes.push_back(std::move(a));
    return true;
}

bool Parser::store(Attribute &a, const Token &t, int field)
{
    if (t.isMissing()) {
        if (a.storesCodes())
            a.codes.push_back(-1);
        else
            a.values.push_back(std::numeric_limits<double>::quiet_NaN());
        return true;
    }
    switch (a.kind) {
    case Attribute::Kind::Numeric: {
        double v = 0;
        if (!parseDouble(t.text, v))
            return fail(field,
                QStringLiteral("%1 is not a number (attribute '%2' is numeric)")
                    .arg(quoteText(t.text), a.name));
        a.values.push_back(v);
        return true;
    }
    case Attribute::Kind::Nominal: {
        const auto it = a.lookup.find(t.text);
        if (it == a.lookup.end())
            return fail(field,
                QStringLiteral("%1 is not a declared value of nominal attribute "
                               "'%2' %3")
                    .arg(quoteText(t.text), a.name, nominalList(a)));
        a.codes.push_back(it->second);
        return true;
    }
    case Attribute::Kind::Date:
        if (a.dateFormat.valid) {
            double v = 0;
            if (!parseDate(a.dateFormat, t.text, v))
                return fail(field,
                    QStringLiteral("%1 does not match the date format %2 of "
                                   "attribute '%3'")
                        .arg(quoteText(t.text), quoteText(a.dateFormatText), a.name));
            a.values.push_back(v);
            return true;
        }
        [[fallthrough]];
    case Attribute::Kind::String: {
        const auto code = static_cast<std::int32_t>(a.categories.size());
        const auto [it, inserted] = a.lookup.emplace(t.text, code);
        if (inserted) {
            a.categories.push_back(t.text);
            decodeText(t.text, field); // warns when not UTF-8
        }
        a.codes.push_back(it->second);
        return true;
    }
    }
    return true;
}

void Parser::storeDefault(Attribute &a)
{
    if (a.storesCodes())
        a.codes.push_back(a.kind == Attribute::Kind::Nominal && a.categories.empty() ? -1 : 0);
    else
        a.values.push_back(0.0);
}

// Weka's optional instance weight "{w}" after a row: checked, then ignored.
bool Parser::weight(std::size_t first, int firstField)
{
    const std::size_t n = m_tokens.total - first;
    double w = 0;
    if (n != 3 || m_tokens[first].kind != TokenKind::OpenBrace
        || m_tokens[first + 1].kind != TokenKind::Word || !parseDouble(m_tokens[first + 1].text, w)
        || m_tokens[first + 2].kind != TokenKind::CloseBrace)
        return fail(firstField,
            QStringLiteral("unexpected text after the row's values (an "
                           "instance weight is written {number})"));
    if (!m_warnedWeights) {
        m_warnedWeights = true;
        m_warnings.push_back(issue(firstField, QStringLiteral("instance weights are ignored")));
    }
    return true;
}

bool Parser::dataLine()
{
    if (m_tokens[0].kind == TokenKind::OpenBrace)
        return sparseRow();
    const std::size_t values = m_tokens.leadingValues;
    if (values < m_tokens.total && m_tokens.firstNonValue == TokenKind::CloseBrace)
        return fail(static_cast<int>(values + 1), QStringLiteral("unexpected '}'"));
    return denseRow(values);
}

bool Parser::denseRow(std::size_t valueCount)
{
    const std::size_t n = m_attributes.size();
    if (valueCount != n)
        return fail(static_cast<int>(std::min(valueCount, n) + 1),
            QStringLiteral("expected %1 values (one per attribute), found %2")
                .arg(n)
                .arg(valueCount));
    if (valueCount < m_tokens.total && !weight(valueCount, static_cast<int>(n + 1)))
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        // A failure ends the load, so the columns' lengths need no repair.
        if (!store(m_attributes[i], m_tokens[i], static_cast<int>(i + 1)))
            return false;
    }
    ++m_rows;
    return true;
}

bool Parser::sparseRow()
{
    const std::size_t n = m_attributes.size();
    std::size_t nextAttr = 0; // attributes before this one are filled for this row
    std::size_t i = 1; // token index
    int entry = 0;
    bool closed = false;
    while (i < m_tokens.count) {
        const Token &t = m_tokens[i];
        if (t.kind == TokenKind::CloseBrace) {
            closed = true;
            ++i;
            break;
        }
        ++entry;
        if (t.kind != TokenKind::Word)
            return fail(entry,
                QStringLiteral("expected an attribute index in a sparse row, found %1")
                    .arg(describe(t)));
        std::int64_t index = -1;
        if (!parseInteger(t.text, index))
            return fail(entry,
                QStringLiteral("%1 is not an attribute index (sparse rows are "
                               "{index value, ...})")
                    .arg(quoteText(t.text)));
        if (index < 0 || static_cast<std::uint64_t>(index) >= n)
            return fail(entry,
                QStringLiteral("sparse index %1 is out of range: there are %2 "
                               "attributes (indices 0 to %3)")
                    .arg(index)
                    .arg(n)
                    .arg(n - 1));
        if (static_cast<std::size_t>(index) < nextAttr)
            return fail(entry,
                QStringLiteral("sparse index %1 is not greater than the previous "
                               "index %2 (indices must be ascending)")
                    .arg(index)
                    .arg(nextAttr - 1));
        if (i + 1 >= m_tokens.count || !m_tokens[i + 1].isValue())
            return fail(entry, QStringLiteral("sparse index %1 has no value").arg(index));
        for (; nextAttr < static_cast<std::size_t>(index); ++nextAttr)
            storeDefault(m_attributes[nextAttr]);
        if (!store(m_attributes[nextAttr], m_tokens[i + 1], entry))
            return false; // a failure ends the load: no need to repair the columns
        ++nextAttr;
        i += 2;
    }
    if (!closed)
        return fail(entry + 1, QStringLiteral("sparse row is not closed with '}'"));
    if (i < m_tokens.total && !weight(i, entry + 1))
        return false;
    for (; nextAttr < n; ++nextAttr)
        storeDefault(m_attributes[nextAttr]);
    ++m_rows;
    return true;
}

LoadResult Parser::finish()
{
    Dataset ds;
    ds.setName(m_relation);
    ds.setSource(m_source);
    const std::size_t n = m_attributes.size();
    for (std::size_t i = 0; i < n; ++i) {
        Attribute &a = m_attributes[i];
        Column c;
        if (a.storesCodes()) {
            // A string attribute that only ever took its sparse default has no value 0.
            if (a.categories.empty() && a.kind != Attribute::Kind::Nominal)
                for (std::int32_t code : a.codes)
                    if (code == 0) {
                        a.categories.emplace_back();
                        break;
                    }
            QStringList categories;
            categories.reserve(static_cast<qsizetype>(a.categories.size()));
            for (const std::string &s : a.categories) {
                bool latin1 = false; // warned about where the value first appeared
                categories.push_back(text::decode(s, latin1));
            }
            c = Column::categorical(a.name, std::move(a.codes), std::move(categories));
        } else {
            c = Column::numeric(a.name, std::move(a.values));
            c.setDateTime(a.kind == Attribute::Kind::Date);
        }
        a.lookup = {};
        if (i + 1 == n)
            c.setRole(ColumnRole::Target);
        if (!ds.addColumn(std::move(c)))
            return LoadResult::failure({ m_source, a.line, 0,
                QStringLiteral("internal error: column '%1' could not be "
                               "added")
                    .arg(a.name) });
    }
    if (m_rows == 0)
        m_warnings.push_back(
            { m_source, m_line, 0, QStringLiteral("the @data section has no rows") });
    if (m_latin1Dropped > 0)
        m_warnings.push_back({ m_source, 0, 0,
            QStringLiteral("%1 more warning(s) not shown").arg(m_latin1Dropped) });
    m_control.report(1.0);
    LoadResult result;
    result.dataset = std::move(ds);
    result.warnings = std::move(m_warnings);
    return result;
}

} // namespace

LoadResult ArffReader::read(const QString &path, const LoadControl &control)
{
    TextSource source;
    if (auto error = source.open(path))
        return LoadResult::failure(*error);
    return Parser(source.data(), source.size(), path, control).run();
}

LoadResult ArffReader::readBuffer(
    const QByteArray &data, const QString &sourceName, const LoadControl &control)
{
    return Parser(data.constData(), static_cast<std::size_t>(data.size()), sourceName, control)
        .run();
}

} // namespace sextant::engine
