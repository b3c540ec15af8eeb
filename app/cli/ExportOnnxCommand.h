#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::cli {

// `sextant export-onnx MODEL.sxmodel -o MODEL.onnx`
//
// Loads the model (ModelFile::load) and writes it as an ONNX graph with
// engine::OnnxExport::exportModel (what it can express is listed in engine/io/OnnxExport.h;
// other models are refused with its message). In builds without ONNX support
// (OnnxExport::available() false) the command says so (exit 1).
//
// Exit codes: 0 written; 1 the model could not be read or exported; 2 usage error.
class ExportOnnxCommand {
public:
    // `args` are the arguments after "export-onnx".
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    // The lines the general usage text shows for `export-onnx`.
    static QString usage();
};

} // namespace sextant::cli
