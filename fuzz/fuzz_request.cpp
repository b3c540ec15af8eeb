// libFuzzer target for the HTTP request parser of `sextant serve` (RequestParser::parse,
// the body of POST /predict). The first byte picks the Content-Type (JSON, CSV, TSV, plain
// text, form-urlencoded, none, or an unsupported one); the rest is the body. The model is a
// logistic regression trained once on a 12-row table with a numeric column "a", a
// categorical column "colour" and the target "label". Checks:
//  - refused: a 4xx status and a message; a row is -1 or 1-based;
//  - accepted: a table with at least one row, whose every cell can be shown, and which
//    BatchPredictor either predicts (one prediction per row) or refuses with a message,
//    as the server does next.
#include "FuzzSupport.h"
#include "cli/BatchPredictor.h"
#include "cli/RequestParser.h"
#include "data/CsvReader.h"
#include "ml/FitContext.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <exception>

using namespace sextant;
using namespace sextant::engine;

namespace {

const char *const kTarget = "fuzz_request";

const TrainedModel &model()
{
    static const TrainedModelPtr m = [] {
        QByteArray csv("a,colour,label\n");
        const char *colours[] = { "red", "green", "blue" };
        for (int i = 0; i < 12; ++i)
            csv += QByteArray::number(i % 5) + ',' + colours[i % 3] + ',' + (i % 2 ? "yes" : "no")
                + '\n';
        LoadResult r = CsvReader::readBuffer(csv, QStringLiteral("request.csv"));
        if (!r.ok())
            fuzz::finding(kTarget, "the table does not load", r.error->toString());
        Dataset d = *r.dataset;
        d.setRole(d.indexOf(QStringLiteral("label")), ColumnRole::Target);
        BuiltinNodes::registry();
        const QString id = QStringLiteral("model.logistic_regression");
        const Learner *spec = LearnerRegistry::byNodeId(id);
        if (!spec)
            fuzz::finding(kTarget, "no logistic regression learner", id);
        QVariantMap params;
        for (const ParameterSpec &p : BuiltinNodes::registry().find(id)->parameters)
            params.insert(p.name, p.defaultValue);
        TrainedModelPtr fitted = LearnerNode::fit(*spec, params, d, nullptr, FitContext {});
        if (!fitted)
            fuzz::finding(kTarget, "the model does not train", id);
        return fitted;
    }();
    return *m;
}

const char *const kTypes[]
    = { "application/json", "text/csv", "text/tab-separated-values", "text/plain",
          "application/x-www-form-urlencoded", "", "application/json; charset=utf-8", "image/png" };
constexpr int kTypeCount = int(sizeof kTypes / sizeof kTypes[0]);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    const TrainedModel &m = model();
    const QByteArray type(kTypes[data[0] % kTypeCount]);
    const QByteArray body = fuzz::bytesOf(data + 1, size - 1);
    cli::RequestParser::Parsed parsed;
    try {
        parsed = cli::RequestParser::parse(body, type, m);
    } catch (const std::exception &e) {
        fuzz::finding(kTarget, "parse threw", QString::fromUtf8(e.what()));
    }
    if (parsed.error) {
        const cli::RequestError &e = *parsed.error;
        if (e.status < 400 || e.status > 499)
            fuzz::finding(kTarget, "a refusal that is not a 4xx", QString::number(e.status));
        if (e.message.isEmpty())
            fuzz::finding(kTarget, "a refusal without a message", {});
        if (e.row == 0 || e.row < -1)
            fuzz::finding(kTarget, "a refusal row that is not 1-based", QString::number(e.row));
        e.toJson(); // the server sends it
        return 0;
    }
    const Dataset &t = parsed.table;
    if (t.rowCount() < 1)
        fuzz::finding(kTarget, "an accepted request without rows", {});
    for (const Column &c : t.columns()) {
        if (c.size() != t.rowCount())
            fuzz::finding(kTarget, "a column of the wrong length", c.name());
        for (std::int64_t i = 0; i < c.size(); ++i)
            (void)c.displayValue(i);
    }
    try {
        Dataset prepared = m.preprocess(t);
        const Result<Prediction> p = cli::BatchPredictor::predict(m, prepared, QStringLiteral("m"));
        if (p && p.value().predicted.size() != t.rowCount())
            fuzz::finding(kTarget, "a prediction per row expected",
                QString::number(p.value().predicted.size()));
        if (!p && p.error().isEmpty())
            fuzz::finding(kTarget, "a refused prediction without a message", {});
    } catch (const std::exception &) {
        // The server answers 422 with the message (ModelServer); not a parser finding.
    }
    return 0;
}
