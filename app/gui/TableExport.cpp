#include "gui/TableExport.h"

#include "data/Dataset.h"
#include "nodes/SaveDataNode.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QThread>

namespace sextant::app {

namespace {
const QString kExportDirKey = QStringLiteral("lastExportDirectory");
} // namespace

void TableExport::exportTable(QWidget *parent, const engine::Dataset &dataset)
{
    using engine::SaveDataNode;
    if (dataset.isEmpty()) {
        QMessageBox::information(parent, QObject::tr("Export Table"),
            QObject::tr("There is no table to export: open a dataset or select a node with a "
                        "table output first."));
        return;
    }
    QSettings settings;
    const QString dir = settings.value(kExportDirKey, QDir::homePath()).toString();
    const QString name = dataset.name().isEmpty() ? QStringLiteral("table") : dataset.name();
    QString filter;
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export Table"),
        QDir(dir).filePath(name + QStringLiteral(".csv")), SaveDataNode::fileDialogFilter(),
        &filter);
    if (path.isEmpty())
        return;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    // The filter decides when the name has no suffix of its own.
    QString choice = QStringLiteral("auto");
    if (QFileInfo(path).suffix().isEmpty()) {
        if (filter.startsWith(QLatin1String("TSV"))) {
            choice = QStringLiteral("tsv");
            path += QStringLiteral(".tsv");
        } else if (filter.startsWith(QLatin1String("ARFF"))) {
            choice = QStringLiteral("arff");
            path += QStringLiteral(".arff");
        } else if (filter.startsWith(QLatin1String("Excel"))) {
            choice = QStringLiteral("xlsx");
            path += QStringLiteral(".xlsx");
        } else {
            path += QStringLiteral(".csv");
        }
    }
    const SaveDataNode::Format format = SaveDataNode::formatFor(choice, path);

    auto *main = qobject_cast<QMainWindow *>(parent);
    if (main)
        main->statusBar()->showMessage(QObject::tr("Writing %1…").arg(QFileInfo(path).fileName()));
    QPointer<QWidget> window(parent);
    writeInBackground(dataset, path, format, parent,
        [window, main, path, rows = dataset.rowCount()](bool ok, const QString &error) {
            if (!ok) {
                QMessageBox::warning(window, QObject::tr("Export Table"), error);
                if (main)
                    main->statusBar()->clearMessage();
                return;
            }
            if (main)
                main->statusBar()->showMessage(
                    QObject::tr("Wrote %1 rows to %2").arg(rows).arg(path), 8000);
        });
}

void TableExport::writeInBackground(const engine::Dataset &dataset, const QString &path,
    engine::SaveDataNode::Format format, QObject *context,
    std::function<void(bool ok, const QString &error)> done)
{
    QPointer<QObject> receiver(context);
    // The dataset's columns are shared, not copied, by the capture.
    QThread *thread = QThread::create([dataset, path, format, receiver, done] {
        QString error;
        const bool ok = engine::SaveDataNode::write(dataset, path, format, &error);
        // Back to the receiver's thread (queued: this is a worker thread).
        QMetaObject::invokeMethod(
            qApp,
            [receiver, done, ok, error] {
                if (receiver)
                    done(ok, error);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace sextant::app
