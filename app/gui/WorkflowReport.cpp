#include "gui/WorkflowReport.h"

#include "cli/StructureViewWriter.h"
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/HeadlessPlotRenderer.h"
#include "gui/ModelReportSection.h"
#include "ml/TrainedModel.h"
#include "nodes/CompareNode.h"
#include "nodes/CrossValidationNode.h"
#include "nodes/MetricsTable.h"
#include "nodes/TestNode.h"
#include "plots/PlotView.h"
#include "plots/ResultViewFactory.h"
#include "widgets/GraphScene.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <sextant/Version.h>

namespace sextant::app {

namespace {

using namespace sextant::engine;

constexpr int kMaxGraphWidth = 2000; // pixels of the graph picture, at most
constexpr int kGraphDisplayWidth = 900; // how wide it is shown, at most
constexpr int kMaxColumnsListed = 200; // per source table

const QString kPlusMinus = QStringLiteral(" \u00b1 ");

QString num(double v)
{
    return ReportDocument::number(v);
}

// "5 Logistic Regression (model.logistic_regression)"
QString nodeLabel(const GraphModel &model, int id)
{
    const NodeType *type = model.nodeType(id);
    return QStringLiteral("%1 %2 (%3)").arg(id).arg(model.title(id), type ? type->id : QString());
}

QString columnType(const Column &c)
{
    if (c.isDateOnly())
        return QStringLiteral("date");
    if (c.isDateTime())
        return QStringLiteral("date-time");
    return c.isNumeric() ? QStringLiteral("numeric") : QStringLiteral("categorical");
}

QString roleName(ColumnRole role)
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

void runSection(ReportDocument &r, const GraphModel &model, const Executor &executor,
    const QString &workflowPath)
{
    r.beginSection(QStringLiteral("run"));
    r.paragraph(QStringLiteral("Written by Sextant %1 on %2.")
                    .arg(QStringLiteral(SEXTANT_VERSION_STRING),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    if (!workflowPath.isEmpty())
        r.paragraph(QStringLiteral("Workflow: %1")
                        .arg(QDir::toNativeSeparators(QFileInfo(workflowPath).absoluteFilePath())));
    QList<QStringList> rows;
    int done = 0, failed = 0;
    for (int id : model.nodeIds()) {
        const NodeState s = executor.state(id);
        done += s.status == NodeStatus::Done ? 1 : 0;
        failed += s.status == NodeStatus::Failed ? 1 : 0;
        const NodeType *type = model.nodeType(id);
        QString status = nodeStatusId(s.status);
        if (s.partial)
            status += QStringLiteral(" (partial)");
        rows << QStringList { QString::number(id), model.title(id), type ? type->id : QString(),
            status, QString(s.message).replace(QLatin1Char('\n'), QStringLiteral("; ")) };
    }
    r.paragraph(failed > 0
            ? QStringLiteral("%1 of %2 nodes done, %3 failed.")
                  .arg(done)
                  .arg(model.nodeCount())
                  .arg(failed)
            : QStringLiteral("%1 of %2 nodes done.").arg(done).arg(model.nodeCount()));
    r.heading(QStringLiteral("Nodes"));
    r.table({ QStringLiteral("Node"), QStringLiteral("Title"), QStringLiteral("Type"),
                QStringLiteral("Status"), QStringLiteral("Message") },
        rows);
    r.endSection();
}

void dataSection(ReportDocument &r, const GraphModel &model, const Executor &executor)
{
    bool any = false;
    for (int id : model.topologicalOrder()) {
        const NodeType *type = model.nodeType(id);
        if (!type || !type->inputs.isEmpty() || type->outputs.isEmpty()
            || type->outputs.front().type != PortType::Table
            || executor.state(id).status != NodeStatus::Done)
            continue;
        const NodeValuePtr value = executor.output(id, 0);
        const Dataset *d = value ? value->as<Dataset>() : nullptr;
        if (!d)
            continue;
        if (!any)
            r.heading(QStringLiteral("Data"));
        any = true;
        r.beginSection(QStringLiteral("data"), QStringLiteral("node-%1").arg(id));
        const QString path = model.parameter(id, QStringLiteral("path")).toString();
        r.heading(path.isEmpty() ? QStringLiteral("%1 (node %2)").arg(model.title(id)).arg(id)
                                 : QStringLiteral("%1 (node %2): %3")
                                       .arg(model.title(id))
                                       .arg(id)
                                       .arg(QFileInfo(path).fileName()),
            3);
        r.paragraph(
            QStringLiteral("%1 rows, %2 columns.").arg(d->rowCount()).arg(d->columnCount()));
        QList<QStringList> rows;
        for (int c = 0; c < d->columnCount() && c < kMaxColumnsListed; ++c) {
            const Column &col = d->column(c);
            const double share = d->rowCount() > 0
                ? 100.0 * double(col.missingCount()) / double(d->rowCount())
                : 0;
            rows << QStringList { col.name(), columnType(col), roleName(col.role()),
                QString::number(col.missingCount()), num(share) + QStringLiteral("%") };
        }
        r.table({ QStringLiteral("Column"), QStringLiteral("Type"), QStringLiteral("Role"),
                    QStringLiteral("Missing"), QStringLiteral("Missing (%)") },
            rows);
        if (d->columnCount() > kMaxColumnsListed)
            r.paragraph(
                QStringLiteral("… and %1 more columns.").arg(d->columnCount() - kMaxColumnsListed));
        r.endSection();
    }
}

// The figures an evaluation node gives for the model connected to its input `port`.
void evaluationFigures(
    ReportDocument &r, const GraphModel &model, const Executor &executor, const Connection &c)
{
    const NodeType *type = model.nodeType(c.toNode);
    if (!type || executor.state(c.toNode).status != NodeStatus::Done)
        return;
    const NodeValuePtr value = executor.output(c.toNode, 0);
    const MetricsTable *t = value ? value->as<MetricsTable>() : nullptr;
    if (!t || t->rows.isEmpty())
        return;
    const QString node = QStringLiteral("%1 (node %2)").arg(model.title(c.toNode)).arg(c.toNode);
    QList<QStringList> rows;
    if (type->id == CrossValidationNode::typeId()) {
        // One row per fold, then "mean" and "std" (computed by the node over the folds).
        int folds = 0;
        const MetricsTable::Row *mean = nullptr, *sd = nullptr;
        for (const MetricsTable::Row &row : t->rows) {
            if (row.label.startsWith(QLatin1String("fold ")))
                ++folds;
            else if (row.label.startsWith(QLatin1String("mean")))
                mean = &row;
            else if (row.label.startsWith(QLatin1String("std")))
                sd = &row;
        }
        if (!mean || !sd)
            return;
        for (int m = 0; m < t->columns.size(); ++m)
            rows << QStringList { t->columns[m],
                num(mean->values.value(m, NAN)) + kPlusMinus + num(sd->values.value(m, NAN)) };
        r.heading(QStringLiteral("Cross-validation: %1, %2 folds (mean %3 std)")
                      .arg(node)
                      .arg(folds)
                      .arg(kPlusMinus.trimmed()),
            4);
        r.table({ QStringLiteral("Metric"), QStringLiteral("Mean \u00b1 std") }, rows);
    } else if (type->id == CompareNode::typeId()) {
        // One row per connected model, in the order of the model inputs.
        int index = 0;
        for (int port = 1; port < c.toPort; ++port)
            index += model.connectionInto(c.toNode, port) ? 1 : 0;
        if (index >= t->rows.size())
            return;
        const MetricsTable::Row &row = t->rows[index];
        const QString stdSuffix = QStringLiteral("_std");
        for (int m = 0; m < t->columns.size(); ++m) {
            const QString &name = t->columns[m];
            if (name.endsWith(stdSuffix) || name == QLatin1String("seconds"))
                continue;
            const int sdColumn = t->columnIndex(name + stdSuffix);
            rows << QStringList { name,
                sdColumn >= 0 ? num(row.values.value(m, NAN)) + kPlusMinus
                        + num(row.values.value(sdColumn, NAN))
                              : num(row.values.value(m, NAN)) };
        }
        r.heading(QStringLiteral("Cross-validation: %1, %2 folds (mean %3 std)")
                      .arg(node)
                      .arg(model.parameter(c.toNode, QStringLiteral("folds")).toInt())
                      .arg(kPlusMinus.trimmed()),
            4);
        r.table({ QStringLiteral("Metric"), QStringLiteral("Mean \u00b1 std") }, rows);
        r.paragraph(QStringLiteral("Compare Models gives the standard deviation over the folds "
                                   "for its main metric only; the other figures are means."));
    } else if (type->id == TestNode::typeId()) {
        const MetricsTable::Row &row = t->rows.front();
        for (int m = 0; m < t->columns.size(); ++m)
            rows << QStringList { t->columns[m], num(row.values.value(m, NAN)) };
        r.heading(QStringLiteral("Test on held-out rows: %1").arg(node), 4);
        r.table({ QStringLiteral("Metric"), QStringLiteral("Value") }, rows);
    }
}

void modelSections(ReportDocument &r, const GraphModel &model, const Executor &executor)
{
    bool any = false;
    for (int id : model.topologicalOrder()) {
        const NodeType *type = model.nodeType(id);
        if (!type || executor.state(id).status != NodeStatus::Done)
            continue;
        for (int port = 0; port < int(type->outputs.size()); ++port) {
            if (type->outputs[port].type != PortType::Model)
                continue;
            const NodeValuePtr value = executor.output(id, port);
            const TrainedModelPtr *trained = value ? value->as<TrainedModelPtr>() : nullptr;
            if (!trained || !*trained)
                continue;
            if (!any)
                r.heading(QStringLiteral("Models"));
            any = true;
            const TrainedModel &m = **trained;
            r.beginSection(QStringLiteral("model"), QStringLiteral("node-%1").arg(id));
            r.heading(QStringLiteral("%1 (node %2)").arg(model.title(id)).arg(id), 3);
            ModelReportSection::describe(
                r, m, { QStringList { QStringLiteral("Node"), nodeLabel(model, id) } }, 3);
            ModelReportSection::storedMetrics(r, m, 4);
            for (const Connection &c : model.connectionsOf(id))
                if (c.fromNode == id && c.fromPort == port)
                    evaluationFigures(r, model, executor, c);
            r.endSection();
        }
    }
}

void viewSections(ReportDocument &r, const GraphModel &model, const Executor &executor)
{
    bool any = false;
    for (int id : model.topologicalOrder()) {
        const NodeType *type = model.nodeType(id);
        if (!type || executor.state(id).status != NodeStatus::Done)
            continue;
        const NodeValuePtr result = executor.result(id);
        if (!result
            || !(type->isSink() || cli::StructureViewWriter::isViewOfNodeWithOutputs(*result)))
            continue;
        const std::unique_ptr<plots::PlotView> view
            = HeadlessPlotRenderer::draw(*result, ReportDocument::kPlotSize);
        const MetricsTable *metrics = result->as<MetricsTable>();
        if (!view && !metrics)
            continue;
        if (!any)
            r.heading(QStringLiteral("Views"));
        any = true;
        r.beginSection(QStringLiteral("view"), QStringLiteral("node-%1").arg(id));
        r.heading(QStringLiteral("%1 (node %2)").arg(model.title(id)).arg(id), 3);
        if (view) {
            r.plot(*view, plots::ResultViewFactory::describe(*result));
        } else {
            if (!metrics->title.isEmpty())
                r.paragraph(metrics->title);
            // One row per metric, one column per model / fold / trial: the tables keep
            // to the page's width (a metrics table has up to a dozen metrics).
            QStringList header { QStringLiteral("Metric") };
            for (const MetricsTable::Row &row : metrics->rows)
                header << row.label;
            QList<QStringList> rows;
            for (int m = 0; m < metrics->columns.size(); ++m) {
                QStringList cells { metrics->columns[m] };
                for (const MetricsTable::Row &row : metrics->rows)
                    cells << num(row.values.value(m, NAN));
                rows << cells;
            }
            for (int n = 0; n < metrics->noteColumns.size(); ++n) {
                QStringList cells { metrics->noteColumns[n] };
                for (const MetricsTable::Row &row : metrics->rows)
                    cells << row.notes.value(n);
                rows << cells;
            }
            r.table(header, rows);
        }
        r.endSection();
    }
}

} // namespace

QImage WorkflowReport::graphImage(GraphModel &model, const Executor &executor)
{
    widgets::GraphScene scene(model);
    for (int id : model.nodeIds()) {
        const NodeState s = executor.state(id);
        scene.setNodeStatus(id, s.status, s.message);
    }
    QRectF source = scene.itemsBoundingRect();
    if (source.isEmpty())
        source = QRectF(0, 0, 200, 80);
    source.adjust(-24, -24, 24, 24);
    const qreal scale = std::min(1.0, kMaxGraphWidth / source.width());
    const QSize size(
        int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    painter.end();
    return image;
}

ReportDocument WorkflowReport::build(GraphModel &model, const Executor &executor,
    const QString &workflowName, const QString &workflowPath)
{
    ReportDocument r(QStringLiteral("Workflow report: %1").arg(workflowName));
    runSection(r, model, executor, workflowPath);
    r.beginSection(QStringLiteral("graph"));
    r.heading(QStringLiteral("Graph"));
    const QImage graph = graphImage(model, executor);
    r.image(
        graph, QStringLiteral("The workflow's graph"), std::min(graph.width(), kGraphDisplayWidth));
    r.endSection();
    dataSection(r, model, executor);
    modelSections(r, model, executor);
    viewSections(r, model, executor);
    return r;
}

} // namespace sextant::app
