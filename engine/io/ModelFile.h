#pragma once

#include "graph/Result.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QString>
#include <cstdint>

namespace sextant::engine {

// The `.sxmodel` file: a fitted pipeline (TrainedModel) as data, never code.
//
// Layout (all integers little-endian):
//   offset 0        8 bytes   magic "SXMODEL\0"
//   offset 8        u32       format version (kFormatVersion)
//   offset 12       u64       H: length of the JSON header in bytes
//   offset 20       H bytes   JSON header (UTF-8, an object; see below)
//   offset 20+H     u64       B: length of the binary section in bytes (a multiple of 8)
//   offset 28+H     B bytes   float64 values (little-endian) of every array, back to back
//   offset 28+H+B   32 bytes  SHA-256 of every byte before it
//
// JSON header: "format" ("sextant-model"), "format_version", "sextant_version",
// "created" (ISO 8601 UTC), "display_name", "learner" {"type", "parameters"},
// "target" {"name", "task" (classification|regression|clustering), "classes"},
// "features" [{"name", "type" (numeric|categorical), "categories"}] (descriptive),
// "training" {"rows", "columns", "hash"}, "metrics" {...}, "fit_seconds",
// "training_distribution" (from format version 2, optional: DriftProfile::toJson, per
// feature a histogram at fixed cut points or category counts, and the missing count), and "steps":
// the preprocessing steps in order, then the feature encoder, the target encoder and the
// estimator, each {"role" (preprocessing|feature_encoder|target_encoder|estimator),
// "kind", "version", "numbers" {name: number}, "texts" {name: text}, "text_lists"
// {name: [text]}, "arrays" [{"name", "shape" [dims], "offset", "length"}]} — a ModelState.
// Array offsets and lengths count float64 values from the start of the binary section.
// Numbers that JSON cannot hold exactly are strings: "nan", "inf", "-inf", "-0".
//
// Loading never executes anything from the file: it checks the magic, the version (a
// newer format is refused as such), every length against the file size and the memory
// it needs against the memory available (MemoryBudget) before anything is allocated,
// reads the file in steps rather than whole, checks the checksum, each JSON field's type, each
// array's shape against its length and its range against the binary section (no overlaps), then
// restores each step through createTransformer / createEstimator + restore(), which validate the
// state. Every refusal names the file and what is wrong; running out of memory is one too.
class ModelFile {
public:
    // 2: "training_distribution" added (version 1 files still load, without it).
    static constexpr std::uint32_t kFormatVersion = 2;
    static constexpr int kMagicSize = 8;
    static constexpr int kChecksumSize = 32;
    // magic + version + header length + binary length + checksum
    static constexpr std::int64_t kFixedSize = 8 + 4 + 8 + 8 + 32;

    // "sxmodel": the one place the suffix is written (file dialogs, `sextant run` output).
    static QString fileSuffix() { return QStringLiteral("sxmodel"); }
    static QString fileDialogFilter()
    {
        return QStringLiteral("Sextant model (*.%1)").arg(fileSuffix());
    }
    static QByteArray magic() { return QByteArray("SXMODEL\0", kMagicSize); }

    // Writes atomically (AtomicFile): an existing file is left as it was when saving fails.
    static Status save(const TrainedModel &model, const QString &path);
    static Result<TrainedModelPtr> load(const QString &path);

    // The file's bytes. Fails when the model has no fitted estimator.
    static Result<QByteArray> toBytes(const TrainedModel &model);
    // `source` names the bytes in messages (a file path); empty: "model file".
    static Result<TrainedModelPtr> fromBytes(const QByteArray &bytes, const QString &source = {});

    // The framing alone, for tests and tools: split() checks magic, version, lengths and
    // checksum and returns the header bytes and binary section; assemble() frames them and
    // computes the checksum.
    struct Parts {
        std::uint32_t formatVersion = kFormatVersion;
        QByteArray header;
        QByteArray binary;
    };
    static Result<Parts> split(const QByteArray &bytes, const QString &source = {});
    static QByteArray assemble(const Parts &parts);
};

} // namespace sextant::engine
