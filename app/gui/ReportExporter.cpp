#include "gui/ReportExporter.h"

#include <QThread>

namespace sextant::app {

ReportExporter::ReportExporter(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ReportExportOutcome>();
    m_pool.setMaxThreadCount(1); // in the order asked: the last export to a path wins
    m_pool.setObjectName(QStringLiteral("reportExporter"));
}

ReportExporter::~ReportExporter()
{
    m_pool.waitForDone();
}

void ReportExporter::start(ReportDocument document, const QString &path)
{
    ++m_pending;
    Q_EMIT started(path);
    m_pool.start([this, document = std::move(document), path] {
        ReportExportOutcome outcome;
        outcome.path = path;
        outcome.writer = QThread::currentThread();
        outcome.ok = document.write(path, &outcome.error);
        // Worker thread -> GUI thread: queued (dropped when the exporter is gone by then).
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                --m_pending;
                Q_EMIT finished(outcome);
            },
            Qt::QueuedConnection);
    });
}

void ReportExporter::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace sextant::app
