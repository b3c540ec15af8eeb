// libFuzzer target for `sextant run --set NODE.PARAM=VALUE` (RunCommand::applySet: the
// syntax, the node by id, type id or display name, the parameter, and the value parsed by
// its ParameterSpec). Each line of the input is one --set applied to the example workflow
// resources/examples/wine-classify.sextant (13 nodes of 10 types):
//  - refused: the reason is not empty;
//  - accepted: the workflow still writes and reads back as a valid file, unchanged.
#include "FuzzSupport.h"
#include "cli/RunCommand.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"

#include <QFile>

using namespace sextant;
using namespace sextant::engine;

namespace {

const QByteArray &workflow()
{
    static const QByteArray bytes = [] {
        QFile f(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/wine-classify.sextant"));
        if (!f.open(QIODevice::ReadOnly))
            fuzz::finding("fuzz_set", "cannot read the example workflow", f.fileName());
        return f.readAll();
    }();
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 8192)
        return 0;
    GraphModel model(BuiltinNodes::registry());
    if (Status s = WorkflowFile::parse(workflow(), model, QStringLiteral("wine.sextant")); !s)
        fuzz::finding("fuzz_set", "the example workflow is refused", s.error());
    const QStringList lines
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size))
              .split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        QString why;
        if (!cli::RunCommand::applySet(model, line, &why) && why.isEmpty())
            fuzz::finding("fuzz_set", "a refusal without a reason", line);
    }
    const QByteArray written = WorkflowFile::serialize(model);
    GraphModel again(BuiltinNodes::registry());
    if (Status s = WorkflowFile::parse(written, again, QStringLiteral("set.sextant")); !s)
        fuzz::finding("fuzz_set", "a workflow changed by --set does not read back", s.error());
    if (WorkflowFile::serialize(again) != written)
        fuzz::finding("fuzz_set", "a workflow changed by --set reads back differently", {});
    return 0;
}
