#pragma once

#include "gui/ReportDocument.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

class QThread;

namespace sextant::app {

// How one report export ended.
struct ReportExportOutcome {
    QString path;
    bool ok = false;
    QString error; // names the file and the reason, when !ok
    // The thread that laid out and wrote the file: never the GUI thread (for tests).
    QThread *writer = nullptr;
};

// Writes built reports (File › Export Report) off the GUI thread: start() returns at once,
// the encoding of the pictures, the PDF layout and the write (ReportDocument::write,
// atomic) run on a worker thread of its own, one after the other in the order asked, and
// finished() reports each outcome on the GUI thread. The destructor waits for the writes
// in progress (their outcome is then not reported).
class ReportExporter : public QObject {
    Q_OBJECT
public:
    explicit ReportExporter(QObject *parent = nullptr);
    ~ReportExporter() override;

    void start(ReportDocument document, const QString &path);
    // Writes started and not finished yet.
    int pending() const { return m_pending; }
    // Blocks until every write started has ended (tests, closing); their outcomes are
    // still reported by finished().
    void waitForDone();

Q_SIGNALS:
    void started(const QString &path);
    void finished(const sextant::app::ReportExportOutcome &outcome);

private:
    QThreadPool m_pool;
    int m_pending = 0; // GUI thread only
};

} // namespace sextant::app

Q_DECLARE_METATYPE(sextant::app::ReportExportOutcome)
