#include "gui/ModelSaver.h"

#include "io/ModelFile.h"
#include "io/OnnxExport.h"

#include <QDir>
#include <QFileDialog>
#include <QThread>

namespace sextant::app {

ModelSaver::ModelSaver(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ModelSaveOutcome>();
    m_pool.setMaxThreadCount(1); // in the order asked: the last save to a path wins
    m_pool.setObjectName(QStringLiteral("modelSaver"));
}

ModelSaver::~ModelSaver()
{
    m_pool.waitForDone();
}

QString ModelSaver::askForPath(QWidget *parent, const engine::TrainedModel &model, bool onnx)
{
    const QString suggestion
        = QDir(QDir::homePath())
              .filePath(QString(model.displayName).replace(QLatin1Char(' '), QLatin1Char('_'))
                  + QLatin1Char('.')
                  + (onnx ? QStringLiteral("onnx") : engine::ModelFile::fileSuffix()));
    return QFileDialog::getSaveFileName(parent,
        onnx ? tr("Export Model as ONNX") : tr("Save Trained Model"), suggestion,
        onnx ? tr("ONNX model (*.onnx)") : tr("Sextant model (*.sxmodel)"));
}

void ModelSaver::start(int nodeId, engine::TrainedModelPtr model, const QString &path, bool onnx)
{
    ++m_pending;
    Q_EMIT started(nodeId, path);
    m_pool.start([this, nodeId, model = std::move(model), path, onnx] {
        ModelSaveOutcome outcome;
        outcome.nodeId = nodeId;
        outcome.path = path;
        outcome.onnx = onnx;
        outcome.writer = QThread::currentThread();
        const engine::Status status = onnx ? engine::OnnxExport::exportModel(*model, path)
                                           : engine::ModelFile::save(*model, path);
        outcome.ok = status.ok();
        if (!outcome.ok)
            outcome.error = status.error();
        // Worker thread -> GUI thread: queued (dropped when the saver is gone by then).
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                --m_pending;
                Q_EMIT finished(outcome);
            },
            Qt::QueuedConnection);
    });
}

void ModelSaver::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace sextant::app
