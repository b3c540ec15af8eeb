// libFuzzer target for the .sxmodel reader (ModelFile::fromBytes). Each input is read
//  1. as it is: the framing, the checksum and everything behind them;
//  2. when it starts with the magic, re-framed: the header (its declared length, clamped)
//     and the binary section (the bytes after the binary length, without the last 32)
//     get fresh lengths and a fresh checksum, so mutations of the JSON and of the float64
//     values reach the JSON checks and every step's restore();
//  3. otherwise, when it holds the marker "\n--SXBIN--\n": the header is what comes
//     before it, the binary section what follows, framed likewise.
// A model that loads must save and load again to the same states, and its estimator must
// predict on a few rows without crashing. Any crash, sanitizer report or hang is a finding.
#include "io/ModelFile.h"

#include <QByteArray>
#include <QtEndian>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

using namespace sextant::engine;

namespace {

[[noreturn]] void finding(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_model: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

void exercise(const TrainedModel &model)
{
    // Saving and loading again gives the same states.
    const Result<QByteArray> bytes = ModelFile::toBytes(model);
    if (!bytes)
        finding("a loaded model does not save", bytes.error());
    const Result<TrainedModelPtr> again = ModelFile::fromBytes(bytes.value());
    if (!again)
        finding("a saved model does not load", again.error());
    if (!(again.value()->estimator->state() == model.estimator->state())
        || !(again.value()->features.state() == model.features.state())
        || !(again.value()->target.state() == model.target.state()))
        finding("states differ after a round trip", {});

    // The estimator on a few finite rows.
    const int d = model.estimator->featureCount();
    if (d <= 0 || d > 4096)
        return;
    Eigen::MatrixXd X(4, d);
    for (int c = 0; c < d; ++c) {
        X(0, c) = 0.0;
        X(1, c) = 1.0;
        X(2, c) = -1.5 * (c + 1);
        X(3, c) = 1e3;
    }
    try {
        const Eigen::VectorXd p = model.estimator->predict(X);
        if (p.size() != X.rows())
            finding("predict gave the wrong number of rows", QString::number(p.size()));
        if (model.estimator->hasProbabilities()) {
            const Eigen::MatrixXd P = model.estimator->predictProbabilities(X);
            if (P.rows() != X.rows())
                finding("predictProbabilities gave the wrong number of rows",
                    QString::number(P.rows()));
        }
    } catch (const std::exception &) {
        // A refusal is fine; a crash is not.
    }
}

void load(const QByteArray &bytes)
{
    const Result<TrainedModelPtr> r = ModelFile::fromBytes(bytes, QStringLiteral("fuzz.sxmodel"));
    if (r) {
        exercise(*r.value());
    } else if (r.error().isEmpty()) {
        finding("a refusal without a message", {});
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > (1u << 20))
        return 0;
    const QByteArray input = QByteArray::fromRawData(
        reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    load(input);

    ModelFile::Parts parts;
    const QByteArray magic = ModelFile::magic();
    const QByteArray marker("\n--SXBIN--\n");
    if (input.size() >= 20 && input.startsWith(magic)) {
        parts.formatVersion = qFromLittleEndian<std::uint32_t>(input.constData() + 8);
        const qsizetype available = input.size() - 20;
        const std::uint64_t declared = qFromLittleEndian<std::uint64_t>(input.constData() + 12);
        const qsizetype h
            = static_cast<qsizetype>(std::min<std::uint64_t>(declared, std::uint64_t(available)));
        parts.header = input.mid(20, h);
        const qsizetype binaryAt = 20 + h + 8;
        const qsizetype binaryEnd = input.size() - ModelFile::kChecksumSize;
        if (binaryEnd > binaryAt)
            parts.binary = input.mid(binaryAt, (binaryEnd - binaryAt) / 8 * 8);
    } else if (const qsizetype at = input.indexOf(marker); at >= 0) {
        parts.header = input.left(at);
        const QByteArray rest = input.mid(at + marker.size());
        parts.binary = rest.left(rest.size() / 8 * 8);
    } else {
        return 0;
    }
    load(ModelFile::assemble(parts));
    return 0;
}
