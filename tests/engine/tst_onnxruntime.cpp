// Exported ONNX models run in ONNX Runtime — the runtime people deploy ONNX with — through
// npm's onnxruntime-node (its CPU build for Linux x64), which tools/setup-deps installs
// into build/onnxruntime of the checkout (or SEXTANT_ONNXRUNTIME_NODE_MODULES names a
// node_modules folder that has it). A node script runs each model on the table's rows;
// labels must agree and probabilities be within 1e-5 of Sextant's own, regression values
// within 1e-5 relative to max(1, |value|). Tree ensembles included, which OpenCV DNN
// cannot run.
#include "PipelineFixtures.h"
#include "ReferenceSkip.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "io/OnnxExport.h"
#include "ml/DecisionTree.h"
#include "ml/ImputeTransform.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/StandardizeTransform.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>

using namespace sextant::engine;
using namespace sextant::testing;

namespace {

// The folder that holds onnxruntime-node, or empty.
QString nodeModules()
{
    QString dir = qEnvironmentVariable("SEXTANT_ONNXRUNTIME_NODE_MODULES");
    if (dir.isEmpty())
        dir = QDir::cleanPath(
            QStringLiteral(SEXTANT_RESOURCES_DIR "/../build/onnxruntime/node_modules"));
    return QFileInfo::exists(dir + QStringLiteral("/onnxruntime-node/package.json")) ? dir
                                                                                     : QString();
}

// Runs model.onnx on rows.bin (N x F, float32 or float64, row-major) and prints every
// output as {"name": {"dims": [...], "data": [...]}}.
const char kRunner[] = R"JS(
const fs = require('fs');
const ort = require('onnxruntime-node');
const [model, rows, n, f, type] = process.argv.slice(1); // node -e: no script path
(async () => {
  const session = await ort.InferenceSession.create(model);
  const bytes = fs.readFileSync(rows);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data = type === 'float64' ? new Float64Array(buffer) : new Float32Array(buffer);
  const feeds = { features: new ort.Tensor(type, data, [Number(n), Number(f)]) };
  const results = await session.run(feeds);
  const out = {};
  for (const name of session.outputNames)
    out[name] = { dims: results[name].dims, data: Array.from(results[name].data, Number) };
  process.stdout.write(JSON.stringify(out));
})().catch(e => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
)JS";

} // namespace

class TestOnnxRuntime : public QObject {
    Q_OBJECT

    // Exports `model`, runs it in ONNX Runtime on `raw` and compares with predict().
    void verify(const char *name, const TrainedModelPtr &model, const Dataset &raw)
    {
        QVERIFY(model);
        const QString path = m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".onnx"));
        const Status exported = OnnxExport::exportModel(*model, path);
        QVERIFY2(exported, qPrintable(exported.error()));
        const Result<QStringList> cols = OnnxExport::inputColumns(*model);
        QVERIFY2(cols, qPrintable(cols.error()));
        const int F = int(cols.value().size());
        const std::int64_t n = raw.rowCount();
        // Tree ensembles, naive Bayes and k-NN take float64, the others float32.
        const bool f64 = OnnxExport::takesDoubles(*model);
        const Result<std::vector<double>> rowsIn = OnnxExport::inputRows(*model, raw);
        QVERIFY2(rowsIn, qPrintable(rowsIn.error()));
        QByteArray bytes;
        for (double v : rowsIn.value()) {
            if (f64) {
                bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
            } else {
                const float x = float(v);
                bytes.append(reinterpret_cast<const char *>(&x), sizeof x);
            }
        }
        const QString rows = path + QStringLiteral(".bin");
        QFile f(rows);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), m_nodeModules);
        node.setProcessEnvironment(env);
        node.start(QStringLiteral("node"),
            { QStringLiteral("-e"), QString::fromLatin1(kRunner), path, rows, QString::number(n),
                QString::number(F), f64 ? QStringLiteral("float64") : QStringLiteral("float32") });
        QVERIFY2(node.waitForFinished(300000), "node timed out");
        const QByteArray out = node.readAllStandardOutput();
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
            node.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(out).object();

        const Prediction p = model->predict(raw);
        if (p.task == EstimatorTask::Classification) {
            const QJsonArray labels = o.value(QStringLiteral("label"))
                                          .toObject()
                                          .value(QStringLiteral("data"))
                                          .toArray();
            const QJsonArray probs = o.value(QStringLiteral("probabilities"))
                                         .toObject()
                                         .value(QStringLiteral("data"))
                                         .toArray();
            const Eigen::Index K = p.probabilities.cols();
            QCOMPARE(labels.size(), qsizetype(n));
            if (K == 0) { // no probabilities (an SVM without Platt scaling): labels only
                QVERIFY(!o.contains(QStringLiteral("probabilities")));
                int mismatches = 0;
                for (std::int64_t i = 0; i < n; ++i)
                    mismatches += labels[i].toDouble() != p.predicted(i) ? 1 : 0;
                qInfo("%s in ONNX Runtime: label mismatches %d of %lld", name, mismatches,
                    static_cast<long long>(n));
                QCOMPARE(mismatches, 0);
                return;
            }
            QCOMPARE(probs.size(), qsizetype(n * K));
            double maxAbs = 0;
            int mismatches = 0;
            for (std::int64_t i = 0; i < n; ++i) {
                for (Eigen::Index k = 0; k < K; ++k)
                    maxAbs = std::max(
                        maxAbs, std::abs(probs[i * K + k].toDouble() - p.probabilities(i, k)));
                if (labels[i].toDouble() != p.predicted(i)) {
                    // A near-tie may round either way in float32.
                    Eigen::RowVectorXd s = p.probabilities.row(i);
                    std::sort(s.data(), s.data() + s.size());
                    if (s(s.size() - 1) - s(s.size() - 2) > 1e-5)
                        ++mismatches;
                }
            }
            qInfo("%s in ONNX Runtime: max |P difference| %.3g, label mismatches %d", name, maxAbs,
                mismatches);
            QCOMPARE(mismatches, 0);
            QVERIFY2(maxAbs <= 1e-5, name);
        } else {
            const QJsonArray values
                = o.value(p.targetName).toObject().value(QStringLiteral("data")).toArray();
            QCOMPARE(values.size(), qsizetype(n));
            double maxRel = 0;
            for (std::int64_t i = 0; i < n; ++i)
                maxRel = std::max(maxRel,
                    std::abs(values[i].toDouble() - p.predicted(i))
                        / std::max(1.0, std::abs(p.predicted(i))));
            qInfo("%s in ONNX Runtime: max relative difference %.3g", name, maxRel);
            QVERIFY2(maxRel <= 1e-5, name);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!OnnxExport::available())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("this build has no ONNX export (libonnx)"));
        m_nodeModules = nodeModules();
        if (m_nodeModules.isEmpty())
            SEXTANT_SKIP_REFERENCE(
                QStringLiteral("onnxruntime-node is not installed (tools/setup-deps puts it in "
                               "build/onnxruntime)"));
        QProcess node;
        node.start(QStringLiteral("node"), { QStringLiteral("--version") });
        if (!node.waitForFinished(60000) || node.exitCode() != 0)
            SEXTANT_SKIP_REFERENCE(QStringLiteral("node is not installed"));
    }

    void logisticRegression()
    {
        const Dataset raw = load("breast_cancer.csv");
        verify("logistic_binary", fit("model.logistic_regression", standardized(raw)), raw);
        const Dataset wine = load("wine.csv");
        verify("logistic_multiclass_pca",
            fit("model.logistic_regression", pca(standardized(wine), 5)), wine);
    }
    void linearRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("linear", fit("model.linear_regression", standardized(raw)), raw);
    }
    void mlp()
    {
        const Dataset raw = load("iris.csv");
        verify("mlp_classification",
            fit("model.mlp", standardized(raw), { { QStringLiteral("max_iter"), 50 } }), raw);
    }
    void trees()
    {
        const Dataset iris = load("iris.csv");
        verify("tree_classification", fit("model.decision_tree", standardized(iris)), iris);
        const Dataset cancer = load("breast_cancer.csv");
        verify("tree_binary", fit("model.decision_tree", cancer), cancer);
        verify("forest_binary",
            fit("model.random_forest", cancer, { { QStringLiteral("trees"), 30 } }), cancer);
        const Dataset diabetes = load("diabetes.csv");
        verify("tree_regression",
            fit("model.decision_tree", diabetes,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("max_depth"), 6 } }),
            diabetes);
    }
    void forests()
    {
        const Dataset wine = load("wine.csv");
        verify("forest_classification",
            fit("model.random_forest", pca(standardized(wine), 6),
                { { QStringLiteral("trees"), 100 } }),
            wine);
        const Dataset diabetes = load("diabetes.csv");
        verify("forest_regression",
            fit("model.random_forest", diabetes,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("trees"), 20 } }),
            diabetes);
    }
    void boostingBinary()
    {
        const Dataset cancer = load("breast_cancer.csv");
        verify("boosting_binary",
            fit("model.gradient_boosting", standardized(cancer),
                { { QStringLiteral("max_iter"), 30 } }),
            cancer);
    }
    void boosting()
    {
        const Dataset iris = load("iris.csv");
        verify("boosting_multiclass",
            fit("model.gradient_boosting", iris, { { QStringLiteral("max_iter"), 30 } }), iris);
        const Dataset diabetes = load("diabetes.csv");
        verify("boosting_regression",
            fit("model.gradient_boosting", diabetes,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("max_iter"), 30 } }),
            diabetes);
    }
    void svm()
    {
        const Dataset cancer = load("breast_cancer.csv");
        verify("svm_binary_platt", fit("model.svm", standardized(cancer)), cancer);
        const Dataset wine = load("wine.csv");
        verify("svm_multiclass_platt", fit("model.svm", standardized(wine)), wine);
        const Dataset iris = load("iris.csv");
        verify("svm_linear_multiclass",
            fit("model.svm", standardized(iris),
                { { QStringLiteral("kernel"), QStringLiteral("linear") } }),
            iris);
        verify("svm_no_probabilities",
            fit("model.svm", standardized(wine), { { QStringLiteral("probability"), false } }),
            wine);
        const Dataset diabetes = load("diabetes.csv");
        verify("svm_regression",
            fit("model.svm", standardized(diabetes),
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("C"), 100.0 } }),
            diabetes);
    }
    void naiveBayes()
    {
        const Dataset wine = load("wine.csv");
        verify("naive_bayes_numeric", fit("model.naive_bayes", wine), wine);
        // Weka's credit-g: 13 nominal and 7 numeric columns.
        const Dataset credit = loadWeka("credit-g.arff");
        if (credit.columnCount() == 0)
            return;
        verify("naive_bayes_mixed", fit("model.naive_bayes", credit), credit);
        verify("naive_bayes_nominal_gaussian",
            fit("model.naive_bayes", credit,
                { { QStringLiteral("nominal"), QStringLiteral("gaussian") } }),
            credit);
        // Weka's breast-cancer: nominal only, with missing categories (left out).
        const Dataset bc = loadWeka("breast-cancer.arff");
        verify("naive_bayes_nominal_missing", fit("model.naive_bayes", bc), bc);
    }
    void knn()
    {
        const Dataset iris = load("iris.csv");
        verify("knn_uniform", fit("model.knn", standardized(iris)), iris);
        verify("knn_distance_manhattan",
            fit("model.knn", standardized(iris),
                { { QStringLiteral("weights"), QStringLiteral("distance") },
                    { QStringLiteral("metric"), QStringLiteral("manhattan") },
                    { QStringLiteral("k"), 7 } }),
            iris);
        const Dataset diabetes = load("diabetes.csv");
        verify("knn_regression_distance",
            fit("model.knn", standardized(diabetes),
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("weights"), QStringLiteral("distance") } }),
            diabetes);
    }
    // Categorical columns: the encoder's own one-hot columns and a One-hot step (drop
    // first), each category passed as its index in the model's sextant.categories list.
    void categoricalInputs()
    {
        const Dataset credit = loadWeka("credit-g.arff");
        if (credit.columnCount() == 0)
            return;
        verify(
            "logistic_categorical", fit("model.logistic_regression", standardized(credit)), credit);
        OneHotTransform::Options o;
        o.dropFirst = true;
        verify("one_hot_step_forest",
            fit("model.random_forest", step(credit, std::make_shared<OneHotTransform>(o)),
                { { QStringLiteral("trees"), 30 } }),
            credit);
        // A decision tree's categorical splits (subsets of categories) become chains of
        // one-hot tests; breast-cancer has missing categories, which go their own way.
        const auto subsets = fit("model.decision_tree", credit);
        QVERIFY(
            dynamic_cast<const DecisionTree &>(*subsets->estimator).tree().hasCategoricalSplits());
        verify("tree_categorical_subsets", subsets, credit);
        const Dataset bc = loadWeka("breast-cancer.arff");
        const auto unpruned = fit(
            "model.decision_tree", bc, { { QStringLiteral("ccp_alpha"), QStringLiteral("0") } });
        QVERIFY(
            dynamic_cast<const DecisionTree &>(*unpruned->estimator).tree().hasCategoricalSplits());
        verify("tree_categorical_missing", unpruned, bc);
        const Result<QMap<QString, QStringList>> cats
            = OnnxExport::inputCategories(*fit("model.logistic_regression", credit));
        QVERIFY(cats);
        QCOMPARE(cats.value().size(), 13);
        QVERIFY(cats.value().value(QStringLiteral("purpose")).contains(QStringLiteral("radio/tv")));
    }
    void refusals()
    {
        // 10,000 rows x 25 features = 250,000 training values.
        Dataset big;
        for (int j = 0; j < 25; ++j) {
            std::vector<double> v(10000);
            for (std::size_t i = 0; i < v.size(); ++i)
                v[i] = double((i * 7919 + std::size_t(j) * 104729) % 1000);
            big.addColumn(Column::numeric(QStringLiteral("x%1").arg(j), v));
        }
        std::vector<std::int32_t> codes(10000);
        for (std::size_t i = 0; i < codes.size(); ++i)
            codes[i] = std::int32_t(i % 2);
        Column target = Column::categorical(
            QStringLiteral("y"), codes, { QStringLiteral("a"), QStringLiteral("b") });
        big.addColumn(target);
        big.setRole(25, ColumnRole::Target);
        const TrainedModelPtr knn = fit("model.knn", big);
        const Result<QByteArray> r = OnnxExport::toBytes(*knn);
        QVERIFY(!r);
        QVERIFY2(
            r.error().contains(QStringLiteral("at most 200000 values")), qPrintable(r.error()));
        const Result<QByteArray> kernel = OnnxExport::toBytes(*fit("model.naive_bayes",
            load("iris.csv"), { { QStringLiteral("numeric"), QStringLiteral("kernel") } }));
        QVERIFY(!kernel);
        QVERIFY2(kernel.error().contains(QStringLiteral("kernel densities")),
            qPrintable(kernel.error()));
    }
    void imputeThenStandardize()
    {
        Dataset raw = load("iris.csv");
        for (int j = 0; j < 2; ++j) {
            const Column &c = raw.column(j);
            std::vector<double> v(c.values().begin(), c.values().end());
            for (std::size_t i = std::size_t(j); i < v.size(); i += 7)
                v[i] = NAN;
            Column nc = Column::numeric(c.name(), v);
            nc.setRole(c.role());
            raw.replaceColumn(j, nc);
        }
        ImputeTransform::Options o;
        o.strategy = ImputeTransform::Strategy::Median;
        verify("impute_first",
            fit("model.logistic_regression",
                standardized(step(raw, std::make_shared<ImputeTransform>(o)))),
            raw);
    }

private:
    QTemporaryDir m_dir;
    QString m_nodeModules;
};

QTEST_GUILESS_MAIN(TestOnnxRuntime)
#include "tst_onnxruntime.moc"
