#pragma once

#include "graph/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <cstdint>
#include <functional>
#include <optional>

namespace sextant::engine {

class Dataset;

enum class ParameterType : std::uint8_t {
    Int, // qlonglong, within [minimum, maximum] and exactly representable in JSON (|v| <= 2^53)
    Float, // double, finite, within [minimum, maximum]
    Bool, // bool
    Enum, // QString, one of `choices`
    Column, // QString naming a column of the node's input table; "" = none/automatic
    ColumnList, // QStringList of column names; empty = all/automatic
    String, // QString, at most `maxLength` characters
    FilePath, // QString; relative paths are resolved against the workflow's folder
};

// Stable lower-case id ("int", "float", "bool", "enum", "column", "column-list", "string",
// "file-path").
QString parameterTypeId(ParameterType type);

// Which columns a Column/ColumnList parameter offers in the property editor. A hint for the
// GUI; the node checks the actual column when it runs.
enum class ColumnFilter : std::uint8_t { Any, Numeric, Categorical };

// Describes one parameter of a node type, so the property editor can be generated from it
// and every value (typed in the GUI, read from a workflow file, given on the command line
// with --set) is checked the same way.
//
// Values are held in QVariants of one canonical type per ParameterType (see the enum);
// validate() converts accepted inputs to that type.
struct ParameterSpec {
    static constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53
    static constexpr int kDefaultMaxLength = 4096;
    static constexpr int kMaxListLength = 100000;

    QString name; // stable key, used in workflow files and `--set NODE.name=VALUE`
    QString label; // shown to people; `name` when empty
    ParameterType type = ParameterType::String;
    QVariant defaultValue;
    std::optional<double> minimum; // Int and Float
    std::optional<double> maximum; // Int and Float
    QStringList choices; // Enum: the allowed values, in display order
    QString help;
    ColumnFilter columnFilter = ColumnFilter::Any; // Column, ColumnList
    QString fileFilter; // FilePath: file-dialog filter string
    int maxLength = kDefaultMaxLength; // String, FilePath, Column (each name)
    // When valid: what a workflow file that does not mention the parameter means, where that
    // differs from `defaultValue` (files written before the parameter existed keep behaving
    // as they did; new nodes get the default).
    QVariant valueWhenAbsentFromFile;
    // Int parameters: when set, the minimum stands for this word ("auto"): the property
    // panel shows it in place of the number and fromString() accepts it for the minimum.
    QString minimumText;
    // Optional, String parameters: what is wrong with a value validate() accepts (an
    // expression that does not parse, or reads a column `upstream` lacks; `upstream` is the
    // node's input table when known, else null). Empty when nothing is. Not enforced: the
    // property panel shows it under the editor while the person edits, and the node
    // reports the same when it runs.
    std::function<QString(const QString &value, const Dataset *upstream)> check;

    QString displayLabel() const { return label.isEmpty() ? name : label; }

    // Checks `value` and returns it converted to the canonical type, or the reason it is
    // refused ("bins: 0 is below the minimum 1"). Accepts any numeric QVariant for Int
    // (when integral) and Float, QString for text types, QStringList or a QVariantList of
    // strings for ColumnList. Never accepts text for numbers: use fromString() for that.
    Result<QVariant> validate(const QVariant &value) const;
    // Parses text the way a person types it on the command line ("12", "0.5", "true",
    // "a,b,c" for a column list) and validates it.
    Result<QVariant> fromString(const QString &text) const;
    // The canonical value as text, the inverse of fromString() (lists joined with ',').
    static QString toString(const QVariant &canonicalValue);

    // Builders for the common cases.
    static ParameterSpec integer(QString name, QString label, qlonglong defaultValue,
        qlonglong minimum, qlonglong maximum, QString help = {});
    static ParameterSpec real(QString name, QString label, double defaultValue,
        std::optional<double> minimum, std::optional<double> maximum, QString help = {});
    static ParameterSpec boolean(QString name, QString label, bool defaultValue, QString help = {});
    static ParameterSpec enumeration(
        QString name, QString label, QStringList choices, QString defaultValue, QString help = {});
    static ParameterSpec column(
        QString name, QString label, QString help = {}, ColumnFilter filter = ColumnFilter::Any);
    static ParameterSpec columnList(
        QString name, QString label, QString help = {}, ColumnFilter filter = ColumnFilter::Any);
    static ParameterSpec string(
        QString name, QString label, QString defaultValue = {}, QString help = {});
    static ParameterSpec filePath(
        QString name, QString label, QString fileFilter = {}, QString help = {});
};

} // namespace sextant::engine
