#include "data/SqliteReader.h"

#include "data/DateColumns.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <charconv>
#include <cmath>
#include <limits>
#include <sqlite3.h>
#include <vector>

namespace sextant::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class Database {
public:
    ~Database()
    {
        if (m_db)
            sqlite3_close(m_db);
    }
    // Opens `path` read-only; false with `error` set.
    bool open(const QString &path, QString &error)
    {
        if (!QFileInfo(path).isFile()) {
            error = QStringLiteral("no such file");
            return false;
        }
        if (!SqliteReader::looksLikeDatabase(path)) {
            error = QStringLiteral("not a SQLite database (its first bytes are not SQLite's "
                                   "header)");
            return false;
        }
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                         : QString::fromUtf8(sqlite3_errstr(rc));
            return false;
        }
        return true;
    }
    sqlite3 *handle() const { return m_db; }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db = nullptr;
};

class Statement {
public:
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool prepare(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        return sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr)
            == SQLITE_OK;
    }
    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

QString quotedIdentifier(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// SQLite's affinity of a declared type (section 3.1 of its datatype documentation):
// numeric for INTEGER, REAL and NUMERIC affinity.
bool numericAffinity(const char *declared)
{
    if (!declared)
        return false; // no type: BLOB affinity
    const QString t = QString::fromUtf8(declared).toUpper();
    if (t.contains(QLatin1String("INT")))
        return true;
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB"))
        || t.contains(QLatin1String("TEXT")) || t.contains(QLatin1String("BLOB")) || t.isEmpty())
        return false;
    return true; // REAL, FLOA, DOUB, and NUMERIC for the rest
}

QString shortest(double v)
{
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, int(end.ptr - buffer));
}

struct ColumnCells {
    QString name;
    bool numericDeclared = false;
    bool text = false; // a TEXT value was met
    bool blob = false;
    std::vector<double> numbers; // every row: the number, NaN otherwise
    std::vector<std::int32_t> codes; // every row: the text's code, -1 otherwise
    QStringList categories;
    QHash<QString, std::int32_t> index;
};

} // namespace

bool SqliteReader::looksLikeDatabase(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

QStringList SqliteReader::tableNames(const QString &path, QString *error)
{
    Database db;
    QString why;
    if (!db.open(path, why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return {};
    }
    Statement s;
    if (!s.prepare(db.handle(),
            QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name"))) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, db.lastError());
        return {};
    }
    QStringList names;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW)
        names << QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(s.handle(), 0)));
    if (rc != SQLITE_DONE && error)
        *error = QStringLiteral("%1: %2").arg(path, db.lastError());
    return names;
}

LoadResult SqliteReader::read(const QString &path, const QString &table, const QString &query,
    const LoadControl &control, bool detectDates, DateColumns::Order dateOrder)
{
    const auto fail = [&path](const QString &message) {
        return LoadResult::failure({ path, 0, 0, message });
    };
    Database db;
    QString why;
    if (!db.open(path, why))
        return fail(why);

    QString sql = query.trimmed();
    QString what;
    if (sql.isEmpty()) {
        QString listError;
        const QStringList tables = tableNames(path, &listError);
        if (!listError.isEmpty())
            return LoadResult::failure({ path, 0, 0, listError.mid(path.size() + 2) });
        QString name = table.trimmed();
        if (name.isEmpty()) {
            if (tables.isEmpty())
                return fail(QStringLiteral("the database has no tables"));
            name = tables.front();
        } else if (!tables.contains(name)) {
            return fail(QStringLiteral("the database has no table '%1' (its tables: %2)")
                            .arg(name, tables.join(QStringLiteral(", "))));
        }
        sql = QStringLiteral("SELECT * FROM %1").arg(quotedIdentifier(name));
        what = QStringLiteral("table '%1'").arg(name);
    } else {
        what = QStringLiteral("the query");
    }

    Statement s;
    if (!s.prepare(db.handle(), sql))
        return fail(QStringLiteral("%1: %2").arg(what, db.lastError()));
    const int ncols = sqlite3_column_count(s.handle());
    if (ncols == 0)
        return fail(QStringLiteral("%1 returns no columns").arg(what));

    // Cancel: SQLite polls this every few thousand virtual machine steps.
    if (control.cancel)
        sqlite3_progress_handler(
            db.handle(), 10000,
            [](void *flag) -> int {
                return static_cast<const std::atomic<bool> *>(flag)->load(std::memory_order_relaxed)
                    ? 1
                    : 0;
            },
            const_cast<std::atomic<bool> *>(control.cancel));

    std::vector<ColumnCells> cells(static_cast<std::size_t>(ncols));
    QHash<QString, int> seen;
    for (int c = 0; c < ncols; ++c) {
        ColumnCells &col = cells[std::size_t(c)];
        QString name = QString::fromUtf8(sqlite3_column_name(s.handle(), c));
        if (name.isEmpty())
            name = QStringLiteral("Column %1").arg(c + 1);
        // Repeated names (a join's two "id"s) become "id_2".
        int &count = seen[name];
        if (++count > 1) {
            QString candidate;
            do
                candidate = name + QStringLiteral("_%1").arg(count++);
            while (seen.contains(candidate));
            seen.insert(candidate, 1);
            name = candidate;
        }
        col.name = name;
        col.numericDeclared = numericAffinity(sqlite3_column_decltype(s.handle(), c));
    }

    std::int64_t rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW) {
        for (int c = 0; c < ncols; ++c) {
            ColumnCells &col = cells[std::size_t(c)];
            double number = kNaN;
            std::int32_t code = -1;
            switch (sqlite3_column_type(s.handle(), c)) {
            case SQLITE_INTEGER:
                number = double(sqlite3_column_int64(s.handle(), c));
                break;
            case SQLITE_FLOAT:
                number = sqlite3_column_double(s.handle(), c);
                break;
            case SQLITE_TEXT: {
                const auto *text
                    = reinterpret_cast<const char *>(sqlite3_column_text(s.handle(), c));
                const QString value = QString::fromUtf8(text, sqlite3_column_bytes(s.handle(), c));
                auto it = col.index.find(value);
                if (it == col.index.end()) {
                    it = col.index.insert(value, std::int32_t(col.categories.size()));
                    col.categories << value;
                }
                code = *it;
                col.text = true;
                break;
            }
            case SQLITE_BLOB:
                col.blob = true;
                break;
            default: // NULL
                break;
            }
            col.numbers.push_back(number);
            col.codes.push_back(code);
        }
        ++rows;
        if ((rows & 0xfff) == 0) {
            if (control.cancelled())
                return LoadResult::wasCancelled(path);
        }
    }
    if (control.cancelled())
        return LoadResult::wasCancelled(path);
    if (rc != SQLITE_DONE)
        return fail(QStringLiteral("%1: %2").arg(what, db.lastError()));

    LoadResult result;
    Dataset dataset;
    for (ColumnCells &col : cells) {
        if (col.blob)
            result.warnings.push_back({ path, 0, 0,
                QStringLiteral("column '%1' has binary (BLOB) values: they are read as missing")
                    .arg(col.name) });
        bool anyNumber = false;
        for (double v : col.numbers)
            anyNumber = anyNumber || !std::isnan(v);
        const bool numeric = !col.text && (anyNumber || col.numericDeclared);
        if (numeric) {
            dataset.addColumn(Column::numeric(col.name, std::move(col.numbers)));
            continue;
        }
        // Text (numbers in it as their shortest text, as categories in order of appearance).
        for (std::size_t r = 0; r < col.codes.size(); ++r) {
            if (col.codes[r] >= 0 || std::isnan(col.numbers[r]))
                continue;
            const QString text = shortest(col.numbers[r]);
            auto it = col.index.find(text);
            if (it == col.index.end()) {
                it = col.index.insert(text, std::int32_t(col.categories.size()));
                col.categories << text;
            }
            col.codes[r] = *it;
        }
        dataset.addColumn(
            Column::categorical(col.name, std::move(col.codes), std::move(col.categories)));
    }
    if (detectDates)
        DateColumns::convert(dataset, dateOrder, path, result.warnings);
    dataset.setName(QFileInfo(path).completeBaseName());
    dataset.setSource(path);
    result.dataset = std::move(dataset);
    control.report(1.0);
    return result;
}

} // namespace sextant::engine
