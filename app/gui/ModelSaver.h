#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>

class QThread;
class QWidget;

namespace sextant::engine {
class TrainedModel;
using TrainedModelPtr = std::shared_ptr<const TrainedModel>;
} // namespace sextant::engine

namespace sextant::app {

// How one save of a trained model ended.
struct ModelSaveOutcome {
    int nodeId = 0;
    QString path;
    bool onnx = false;
    bool ok = false;
    QString error; // names the file and the reason, when !ok
    // The thread that serialised and wrote the file: never the GUI thread (for tests).
    QThread *writer = nullptr;
};

// Saves trained models (.sxmodel through engine::ModelFile, or ONNX through
// engine::OnnxExport) off the GUI thread: start() returns at once, the serialisation and
// the write run on a worker thread of its own, one save after the other in the order
// asked (so the last save to a path wins), and finished() reports each outcome on the
// GUI thread. Both writers go through engine::AtomicFile, so a save that fails half-way
// (a full disk, a refused write) leaves an existing file as it was.
//
// The model is shared and immutable: the window may drop it meanwhile. The destructor
// waits for the saves in progress (their outcome is then not reported).
class ModelSaver : public QObject {
    Q_OBJECT
public:
    explicit ModelSaver(QObject *parent = nullptr);
    ~ModelSaver() override;

    // Asks where to save `model` (a file dialog suggesting its name in the home folder);
    // empty when the person cancelled.
    static QString askForPath(QWidget *parent, const engine::TrainedModel &model, bool onnx);

    // Starts saving `model` (node `nodeId`'s) to `path`.
    void start(int nodeId, engine::TrainedModelPtr model, const QString &path, bool onnx);
    // Saves started and not finished yet.
    int pending() const { return m_pending; }
    // Blocks until every save started has been written (for the command line, tests and
    // closing); their outcomes are still reported by finished().
    void waitForDone();

Q_SIGNALS:
    void started(int nodeId, const QString &path);
    void finished(const sextant::app::ModelSaveOutcome &outcome);

private:
    QThreadPool m_pool;
    int m_pending = 0;
};

} // namespace sextant::app

Q_DECLARE_METATYPE(sextant::app::ModelSaveOutcome)
