#include "graph/ParameterSpec.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMetaType>
#include <cmath>

namespace sextant::engine {

QString parameterTypeId(ParameterType type)
{
    switch (type) {
    case ParameterType::Int:
        return QStringLiteral("int");
    case ParameterType::Float:
        return QStringLiteral("float");
    case ParameterType::Bool:
        return QStringLiteral("bool");
    case ParameterType::Enum:
        return QStringLiteral("enum");
    case ParameterType::Column:
        return QStringLiteral("column");
    case ParameterType::ColumnList:
        return QStringLiteral("column-list");
    case ParameterType::String:
        return QStringLiteral("string");
    case ParameterType::FilePath:
        return QStringLiteral("file-path");
    }
    return QStringLiteral("unknown");
}

namespace {

bool isNumericType(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

bool isIntegerType(const QVariant &v)
{
    return isNumericType(v) && v.metaType().id() != QMetaType::Double
        && v.metaType().id() != QMetaType::Float;
}

QString typeNameOf(const QVariant &v)
{
    if (!v.isValid())
        return QStringLiteral("nothing");
    if (v.isNull() && v.metaType().id() == QMetaType::Nullptr)
        return QStringLiteral("null");
    switch (v.metaType().id()) {
    case QMetaType::Bool:
        return QStringLiteral("a boolean");
    case QMetaType::QString:
        return QCoreApplication::translate("ParameterSpec", "text");
    case QMetaType::QStringList:
    case QMetaType::QVariantList:
        return QStringLiteral("a list");
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return QStringLiteral("an object");
    default:
        break;
    }
    if (isNumericType(v))
        return QCoreApplication::translate("ParameterSpec", "a number");
    return QString::fromLatin1(v.typeName());
}

// The shortest text that reads back as the same double ("0.1", "1e+300").
QString fmt(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

Result<QVariant> refuse(const ParameterSpec &spec, const QString &why)
{
    return Result<QVariant>::failure(spec.name + QStringLiteral(": ") + why);
}

Result<QVariant> checkText(const ParameterSpec &spec, const QString &text)
{
    if (text.size() > spec.maxLength)
        return refuse(spec,
            QStringLiteral("text of %1 characters is longer than the limit of %2")
                .arg(text.size())
                .arg(spec.maxLength));
    if (text.contains(QChar(0)))
        return refuse(spec, QStringLiteral("text contains a NUL character"));
    return QVariant(text);
}

} // namespace

Result<QVariant> ParameterSpec::validate(const QVariant &value) const
{
    const auto expected = [&](const QString &what) {
        return refuse(*this,
            QCoreApplication::translate("ParameterSpec", "expected %1, got %2")
                .arg(what, typeNameOf(value)));
    };
    switch (type) {
    case ParameterType::Int: {
        if (!isNumericType(value))
            return expected(QCoreApplication::translate("ParameterSpec", "an integer"));
        double d = 0;
        qlonglong i = 0;
        if (isIntegerType(value)) {
            if (value.metaType().id() == QMetaType::ULongLong
                && value.toULongLong() > static_cast<qulonglong>(kMaxExactInteger))
                return refuse(*this,
                    QCoreApplication::translate("ParameterSpec", "%1 is too large")
                        .arg(value.toULongLong()));
            i = value.toLongLong();
            d = static_cast<double>(i);
        } else {
            d = value.toDouble();
            if (!std::isfinite(d))
                return refuse(*this,
                    QCoreApplication::translate("ParameterSpec", "%1 is not a finite number")
                        .arg(fmt(d)));
            if (d != std::floor(d))
                return refuse(*this,
                    QCoreApplication::translate("ParameterSpec", "%1 is not an integer")
                        .arg(fmt(d)));
            if (std::abs(d) > kMaxExactInteger)
                return refuse(*this,
                    QCoreApplication::translate("ParameterSpec", "%1 is too large").arg(fmt(d)));
            i = static_cast<qlonglong>(d);
        }
        if (std::abs(d) > kMaxExactInteger)
            return refuse(
                *this, QCoreApplication::translate("ParameterSpec", "%1 is too large").arg(i));
        if (minimum && d < *minimum)
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "%1 is below the minimum %2")
                    .arg(i)
                    .arg(fmt(*minimum)));
        if (maximum && d > *maximum)
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "%1 is above the maximum %2")
                    .arg(i)
                    .arg(fmt(*maximum)));
        return QVariant(i);
    }
    case ParameterType::Float: {
        if (!isNumericType(value))
            return expected(QCoreApplication::translate("ParameterSpec", "a number"));
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "%1 is not a finite number")
                    .arg(fmt(d)));
        if (minimum && d < *minimum)
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "%1 is below the minimum %2")
                    .arg(fmt(d), fmt(*minimum)));
        if (maximum && d > *maximum)
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "%1 is above the maximum %2")
                    .arg(fmt(d), fmt(*maximum)));
        return QVariant(d);
    }
    case ParameterType::Bool:
        if (value.metaType().id() != QMetaType::Bool)
            return expected(QCoreApplication::translate("ParameterSpec", "true or false"));
        return QVariant(value.toBool());
    case ParameterType::Enum: {
        if (value.metaType().id() != QMetaType::QString)
            return expected(QCoreApplication::translate("ParameterSpec", "one of: ")
                + choices.join(QStringLiteral(", ")));
        const QString s = value.toString();
        if (!choices.contains(s))
            return refuse(*this,
                QCoreApplication::translate("ParameterSpec", "'%1' is not one of: %2")
                    .arg(s.left(80), choices.join(QStringLiteral(", "))));
        return QVariant(s);
    }
    case ParameterType::Column:
    case ParameterType::String:
    case ParameterType::FilePath:
        if (value.metaType().id() != QMetaType::QString)
            return expected(type == ParameterType::Column
                    ? QCoreApplication::translate("ParameterSpec", "a column name")
                    : QCoreApplication::translate("ParameterSpec", "text"));
        return checkText(*this, value.toString());
    case ParameterType::ColumnList: {
        QStringList names;
        if (value.metaType().id() == QMetaType::QStringList) {
            names = value.toStringList();
        } else if (value.metaType().id() == QMetaType::QVariantList) {
            const QVariantList list = value.toList();
            if (list.size() > kMaxListLength)
                return refuse(*this,
                    QStringLiteral("a list of %1 columns is longer than the limit of %2")
                        .arg(list.size())
                        .arg(kMaxListLength));
            names.reserve(list.size());
            for (qsizetype k = 0; k < list.size(); ++k) {
                if (list[k].metaType().id() != QMetaType::QString)
                    return refuse(*this,
                        QStringLiteral("item %1: expected a column name, got %2")
                            .arg(k)
                            .arg(typeNameOf(list[k])));
                names.push_back(list[k].toString());
            }
        } else {
            return expected(QStringLiteral("a list of column names"));
        }
        if (names.size() > kMaxListLength)
            return refuse(*this,
                QStringLiteral("a list of %1 columns is longer than the limit of %2")
                    .arg(names.size())
                    .arg(kMaxListLength));
        for (qsizetype k = 0; k < names.size(); ++k) {
            auto r = checkText(*this, names[k]);
            if (!r)
                return refuse(
                    *this, QStringLiteral("item %1: ").arg(k) + r.error().mid(name.size() + 2));
            if (names[k].isEmpty())
                return refuse(*this, QStringLiteral("item %1: empty column name").arg(k));
        }
        return QVariant(names);
    }
    }
    return refuse(*this, QStringLiteral("unknown parameter type"));
}

Result<QVariant> ParameterSpec::fromString(const QString &text) const
{
    const QString t = text.trimmed();
    switch (type) {
    case ParameterType::Int: {
        if (!minimumText.isEmpty() && minimum && t.compare(minimumText, Qt::CaseInsensitive) == 0)
            return validate(QVariant(static_cast<qlonglong>(*minimum)));
        bool ok = false;
        const qlonglong v = t.toLongLong(&ok);
        if (!ok)
            return refuse(*this, QStringLiteral("'%1' is not an integer").arg(text.left(80)));
        return validate(QVariant(v));
    }
    case ParameterType::Float: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok)
            return refuse(*this, QStringLiteral("'%1' is not a number").arg(text.left(80)));
        return validate(QVariant(v));
    }
    case ParameterType::Bool: {
        const QString l = t.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes")
            || l == QLatin1String("on"))
            return QVariant(true);
        if (l == QLatin1String("false") || l == QLatin1String("0") || l == QLatin1String("no")
            || l == QLatin1String("off"))
            return QVariant(false);
        return refuse(*this, QStringLiteral("'%1' is not true or false").arg(text.left(80)));
    }
    case ParameterType::ColumnList: {
        QStringList names;
        if (!t.isEmpty())
            for (const QString &part : t.split(QLatin1Char(',')))
                names.push_back(part.trimmed());
        return validate(QVariant(names));
    }
    case ParameterType::Enum:
    case ParameterType::Column:
        return validate(QVariant(t));
    case ParameterType::String:
    case ParameterType::FilePath:
        return validate(QVariant(text));
    }
    return refuse(*this, QStringLiteral("unknown parameter type"));
}

QString ParameterSpec::toString(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::QStringList:
        return v.toStringList().join(QLatin1Char(','));
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
        return fmt(v.toDouble());
    default:
        return v.toString();
    }
}

ParameterSpec ParameterSpec::integer(QString name, QString label, qlonglong defaultValue,
    qlonglong minimum, qlonglong maximum, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::Int;
    s.defaultValue = QVariant(defaultValue);
    s.minimum = static_cast<double>(minimum);
    s.maximum = static_cast<double>(maximum);
    s.help = std::move(help);
    return s;
}

ParameterSpec ParameterSpec::real(QString name, QString label, double defaultValue,
    std::optional<double> minimum, std::optional<double> maximum, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::Float;
    s.defaultValue = QVariant(defaultValue);
    s.minimum = minimum;
    s.maximum = maximum;
    s.help = std::move(help);
    return s;
}

ParameterSpec ParameterSpec::boolean(QString name, QString label, bool defaultValue, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::Bool;
    s.defaultValue = QVariant(defaultValue);
    s.help = std::move(help);
    return s;
}

ParameterSpec ParameterSpec::enumeration(
    QString name, QString label, QStringList choices, QString defaultValue, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::Enum;
    s.choices = std::move(choices);
    s.defaultValue = QVariant(std::move(defaultValue));
    s.help = std::move(help);
    return s;
}

ParameterSpec ParameterSpec::column(QString name, QString label, QString help, ColumnFilter filter)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::Column;
    s.defaultValue = QVariant(QString());
    s.help = std::move(help);
    s.columnFilter = filter;
    return s;
}

ParameterSpec ParameterSpec::columnList(
    QString name, QString label, QString help, ColumnFilter filter)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::ColumnList;
    s.defaultValue = QVariant(QStringList());
    s.help = std::move(help);
    s.columnFilter = filter;
    return s;
}

ParameterSpec ParameterSpec::string(QString name, QString label, QString defaultValue, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::String;
    s.defaultValue = QVariant(std::move(defaultValue));
    s.help = std::move(help);
    return s;
}

ParameterSpec ParameterSpec::filePath(QString name, QString label, QString fileFilter, QString help)
{
    ParameterSpec s;
    s.name = std::move(name);
    s.label = std::move(label);
    s.type = ParameterType::FilePath;
    s.defaultValue = QVariant(QString());
    s.fileFilter = std::move(fileFilter);
    s.help = std::move(help);
    return s;
}

} // namespace sextant::engine
