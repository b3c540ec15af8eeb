// libFuzzer target for the workflow reader (WorkflowFile::parse, .sextant files). Each input
// is parsed into a graph that already holds a small workflow:
//  - refused: the message is not empty and the graph is left as it was;
//  - accepted: writing the graph and reading the text back gives the same graph, and
//    writing that again gives the same bytes (writing is canonical).
// Any crash, sanitizer report, hang or disagreement is a finding.
#include "FuzzSupport.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"

using namespace sextant;
using namespace sextant::engine;

namespace {

const QByteArray kStart = R"({"format": "sextant-workflow", "version": 1,
 "nodes": [
  {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
  {"id": 2, "type": "view.histogram", "position": [200, 0], "parameters": {"bins": 12}}],
 "connections": [{"from": 1, "output": "data", "to": 2, "input": "data"}]})";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > WorkflowFile::kMaxFileSize)
        return 0;
    GraphModel model(BuiltinNodes::registry());
    if (Status s = WorkflowFile::parse(kStart, model, QStringLiteral("start.sextant")); !s)
        fuzz::finding("fuzz_workflow", "the starting workflow is refused", s.error());
    const QByteArray before = WorkflowFile::serialize(model);

    const Status s
        = WorkflowFile::parse(fuzz::bytesOf(data, size), model, QStringLiteral("fuzz.sextant"));
    const QByteArray written = WorkflowFile::serialize(model);
    if (!s) {
        if (s.error().isEmpty())
            fuzz::finding("fuzz_workflow", "a refusal without a message", {});
        if (written != before)
            fuzz::finding("fuzz_workflow", "a refused file changed the graph", s.error());
        return 0;
    }
    GraphModel again(BuiltinNodes::registry());
    if (Status r = WorkflowFile::parse(written, again, QStringLiteral("written.sextant")); !r)
        fuzz::finding("fuzz_workflow", "a written workflow is refused", r.error());
    if (WorkflowFile::serialize(again) != written)
        fuzz::finding("fuzz_workflow", "writing is not canonical", QString::fromUtf8(written));
    return 0;
}
