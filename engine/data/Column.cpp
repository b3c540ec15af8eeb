#include "data/Column.h"

#include "data/DateTime.h"
#include "data/NumberParser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace sextant::engine {

QString toString(ColumnType type)
{
    return type == ColumnType::Numeric ? QStringLiteral("numeric") : QStringLiteral("categorical");
}

QString toString(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Feature:
        return QStringLiteral("feature");
    case ColumnRole::Target:
        return QStringLiteral("target");
    case ColumnRole::Ignore:
        return QStringLiteral("ignore");
    }
    return {};
}

namespace {
constexpr std::size_t kMaxSuggestedCategories = 10;

bool looksCategorical(const std::vector<double> &values)
{
    // At most kMaxSuggestedCategories distinct values are kept: a linear search of a
    // small array (a hash set cost ~0.1 s per 10^6 rows of a computed 0/1 column).
    double distinct[kMaxSuggestedCategories];
    std::size_t count = 0;
    std::size_t present = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        ++present;
        if (v != std::floor(v) || std::abs(v) > 1e9)
            return false;
        if (std::find(distinct, distinct + count, v) == distinct + count) {
            if (count == kMaxSuggestedCategories)
                return false;
            distinct[count++] = v;
        }
    }
    // A handful of rows says nothing; ask for repeated values.
    return present >= 2 * count && count >= 2;
}

QString formatNumber(double v)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, static_cast<qsizetype>(res.ptr - buf));
}
} // namespace

// Every default-constructed (empty) column shares one empty storage: a table being
// assembled column by column holds no allocation per column it has not filled yet.
Column::Column()
{
    static const std::shared_ptr<const Storage> empty = std::make_shared<const Storage>();
    m_data = empty;
}

Column Column::numeric(QString name, std::vector<double> values, std::vector<std::uint8_t> missing)
{
    auto s = std::make_shared<Storage>();
    s->type = ColumnType::Numeric;
    if (!missing.empty() && missing.size() != values.size())
        missing.clear();
    // Derive the mask from NaN cells where no mask was given, and make sure masked cells
    // hold NaN, so both views of "missing" agree.
    std::int64_t count = 0;
    if (missing.empty()) {
        for (double v : values)
            count += std::isnan(v) ? 1 : 0;
        if (count > 0) {
            missing.resize(values.size());
            for (std::size_t i = 0; i < values.size(); ++i)
                missing[i] = std::isnan(values[i]) ? 1 : 0;
        }
    } else {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (std::isnan(values[i]))
                missing[i] = 1;
            if (missing[i]) {
                values[i] = std::numeric_limits<double>::quiet_NaN();
                ++count;
            }
        }
        if (count == 0)
            missing = {};
    }
    s->missingCount = count;
    s->values = std::move(values);
    s->missing = std::move(missing);
    s->suggestsCategorical = looksCategorical(s->values);
    Column c;
    c.m_data = std::move(s);
    c.m_name = std::move(name);
    return c;
}

Column Column::dateTime(
    QString name, std::vector<double> seconds, std::vector<std::uint8_t> missing)
{
    Column c = numeric(std::move(name), std::move(seconds), std::move(missing));
    c.setDateTime(true);
    return c;
}

void Column::setDateTime(bool dateTime)
{
    m_dateTime = dateTime && isNumeric();
    m_dateOnly = false;
    if (!m_dateTime)
        return;
    m_dateOnly = true;
    for (double v : m_data->values)
        if (!std::isnan(v) && !DateTime::isMidnight(v)) {
            m_dateOnly = false;
            break;
        }
}

Column Column::categorical(QString name, std::vector<std::int32_t> codes, QStringList categories)
{
    auto s = std::make_shared<Storage>();
    s->type = ColumnType::Categorical;
    const auto nCat = static_cast<std::int32_t>(categories.size());
    std::int64_t count = 0;
    for (auto &c : codes) {
        if (c < 0 || c >= nCat)
            c = -1;
        count += c < 0 ? 1 : 0;
    }
    if (count > 0) {
        s->missing.resize(codes.size());
        for (std::size_t i = 0; i < codes.size(); ++i)
            s->missing[i] = codes[i] < 0 ? 1 : 0;
    }
    s->missingCount = count;
    s->codes = std::move(codes);
    s->categories = std::move(categories);
    Column c;
    c.m_data = std::move(s);
    c.m_name = std::move(name);
    return c;
}

std::int64_t Column::size() const
{
    return static_cast<std::int64_t>(isNumeric() ? m_data->values.size() : m_data->codes.size());
}

double Column::numericValue(std::int64_t row) const
{
    if (isNumeric())
        return m_data->values[static_cast<std::size_t>(row)];
    const auto code = m_data->codes[static_cast<std::size_t>(row)];
    return code < 0 ? std::numeric_limits<double>::quiet_NaN() : double(code);
}

QString Column::displayValue(std::int64_t row) const
{
    if (isMissing(row))
        return {};
    if (m_dateTime)
        return DateTime::toIsoText(m_data->values[static_cast<std::size_t>(row)], m_dateOnly);
    if (isNumeric())
        return formatNumber(m_data->values[static_cast<std::size_t>(row)]);
    return m_data->categories[m_data->codes[static_cast<std::size_t>(row)]];
}

Column Column::toCategorical() const
{
    if (isCategorical())
        return *this;
    std::map<double, std::int32_t> index;
    for (double v : m_data->values)
        if (!std::isnan(v))
            index.emplace(v, 0);
    QStringList categories;
    categories.reserve(static_cast<qsizetype>(index.size()));
    std::int32_t next = 0;
    for (auto &[v, code] : index) {
        code = next++;
        categories.push_back(m_dateTime ? DateTime::toIsoText(v, m_dateOnly) : formatNumber(v));
    }
    std::vector<std::int32_t> codes(m_data->values.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const double v = m_data->values[i];
        codes[i] = std::isnan(v) ? -1 : index[v];
    }
    Column c = categorical(m_name, std::move(codes), std::move(categories));
    c.m_role = m_role;
    return c;
}

bool Column::toNumeric(Column &out) const
{
    if (isNumeric()) {
        out = *this;
        out.m_dateTime = out.m_dateOnly = false; // plain seconds since the epoch
        return true;
    }
    std::vector<double> lookup;
    lookup.reserve(static_cast<std::size_t>(m_data->categories.size()));
    for (const QString &cat : m_data->categories) {
        // The rules every reader uses (NumberParser.h), after trimming blanks.
        const QByteArray utf8 = cat.trimmed().toUtf8();
        double v = 0;
        if (!parseNumber(
                std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), v))
            return false;
        lookup.push_back(v);
    }
    std::vector<double> values(m_data->codes.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto code = m_data->codes[i];
        values[i] = code < 0 ? std::numeric_limits<double>::quiet_NaN() : lookup[code];
    }
    out = numeric(m_name, std::move(values));
    out.m_role = m_role;
    return true;
}

} // namespace sextant::engine
