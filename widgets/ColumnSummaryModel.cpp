#include "widgets/ColumnSummaryModel.h"

#include "data/DateTime.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <cmath>

namespace sextant::widgets {

using engine::Column;
using engine::ColumnSummary;

namespace {

QString formatStat(double v)
{
    if (!std::isfinite(v))
        return {};
    return QString::number(v, 'g', 5);
}

} // namespace

ColumnSummaryModel::ColumnSummaryModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ColumnSummaryModel::setDataset(
    engine::Dataset dataset, QList<ColumnSummary> summaries, QStringList ignored)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_summaries = std::move(summaries);
    if (m_summaries.size() != m_dataset.columnCount())
        m_summaries.clear();
    m_ignored.clear();
    for (const QString &name : ignored)
        if (m_dataset.indexOf(name) < 0 && !m_ignored.contains(name))
            m_ignored.append(name);
    endResetModel();
}

engine::ColumnRoleChoice ColumnSummaryModel::roleChoice(int row) const
{
    if (row >= m_dataset.columnCount())
        return engine::ColumnRoleChoice::Ignored;
    switch (m_dataset.column(row).role()) {
    case engine::ColumnRole::Target:
        return engine::ColumnRoleChoice::Target;
    case engine::ColumnRole::Ignore:
        return engine::ColumnRoleChoice::Meta;
    case engine::ColumnRole::Feature:
        break;
    }
    return engine::ColumnRoleChoice::Feature;
}

int ColumnSummaryModel::rowOf(const QString &name) const
{
    const int index = m_dataset.indexOf(name);
    if (index >= 0)
        return index;
    const qsizetype ignored = m_ignored.indexOf(name);
    return ignored < 0 ? -1 : m_dataset.columnCount() + int(ignored);
}

void ColumnSummaryModel::clear()
{
    setDataset({}, {});
}

const ColumnSummary *ColumnSummaryModel::summary(int column) const
{
    if (column < 0 || column >= m_summaries.size())
        return nullptr;
    return &m_summaries[column];
}

int ColumnSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_dataset.columnCount() + int(m_ignored.size());
}

int ColumnSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QString ColumnSummaryModel::typeText(const Column &c)
{
    if (c.isDateTime())
        return tr("date");
    return c.isNumeric() ? tr("numeric") : tr("categorical");
}

QString ColumnSummaryModel::roleText(engine::ColumnRoleChoice role)
{
    switch (role) {
    case engine::ColumnRoleChoice::Target:
        return tr("target");
    case engine::ColumnRoleChoice::Feature:
        return tr("feature");
    case engine::ColumnRoleChoice::Meta:
        return tr("meta");
    case engine::ColumnRoleChoice::Ignored:
        return tr("ignored");
    }
    return engine::toString(role);
}

QVariant ColumnSummaryModel::display(int column, Field field) const
{
    const Column &c = m_dataset.column(column);
    const ColumnSummary *s = summary(column);
    switch (field) {
    case Name:
        return c.name();
    case Type:
        return typeText(c);
    case Role:
        return roleText(roleChoice(column));
    case Missing:
        return QString::number(c.missingCount());
    case Distinct:
        return s ? QString::number(s->distinct) : QString();
    case Mode:
        if (!s || !c.isCategorical() || s->mode.isEmpty())
            return QString();
        return tr("%1 (%2)").arg(s->mode).arg(s->modeCount);
    case Mean:
    case Std:
    case Min:
    case Max:
        if (!s || !c.isNumeric())
            return QString();
        if (c.isDateTime()) {
            // Dates as dates; the spread in days.
            if (field == Std)
                return std::isfinite(s->std) ? tr("%1 days").arg(formatStat(s->std / 86400.0))
                                             : QString();
            const double v = field == Mean ? s->mean : field == Min ? s->min : s->max;
            return engine::DateTime::toIsoText(v, c.isDateOnly() && field != Mean);
        }
        return formatStat(field == Mean ? s->mean
                : field == Std          ? s->std
                : field == Min          ? s->min
                                        : s->max);
    case FieldCount:
        break;
    }
    return {};
}

QVariant ColumnSummaryModel::sortValue(int column, Field field) const
{
    const Column &c = m_dataset.column(column);
    const ColumnSummary *s = summary(column);
    const double nan = std::nan("");
    switch (field) {
    case Name:
    case Type:
    case Role:
    case Mode:
        return display(column, field);
    case Missing:
        return double(c.missingCount());
    case Distinct:
        return s ? double(s->distinct) : nan;
    case Mean:
        return s && c.isNumeric() ? s->mean : nan;
    case Std:
        return s && c.isNumeric() ? s->std : nan;
    case Min:
        return s && c.isNumeric() ? s->min : nan;
    case Max:
        return s && c.isNumeric() ? s->max : nan;
    case FieldCount:
        break;
    }
    return {};
}

QString ColumnSummaryModel::toolTip(int column) const
{
    const Column &c = m_dataset.column(column);
    QString tip = QStringLiteral("<b>%1</b><br>").arg(c.name().toHtmlEscaped())
        + tr("%1, %2").arg(typeText(c), roleText(roleChoice(column)));
    if (c.role() == engine::ColumnRole::Ignore)
        tip += QStringLiteral(" ") + tr("(kept in the table, not used by models)");
    const ColumnSummary *s = summary(column);
    if (!s)
        return tip;
    tip += QStringLiteral("<br>") + tr("%1 present, %2 missing").arg(s->count).arg(s->missing);
    if (c.isNumeric() && s->count > 0) {
        tip += QStringLiteral("<br>")
            + tr("mean %1, std %2").arg(formatStat(s->mean), formatStat(s->std));
        tip += QStringLiteral("<br>")
            + tr("min %1, q1 %2, median %3, q3 %4, max %5")
                  .arg(formatStat(s->min), formatStat(s->q1), formatStat(s->median),
                      formatStat(s->q3), formatStat(s->max));
    }
    tip += QStringLiteral("<br>") + tr("%1 distinct").arg(s->distinct);
    if (c.isCategorical() && !s->mode.isEmpty())
        tip += QStringLiteral("<br>")
            + tr("most frequent: %1 (%2)").arg(s->mode.toHtmlEscaped()).arg(s->modeCount);
    if (c.isNumeric() && c.suggestsCategorical())
        tip += QStringLiteral("<br><i>")
            + tr("Few distinct integers: may be better read as categories.")
            + QStringLiteral("</i>");
    return tip;
}

QVariant ColumnSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int column = index.row();
    const auto field = static_cast<Field>(index.column());
    if (column >= m_dataset.columnCount())
        return ignoredRowData(m_ignored.at(column - m_dataset.columnCount()), field, role);
    switch (role) {
    case Qt::DisplayRole:
        return display(column, field);
    case Qt::ToolTipRole:
        return toolTip(column);
    case Qt::TextAlignmentRole: {
        const bool text = field == Name || field == Type || field == Role || field == Mode;
        return QVariant::fromValue(int(Qt::AlignVCenter | (text ? Qt::AlignLeft : Qt::AlignRight)));
    }
    case ColumnIndexRole:
        return column;
    case SortRole:
        return sortValue(column, field);
    case RoleChoiceRole:
        return int(roleChoice(column));
    case ColumnNameRole:
        return m_dataset.column(column).name();
    case Qt::FontRole:
        if (field == Role && roleChoice(column) == engine::ColumnRoleChoice::Target) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (field == Role && roleChoice(column) == engine::ColumnRoleChoice::Meta)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant ColumnSummaryModel::ignoredRowData(const QString &name, Field field, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        if (field == Name)
            return name;
        if (field == Role)
            return roleText(engine::ColumnRoleChoice::Ignored);
        if (role == SortRole && field != Type && field != Mode)
            return std::nan("");
        return QString();
    case Qt::ToolTipRole:
        return QString(QStringLiteral("<b>%1</b><br>").arg(name.toHtmlEscaped())
            + tr("ignored: dropped from the table, no later step sees it"));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(int(Qt::AlignVCenter | Qt::AlignLeft));
    case Qt::ForegroundRole:
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case Qt::FontRole: {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    case ColumnIndexRole:
        return -1;
    case RoleChoiceRole:
        return int(engine::ColumnRoleChoice::Ignored);
    case ColumnNameRole:
        return name;
    default:
        return {};
    }
}

QVariant ColumnSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= FieldCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (static_cast<Field>(section)) {
        case Name:
            return tr("Column");
        case Type:
            return tr("Type");
        case Role:
            return tr("Role");
        case Missing:
            return tr("Missing");
        case Mean:
            return tr("Mean");
        case Std:
            return tr("Std");
        case Min:
            return tr("Min");
        case Max:
            return tr("Max");
        case Distinct:
            return tr("Distinct");
        case Mode:
            return tr("Mode");
        case FieldCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (static_cast<Field>(section)) {
        case Std:
            return tr("Sample standard deviation (n - 1)");
        case Distinct:
            return tr("Number of distinct present values");
        case Mode:
            return tr("Most frequent category and its count");
        default:
            break;
        }
    }
    return {};
}

Qt::ItemFlags ColumnSummaryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace sextant::widgets
