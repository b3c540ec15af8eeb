// ONNX export of fitted pipelines (engine/io/OnnxExport): every exportable family trained
// on a real dataset, exported, checked by the ONNX C++ checker and python3-onnx's checker
// (full_check), and run — linear models and MLPs in OpenCV DNN, every model in a small numpy
// evaluator of the ops the exporter writes (tree ensembles included, which OpenCV cannot
// run) — against Sextant's own predictions. Families and steps ONNX cannot express are
// refused with a message naming them and nothing is written.
#include "PipelineFixtures.h"
#include "ReferenceSkip.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "io/OnnxExport.h"
#include "ml/DiscretizeTransform.h"
#include "ml/ImputeTransform.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/PcaTransform.h"
#include "ml/StandardizeTransform.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifdef SEXTANT_HAVE_OPENCV_DNN
#include <opencv2/dnn.hpp>
#endif

#include <cmath>
#include <memory>

using namespace sextant::engine;
using namespace sextant::testing;

namespace {

// Iris with petal width as the (regression) target and the species ignored.
Dataset irisPetalWidth()
{
    Dataset data = load("iris.csv");
    data.setRole(data.indexOf(QStringLiteral("species")), ColumnRole::Ignore);
    data.setRole(data.indexOf(QStringLiteral("petal_width_cm")), ColumnRole::Target);
    return data;
}

// The raw rows as the "features" input: N x F row-major, NaN for missing cells.
template<class T>
std::vector<T> inputRows(const TrainedModel &model, const Dataset &raw, int *columns)
{
    const Result<QStringList> cols = OnnxExport::inputColumns(model);
    if (!cols)
        qFatal("inputColumns: %s", qPrintable(cols.error()));
    *columns = int(cols.value().size());
    const std::int64_t n = raw.rowCount();
    std::vector<T> x(std::size_t(n) * std::size_t(*columns));
    for (int j = 0; j < *columns; ++j) {
        const int idx = raw.indexOf(cols.value()[j]);
        if (idx < 0)
            qFatal("no column %s", qPrintable(cols.value()[j]));
        const Column &c = raw.column(idx);
        for (std::int64_t i = 0; i < n; ++i)
            x[std::size_t(i) * std::size_t(*columns) + std::size_t(j)]
                = c.isMissing(i) ? T(NAN) : static_cast<T>(c.values()[std::size_t(i)]);
    }
    return x;
}

QString python()
{
    return QStringLiteral(SEXTANT_PYTHON);
}

// Empty when /usr/bin/python3 has onnx and numpy, else why not.
QString pythonOnnxMissing()
{
    static QString why = []() -> QString {
        QProcess p;
        p.start(python(), { QStringLiteral("-c"), QStringLiteral("import onnx, numpy") });
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return QStringLiteral("python3-onnx (with numpy) is not installed: ")
                + QString::fromUtf8(p.readAllStandardError()).trimmed();
        return QString();
    }();
    return why;
}

// Runs a python script; returns stdout, or sets *error.
QByteArray runPython(const QString &script, const QStringList &args, QString *error)
{
    QProcess p;
    p.start(python(), QStringList { QStringLiteral("-c"), script } + args);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return p.readAllStandardOutput();
}

// A numpy evaluator of exactly the ops OnnxExport writes (float32, as a runtime would),
// tree ensembles walked node by node from their attributes. Prints {output: values}.
const char *const kEvaluator = R"PY(
import json, sys
import numpy as np
import onnx
from onnx import numpy_helper, helper

m = onnx.load(sys.argv[1])
dtype = {1: np.float32, 11: np.float64}[m.graph.input[0].type.tensor_type.elem_type]
x = np.fromfile(sys.argv[2], dtype=np.float64).reshape(-1, int(sys.argv[3])).astype(dtype)
env = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
env[m.graph.input[0].name] = x

def attrs(n):
    out = {}
    for a in n.attribute:
        v = helper.get_attribute_value(a)
        if isinstance(v, onnx.TensorProto):
            out[a.name[:-len('_as_tensor')]] = numpy_helper.to_array(v)
        else:
            out[a.name] = v
    return out

def trees(n, a, x, classifier):
    ids = list(zip(a['nodes_treeids'], a['nodes_nodeids']))
    index = {k: i for i, k in enumerate(ids)}
    pre = 'class_' if classifier else 'target_'
    leaf = {}
    for t, nd, k, w in zip(a[pre + 'treeids'], a[pre + 'nodeids'], a[pre + 'ids'], a[pre + 'weights']):
        leaf.setdefault((t, nd), []).append((k, w))
    roots = sorted(set(a['nodes_treeids']))
    width = len(a['classlabels_int64s']) if classifier else a['n_targets']
    # thresholds in their stored precision, compared with the input in its own
    thr = np.asarray(a['nodes_values'])
    if thr.dtype != np.float64:
        thr = thr.astype(np.float32)
    out = np.zeros((x.shape[0], width), dtype=thr.dtype)
    for r in range(x.shape[0]):
        for t in roots:
            i = index[(t, 0)]
            while a['nodes_modes'][i] != b'LEAF':
                mode = a['nodes_modes'][i]
                assert mode == b'BRANCH_LEQ', mode
                v = x[r, a['nodes_featureids'][i]]
                nxt = a['nodes_truenodeids'][i] if v <= thr[i] else a['nodes_falsenodeids'][i]
                i = index[(t, nxt)]
            for k, w in leaf[ids[i]]:
                out[r, k] += w
    if not classifier and a.get('aggregate_function', b'SUM') == b'AVERAGE':
        out /= np.float32(len(roots))
    if 'base_values' in a:
        out += np.asarray(a['base_values']).astype(out.dtype)
    post = a.get('post_transform', b'NONE')
    if post == b'SOFTMAX':
        e = np.exp(out - out.max(axis=1, keepdims=True))
        out = e / e.sum(axis=1, keepdims=True)
    elif post == b'LOGISTIC':
        out = 1 / (1 + np.exp(-out))
    else:
        assert post == b'NONE', post
    return out.astype(np.float32)

for n in m.graph.node:
    a = attrs(n)
    i = [env[k] for k in n.input]
    op = n.op_type
    if op == 'Gemm':
        y = i[0] @ (i[1].T if a.get('transB', 0) else i[1]) + i[2]
    elif op == 'Softmax':
        e = np.exp(i[0] - i[0].max(axis=a.get('axis', -1), keepdims=True))
        y = e / e.sum(axis=a.get('axis', -1), keepdims=True)
    elif op == 'ArgMax':
        y = np.argmax(i[0], axis=a['axis']).astype(np.int64)
    elif op == 'Relu': y = np.maximum(i[0], 0)
    elif op == 'Tanh': y = np.tanh(i[0])
    elif op == 'Sigmoid': y = 1 / (1 + np.exp(-i[0]))
    elif op == 'IsNaN': y = np.isnan(i[0])
    elif op == 'And': y = np.logical_and(i[0], i[1])
    elif op == 'Where': y = np.where(i[0], i[1], i[2])
    elif op == 'Sub': y = i[0] - i[1]
    elif op == 'Div': y = i[0] / i[1]
    elif op == 'Mul': y = i[0] * i[1]
    elif op == 'Add': y = i[0] + i[1]
    elif op == 'Concat': y = np.concatenate(i, axis=a['axis'])
    elif op in ('TreeEnsembleClassifier', 'TreeEnsembleRegressor'):
        assert n.domain == 'ai.onnx.ml'
        p = trees(n, a, i[0], op == 'TreeEnsembleClassifier')
        if op == 'TreeEnsembleClassifier':
            env[n.output[0]] = np.argmax(p, axis=1).astype(np.int64)
            env[n.output[1]] = p
        else:
            env[n.output[0]] = p
        continue
    else:
        raise SystemExit('unsupported op ' + op)
    env[n.output[0]] = y
print(json.dumps({o.name: env[o.name].astype(np.float64).tolist() for o in m.graph.output}))
)PY";

const char *const kPythonChecker
    = "import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)";

struct Reference {
    bool classify = false;
    Eigen::VectorXd predicted; // class index or value
    Eigen::MatrixXd probabilities; // classification
};

Reference reference(const TrainedModel &model, const Dataset &raw)
{
    const Prediction p = model.predict(raw);
    Reference r;
    r.classify = p.task == EstimatorTask::Classification;
    r.predicted = p.predicted;
    r.probabilities = p.probabilities;
    return r;
}

// Compares one runtime's outputs with Sextant's; returns the max abs difference of the
// probabilities (classification) or the values (regression) and counts label mismatches
// that are not near-ties.
struct Comparison {
    double maxAbs = 0;
    double maxRel = 0; // regression: |d| / max(1, |y|)
    int labelMismatches = 0;
};

Comparison compare(
    const Reference &ref, const Eigen::MatrixXd &values, const Eigen::VectorXd &labels)
{
    Comparison c;
    const Eigen::Index n = ref.predicted.size();
    if (ref.classify) {
        for (Eigen::Index i = 0; i < n; ++i) {
            for (Eigen::Index k = 0; k < ref.probabilities.cols(); ++k)
                c.maxAbs = std::max(c.maxAbs, std::abs(values(i, k) - ref.probabilities(i, k)));
            if (labels(i) != ref.predicted(i)) {
                // A near-tie may round either way in float32.
                Eigen::RowVectorXd p = ref.probabilities.row(i);
                std::sort(p.data(), p.data() + p.size());
                if (p(p.size() - 1) - p(p.size() - 2) > 1e-5)
                    ++c.labelMismatches;
            }
        }
    } else {
        for (Eigen::Index i = 0; i < n; ++i) {
            const double d = std::abs(values(i, 0) - ref.predicted(i));
            c.maxAbs = std::max(c.maxAbs, d);
            c.maxRel = std::max(c.maxRel, d / std::max(1.0, std::abs(ref.predicted(i))));
        }
    }
    return c;
}

} // namespace

class TestOnnxExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Exports, checks with both checkers; returns the file path (empty on failure, after
    // QVERIFY-style reporting through the return of the calling macro).
    QString exportChecked(const TrainedModel &model, const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".onnx"));
        const Status s = OnnxExport::exportModel(model, path);
        if (!s) {
            qWarning("export %s: %s", qPrintable(name), qPrintable(s.error()));
            return {};
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const Status c = OnnxExport::check(f.readAll());
        if (!c) {
            qWarning("C++ checker %s: %s", qPrintable(name), qPrintable(c.error()));
            return {};
        }
        if (pythonOnnxMissing().isEmpty()) {
            QString err;
            runPython(QString::fromLatin1(kPythonChecker), { path }, &err);
            if (!err.isEmpty()) {
                qWarning("python checker %s: %s", qPrintable(name), qPrintable(err));
                return {};
            }
        }
        return path;
    }

    // The numpy evaluator's outputs: values (probabilities or the regression column) and labels.
    bool evaluate(const QString &path, const TrainedModel &model, const Dataset &raw,
        Eigen::MatrixXd *values, Eigen::VectorXd *labels)
    {
        int F = 0;
        const std::vector<double> x = inputRows<double>(model, raw, &F);
        const QString bin = path + QStringLiteral(".f64");
        QFile f(bin);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(reinterpret_cast<const char *>(x.data()), qint64(x.size() * sizeof(double)));
        f.close();
        QString err;
        const QByteArray out
            = runPython(QString::fromLatin1(kEvaluator), { path, bin, QString::number(F) }, &err);
        if (!err.isEmpty()) {
            qWarning("evaluator: %s", qPrintable(err));
            return false;
        }
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        const bool classify = model.estimator->task() == EstimatorTask::Classification;
        const QJsonArray v
            = o.value(classify ? QStringLiteral("probabilities") : model.target.name()).toArray();
        const Eigen::Index n = v.size();
        const Eigen::Index w = n ? v.at(0).toArray().size() : 0;
        values->resize(n, w);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index k = 0; k < w; ++k)
                (*values)(i, k) = v.at(i).toArray().at(k).toDouble();
        labels->resize(classify ? n : 0);
        if (classify) {
            const QJsonArray l = o.value(QStringLiteral("label")).toArray();
            for (Eigen::Index i = 0; i < n; ++i)
                (*labels)(i) = l.at(i).toDouble();
        }
        return n == raw.rowCount();
    }

#ifdef SEXTANT_HAVE_OPENCV_DNN
    bool runOpenCv(const QString &path, const TrainedModel &model, const Dataset &raw,
        Eigen::MatrixXd *values, Eigen::VectorXd *labels)
    {
        int F = 0;
        std::vector<float> x = inputRows<float>(model, raw, &F);
        const bool classify = model.estimator->task() == EstimatorTask::Classification;
        try {
            cv::dnn::Net net = cv::dnn::readNetFromONNX(path.toStdString());
            cv::Mat input(int(raw.rowCount()), F, CV_32F, x.data());
            net.setInput(input, "features");
            std::vector<cv::Mat> outs;
            std::vector<cv::String> names;
            if (classify)
                names = { "probabilities", "label" };
            else
                names = { model.target.name().toStdString() };
            net.forward(outs, names);
            const cv::Mat &v = outs[0];
            values->resize(v.rows, v.cols);
            for (int i = 0; i < v.rows; ++i)
                for (int k = 0; k < v.cols; ++k)
                    (*values)(i, k) = v.at<float>(i, k);
            labels->resize(classify ? v.rows : 0);
            if (classify) {
                cv::Mat l;
                outs[1].reshape(1, int(outs[1].total())).convertTo(l, CV_64F);
                for (int i = 0; i < v.rows; ++i)
                    (*labels)(i) = l.at<double>(i);
            }
        } catch (const cv::Exception &e) {
            qWarning("OpenCV DNN: %s", e.what());
            return false;
        }
        return values->rows() == raw.rowCount();
    }
#endif

    // The whole check for one model: export, checkers, numpy evaluator, and OpenCV DNN
    // when `opencv`. Prints the measured differences.
    // `absolute`: regression differences are held to `tolerance` absolutely, not
    // relative to the predicted value (for targets of order one).
    void verify(const char *name, const TrainedModelPtr &model, const Dataset &raw, bool opencv,
        double tolerance = 1e-5, bool absolute = false)
    {
        QVERIFY(model);
        const QString path = exportChecked(*model, QString::fromLatin1(name));
        QVERIFY2(!path.isEmpty(), name);
        const Reference ref = reference(*model, raw);
        if (pythonOnnxMissing().isEmpty()) {
            Eigen::MatrixXd v;
            Eigen::VectorXd l;
            QVERIFY2(evaluate(path, *model, raw, &v, &l), name);
            const Comparison c = compare(ref, v, l);
            qInfo("%s numpy evaluator: max abs diff %.3g, max rel diff %.3g, label mismatches %d",
                name, c.maxAbs, c.maxRel, c.labelMismatches);
            QCOMPARE(c.labelMismatches, 0);
            QVERIFY2((ref.classify || absolute ? c.maxAbs : c.maxRel) <= tolerance, name);
        }
#ifdef SEXTANT_HAVE_OPENCV_DNN
        if (opencv) {
            Eigen::MatrixXd v;
            Eigen::VectorXd l;
            QVERIFY2(runOpenCv(path, *model, raw, &v, &l), name);
            const Comparison c = compare(ref, v, l);
            qInfo("%s OpenCV DNN: max abs diff %.3g, max rel diff %.3g, label mismatches %d", name,
                c.maxAbs, c.maxRel, c.labelMismatches);
            QCOMPARE(c.labelMismatches, 0);
            QVERIFY2((ref.classify || absolute ? c.maxAbs : c.maxRel) <= tolerance, name);
        }
#else
        Q_UNUSED(opencv);
#endif
        if (!pythonOnnxMissing().isEmpty())
            SEXTANT_SKIP_REFERENCE(pythonOnnxMissing());
    }

    void refused(const TrainedModelPtr &model, const QString &expected)
    {
        QVERIFY(model);
        const QString path = m_dir.filePath(QStringLiteral("refused.onnx"));
        QFile::remove(path);
        const Status s = OnnxExport::exportModel(*model, path);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(expected, Qt::CaseInsensitive), qPrintable(s.error()));
        QVERIFY(!QFile::exists(path));
        qInfo("refused: %s", qPrintable(s.error()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!OnnxExport::available())
            SEXTANT_SKIP_REFERENCE("this build has no ONNX support");
    }

    void linearRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("linear", fit("model.linear_regression", standardized(raw)), raw, true);
    }
    // Iris petal width (0.1 to 2.5 cm) from the other measurements: a real regression
    // target of order one, so float32 inside ONNX allows the absolute 1e-5 bound.
    void linearRegressionAbsolute()
    {
        const Dataset raw = irisPetalWidth();
        verify("linear_iris", fit("model.linear_regression", standardized(raw)), raw, true, 1e-5,
            true);
        verify("ridge_iris",
            fit("model.linear_regression", standardized(raw), { { QStringLiteral("alpha"), 1.0 } }),
            raw, true, 1e-5, true);
    }
    void mlpRegressionAbsolute()
    {
        const Dataset raw = irisPetalWidth();
        verify("mlp_regression_iris",
            fit("model.mlp", standardized(raw),
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("hidden_layers"), QStringLiteral("16, 8") },
                    { QStringLiteral("activation"), QStringLiteral("tanh") },
                    { QStringLiteral("epochs"), 100 } }),
            raw, true, 1e-5, true);
    }
    void ridgeRegressionWithPca()
    {
        const Dataset raw = load("diabetes.csv");
        verify("ridge",
            fit("model.linear_regression", pca(standardized(raw), 6),
                { { QStringLiteral("alpha"), 1.0 } }),
            raw, true);
    }
    void logisticBinary()
    {
        const Dataset raw = load("breast_cancer.csv");
        verify("logistic_binary", fit("model.logistic_regression", standardized(raw)), raw, true);
    }
    void logisticMulticlassWithPca()
    {
        const Dataset raw = load("wine.csv");
        verify("logistic_multiclass", fit("model.logistic_regression", pca(standardized(raw), 5)),
            raw, true);
    }
    void logisticMinMax()
    {
        const Dataset raw = load("iris.csv");
        verify("logistic_minmax",
            fit("model.logistic_regression", step(raw, std::make_shared<MinMaxScaleTransform>())),
            raw, true);
    }
    void mlpClassification()
    {
        const Dataset raw = load("iris.csv");
        verify("mlp_classification",
            fit("model.mlp", standardized(raw),
                { { QStringLiteral("hidden_layers"), QStringLiteral("16, 8") },
                    { QStringLiteral("activation"), QStringLiteral("tanh") },
                    { QStringLiteral("epochs"), 100 } }),
            raw, true);
    }
    void mlpRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("mlp_regression",
            fit("model.mlp", standardized(raw),
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("hidden_layers"), QStringLiteral("32") },
                    { QStringLiteral("epochs"), 100 } }),
            raw, true);
    }
    void decisionTreeClassification()
    {
        const Dataset raw = load("iris.csv");
        verify("tree_classification", fit("model.decision_tree", standardized(raw)), raw, false);
    }
    void decisionTreeRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("tree_regression",
            fit("model.decision_tree", raw,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("max_depth"), 6 } }),
            raw, false);
    }
    void randomForestClassification()
    {
        const Dataset raw = load("wine.csv");
        verify("forest_classification",
            fit("model.random_forest", pca(standardized(raw), 6),
                { { QStringLiteral("trees"), 20 } }),
            raw, false);
    }
    void randomForestRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("forest_regression",
            fit("model.random_forest", raw,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("trees"), 20 } }),
            raw, false);
    }
    void boostingBinary()
    {
        const Dataset raw = load("breast_cancer.csv");
        verify("boosting_binary",
            fit("model.gradient_boosting", standardized(raw),
                { { QStringLiteral("max_iter"), 30 } }),
            raw, false);
    }
    void boostingMulticlass()
    {
        const Dataset raw = load("iris.csv");
        verify("boosting_multiclass",
            fit("model.gradient_boosting", raw, { { QStringLiteral("max_iter"), 30 } }), raw,
            false);
    }
    // Class weights change the fitted values, not the graph: balanced models export.
    void classWeightedModels()
    {
        const Dataset raw = load("wine.csv");
        const QVariantMap balanced { { QStringLiteral("class_weight"),
            QStringLiteral("balanced") } };
        verify("logistic_balanced", fit("model.logistic_regression", standardized(raw), balanced),
            raw, false);
        verify("tree_balanced", fit("model.decision_tree", raw, balanced), raw, false);
        QVariantMap forest = balanced;
        forest.insert(QStringLiteral("trees"), 10);
        verify("forest_balanced", fit("model.random_forest", raw, forest), raw, false);
        QVariantMap boosting = balanced;
        boosting.insert(QStringLiteral("max_iter"), 20);
        verify("boosting_balanced", fit("model.gradient_boosting", raw, boosting), raw, false);
    }
    void boostingRegression()
    {
        const Dataset raw = load("diabetes.csv");
        verify("boosting_regression",
            fit("model.gradient_boosting", raw,
                { { QStringLiteral("task"), QStringLiteral("regression") },
                    { QStringLiteral("max_iter"), 30 } }),
            raw, false);
    }

    // Missing cells: Impute (IsNaN/And/Where) then Standardize, and a Standardize before
    // the Impute (elementwise Sub/Div so a missing cell stays in its column).
    void imputeSteps()
    {
        Dataset raw = load("iris.csv");
        for (int j = 0; j < 2; ++j) {
            const Column &c = raw.column(j);
            std::vector<double> v(c.values().begin(), c.values().end());
            std::vector<std::uint8_t> miss(v.size(), 0);
            for (std::size_t i = std::size_t(j); i < v.size(); i += 7) {
                v[i] = NAN;
                miss[i] = 1;
            }
            Column nc = Column::numeric(c.name(), v, miss);
            nc.setRole(c.role());
            raw.replaceColumn(j, nc);
        }
        ImputeTransform::Options o;
        o.strategy = ImputeTransform::Strategy::Median;
        const Dataset a = standardized(step(raw, std::make_shared<ImputeTransform>(o)));
        verify("impute_first", fit("model.logistic_regression", a), raw, false);
        if (QTest::currentTestFailed())
            return;
        const Dataset b = step(standardized(raw), std::make_shared<ImputeTransform>(o));
        verify("impute_after_scaling", fit("model.logistic_regression", b), raw, false);
    }

    void metadataNamesInputsAndOutputs()
    {
        const Dataset raw = load("iris.csv");
        const TrainedModelPtr model = fit("model.logistic_regression", standardized(raw));
        const Result<QStringList> cols = OnnxExport::inputColumns(*model);
        QVERIFY(cols);
        QCOMPARE(cols.value(),
            (QStringList { QStringLiteral("sepal_length_cm"), QStringLiteral("sepal_width_cm"),
                QStringLiteral("petal_length_cm"), QStringLiteral("petal_width_cm") }));
        if (!pythonOnnxMissing().isEmpty())
            SEXTANT_SKIP_REFERENCE(pythonOnnxMissing());
        const QString path = exportChecked(*model, QStringLiteral("meta"));
        QVERIFY(!path.isEmpty());
        QString err;
        const QByteArray out = runPython(
            QStringLiteral("import sys, json, onnx\n"
                           "m = onnx.load(sys.argv[1])\n"
                           "print(json.dumps({'inputs': [i.name for i in m.graph.input], "
                           "'outputs': [o.name for o in m.graph.output],\n"
                           "  'meta': {p.key: p.value for p in m.metadata_props},\n"
                           "  'opsets': {o.domain: o.version for o in m.opset_import}}))\n"),
            { path }, &err);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(
            o.value(QStringLiteral("inputs")).toArray(), QJsonArray { QStringLiteral("features") });
        QCOMPARE(o.value(QStringLiteral("outputs")).toArray(),
            (QJsonArray { QStringLiteral("probabilities"), QStringLiteral("label") }));
        const QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
        QCOMPARE(QJsonDocument::fromJson(
                     meta.value(QStringLiteral("sextant.input_columns")).toString().toUtf8())
                     .array()
                     .size(),
            4);
        QCOMPARE(QJsonDocument::fromJson(
                     meta.value(QStringLiteral("sextant.class_names")).toString().toUtf8())
                     .array()
                     .size(),
            3);
        QCOMPARE(
            meta.value(QStringLiteral("sextant.target")).toString(), QStringLiteral("species"));
        QCOMPARE(o.value(QStringLiteral("opsets")).toObject().value(QString()).toInt(), 13);
    }

    void checkRejectsGarbage()
    {
        QVERIFY(!OnnxExport::check(QByteArrayLiteral("not a model")));
        QVERIFY(!OnnxExport::check(QByteArray()));
    }

    // SVM, naive Bayes and k-NN export (both checkers; tst_onnxruntime runs them).
    void exportsSvmNaiveBayesKnn()
    {
        const Dataset iris = standardized(load("iris.csv"));
        QVERIFY(!exportChecked(*fit("model.knn", iris), QStringLiteral("knn")).isEmpty());
        QVERIFY(!exportChecked(*fit("model.svm", iris), QStringLiteral("svm")).isEmpty());
        QVERIFY(!exportChecked(
            *fit("model.naive_bayes", load("iris.csv")), QStringLiteral("naive_bayes"))
                     .isEmpty());
    }
    void refusesKernelNaiveBayes()
    {
        refused(fit("model.naive_bayes", load("iris.csv"),
                    { { QStringLiteral("numeric"), QStringLiteral("kernel") } }),
            QStringLiteral("kernel densities"));
    }
    void refusesDiscretize()
    {
        DiscretizeTransform::Options o;
        o.output = DiscretizeTransform::Output::Index;
        const Dataset d = step(load("iris.csv"), std::make_shared<DiscretizeTransform>(o));
        refused(fit("model.logistic_regression", d), QStringLiteral("Discretize"));
    }
    // A categorical feature column: its category index in, its one-hot columns inside.
    void categoricalFeatures()
    {
        Dataset raw = load("iris.csv");
        const int n = int(raw.rowCount());
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            codes[std::size_t(i)] = i % 3 == 0 ? -1 : i % 2;
        Column c = Column::categorical(
            QStringLiteral("colour"), codes, { QStringLiteral("red"), QStringLiteral("blue") });
        raw.addColumn(c);
        const TrainedModelPtr model = fit("model.logistic_regression", raw);
        QVERIFY(!exportChecked(*model, QStringLiteral("categorical")).isEmpty());
        const Result<QMap<QString, QStringList>> cats = OnnxExport::inputCategories(*model);
        QVERIFY(cats);
        QCOMPARE(cats.value().value(QStringLiteral("colour")),
            (QStringList { QStringLiteral("red"), QStringLiteral("blue") }));
        const Result<std::vector<double>> rows = OnnxExport::inputRows(*model, raw);
        QVERIFY(rows);
        const int F = int(OnnxExport::inputColumns(*model).value().size());
        const int at
            = int(OnnxExport::inputColumns(*model).value().indexOf(QStringLiteral("colour")));
        QVERIFY(std::isnan(rows.value()[std::size_t(at)])); // row 0: missing
        QCOMPARE(rows.value()[std::size_t(F + at)], 1.0); // row 1: blue
        QCOMPARE(rows.value()[std::size_t(2 * F + at)], 0.0); // row 2: red
    }
    void refusesCategoricalImpute()
    {
        Dataset raw = load("iris.csv");
        const int n = int(raw.rowCount());
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            codes[std::size_t(i)] = i % 5 == 0 ? -1 : i % 2;
        raw.addColumn(Column::categorical(
            QStringLiteral("colour"), codes, { QStringLiteral("red"), QStringLiteral("blue") }));
        refused(fit("model.logistic_regression",
                    step(raw, std::make_shared<ImputeTransform>(ImputeTransform::Options {}))),
            QStringLiteral("'colour'"));
    }
    void refusesClustering()
    {
        refused(fit("cluster.kmeans", standardized(load("iris.csv"))),
            QStringLiteral("cannot be expressed"));
    }
};

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnxexport.moc"
