#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class QIODevice;

namespace sextant::engine {

// Every file Sextant saves (workflows, models, ONNX, CSV and JSON outputs, plots, the
// studio's recovery file) is written through here: into a temporary file in the target's
// folder (QSaveFile), which replaces the target only when everything was written. A crash,
// a full disk or a refused write leaves an existing file as it was and nothing else behind.
//
// On failure the functions return false and set `error` (when given) to one message that
// names the file and the reason the operating system (or the writer) gave:
//     "/data/out/model.sxmodel: cannot write: No space left on device"
class AtomicFile {
public:
    // Writes `data` to `path`.
    static bool write(const QString &path, const QByteArray &data, QString *error = nullptr);

    // Streams the content: `writer` writes into the temporary file and returns false (with
    // the reason in `why`, when it has one) to abandon the save.
    using Writer = std::function<bool(QIODevice &device, QString *why)>;
    static bool write(const QString &path, const Writer &writer, QString *error = nullptr);

    // The message the functions above produce: "PATH: cannot write: REASON".
    static QString failureMessage(const QString &path, const QString &reason);
};

} // namespace sextant::engine
