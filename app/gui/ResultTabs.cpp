#include "gui/ResultTabs.h"

#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/FileSourceNode.h"
#include "nodes/MetricsTable.h"
#include "plots/PlotView.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/ResultViewFactory.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/MetricsTableView.h"

#include <QFileInfo>
#include <QPalette>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <algorithm>

namespace sextant::app {

namespace {

const char *const kNodeProperty = "sextantResultNode";

void axisState(const QWidget &view, double ranges[4], QString *labels)
{
    const auto *plot = qobject_cast<const plots::PlotView *>(&view);
    if (!plot) {
        std::fill(ranges, ranges + 4, 0.0);
        labels->clear();
        return;
    }
    const QCustomPlot *p = plot->customPlot();
    ranges[0] = p->xAxis->range().lower;
    ranges[1] = p->xAxis->range().upper;
    ranges[2] = p->yAxis->range().lower;
    ranges[3] = p->yAxis->range().upper;
    *labels = p->xAxis->label() + QLatin1Char('\n') + p->yAxis->label();
}

} // namespace

ResultTabs::ResultTabs(
    QTabWidget &tabs, engine::GraphModel &graph, engine::Executor &executor, QObject *parent)
    : QObject(parent), m_tabs(tabs), m_graph(graph), m_executor(executor)
{
    // Worker thread -> GUI thread: queued.
    connect(
        &m_executor, &engine::Executor::nodeStatusChanged, this,
        [this](int id, engine::NodeStatus status, const QString &) { onNodeStatus(id, status); },
        Qt::QueuedConnection);
    connect(&m_graph, &engine::GraphModel::nodeRemoved, this, [this](int id) {
        m_awaited.remove(id);
        close(id);
    });
    connect(&m_graph, &engine::GraphModel::parameterChanged, this, &ResultTabs::refreshTitles);
    connect(&m_graph, &engine::GraphModel::labelChanged, this, &ResultTabs::refreshTitles);
    connect(&m_graph, &engine::GraphModel::connectionAdded, this, &ResultTabs::refreshTitles);
    connect(&m_graph, &engine::GraphModel::connectionRemoved, this, &ResultTabs::refreshTitles);
    connect(&m_graph, &engine::GraphModel::changed, this, &ResultTabs::refreshStale);
}

ResultTabs::~ResultTabs() = default;

QString ResultTabs::viewName(const engine::NodeValue &value)
{
    if (value.as<engine::MetricsTable>())
        return tr("Metrics");
    if (value.as<engine::Dataset>())
        return tr("Table");
    return plots::ResultViewFactory::describe(value);
}

QString ResultTabs::subjectLabel(int id) const
{
    const int subject = subjectOf(id);
    if (!subject)
        return {};
    const engine::NodeType *type = m_graph.nodeType(subject);
    // The name the person gave the node, else its type's.
    QString label = m_graph.title(subject);
    if (type && type->id == engine::FileSourceNode::typeId()) {
        const QString path = m_graph.parameter(subject, QStringLiteral("path")).toString();
        if (!path.isEmpty())
            label = tr("%1 (%2)").arg(label, QFileInfo(path).fileName());
    }
    return tr("%1, node %2").arg(label).arg(subject);
}

int ResultTabs::subjectOf(int id) const
{
    const engine::NodeType *viewType = m_graph.nodeType(id);
    if (!viewType)
        return 0;
    if (viewType->isSink())
        if (const auto in = m_graph.connectionInto(id, 0))
            return in->fromNode;
    return id;
}

QWidget *ResultTabs::createView(const engine::NodeValue &value)
{
    if (const auto *metrics = value.as<engine::MetricsTable>()) {
        auto *table = new widgets::MetricsTableView;
        table->setMetrics(*metrics);
        return table;
    }
    if (const auto *dataset = value.as<engine::Dataset>()) {
        auto *table = new widgets::DataTableView;
        auto *model = new widgets::DatasetTableModel(table);
        model->setDataset(*dataset);
        table->setModel(model);
        table->fitColumnsToSample();
        return table;
    }
    return plots::ResultViewFactory::create(value).release();
}

bool ResultTabs::updateView(QWidget &view, const engine::NodeValue &value)
{
    if (const auto *metrics = value.as<engine::MetricsTable>()) {
        auto *table = qobject_cast<widgets::MetricsTableView *>(&view);
        if (table)
            table->setMetrics(*metrics);
        return table;
    }
    if (const auto *dataset = value.as<engine::Dataset>()) {
        auto *table = qobject_cast<widgets::DataTableView *>(&view);
        auto *model = table ? qobject_cast<widgets::DatasetTableModel *>(table->model()) : nullptr;
        if (model)
            model->setDataset(*dataset);
        return model;
    }
    auto *plot = qobject_cast<plots::PlotView *>(&view);
    return plot && plots::ResultViewFactory::show(*plot, value);
}

void ResultTabs::remember(Entry &entry) const
{
    axisState(*entry.view, entry.ranges, &entry.axisLabels);
}

bool ResultTabs::present(int id, Entry &entry, const engine::NodeValuePtr &value)
{
    if (entry.view) {
        double before[4];
        QString labels;
        axisState(*entry.view, before, &labels);
        const bool zoomed = !std::equal(before, before + 4, entry.ranges);
        if (updateView(*entry.view, *value)) {
            entry.shown = value;
            QString now;
            double drawn[4];
            axisState(*entry.view, drawn, &now);
            auto *plot = qobject_cast<plots::PlotView *>(entry.view.data());
            if (plot && zoomed && now == labels) {
                // The same quantities on the axes: the person's zoom stays.
                plot->customPlot()->xAxis->setRange(before[0], before[1]);
                plot->customPlot()->yAxis->setRange(before[2], before[3]);
                plot->replot();
            }
            std::copy(drawn, drawn + 4, entry.ranges); // the result's own view
            entry.axisLabels = now;
            Q_EMIT viewUpdated(id, entry.view);
            return true;
        }
    }
    QWidget *view = createView(*value);
    if (!view)
        return false;
    view->setProperty(kNodeProperty, id);
    if (view->objectName().isEmpty())
        view->setObjectName(QStringLiteral("resultView%1").arg(id));
    const int index = indexOf(entry);
    QWidget *old = entry.view;
    entry.view = view;
    entry.shown = value;
    remember(entry);
    if (index >= 0) {
        m_tabs.insertTab(index, view, QString());
        m_tabs.removeTab(index + 1);
        delete old;
        addTab(id, entry); // the close button and the title
    }
    Q_EMIT viewOpened(id, view);
    return true;
}

void ResultTabs::addTab(int id, Entry &entry)
{
    int index = indexOf(entry);
    if (index < 0)
        index = m_tabs.addTab(entry.view, QString());
    auto *button = new QToolButton(&m_tabs);
    button->setObjectName(QStringLiteral("closeResultTab"));
    button->setAutoRaise(true);
    button->setIcon(m_tabs.style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    button->setIconSize(QSize(12, 12));
    button->setToolTip(tr("Close (double-click the node to show its result again)"));
    connect(button, &QToolButton::clicked, this, [this, id] { close(id); });
    const auto side = static_cast<QTabBar::ButtonPosition>(
        m_tabs.style()->styleHint(QStyle::SH_TabBar_CloseButtonPosition, nullptr, m_tabs.tabBar()));
    m_tabs.tabBar()->setTabButton(index, side, button);
    updateTab(id, entry);
}

QWidget *ResultTabs::open(int id, QString *why)
{
    const engine::NodeValuePtr value = m_executor.result(id);
    if (!value) {
        if (why)
            *why = m_graph.hasNode(id) ? tr("Run the workflow to see this node's result.")
                                       : tr("There is no node %1.").arg(id);
        return nullptr;
    }
    auto it = m_entries.find(id);
    const bool isNew = it == m_entries.end() || !it->second.view;
    if (isNew) {
        Entry entry;
        if (!present(id, entry, value)) {
            if (why)
                *why = tr("Nothing can show this node's result.");
            return nullptr;
        }
        it = m_entries.insert_or_assign(id, entry).first;
        addTab(id, it->second);
    } else if (it->second.shown != value && !present(id, it->second, value)) {
        close(id);
        if (why)
            *why = tr("Nothing can show this node's result.");
        return nullptr;
    }
    refreshStale();
    m_tabs.setCurrentWidget(it->second.view);
    return it->second.view;
}

bool ResultTabs::close(int id)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    QWidget *view = it->second.view;
    m_entries.erase(it);
    if (view) {
        const int index = m_tabs.indexOf(view);
        if (index >= 0)
            m_tabs.removeTab(index);
        delete view;
    }
    Q_EMIT viewClosed(id);
    return true;
}

void ResultTabs::clear()
{
    m_awaited.clear();
    while (!m_entries.empty())
        close(m_entries.begin()->first);
}

QList<int> ResultTabs::openNodes() const
{
    QList<int> ids;
    for (const auto &[id, entry] : m_entries)
        if (entry.view)
            ids.append(id);
    return ids;
}

QWidget *ResultTabs::view(int id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.view.data();
}

QString ResultTabs::title(int id) const
{
    const auto it = m_entries.find(id);
    const int index = it == m_entries.end() ? -1 : indexOf(it->second);
    return index < 0 ? QString() : m_tabs.tabBar()->tabData(index).toString();
}

bool ResultTabs::isStale(int id) const
{
    const auto it = m_entries.find(id);
    return it != m_entries.end() && it->second.stale;
}

int ResultTabs::nodeOf(const QWidget *widget) const
{
    for (const auto &[id, entry] : m_entries)
        if (entry.view && entry.view == widget)
            return id;
    return 0;
}

int ResultTabs::indexOf(const Entry &entry) const
{
    return entry.view ? m_tabs.indexOf(entry.view) : -1;
}

void ResultTabs::openWhenDone(int id)
{
    if (m_executor.result(id) && m_executor.isUpToDate(id))
        open(id);
    else
        m_awaited.insert(id);
}

void ResultTabs::onNodeStatus(int id, engine::NodeStatus status)
{
    if (m_awaited.contains(id) && engine::isFinal(status)) {
        m_awaited.remove(id);
        if (status == engine::NodeStatus::Done) {
            open(id);
            return;
        }
    }
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || !it->second.view)
        return;
    if (status == engine::NodeStatus::Done) {
        const engine::NodeValuePtr value = m_executor.result(id);
        if (value && value != it->second.shown && !present(id, it->second, value)) {
            close(id); // the new result has no view
            return;
        }
    }
    refreshStale();
}

void ResultTabs::refreshTitles()
{
    for (const auto &[id, entry] : m_entries)
        updateTab(id, entry);
}

void ResultTabs::refreshStale()
{
    for (auto &[id, entry] : m_entries) {
        const engine::NodeStatus status = m_executor.status(id);
        const bool stale = status == engine::NodeStatus::Failed
            || status == engine::NodeStatus::Skipped || !m_executor.isUpToDate(id)
            || m_executor.result(id) != entry.shown;
        if (stale != entry.stale) {
            entry.stale = stale;
            updateTab(id, entry);
        }
    }
}

void ResultTabs::updateTab(int id, const Entry &entry)
{
    const int index = indexOf(entry);
    if (index < 0 || !entry.shown)
        return;
    // A view node the person named gives the view its name: "Petal ROC — Test on …".
    const QString own = m_graph.label(id);
    const QString view = own.isEmpty() || subjectOf(id) == id ? viewName(*entry.shown) : own;
    const QString text = tr("%1 — %2").arg(view, subjectLabel(id));
    m_tabs.tabBar()->setTabData(index, text);
    m_tabs.setTabText(
        index, m_tabs.tabBar()->fontMetrics().elidedText(text, Qt::ElideRight, kTabTextWidth));
    QString tip = tr("%1\nShown by %2 (node %3): a double click on it reopens this tab.")
                      .arg(text, m_graph.title(id))
                      .arg(id);
    if (entry.stale)
        tip += QLatin1Char('\n') + tr("Out of date: the workflow changed since this was drawn.");
    m_tabs.setTabToolTip(index, tip);
    // Greyed while out of date; the style's colour otherwise.
    m_tabs.tabBar()->setTabTextColor(index,
        entry.stale ? m_tabs.palette().color(QPalette::Disabled, QPalette::WindowText) : QColor());
}

} // namespace sextant::app
