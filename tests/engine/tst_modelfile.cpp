// .sxmodel files: every model family round-trips bit for bit, metadata survives, and
// damaged or hostile files are refused with a message.
#include "data/DatasetLoader.h"
#include "graph/NodeError.h"
#include "graph/NodeRegistry.h"
#include "io/EstimatorFactory.h"
#include "io/ModelFile.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/StandardizeTransform.h"
#include "ml/TransformerFactory.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/ModelFileNode.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <cstring>
#include <functional>
#include <unistd.h>

using namespace sextant::engine;

namespace {

QString datasetPath(const QString &name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + name;
}

Dataset loadTable(const QString &name, const QString &target)
{
    LoadResult r = DatasetLoader::load(datasetPath(name));
    if (!r.ok())
        qFatal("cannot load %s", qPrintable(name));
    Dataset data = *r.dataset;
    for (int c = 0; c < data.columnCount(); ++c)
        data.setRole(c, data.column(c).name() == target ? ColumnRole::Target : ColumnRole::Feature);
    return data;
}

// Fits `step` on `data` and returns the transformed table, which remembers the step.
Dataset applyStep(const Dataset &data, std::unique_ptr<Transformer> step)
{
    step->fit(data, FitContext {});
    std::shared_ptr<const Transformer> fitted(std::move(step));
    Dataset out = fitted->transform(data);
    out.appendPreprocessing(fitted);
    return out;
}

// diabetes with "sex" as a categorical column ("F"/"M"), for one-hot pipelines.
Dataset diabetesWithCategories()
{
    Dataset data = loadTable(QStringLiteral("diabetes.csv"), QStringLiteral("progression"));
    const int sex = data.indexOf(QStringLiteral("sex"));
    const Column &c = data.column(sex);
    std::vector<std::int32_t> codes;
    for (double v : c.values())
        codes.push_back(v == 1.0 ? 0 : 1);
    Column cat = Column::categorical(
        QStringLiteral("sex"), std::move(codes), { QStringLiteral("F"), QStringLiteral("M") });
    data.replaceColumn(sex, cat);
    data.setRole(sex, ColumnRole::Feature);
    return data;
}

Dataset preprocess(const Dataset &data, const QString &prep)
{
    Dataset out = data;
    for (const QString &step : prep.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
        if (step == QLatin1String("standardize"))
            out = applyStep(out, std::make_unique<StandardizeTransform>());
        else if (step == QLatin1String("minmax"))
            out = applyStep(out, std::make_unique<MinMaxScaleTransform>());
        else if (step == QLatin1String("onehot"))
            out = applyStep(out, std::make_unique<OneHotTransform>());
        else if (step == QLatin1String("pca"))
            out = applyStep(out, std::make_unique<PcaTransform>());
        else
            qFatal("unknown step %s", qPrintable(step));
    }
    return out;
}

std::shared_ptr<TrainedModel> fitLearner(const QString &learnerId, const Dataset &data,
    const QString &task, const QVariantMap &overrides = {})
{
    const NodeType *type = BuiltinNodes::registry().find(learnerId);
    if (!type)
        qFatal("no node type %s", qPrintable(learnerId));
    QVariantMap params = type->defaultParameters();
    if (!task.isEmpty() && type->parameter(QStringLiteral("task")))
        params[QStringLiteral("task")] = task;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        if (type->parameter(it.key()))
            params[it.key()] = it.value();
    const Learner *spec = LearnerRegistry::byNodeId(learnerId);
    if (!spec)
        qFatal("no learner spec %s", qPrintable(learnerId));
    return LearnerNode::fit(*spec, params, data, nullptr, FitContext {});
}

bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
}

bool sameBits(const Eigen::VectorXd &a, const Eigen::VectorXd &b)
{
    return a.size() == b.size()
        && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
}

// A small fitted model (logistic regression on standardised iris) and its bytes.
std::shared_ptr<TrainedModel> smallModel()
{
    const Dataset iris
        = preprocess(loadTable(QStringLiteral("iris.csv"), QStringLiteral("species")),
            QStringLiteral("standardize"));
    return fitLearner(QStringLiteral("model.logistic_regression"), iris, {});
}

QJsonObject headerOf(const ModelFile::Parts &parts)
{
    return QJsonDocument::fromJson(parts.header).object();
}

QByteArray withHeader(ModelFile::Parts parts, const QJsonObject &header)
{
    parts.header = QJsonDocument(header).toJson(QJsonDocument::Compact);
    return ModelFile::assemble(parts);
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        BuiltinNodes::registry(); // registers the learner specs
        m_small = smallModel();
        QVERIFY(m_small);
        Result<QByteArray> bytes = ModelFile::toBytes(*m_small);
        QVERIFY2(bytes, qPrintable(bytes.error()));
        m_smallBytes = bytes.value();
    }

    void factoryKnowsEveryKind()
    {
        for (const std::string &kind : estimatorKinds()) {
            std::unique_ptr<Estimator> e = createEstimator(kind);
            QVERIFY2(e, kind.c_str());
            QCOMPARE(e->kind(), kind);
            QVERIFY(!e->isFitted());
        }
        QVERIFY(!createEstimator("no_such_model"));
        QVERIFY(!createEstimator(""));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("prep");
        QTest::addColumn<QVariantMap>("overrides");
        const auto row = [](const char *name, const char *learner, const char *dataset,
                             const char *target, const char *task, const char *prep,
                             const QVariantMap &overrides = {}) {
            QTest::newRow(name) << QString::fromLatin1(learner) << QString::fromLatin1(dataset)
                                << QString::fromLatin1(target) << QString::fromLatin1(task)
                                << QString::fromLatin1(prep) << overrides;
        };
        const QVariantMap balanced { { QStringLiteral("class_weight"),
            QStringLiteral("balanced") } };
        row("logistic/wine balanced", "model.logistic_regression", "wine.csv", "cultivar", "",
            "standardize", balanced);
        row("svm/wine balanced", "model.svm", "wine.csv", "cultivar", "classification",
            "standardize", balanced);
        row("tree/wine balanced", "model.decision_tree", "wine.csv", "cultivar", "classification",
            "", balanced);
        row("forest/wine balanced", "model.random_forest", "wine.csv", "cultivar", "classification",
            "", balanced);
        row("boosting/wine balanced", "model.gradient_boosting", "wine.csv", "cultivar",
            "classification", "",
            QVariantMap { { QStringLiteral("class_weight"), QStringLiteral("balanced") },
                { QStringLiteral("early_stopping"), QStringLiteral("on") } });
        row("mlp/iris early stopping", "model.mlp", "iris.csv", "species", "classification",
            "standardize", QVariantMap { { QStringLiteral("min_validation_rows"), 1 } });
        row("linear/diabetes+standardize", "model.linear_regression", "diabetes.csv", "progression",
            "", "standardize");
        row("linear/diabetes+onehot", "model.linear_regression", "diabetes-cat", "progression", "",
            "onehot+minmax");
        row("logistic/iris+standardize", "model.logistic_regression", "iris.csv", "species", "",
            "standardize");
        row("logistic/wine+pca", "model.logistic_regression", "wine.csv", "cultivar", "",
            "standardize+pca");
        row("naive_bayes/wine", "model.naive_bayes", "wine.csv", "cultivar", "", "");
        row("knn/iris", "model.knn", "iris.csv", "species", "classification", "standardize");
        row("knn/diabetes", "model.knn", "diabetes.csv", "progression", "regression", "minmax");
        row("svm/wine", "model.svm", "wine.csv", "cultivar", "classification", "standardize");
        row("svm/diabetes", "model.svm", "diabetes.csv", "progression", "regression",
            "standardize");
        row("tree/iris", "model.decision_tree", "iris.csv", "species", "classification", "");
        row("tree/diabetes-onehot", "model.decision_tree", "diabetes-cat", "progression",
            "regression", "onehot");
        row("forest/wine", "model.random_forest", "wine.csv", "cultivar", "classification", "");
        row("forest/diabetes", "model.random_forest", "diabetes.csv", "progression", "regression",
            "");
        row("boosting/iris", "model.gradient_boosting", "iris.csv", "species", "classification",
            "");
        row("boosting/diabetes", "model.gradient_boosting", "diabetes.csv", "progression",
            "regression", "");
        row("mlp/iris", "model.mlp", "iris.csv", "species", "classification", "standardize");
        row("mlp/diabetes", "model.mlp", "diabetes.csv", "progression", "regression",
            "standardize");
        row("kmeans/iris", "cluster.kmeans", "iris.csv", "", "", "standardize");
        row("dbscan/iris", "cluster.dbscan", "iris.csv", "", "", "standardize");
        row("gmm/wine", "cluster.gaussian_mixture", "wine.csv", "", "", "standardize");
        row("hierarchical/iris", "cluster.hierarchical", "iris.csv", "", "", "");
    }

    void roundTrip()
    {
        QFETCH(QString, learner);
        QFETCH(QString, dataset);
        QFETCH(QString, target);
        QFETCH(QString, task);
        QFETCH(QString, prep);
        QFETCH(QVariantMap, overrides);

        Dataset raw;
        if (dataset == QLatin1String("diabetes-cat")) {
            raw = diabetesWithCategories();
        } else {
            // Clustering: the species/cultivar column is not a feature.
            const QString t = target.isEmpty()
                ? (dataset == QLatin1String("iris.csv") ? QStringLiteral("species")
                                                        : QStringLiteral("cultivar"))
                : target;
            raw = loadTable(dataset, t);
            if (target.isEmpty())
                raw.setRole(raw.indexOf(t), ColumnRole::Ignore);
        }
        const Dataset data = preprocess(raw, prep);
        std::shared_ptr<TrainedModel> model = fitLearner(learner, data, task, overrides);
        QVERIFY(model);
        model->metrics = QJsonObject { { QStringLiteral("accuracy"), 0.9375 },
            { QStringLiteral("note"), QStringLiteral("test") } };

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.sxmodel"));
        Status saved = ModelFile::save(*model, path);
        QVERIFY2(saved, qPrintable(saved.error()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList { QStringLiteral("model.sxmodel") });
        const Result<TrainedModelPtr> loaded = ModelFile::load(path);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        const TrainedModel &back = *loaded.value();

        // Every step's state, exactly.
        QCOMPARE(back.preprocessing.size(), model->preprocessing.size());
        for (std::size_t i = 0; i < model->preprocessing.size(); ++i)
            QVERIFY(back.preprocessing[i]->state() == model->preprocessing[i]->state());
        QVERIFY(back.features.state() == model->features.state());
        QVERIFY(back.target.state() == model->target.state());
        QVERIFY(back.estimator->state() == model->estimator->state());
        QCOMPARE(back.estimator->kind(), model->estimator->kind());
        // The learner's own importances survive too.
        QVERIFY(back.estimator->featureImportances().values
            == model->estimator->featureImportances().values);

        // Predictions and probabilities bit-identical, on the raw table (the loaded
        // model replays every preprocessing step itself).
        const Prediction before = model->predict(raw);
        const Prediction after = back.predict(raw);
        QVERIFY(sameBits(before.predicted, after.predicted));
        QVERIFY(sameBits(before.probabilities, after.probabilities));
        QCOMPARE(after.classNames, before.classNames);
        QCOMPARE(after.table.columnNames(), before.table.columnNames());

        // Metadata.
        QCOMPARE(back.displayName, model->displayName);
        // The learner family is the estimator's registration.
        QVERIFY(!LearnerRegistry::nodeIdOf(*back.estimator).isEmpty());
        QCOMPARE(LearnerRegistry::nodeIdOf(*back.estimator),
            LearnerRegistry::nodeIdOf(*model->estimator));
        QCOMPARE(QJsonObject::fromVariantMap(back.learnerParameters),
            QJsonObject::fromVariantMap(model->learnerParameters));
        QCOMPARE(back.target.name(), model->target.name());
        QCOMPARE(back.target.classNames(), model->target.classNames());
        QVERIFY(back.target.task() == model->target.task());
        QCOMPARE(back.features.outputNames(), model->features.outputNames());
        QCOMPARE(back.trainingRows, model->trainingRows);
        QCOMPARE(back.trainingColumns, model->trainingColumns);
        QCOMPARE(back.trainingHash, model->trainingHash);
        QCOMPARE(back.metrics, model->metrics);
        QCOMPARE(back.fitSeconds, model->fitSeconds);
        QCOMPARE(back.created.toMSecsSinceEpoch(), model->created.toMSecsSinceEpoch());

        // The same bytes again: saving is deterministic.
        const Result<QByteArray> again = ModelFile::toBytes(back);
        QVERIFY(again);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(again.value(), f.readAll());
    }

    void headerIsSelfDescribing()
    {
        const Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY2(parts, qPrintable(parts.error()));
        const QJsonObject h = headerOf(parts.value());
        QCOMPARE(h.value(QStringLiteral("format")).toString(), QStringLiteral("sextant-model"));
        QCOMPARE(h.value(QStringLiteral("format_version")).toInt(), int(ModelFile::kFormatVersion));
        QVERIFY(!h.value(QStringLiteral("sextant_version")).toString().isEmpty());
        QCOMPARE(
            h.value(QStringLiteral("learner")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("model.logistic_regression"));
        QCOMPARE(h.value(QStringLiteral("target"))
                     .toObject()
                     .value(QStringLiteral("classes"))
                     .toArray()
                     .size(),
            3);
        QCOMPARE(h.value(QStringLiteral("features")).toArray().size(), 4);
        const QJsonArray steps = h.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps[0].toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("standardize"));
        QCOMPARE(steps[3].toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("logistic_regression"));
        QVERIFY(m_smallBytes.startsWith(QByteArray("SXMODEL\0", 8)));
    }

    void nonFiniteNumbersRoundTrip()
    {
        // Numbers JSON cannot write (NaN, infinities, -0) survive exactly: through a
        // header edited to carry them in the target encoder's numbers.
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        QJsonObject h = headerOf(parts.value());
        QJsonArray steps = h.value(QStringLiteral("steps")).toArray();
        QJsonObject step = steps[1].toObject();
        QJsonObject numbers = step.value(QStringLiteral("numbers")).toObject();
        numbers[QStringLiteral("x_nan")] = QStringLiteral("nan");
        numbers[QStringLiteral("x_inf")] = QStringLiteral("-inf");
        numbers[QStringLiteral("x_zero")] = QStringLiteral("-0");
        step[QStringLiteral("numbers")] = numbers;
        steps[1] = step;
        h[QStringLiteral("steps")] = steps;
        const Result<TrainedModelPtr> loaded = ModelFile::fromBytes(withHeader(parts.value(), h));
        QVERIFY2(loaded, qPrintable(loaded.error()));
        const ModelState s = loaded.value()->features.state();
        Q_UNUSED(s);
        // The numbers are parsed (the encoder ignores unknown numbers); a bad text is not.
        numbers[QStringLiteral("x_bad")] = QStringLiteral("lots");
        step[QStringLiteral("numbers")] = numbers;
        steps[1] = step;
        h[QStringLiteral("steps")] = steps;
        const Result<TrainedModelPtr> bad = ModelFile::fromBytes(withHeader(parts.value(), h));
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QStringLiteral("x_bad")), qPrintable(bad.error()));
    }

    void refusesEveryTruncation()
    {
        QVERIFY(m_smallBytes.size() < 200000);
        for (qsizetype n = 0; n < m_smallBytes.size(); ++n) {
            const Result<TrainedModelPtr> r
                = ModelFile::fromBytes(m_smallBytes.left(n), QStringLiteral("cut.sxmodel"));
            QVERIFY2(!r, qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(n)));
            QVERIFY2(r.error().startsWith(QStringLiteral("cut.sxmodel: ")), qPrintable(r.error()));
        }
        const Result<TrainedModelPtr> r
            = ModelFile::fromBytes(m_smallBytes.left(m_smallBytes.size() - 100));
        QVERIFY2(r.error().contains(QStringLiteral("truncated")), qPrintable(r.error()));
        // Appended garbage is refused too.
        QVERIFY(!ModelFile::fromBytes(m_smallBytes + QByteArray(8, '\0')));
    }

    void refusesEveryBitFlip()
    {
        for (qsizetype i = 0; i < m_smallBytes.size(); ++i) {
            QByteArray bytes = m_smallBytes;
            bytes[i] = char(bytes[i] ^ char(1 << (i % 8)));
            const Result<TrainedModelPtr> r
                = ModelFile::fromBytes(bytes, QStringLiteral("m.sxmodel"));
            QVERIFY2(!r, qPrintable(QStringLiteral("bit flip at byte %1 accepted").arg(i)));
            QVERIFY2(r.error().startsWith(QStringLiteral("m.sxmodel: ")), qPrintable(r.error()));
        }
        // A flip in the JSON header or the binary section is a checksum mismatch.
        QByteArray bytes = m_smallBytes;
        bytes[100] = char(bytes[100] ^ 0x10);
        QVERIFY(ModelFile::fromBytes(bytes).error().contains(QStringLiteral("checksum")));
        bytes = m_smallBytes;
        bytes[bytes.size() - 40] = char(bytes[bytes.size() - 40] ^ 0x01);
        QVERIFY(ModelFile::fromBytes(bytes).error().contains(QStringLiteral("checksum")));
    }

    void refusesWrongMagic()
    {
        QByteArray bytes = m_smallBytes;
        bytes[0] = 'Z';
        const Result<TrainedModelPtr> r = ModelFile::fromBytes(bytes, QStringLiteral("x.sxmodel"));
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("magic")), qPrintable(r.error()));
        QVERIFY(!ModelFile::fromBytes(QByteArray("{\"format\":\"sextant-model\"}")));
        QVERIFY(!ModelFile::fromBytes(QByteArray()));
    }

    void refusesNewerFormat()
    {
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        ModelFile::Parts p = parts.value();
        p.formatVersion = ModelFile::kFormatVersion + 1;
        const Result<TrainedModelPtr> r
            = ModelFile::fromBytes(ModelFile::assemble(p), QStringLiteral("new.sxmodel"));
        QVERIFY(!r);
        QVERIFY2(
            r.error().contains(QStringLiteral("newer format version (%1)").arg(p.formatVersion)),
            qPrintable(r.error()));
        QVERIFY(r.error().startsWith(QStringLiteral("new.sxmodel: ")));
        // And a header that disagrees with the frame.
        QJsonObject h = headerOf(parts.value());
        h[QStringLiteral("format_version")] = 7;
        const Result<TrainedModelPtr> r2 = ModelFile::fromBytes(withHeader(parts.value(), h));
        QVERIFY2(r2.error().contains(QStringLiteral("format_version")), qPrintable(r2.error()));
    }

    void refusesOversizedArrays_data()
    {
        QTest::addColumn<QJsonArray>("shape");
        QTest::addColumn<double>("offset");
        QTest::addColumn<double>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("huge shape")
            << QJsonArray { 4e15, 4e15 } << 0.0 << 9e15 << QStringLiteral("more values than");
        QTest::newRow("huge count, matching shape")
            << QJsonArray { 1e6, 1e6 } << 0.0 << 1e12 << QStringLiteral("more values than");
        QTest::newRow("length not the shape's")
            << QJsonArray { 3.0, 5.0 } << 0.0 << 14.0 << QStringLiteral("does not match shape");
        QTest::newRow("offset past the end")
            << QJsonArray { 1.0 } << 4e15 << 1.0 << QStringLiteral("outside the binary section");
        QTest::newRow("negative dimension")
            << QJsonArray { -1.0, 4.0 } << 0.0 << 4.0 << QStringLiteral("expected an integer");
        QTest::newRow("fractional length")
            << QJsonArray { 2.5 } << 0.0 << 2.5 << QStringLiteral("expected an integer");
        QTest::newRow("too many dimensions") << QJsonArray { 1, 1, 1, 1, 1, 1, 1, 1, 1 } << 0.0
                                             << 1.0 << QStringLiteral("dimensions");
        QTest::newRow("shape not an array") << QJsonArray {} << 0.0 << 1.0 << QStringLiteral("");
    }

    void refusesOversizedArrays()
    {
        QFETCH(QJsonArray, shape);
        QFETCH(double, offset);
        QFETCH(double, length);
        QFETCH(QString, expected);
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        QJsonObject h = headerOf(parts.value());
        QJsonArray steps = h.value(QStringLiteral("steps")).toArray();
        QJsonObject estimator = steps.last().toObject();
        QJsonArray arrays = estimator.value(QStringLiteral("arrays")).toArray();
        QVERIFY(!arrays.isEmpty());
        QJsonObject a = arrays[0].toObject();
        if (shape.isEmpty())
            a[QStringLiteral("shape")] = QStringLiteral("3 x 5");
        else
            a[QStringLiteral("shape")] = shape;
        a[QStringLiteral("offset")] = offset;
        a[QStringLiteral("length")] = length;
        arrays[0] = a;
        estimator[QStringLiteral("arrays")] = arrays;
        steps[steps.size() - 1] = estimator;
        h[QStringLiteral("steps")] = steps;
        const Result<TrainedModelPtr> r
            = ModelFile::fromBytes(withHeader(parts.value(), h), QStringLiteral("big.sxmodel"));
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(QStringLiteral("big.sxmodel: ")), qPrintable(r.error()));
        QVERIFY2(r.error().contains(QStringLiteral("steps[3].arrays.")), qPrintable(r.error()));
        QVERIFY2(r.error().contains(expected), qPrintable(r.error()));
    }

    void refusesOverlappingArrays()
    {
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        QJsonObject h = headerOf(parts.value());
        QJsonArray steps = h.value(QStringLiteral("steps")).toArray();
        // Point the standardize step's first array at the estimator's first values.
        QJsonObject step = steps[0].toObject();
        QJsonArray arrays = step.value(QStringLiteral("arrays")).toArray();
        QJsonObject a = arrays[0].toObject();
        const QJsonObject target
            = steps[3].toObject().value(QStringLiteral("arrays")).toArray()[0].toObject();
        a[QStringLiteral("offset")] = target.value(QStringLiteral("offset"));
        arrays[0] = a;
        step[QStringLiteral("arrays")] = arrays;
        steps[0] = step;
        h[QStringLiteral("steps")] = steps;
        const Result<TrainedModelPtr> r = ModelFile::fromBytes(withHeader(parts.value(), h));
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("overlap")), qPrintable(r.error()));
    }

    void refusesWrongStateShape()
    {
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        QJsonObject h = headerOf(parts.value());
        QJsonArray steps = h.value(QStringLiteral("steps")).toArray();
        QJsonObject estimator = steps.last().toObject();
        QJsonArray arrays = estimator.value(QStringLiteral("arrays")).toArray();
        // Find a matrix and flatten it: same values, wrong shape.
        bool changed = false;
        QString name;
        for (qsizetype i = 0; i < arrays.size() && !changed; ++i) {
            QJsonObject a = arrays[i].toObject();
            const QJsonArray shape = a.value(QStringLiteral("shape")).toArray();
            if (shape.size() == 2) {
                a[QStringLiteral("shape")] = QJsonArray { shape[1], shape[0].toDouble() + 1 };
                a[QStringLiteral("length")] = shape[1].toDouble() * (shape[0].toDouble() + 1);
                // Keep the length valid against the binary section: shrink it instead when
                // that would pass the end.
                a[QStringLiteral("shape")] = QJsonArray { shape[1], shape[0] };
                a[QStringLiteral("length")] = shape[0].toDouble() * shape[1].toDouble();
                if (shape[0].toDouble() == shape[1].toDouble())
                    a[QStringLiteral("shape")]
                        = QJsonArray { shape[0].toDouble() * shape[1].toDouble() };
                name = a.value(QStringLiteral("name")).toString();
                arrays[i] = a;
                changed = true;
            }
        }
        QVERIFY(changed);
        estimator[QStringLiteral("arrays")] = arrays;
        steps[steps.size() - 1] = estimator;
        h[QStringLiteral("steps")] = steps;
        const Result<TrainedModelPtr> r
            = ModelFile::fromBytes(withHeader(parts.value(), h), QStringLiteral("shape.sxmodel"));
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("logistic_regression")), qPrintable(r.error()));
        QVERIFY2(r.error().contains(name), qPrintable(r.error()));
    }

    void refusesInconsistentParts()
    {
        Result<ModelFile::Parts> parts = ModelFile::split(m_smallBytes);
        QVERIFY(parts);
        const QJsonObject h0 = headerOf(parts.value());
        const auto edit = [&](const std::function<void(QJsonObject &)> &f) {
            QJsonObject h = h0;
            f(h);
            return ModelFile::fromBytes(withHeader(parts.value(), h), QStringLiteral("e.sxmodel"));
        };
        // Unknown kinds, no estimator, steps out of order, wrong JSON types.
        Result<TrainedModelPtr> r = edit([](QJsonObject &h) {
            QJsonArray steps = h[QStringLiteral("steps")].toArray();
            QJsonObject e = steps[3].toObject();
            e[QStringLiteral("kind")] = QStringLiteral("python_pickle");
            steps[3] = e;
            h[QStringLiteral("steps")] = steps;
        });
        QVERIFY2(r.error().contains(QStringLiteral("python_pickle")), qPrintable(r.error()));
        r = edit([](QJsonObject &h) {
            QJsonArray steps = h[QStringLiteral("steps")].toArray();
            steps.removeLast();
            h[QStringLiteral("steps")] = steps;
        });
        QVERIFY2(r.error().contains(QStringLiteral("lacks the estimator")), qPrintable(r.error()));
        r = edit([](QJsonObject &h) {
            QJsonArray steps = h[QStringLiteral("steps")].toArray();
            steps.append(steps[0]);
            h[QStringLiteral("steps")] = steps;
        });
        QVERIFY2(r.error().contains(QStringLiteral("preprocessing steps must come before")),
            qPrintable(r.error()));
        r = edit([](QJsonObject &h) { h[QStringLiteral("display_name")] = 3; });
        QVERIFY2(r.error().contains(QStringLiteral("'display_name' is a number, expected a text")),
            qPrintable(r.error()));
        r = edit([](QJsonObject &h) { h.remove(QStringLiteral("training")); });
        QVERIFY2(
            r.error().contains(QStringLiteral("missing field 'training'")), qPrintable(r.error()));
        r = edit([](QJsonObject &h) {
            QJsonObject t = h[QStringLiteral("target")].toObject();
            t[QStringLiteral("task")] = QStringLiteral("regression");
            h[QStringLiteral("target")] = t;
        });
        QVERIFY2(r.error().contains(QStringLiteral("target.task")), qPrintable(r.error()));
        // A header that is not JSON.
        ModelFile::Parts p = parts.value();
        p.header = "{not json";
        r = ModelFile::fromBytes(ModelFile::assemble(p));
        QVERIFY2(r.error().contains(QStringLiteral("malformed")), qPrintable(r.error()));
        // A binary section that is not whole float64s.
        p = parts.value();
        p.binary.chop(3);
        r = ModelFile::fromBytes(ModelFile::assemble(p));
        QVERIFY2(r.error().contains(QStringLiteral("multiple of 8")), qPrintable(r.error()));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.sxmodel"));
        QVERIFY(ModelFile::save(*m_small, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        f.close();

        // A model that cannot be written leaves the existing file as it was.
        TrainedModel empty;
        Status s = ModelFile::save(empty, path);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(path), qPrintable(s.error()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original);
        f.close();

        // An unwritable folder: the file there is untouched (root may write anywhere).
        if (::geteuid() != 0) {
            QVERIFY(
                QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            s = ModelFile::save(*smallModel(), path);
            QFile::setPermissions(dir.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QVERIFY(!s);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), original);
            f.close();
        }

        // A folder that does not exist.
        const QString missing = dir.filePath(QStringLiteral("no/such/dir/m.sxmodel"));
        s = ModelFile::save(*m_small, missing);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(missing), qPrintable(s.error()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList { QStringLiteral("keep.sxmodel") });
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nothing.sxmodel"));
        Result<TrainedModelPtr> r = ModelFile::load(path);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(path), qPrintable(r.error()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SXMODEL");
        f.close();
        r = ModelFile::load(path);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(path + QStringLiteral(": ")), qPrintable(r.error()));
    }

    // load() reads the file in steps; every refusal is the one fromBytes() gives for the
    // same bytes: truncations at many lengths, and bit flips in the framing and body.
    void loadRefusesAsFromBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.sxmodel"));
        const auto check = [&path](const QByteArray &bytes) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || f.write(bytes) != bytes.size())
                return QStringLiteral("cannot write the test file");
            f.close();
            const Result<TrainedModelPtr> fromFile = ModelFile::load(path);
            const Result<TrainedModelPtr> fromBytes = ModelFile::fromBytes(bytes, path);
            if (bool(fromFile) != bool(fromBytes))
                return QStringLiteral("load %1, fromBytes %2")
                    .arg(fromFile ? QStringLiteral("accepts") : fromFile.error(),
                        fromBytes ? QStringLiteral("accepts") : fromBytes.error());
            if (!fromFile && fromFile.error() != fromBytes.error())
                return QStringLiteral("load: %1\nfromBytes: %2")
                    .arg(fromFile.error(), fromBytes.error());
            return QString();
        };
        const qsizetype n = m_smallBytes.size();
        for (qsizetype len = 0; len < n; len += (len < 64 || len > n - 64) ? 1 : 97) {
            const QString why = check(m_smallBytes.left(len));
            QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("%1 bytes: %2").arg(len).arg(why)));
        }
        QVERIFY2(check(m_smallBytes).isEmpty(), qPrintable(check(m_smallBytes)));
        QVERIFY2(check(m_smallBytes + "x").isEmpty(), qPrintable(check(m_smallBytes + "x")));
        for (qsizetype at = 0; at < n; at += (at < 40 || at > n - 40) ? 1 : 89) {
            QByteArray flipped = m_smallBytes;
            flipped[at] = char(flipped[at] ^ 0x10);
            const QString why = check(flipped);
            QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("flip at %1: %2").arg(at).arg(why)));
        }
    }

    // A frame declaring a header or binary section longer than the file is refused from its
    // first bytes: nothing that size is allocated (a test allocating 2^40 bytes would fail).
    void loadRefusesDeclaredSizesBeyondTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lying.sxmodel"));
        const auto frame
            = [](quint64 headerSize, const QByteArray &header, quint64 binarySize) -> QByteArray {
            QByteArray bytes = ModelFile::magic();
            char b[8];
            qToLittleEndian<quint32>(ModelFile::kFormatVersion, b);
            bytes.append(b, 4);
            qToLittleEndian<quint64>(headerSize, b);
            bytes.append(b, 8);
            bytes += header;
            qToLittleEndian<quint64>(binarySize, b);
            bytes.append(b, 8);
            return bytes + QByteArray(32, '\0');
        };
        const auto loadBytes = [&path](const QByteArray &bytes) {
            QFile f(path);
            f.open(QIODevice::WriteOnly | QIODevice::Truncate);
            f.write(bytes);
            f.close();
            return ModelFile::load(path);
        };
        Result<TrainedModelPtr> r = loadBytes(frame(quint64(1) << 40, "{}", 0));
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(path
                     + QStringLiteral(": truncated or corrupt: the header "
                                      "length (1099511627776 bytes) "
                                      "exceeds the file")),
            qPrintable(r.error()));
        r = loadBytes(frame(2, "{}", quint64(1) << 40));
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("truncated: the binary section length "
                                                   "(1099511627776 bytes) does not match the "
                                                   "file (0 bytes left)")),
            qPrintable(r.error()));
        r = loadBytes(frame(2, "{}", ~quint64(0)));
        QVERIFY(!r);
        QVERIFY2(
            r.error().contains(QStringLiteral("does not match the file")), qPrintable(r.error()));
        // A header that fits the file but not a model: larger than any header can be.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray head = frame(quint64(1) << 31, {}, 0).left(20);
        QCOMPARE(f.write(head), head.size());
        if (!f.resize((qint64(1) << 31) + 64))
            QSKIP("this file system does not take a 2 GB sparse file");
        f.close();
        r = ModelFile::load(path);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("larger than any model's header")),
            qPrintable(r.error()));
    }

    // A terabyte binary section (a sparse file) is more than this machine has: refused up
    // front with the estimate, before the header or the section is read.
    void loadRefusesWhatDoesNotFitMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tera.sxmodel"));
        QByteArray bytes = ModelFile::magic();
        char b[8];
        qToLittleEndian<quint32>(ModelFile::kFormatVersion, b);
        bytes.append(b, 4);
        qToLittleEndian<quint64>(2, b);
        bytes.append(b, 8);
        bytes += "{}";
        qToLittleEndian<quint64>(quint64(1) << 40, b);
        bytes.append(b, 8);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
        if (!f.resize(bytes.size() + (qint64(1) << 40) + 32))
            QSKIP("this file system does not take a 1 TB sparse file");
        f.close();
        const Result<TrainedModelPtr> r = ModelFile::load(path);
        QVERIFY(!r);
        QVERIFY2(
            r.error().startsWith(
                QStringLiteral("not enough memory to load %1: needs about 2199.0 GB, ").arg(path)),
            qPrintable(r.error()));
    }

    void modelFileNode()
    {
        const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("data.model_file"));
        QVERIFY(type);
        QCOMPARE(type->category, QStringLiteral("Data"));
        QCOMPARE(type->outputs.size(), 1);
        QVERIFY(type->outputs[0].type == PortType::Model);
        QVERIFY(type->parameter(QStringLiteral("path")));
        QVERIFY(type->fingerprint);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.sxmodel"));
        QVERIFY(ModelFile::save(*m_small, path));
        QVariantMap params = type->defaultParameters();
        params[QStringLiteral("path")] = QStringLiteral("m.sxmodel");
        const QByteArray fp1 = type->fingerprint(params, dir.path());
        NodeContext ctx(1, *type, params, {}, dir.path());
        ModelFileNode::compute(ctx);
        QCOMPARE(ctx.outputs().size(), std::size_t(1));
        const NodeValuePtr out = ctx.outputs()[0];
        QVERIFY(out);
        const TrainedModelPtr *model = out->as<TrainedModelPtr>();
        QVERIFY(model && *model);
        QVERIFY((*model)->estimator->state() == m_small->estimator->state());

        // A rewritten file changes the fingerprint (size or mtime).
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("x");
        f.close();
        QVERIFY(type->fingerprint(params, dir.path()) != fp1);
        NodeContext ctx2(1, *type, params, {}, dir.path());
        QVERIFY_THROWS_EXCEPTION(NodeError, ModelFileNode::compute(ctx2));
    }

    // With SEXTANT_WRITE_MODEL_SEEDS=DIR, writes the fuzzer's seed corpus (small valid
    // files, and the same as header + "\n--SXBIN--\n" + binary): fuzz/corpus/model.
    // Model files as written before the learner node ids were derived from the estimator
    // kinds: the learner "type" is the former node id ("model.naive_bayes",
    // "cluster.hierarchical"), the only field in which such files differ from today's (the
    // estimator kinds did not change). tests/data/models holds the fuzz seeds
    // (writeFuzzSeeds) of those two families with the former id written back and the
    // checksum recomputed. They load, are recognised as the renamed family, and predict
    // exactly what a fresh fit with the same parameters predicts.
    void readsModelsWrittenBeforeTheRename_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("formerId");
        QTest::addColumn<QString>("nodeId");
        // Gaussian naive Bayes (estimator kind "gaussian_naive_bayes") is now the Gaussian
        // variant of the mixed-data Naive Bayes, whose node id is the former one again.
        QTest::newRow("naive_bayes")
            << QStringLiteral("naive_bayes_v1.sxmodel") << QStringLiteral("model.naive_bayes")
            << QStringLiteral("model.naive_bayes");
        QTest::newRow("hierarchical")
            << QStringLiteral("hierarchical_v1.sxmodel") << QStringLiteral("cluster.hierarchical")
            << QStringLiteral("cluster.agglomerative");
    }
    void readsModelsWrittenBeforeTheRename()
    {
        QFETCH(QString, file);
        QFETCH(QString, formerId);
        QFETCH(QString, nodeId);
        const QString path = QStringLiteral(SEXTANT_TEST_DATA_DIR "/models/") + file;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Result<ModelFile::Parts> parts = ModelFile::split(f.readAll());
        QVERIFY2(parts, qPrintable(parts.error()));
        const QJsonObject header = QJsonDocument::fromJson(parts.value().header).object();
        QCOMPARE(header.value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
            formerId);

        const Result<TrainedModelPtr> loaded = ModelFile::load(path);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        const TrainedModel &old = *loaded.value();
        QCOMPARE(LearnerRegistry::nodeIdOf(*old.estimator), nodeId);
        QCOMPARE(LearnerRegistry::byNodeId(formerId), LearnerRegistry::byNodeId(nodeId));

        Dataset iris = loadTable(QStringLiteral("iris.csv"), QStringLiteral("species"));
        if (nodeId.startsWith(QLatin1String("cluster.")))
            iris.setRole(iris.indexOf(QStringLiteral("species")), ColumnRole::Ignore);
        const auto fresh = fitLearner(nodeId, iris, {}, old.learnerParameters);
        QVERIFY(fresh);
        const Prediction before = old.predict(iris);
        const Prediction now = fresh->predict(iris);
        QVERIFY(sameBits(before.predicted, now.predicted));
        QVERIFY(sameBits(before.probabilities, now.probabilities));
        // A file written now names the family by its current node id.
        const Result<QByteArray> bytes = ModelFile::toBytes(old);
        QVERIFY(bytes);
        const QJsonObject rewritten
            = QJsonDocument::fromJson(ModelFile::split(bytes.value()).value().header).object();
        QCOMPARE(rewritten.value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
            nodeId);
    }

    void writeFuzzSeeds()
    {
        const QString dir = qEnvironmentVariable("SEXTANT_WRITE_MODEL_SEEDS");
        if (dir.isEmpty())
            QSKIP("set SEXTANT_WRITE_MODEL_SEEDS=DIR to write the fuzz seed corpus");
        QVERIFY(QDir().mkpath(dir));
        Dataset iris = loadTable(QStringLiteral("iris.csv"), QStringLiteral("species"));
        const Dataset irisStd = preprocess(iris, QStringLiteral("standardize"));
        Dataset irisClusters = iris;
        irisClusters.setRole(irisClusters.indexOf(QStringLiteral("species")), ColumnRole::Ignore);
        const Dataset diabetes
            = preprocess(diabetesWithCategories(), QStringLiteral("onehot+minmax"));
        struct Seed {
            const char *name;
            std::shared_ptr<TrainedModel> model;
        };
        const QVariantMap small { { QStringLiteral("trees"), 3 },
            { QStringLiteral("max_depth"), 3 }, { QStringLiteral("max_iter"), 5 } };
        const std::vector<Seed> seeds = {
            { "logistic", fitLearner(QStringLiteral("model.logistic_regression"), irisStd, {}) },
            { "linear-onehot",
                fitLearner(QStringLiteral("model.linear_regression"), diabetes, {}) },
            { "naive_bayes", fitLearner(QStringLiteral("model.naive_bayes"), iris, {}) },
            { "tree", fitLearner(QStringLiteral("model.decision_tree"), iris, {}, small) },
            { "forest", fitLearner(QStringLiteral("model.random_forest"), iris, {}, small) },
            { "boosting", fitLearner(QStringLiteral("model.gradient_boosting"), iris, {}, small) },
            { "mlp",
                fitLearner(QStringLiteral("model.mlp"), irisStd, {},
                    { { QStringLiteral("hidden_layers"), QStringLiteral("4") },
                        { QStringLiteral("max_iter"), 5 }, { QStringLiteral("epochs"), 5 } }) },
            { "kmeans", fitLearner(QStringLiteral("cluster.kmeans"), irisClusters, {}) },
            { "hierarchical",
                fitLearner(QStringLiteral("cluster.agglomerative"), irisClusters, {}) },
            { "gmm", fitLearner(QStringLiteral("cluster.gaussian_mixture"), irisClusters, {}) },
            { "svm", fitLearner(QStringLiteral("model.svm"), irisStd, {}) },
        };
        for (const Seed &seed : seeds) {
            QVERIFY2(seed.model, seed.name);
            const Result<QByteArray> bytes = ModelFile::toBytes(*seed.model);
            QVERIFY(bytes);
            const Result<ModelFile::Parts> parts = ModelFile::split(bytes.value());
            QVERIFY(parts);
            const QString base = QDir(dir).filePath(QString::fromLatin1(seed.name));
            QFile f(base + QStringLiteral(".sxmodel"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes.value());
            f.close();
            QFile g(base + QStringLiteral(".split"));
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write(QJsonDocument::fromJson(parts.value().header).toJson(QJsonDocument::Compact)
                + "\n--SXBIN--\n" + parts.value().binary);
            g.close();
        }
    }

private:
    std::shared_ptr<TrainedModel> m_small;
    QByteArray m_smallBytes;
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
