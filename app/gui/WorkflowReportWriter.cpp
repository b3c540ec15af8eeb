#include "gui/WorkflowReportWriter.h"

#include "gui/WorkflowReport.h"

#include <QFileInfo>
#include <exception>

namespace sextant::app {

bool WorkflowReportWriter::write(engine::GraphModel &model, const engine::Executor &executor,
    const QString &workflowPath, const QString &reportPath, QString *error)
{
    try {
        const ReportDocument doc = WorkflowReport::build(
            model, executor, QFileInfo(workflowPath).completeBaseName(), workflowPath);
        return doc.write(reportPath, error);
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(reportPath, QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace sextant::app
