#include "io/ModelFile.h"

#include "data/AtomicFile.h"
#include "data/MemoryBudget.h"
#include "io/EstimatorFactory.h"
#include "ml/TransformerFactory.h"
#include "nodes/LearnerRegistry.h"
#include "sextant/Version.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <new>
#include <optional>
#include <utility>

namespace sextant::engine {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

// A refusal: what is wrong, without the file name (added by the caller).
struct Refusal {
    QString message;
};

[[noreturn]] void refuse(const QString &message)
{
    throw Refusal { message };
}

QString taskId(EstimatorTask task)
{
    switch (task) {
    case EstimatorTask::Classification:
        return QStringLiteral("classification");
    case EstimatorTask::Regression:
        return QStringLiteral("regression");
    case EstimatorTask::Clustering:
        return QStringLiteral("clustering");
    }
    return QStringLiteral("classification");
}

// --- writing

QJsonValue numberToJson(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (v == 0 && std::signbit(v))
        return QStringLiteral("-0");
    return v;
}

void appendU64(QByteArray &out, std::uint64_t v)
{
    char b[8];
    qToLittleEndian(v, b);
    out.append(b, 8);
}

void appendU32(QByteArray &out, std::uint32_t v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

std::uint64_t readU64(const char *p)
{
    return qFromLittleEndian<std::uint64_t>(p);
}

QJsonObject stepToJson(const QString &role, const ModelState &s, QByteArray &binary)
{
    QJsonObject o;
    o[QStringLiteral("role")] = role;
    o[QStringLiteral("kind")] = QString::fromStdString(s.kind);
    o[QStringLiteral("version")] = s.version;
    QJsonObject numbers;
    for (const auto &[name, v] : s.numbers)
        numbers[QString::fromStdString(name)] = numberToJson(v);
    o[QStringLiteral("numbers")] = numbers;
    QJsonObject texts;
    for (const auto &[name, v] : s.texts)
        texts[QString::fromStdString(name)] = QString::fromStdString(v);
    o[QStringLiteral("texts")] = texts;
    QJsonObject lists;
    for (const auto &[name, list] : s.textLists) {
        QJsonArray a;
        for (const std::string &t : list)
            a.append(QString::fromStdString(t));
        lists[QString::fromStdString(name)] = a;
    }
    o[QStringLiteral("text_lists")] = lists;
    QJsonArray arrays;
    for (const auto &[name, array] : s.arrays) {
        QJsonObject a;
        a[QStringLiteral("name")] = QString::fromStdString(name);
        QJsonArray shape;
        for (std::int64_t d : array.shape)
            shape.append(double(d));
        a[QStringLiteral("shape")] = shape;
        a[QStringLiteral("offset")] = double(binary.size() / 8);
        a[QStringLiteral("length")] = double(array.values.size());
        binary.reserve(binary.size() + qsizetype(array.values.size() * 8));
        for (double v : array.values) {
            std::uint64_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            appendU64(binary, bits);
        }
        arrays.append(a);
    }
    o[QStringLiteral("arrays")] = arrays;
    return o;
}

// --- reading: typed access to JSON with the field's path in every message

class Field {
public:
    Field(QJsonValue value, QString path) : m_value(std::move(value)), m_path(std::move(path)) { }

    const QString &path() const { return m_path; }
    const QJsonValue &value() const { return m_value; }

    QJsonObject object() const
    {
        if (!m_value.isObject())
            refuse(QStringLiteral("'%1' is %2, expected an object").arg(m_path, typeName()));
        return m_value.toObject();
    }
    QJsonArray array() const
    {
        if (!m_value.isArray())
            refuse(QStringLiteral("'%1' is %2, expected an array").arg(m_path, typeName()));
        return m_value.toArray();
    }
    QString string() const
    {
        if (!m_value.isString())
            refuse(QStringLiteral("'%1' is %2, expected a text").arg(m_path, typeName()));
        return m_value.toString();
    }
    double number() const
    {
        if (!m_value.isDouble())
            refuse(QStringLiteral("'%1' is %2, expected a number").arg(m_path, typeName()));
        return m_value.toDouble();
    }
    // A number written by numberToJson: a JSON number or "nan", "inf", "-inf", "-0".
    double exactNumber() const
    {
        if (m_value.isString()) {
            const QString s = m_value.toString();
            if (s == QLatin1String("nan"))
                return std::numeric_limits<double>::quiet_NaN();
            if (s == QLatin1String("inf"))
                return std::numeric_limits<double>::infinity();
            if (s == QLatin1String("-inf"))
                return -std::numeric_limits<double>::infinity();
            if (s == QLatin1String("-0"))
                return -0.0;
            refuse(QStringLiteral("'%1' is the text \"%2\", expected a number")
                       .arg(m_path, s.left(40)));
        }
        return number();
    }
    std::int64_t integer(double min, double max) const
    {
        const double v = number();
        if (!(v >= min && v <= max) || v != std::floor(v))
            refuse(QStringLiteral("'%1' is %2, expected an integer in [%3, %4]")
                       .arg(m_path)
                       .arg(v, 0, 'g', 17)
                       .arg(min, 0, 'g', 17)
                       .arg(max, 0, 'g', 17));
        return static_cast<std::int64_t>(v);
    }

    static Field member(const QJsonObject &o, const QString &objectPath, const char *name)
    {
        const QString key = QString::fromLatin1(name);
        const QString path = objectPath.isEmpty() ? key : objectPath + QLatin1Char('.') + key;
        if (!o.contains(key))
            refuse(QStringLiteral("missing field '%1'").arg(path));
        return Field(o.value(key), path);
    }

private:
    QString typeName() const
    {
        switch (m_value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a text");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
        }
        return QStringLiteral("undefined");
    }

    QJsonValue m_value;
    QString m_path;
};

struct Range {
    std::int64_t offset;
    std::int64_t length;
    QString path;
};

// Reads one step's ModelState; `ranges` collects the array ranges (checked for overlap
// by the caller). `valueCount` is the binary section's size in float64 values.
ModelState readState(
    const QJsonObject &o, const QString &path, const QByteArray &binary, std::vector<Range> &ranges)
{
    ModelState s;
    s.kind = Field::member(o, path, "kind").string().toStdString();
    if (s.kind.empty())
        refuse(QStringLiteral("'%1.kind' is empty").arg(path));
    s.version = static_cast<int>(Field::member(o, path, "version").integer(1, 1000000));

    const Field numbersField = Field::member(o, path, "numbers");
    const QJsonObject numbers = numbersField.object();
    for (auto it = numbers.begin(); it != numbers.end(); ++it)
        s.numbers[it.key().toStdString()]
            = Field(it.value(), numbersField.path() + QLatin1Char('.') + it.key()).exactNumber();

    const Field textsField = Field::member(o, path, "texts");
    const QJsonObject texts = textsField.object();
    for (auto it = texts.begin(); it != texts.end(); ++it)
        s.texts[it.key().toStdString()]
            = Field(it.value(), textsField.path() + QLatin1Char('.') + it.key())
                  .string()
                  .toStdString();

    const Field listsField = Field::member(o, path, "text_lists");
    const QJsonObject lists = listsField.object();
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        const QString listPath = listsField.path() + QLatin1Char('.') + it.key();
        const QJsonArray a = Field(it.value(), listPath).array();
        std::vector<std::string> list;
        list.reserve(static_cast<std::size_t>(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i)
            list.push_back(Field(a.at(i), QStringLiteral("%1[%2]").arg(listPath).arg(i))
                               .string()
                               .toStdString());
        s.textLists[it.key().toStdString()] = std::move(list);
    }

    const std::int64_t valueCount = binary.size() / 8;
    const Field arraysField = Field::member(o, path, "arrays");
    const QJsonArray arrays = arraysField.array();
    for (qsizetype i = 0; i < arrays.size(); ++i) {
        const QString ap = QStringLiteral("%1[%2]").arg(arraysField.path()).arg(i);
        const QJsonObject a = Field(arrays.at(i), ap).object();
        const std::string name = Field::member(a, ap, "name").string().toStdString();
        const QString np = name.empty()
            ? ap
            : QStringLiteral("%1.%2").arg(arraysField.path(), QString::fromStdString(name));
        if (s.arrays.count(name))
            refuse(QStringLiteral("%1: a second array with this name").arg(np));
        const Field shapeField = Field::member(a, np, "shape");
        const QJsonArray shapeJson = shapeField.array();
        if (shapeJson.size() > 8)
            refuse(QStringLiteral("'%1' has %2 dimensions, at most 8 are allowed")
                       .arg(shapeField.path())
                       .arg(shapeJson.size()));
        std::vector<std::int64_t> shape;
        // The product of the dimensions, capped: any product above the binary section's
        // value count is refused below, before anything is allocated.
        std::int64_t product = 1;
        bool tooLarge = false;
        for (qsizetype d = 0; d < shapeJson.size(); ++d) {
            const std::int64_t dim
                = Field(shapeJson.at(d), QStringLiteral("%1[%2]").arg(shapeField.path()).arg(d))
                      .integer(0, kMaxExactInteger);
            shape.push_back(dim);
            if (dim == 0)
                product = 0;
            else if (!tooLarge && product > valueCount / dim)
                tooLarge = true;
            else if (!tooLarge)
                product *= dim;
        }
        if (product == 0)
            tooLarge = false;
        const std::int64_t offset = Field::member(a, np, "offset").integer(0, kMaxExactInteger);
        const std::int64_t length = Field::member(a, np, "length").integer(0, kMaxExactInteger);
        if (tooLarge || length != product) {
            QStringList dims;
            for (std::int64_t dim : shape)
                dims.append(QString::number(dim));
            if (tooLarge)
                refuse(QStringLiteral("%1: shape [%2] holds more values than the file's binary "
                                      "section (%3 values)")
                           .arg(np, dims.join(QStringLiteral(", ")))
                           .arg(valueCount));
            refuse(QStringLiteral("%1: length %2 does not match shape [%3] (%4 values)")
                       .arg(np)
                       .arg(length)
                       .arg(dims.join(QStringLiteral(", ")))
                       .arg(product));
        }
        if (offset > valueCount || length > valueCount - offset)
            refuse(QStringLiteral("%1: values %2..%3 lie outside the binary section (%4 values)")
                       .arg(np)
                       .arg(offset)
                       .arg(offset + length)
                       .arg(valueCount));
        ranges.push_back(Range { offset, length, np });
        ModelArray array;
        array.shape = std::move(shape);
        array.values.resize(static_cast<std::size_t>(length));
        const char *p = binary.constData() + offset * 8;
        for (std::int64_t k = 0; k < length; ++k) {
            const std::uint64_t bits = readU64(p + k * 8);
            std::memcpy(&array.values[static_cast<std::size_t>(k)], &bits, sizeof bits);
        }
        s.arrays[name] = std::move(array);
    }
    return s;
}

QString describe(const ModelState &s, const QString &role)
{
    return QStringLiteral("%1 '%2'").arg(role, QString::fromStdString(s.kind));
}

TrainedModelPtr parseModel(const ModelFile::Parts &parts)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(parts.header, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        refuse(QStringLiteral("the JSON header is malformed at byte %1: %2")
                   .arg(parseError.offset)
                   .arg(parseError.errorString()));
    if (!doc.isObject())
        refuse(QStringLiteral("the JSON header is not an object"));
    const QJsonObject root = doc.object();
    const QString format = Field::member(root, {}, "format").string();
    if (format != QLatin1String("sextant-model"))
        refuse(
            QStringLiteral("'format' is \"%1\", expected \"sextant-model\"").arg(format.left(40)));
    const std::int64_t headerVersion
        = Field::member(root, {}, "format_version").integer(1, kMaxExactInteger);
    if (headerVersion != parts.formatVersion)
        refuse(QStringLiteral("'format_version' is %1 but the file's frame says %2")
                   .arg(headerVersion)
                   .arg(parts.formatVersion));

    auto model = std::make_shared<TrainedModel>();
    Field::member(root, {}, "sextant_version").string();
    const QString created = Field::member(root, {}, "created").string();
    model->created = QDateTime::fromString(created, Qt::ISODateWithMs);
    if (!created.isEmpty() && !model->created.isValid())
        refuse(QStringLiteral("'created' is \"%1\", expected an ISO 8601 date and time")
                   .arg(created.left(40)));
    model->displayName = Field::member(root, {}, "display_name").string();
    const QJsonObject learner = Field::member(root, {}, "learner").object();
    // The node id the model was trained with; the estimator's kind below is what counts
    // (older files may hold a former node id, e.g. "model.naive_bayes").
    Field::member(learner, QStringLiteral("learner"), "type").string();
    model->learnerParameters
        = Field::member(learner, QStringLiteral("learner"), "parameters").object().toVariantMap();
    const QJsonObject training = Field::member(root, {}, "training").object();
    model->trainingRows
        = Field::member(training, QStringLiteral("training"), "rows").integer(0, kMaxExactInteger);
    model->trainingColumns = static_cast<int>(
        Field::member(training, QStringLiteral("training"), "columns").integer(0, 2147483647));
    model->trainingHash = Field::member(training, QStringLiteral("training"), "hash").string();
    model->metrics = Field::member(root, {}, "metrics").object();
    model->fitSeconds = Field::member(root, {}, "fit_seconds").number();
    // "target" and "features" are descriptive: the encoders' states below are what counts,
    // but their types are still checked.
    const QJsonObject target = Field::member(root, {}, "target").object();
    Field::member(target, QStringLiteral("target"), "name").string();
    const QString task = Field::member(target, QStringLiteral("target"), "task").string();
    Field::member(target, QStringLiteral("target"), "classes").array();
    Field::member(root, {}, "features").array();
    // From format version 2; optional (a model read from a version 1 file has none).
    if (root.contains(QStringLiteral("training_distribution"))) {
        try {
            model->trainingDistribution
                = DriftProfile::fromJson(Field::member(root, {}, "training_distribution").object(),
                    QStringLiteral("training_distribution"));
        } catch (const Refusal &) {
            throw;
        } catch (const std::exception &e) {
            refuse(QString::fromStdString(e.what()));
        }
    }

    const Field stepsField = Field::member(root, {}, "steps");
    const QJsonArray steps = stepsField.array();
    std::vector<Range> ranges;
    enum class Stage { Preprocessing, Features, Target, Estimator, Done };
    Stage stage = Stage::Preprocessing;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString path = QStringLiteral("steps[%1]").arg(i);
        const QJsonObject o = Field(steps.at(i), path).object();
        const QString role = Field::member(o, path, "role").string();
        const ModelState state = readState(o, path, parts.binary, ranges);
        const QString what = QStringLiteral("%1 (%2)").arg(path, describe(state, role));
        try {
            if (role == QLatin1String("preprocessing")) {
                if (stage != Stage::Preprocessing)
                    refuse(QStringLiteral("%1: preprocessing steps must come before the "
                                          "encoders and the estimator")
                               .arg(what));
                std::unique_ptr<Transformer> t = createTransformer(state.kind);
                if (!t)
                    refuse(QStringLiteral("%1: unknown preprocessing step kind").arg(what));
                t->restore(state);
                model->preprocessing.push_back(std::shared_ptr<const Transformer>(std::move(t)));
            } else if (role == QLatin1String("feature_encoder")) {
                if (stage != Stage::Preprocessing)
                    refuse(QStringLiteral("%1: unexpected feature encoder").arg(what));
                model->features.restore(state);
                stage = Stage::Features;
            } else if (role == QLatin1String("target_encoder")) {
                if (stage != Stage::Features)
                    refuse(QStringLiteral("%1: the target encoder must follow the feature "
                                          "encoder")
                               .arg(what));
                model->target.restore(state);
                stage = Stage::Target;
            } else if (role == QLatin1String("estimator")) {
                if (stage != Stage::Target)
                    refuse(QStringLiteral("%1: the estimator must follow the target encoder")
                               .arg(what));
                std::unique_ptr<Estimator> e = createEstimator(state.kind);
                if (!e)
                    refuse(QStringLiteral("%1: unknown estimator kind").arg(what));
                e->restore(state);
                model->estimator = std::shared_ptr<const Estimator>(std::move(e));
                stage = Stage::Done;
            } else {
                refuse(QStringLiteral("'%1.role' is \"%2\", expected preprocessing, "
                                      "feature_encoder, target_encoder or estimator")
                           .arg(path, role.left(40)));
            }
        } catch (const Refusal &) {
            throw;
        } catch (const std::exception &e) {
            refuse(QStringLiteral("%1: %2").arg(what, QString::fromStdString(e.what())));
        }
    }
    if (stage != Stage::Done)
        refuse(QStringLiteral("'steps' lacks the %1")
                   .arg(stage == Stage::Preprocessing ? QStringLiteral("feature encoder")
                           : stage == Stage::Features ? QStringLiteral("target encoder")
                                                      : QStringLiteral("estimator")));

    std::sort(ranges.begin(), ranges.end(),
        [](const Range &a, const Range &b) { return a.offset < b.offset; });
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i - 1].offset + ranges[i - 1].length > ranges[i].offset)
            refuse(QStringLiteral("%1 and %2 overlap in the binary section")
                       .arg(ranges[i - 1].path, ranges[i].path));

    // The parts must fit together.
    const Estimator &e = *model->estimator;
    if (!e.isFitted())
        refuse(QStringLiteral("the estimator '%1' is not fitted")
                   .arg(QString::fromStdString(e.kind())));
    if (!model->features.isFitted())
        refuse(QStringLiteral("the feature encoder is not fitted"));
    if (e.featureCount() != model->features.outputWidth())
        refuse(QStringLiteral("the estimator '%1' expects %2 features, the feature encoder "
                              "gives %3")
                   .arg(QString::fromStdString(e.kind()))
                   .arg(e.featureCount())
                   .arg(model->features.outputWidth()));
    if (e.task() != model->target.task())
        refuse(QStringLiteral("the estimator '%1' does %2, the target encoder %3")
                   .arg(QString::fromStdString(e.kind()), taskId(e.task()),
                       taskId(model->target.task())));
    if (task != taskId(e.task()))
        refuse(QStringLiteral("'target.task' is \"%1\", the estimator does %2")
                   .arg(task.left(40), taskId(e.task())));
    if (e.task() == EstimatorTask::Classification
        && e.classCount() != int(model->target.classNames().size()))
        refuse(QStringLiteral("the estimator '%1' has %2 classes, the target encoder %3")
                   .arg(QString::fromStdString(e.kind()))
                   .arg(e.classCount())
                   .arg(model->target.classNames().size()));
    return model;
}

QString sourceName(const QString &source)
{
    return source.isEmpty() ? QStringLiteral("model file") : source;
}

// --- framing, shared by split() (bytes in memory) and load() (read incrementally)

// magic + version + header length: what load() reads before anything else.
constexpr std::int64_t kPrefixSize = 20;
// A JSON header larger than this is not a model's: refused before it is read.
constexpr std::uint64_t kMaxHeaderSize = std::uint64_t(1) << 30;

struct Framing {
    std::uint32_t formatVersion = 0;
    std::uint64_t headerSize = 0;
    std::uint64_t binarySize = 0;
};

QString kChecksumMismatch()
{
    return QStringLiteral("checksum mismatch: the file is corrupt or was modified");
}

// Checks the first min(size, kPrefixSize) bytes of a file of `size` bytes: magic, size,
// version, header length against the file.
std::optional<QString> checkPrefix(const char *prefix, std::int64_t size, Framing &out)
{
    const qsizetype compared = qsizetype(std::min<std::int64_t>(size, ModelFile::kMagicSize));
    if (std::memcmp(prefix, ModelFile::magic().constData(), std::size_t(compared)) != 0)
        return QStringLiteral("not a Sextant model file (wrong magic bytes)");
    if (size < ModelFile::kFixedSize)
        return QStringLiteral("truncated: %1 bytes, a model file has at least %2")
            .arg(size)
            .arg(ModelFile::kFixedSize);
    out.formatVersion = qFromLittleEndian<std::uint32_t>(prefix + 8);
    if (out.formatVersion == 0)
        return QStringLiteral("format version 0 is not valid");
    if (out.formatVersion > ModelFile::kFormatVersion)
        return QStringLiteral("written in a newer format version (%1); this Sextant (%2) "
                              "reads format version %3 and older: update Sextant")
            .arg(out.formatVersion)
            .arg(QStringLiteral(SEXTANT_VERSION_STRING))
            .arg(ModelFile::kFormatVersion);
    out.headerSize = readU64(prefix + 12);
    if (out.headerSize > std::uint64_t(size - ModelFile::kFixedSize))
        return QStringLiteral("truncated or corrupt: the header length (%1 bytes) exceeds "
                              "the file (%2 bytes)")
            .arg(out.headerSize)
            .arg(size);
    if (out.headerSize > kMaxHeaderSize)
        return QStringLiteral("corrupt: the header length (%1 bytes) is larger than any "
                              "model's header (at most %2 bytes)")
            .arg(out.headerSize)
            .arg(kMaxHeaderSize);
    return std::nullopt;
}

// Checks the binary section's declared length against what the file has left.
std::optional<QString> checkBinarySize(
    std::uint64_t binarySize, std::int64_t size, Framing &framing)
{
    const std::uint64_t binaryRoom
        = std::uint64_t(size - ModelFile::kFixedSize) - framing.headerSize;
    if (binarySize != binaryRoom)
        return QStringLiteral("%1: the binary section length (%2 bytes) does not match the "
                              "file (%3 bytes left)")
            .arg(binarySize > binaryRoom ? QStringLiteral("truncated") : QStringLiteral("corrupt"))
            .arg(binarySize)
            .arg(binaryRoom);
    if (binarySize % 8 != 0)
        return QStringLiteral("the binary section length (%1 bytes) is not a multiple of 8")
            .arg(binarySize);
    framing.binarySize = binarySize;
    return std::nullopt;
}

// What loading a file of this framing needs at its peak: the header and binary section as
// read, the parsed JSON (a few times the header's text), and the arrays decoded from the
// binary section into each step's state.
std::uint64_t loadBytesNeeded(const Framing &f)
{
    return f.headerSize * 8 + f.binarySize * 2;
}

Result<TrainedModelPtr> parseParts(const ModelFile::Parts &parts, const QString &source)
{
    try {
        return parseModel(parts);
    } catch (const Refusal &r) {
        return Result<TrainedModelPtr>::failure(
            QStringLiteral("%1: %2").arg(sourceName(source), r.message));
    } catch (const std::bad_alloc &) {
        Framing f;
        f.headerSize = std::uint64_t(parts.header.size());
        f.binarySize = std::uint64_t(parts.binary.size());
        return Result<TrainedModelPtr>::failure(MemoryBudget::outOfMemory(
            QStringLiteral("load %1").arg(sourceName(source)), loadBytesNeeded(f)));
    } catch (const std::exception &e) {
        return Result<TrainedModelPtr>::failure(
            QStringLiteral("%1: %2").arg(sourceName(source), QString::fromStdString(e.what())));
    }
}

} // namespace

QByteArray ModelFile::assemble(const Parts &parts)
{
    QByteArray out;
    out.reserve(qsizetype(kFixedSize) + parts.header.size() + parts.binary.size());
    out.append(magic());
    appendU32(out, parts.formatVersion);
    appendU64(out, static_cast<std::uint64_t>(parts.header.size()));
    out.append(parts.header);
    appendU64(out, static_cast<std::uint64_t>(parts.binary.size()));
    out.append(parts.binary);
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    return out;
}

Result<ModelFile::Parts> ModelFile::split(const QByteArray &bytes, const QString &source)
{
    const QString name = sourceName(source);
    const auto fail = [&name](const QString &why) {
        return Result<Parts>::failure(QStringLiteral("%1: %2").arg(name, why));
    };
    const std::int64_t size = bytes.size();
    Framing framing;
    if (auto why = checkPrefix(bytes.constData(), size, framing))
        return fail(*why);
    const std::int64_t binaryAt = kPrefixSize + std::int64_t(framing.headerSize);
    if (auto why = checkBinarySize(readU64(bytes.constData() + binaryAt), size, framing))
        return fail(*why);
    const qsizetype checked = bytes.size() - kChecksumSize;
    const QByteArray expected = QCryptographicHash::hash(
        QByteArrayView(bytes.constData(), checked), QCryptographicHash::Sha256);
    if (std::memcmp(expected.constData(), bytes.constData() + checked, kChecksumSize) != 0)
        return fail(kChecksumMismatch());
    Parts parts;
    parts.formatVersion = framing.formatVersion;
    parts.header = bytes.mid(kPrefixSize, qsizetype(framing.headerSize));
    parts.binary = bytes.mid(binaryAt + 8, qsizetype(framing.binarySize));
    return parts;
}

Result<QByteArray> ModelFile::toBytes(const TrainedModel &model)
{
    if (!model.estimator || !model.estimator->isFitted())
        return Result<QByteArray>::failure(QStringLiteral("the model has no fitted estimator"));
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("sextant-model");
    root[QStringLiteral("format_version")] = double(kFormatVersion);
    root[QStringLiteral("sextant_version")] = QStringLiteral(SEXTANT_VERSION_STRING);
    root[QStringLiteral("created")]
        = model.created.isValid() ? model.created.toUTC().toString(Qt::ISODateWithMs) : QString();
    root[QStringLiteral("display_name")] = model.displayName;
    QJsonObject learner;
    learner[QStringLiteral("type")] = LearnerRegistry::nodeIdOf(*model.estimator);
    learner[QStringLiteral("parameters")] = QJsonObject::fromVariantMap(model.learnerParameters);
    root[QStringLiteral("learner")] = learner;
    QJsonObject target;
    target[QStringLiteral("name")] = model.target.name();
    target[QStringLiteral("task")] = taskId(model.estimator->task());
    target[QStringLiteral("classes")] = QJsonArray::fromStringList(model.target.classNames());
    root[QStringLiteral("target")] = target;
    QJsonArray features;
    for (const FeatureEncoder::Feature &f : model.features.features()) {
        QJsonObject o;
        o[QStringLiteral("name")] = f.name;
        o[QStringLiteral("type")]
            = f.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric");
        if (f.categorical)
            o[QStringLiteral("categories")] = QJsonArray::fromStringList(f.categories);
        features.append(o);
    }
    root[QStringLiteral("features")] = features;
    QJsonObject training;
    training[QStringLiteral("rows")] = double(model.trainingRows);
    training[QStringLiteral("columns")] = model.trainingColumns;
    training[QStringLiteral("hash")] = model.trainingHash;
    root[QStringLiteral("training")] = training;
    root[QStringLiteral("metrics")] = model.metrics;
    root[QStringLiteral("fit_seconds")] = std::isfinite(model.fitSeconds) ? model.fitSeconds : 0.0;
    if (!model.trainingDistribution.isEmpty())
        root[QStringLiteral("training_distribution")] = model.trainingDistribution.toJson();

    QByteArray binary;
    QJsonArray steps;
    try {
        for (const auto &step : model.preprocessing) {
            if (!step)
                return Result<QByteArray>::failure(QStringLiteral("a preprocessing step is empty"));
            steps.append(stepToJson(QStringLiteral("preprocessing"), step->state(), binary));
        }
        steps.append(stepToJson(QStringLiteral("feature_encoder"), model.features.state(), binary));
        steps.append(stepToJson(QStringLiteral("target_encoder"), model.target.state(), binary));
        steps.append(stepToJson(QStringLiteral("estimator"), model.estimator->state(), binary));
    } catch (const std::exception &e) {
        return Result<QByteArray>::failure(
            QStringLiteral("cannot export the model: %1").arg(QString::fromStdString(e.what())));
    }
    root[QStringLiteral("steps")] = steps;

    Parts parts;
    parts.formatVersion = kFormatVersion;
    parts.header = QJsonDocument(root).toJson(QJsonDocument::Indented);
    parts.binary = std::move(binary);
    return assemble(parts);
}

Result<TrainedModelPtr> ModelFile::fromBytes(const QByteArray &bytes, const QString &source)
{
    Result<Parts> parts = split(bytes, source);
    if (!parts)
        return Result<TrainedModelPtr>::failure(parts.error());
    return parseParts(parts.value(), source);
}

Status ModelFile::save(const TrainedModel &model, const QString &path)
{
    Result<QByteArray> bytes = toBytes(model);
    if (!bytes)
        return Status::failure(QStringLiteral("%1: %2").arg(path, bytes.error()));
    QString error;
    if (!AtomicFile::write(path, bytes.value(), &error))
        return Status::failure(error);
    return Status::success();
}

// Reads the file in steps, each bounded by what the steps before established: the fixed
// prefix, then the header (its length checked against the file), then the binary section
// (its length checked against what is left), hashing as it goes. Nothing is allocated
// before its size has been checked against the file's size and the memory available.
Result<TrainedModelPtr> ModelFile::load(const QString &path)
{
    using R = Result<TrainedModelPtr>;
    const auto fail = [&path](const QString &why) {
        return R::failure(QStringLiteral("%1: %2").arg(path, why));
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (info.isDir())
        return fail(QStringLiteral("is a folder"));
    if (!info.isFile())
        return fail(QStringLiteral("is not a regular file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
    const std::int64_t size = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Reads exactly n bytes into `to`, adding them to the hash; false on a short read.
    const auto readExactly = [&file, &hash](char *to, std::int64_t n) {
        constexpr std::int64_t kChunk = std::int64_t(1) << 24;
        while (n > 0) {
            const qint64 got = file.read(to, std::min(n, kChunk));
            if (got <= 0)
                return false;
            hash.addData(QByteArrayView(to, got));
            to += got;
            n -= got;
        }
        return true;
    };
    const auto readError = [&] {
        return fail(file.error() != QFileDevice::NoError
                ? QStringLiteral("cannot read: %1").arg(file.errorString())
                : QStringLiteral("cannot read: the file changed while it was read"));
    };

    char prefix[kPrefixSize] = {};
    if (!readExactly(prefix, std::min<std::int64_t>(size, kPrefixSize)))
        return readError();
    Framing framing;
    if (auto why = checkPrefix(prefix, size, framing))
        return fail(*why);

    // The binary section's length sits after the header; read it first so that the
    // memory needed is known before the header is read.
    char binaryLength[8];
    if (!file.seek(kPrefixSize + qint64(framing.headerSize)) || file.read(binaryLength, 8) != 8)
        return readError();
    if (auto why = checkBinarySize(readU64(binaryLength), size, framing))
        return fail(*why);
    const std::uint64_t needed = loadBytesNeeded(framing);
    const QString what = QStringLiteral("load %1").arg(path);
    if (auto why = MemoryBudget::shortfall(needed, what))
        return R::failure(*why);
    if (!file.seek(kPrefixSize))
        return readError();

    Parts parts;
    parts.formatVersion = framing.formatVersion;
    try {
        parts.header.resize(qsizetype(framing.headerSize));
        if (!readExactly(parts.header.data(), parts.header.size()))
            return readError();
        char again[8];
        if (!readExactly(again, 8) || std::memcmp(again, binaryLength, 8) != 0)
            return readError();
        parts.binary.resize(qsizetype(framing.binarySize));
        if (!readExactly(parts.binary.data(), parts.binary.size()))
            return readError();
    } catch (const std::bad_alloc &) {
        return R::failure(MemoryBudget::outOfMemory(what, needed));
    }
    char checksum[kChecksumSize];
    if (file.read(checksum, kChecksumSize) != kChecksumSize)
        return readError();
    if (std::memcmp(hash.resultView().constData(), checksum, kChecksumSize) != 0)
        return fail(kChecksumMismatch());
    return parseParts(parts, path);
}

} // namespace sextant::engine
