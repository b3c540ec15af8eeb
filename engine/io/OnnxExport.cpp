#include "io/OnnxExport.h"

#include "data/AtomicFile.h"
#include "ml/DecisionTree.h"
#include "ml/DecisionTreeModel.h"
#include "ml/GradientBoosting.h"
#include "ml/ImputeTransform.h"
#include "ml/LinearRegression.h"
#include "ml/LogisticRegression.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/Mlp.h"
#include "ml/PcaTransform.h"
#include "ml/RandomForest.h"
#include "ml/StandardizeTransform.h"
#include "nodes/LearnerRegistry.h"

#include <Eigen/Core>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <functional>
#include <sextant/Version.h>
#include <string>
#include <utility>
#include <vector>

#ifdef SEXTANT_HAVE_ONNX
#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>
#endif

namespace sextant::engine {

namespace {

// A step or model that ONNX export cannot express; the message names it.
struct Refused {
    QString message;
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString stepLabel(const Transformer &t, std::size_t index)
{
    const std::string k = t.kind();
    QString name = k == "impute" ? QStringLiteral("Impute")
        : k == "standardize"     ? QStringLiteral("Standardize")
        : k == "minmax_scale"    ? QStringLiteral("Min-max scale")
        : k == "one_hot"         ? QStringLiteral("One-hot")
        : k == "discretize"      ? QStringLiteral("Discretize")
        : k == "polynomial"      ? QStringLiteral("Polynomial features")
        : k == "pca"             ? QStringLiteral("PCA")
                                 : qs(k);
    return QStringLiteral("preprocessing step %1 (%2)").arg(index + 1).arg(name);
}

int indexOf(const std::vector<std::string> &list, const std::string &name)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i] == name)
            return static_cast<int>(i);
    return -1;
}

// The raw input columns: walks back from the encoder's features through the steps.
// Throws Refused for anything that has no float-tensor form.
std::vector<std::string> rawColumns(const TrainedModel &model)
{
    if (!model.features.isFitted())
        throw Refused { QStringLiteral("the model is not fitted") };
    for (std::size_t s = 0; s < model.preprocessing.size(); ++s) {
        const Transformer &t = *model.preprocessing[s];
        const std::string k = t.kind();
        if (k == "one_hot")
            throw Refused { stepLabel(t, s)
                + QStringLiteral(" cannot be expressed: the ONNX input is one float "
                                 "tensor, which cannot carry categorical columns") };
        if (k != "impute" && k != "standardize" && k != "minmax_scale" && k != "pca")
            throw Refused { stepLabel(t, s) + QStringLiteral(" cannot be expressed in ONNX") };
    }
    std::vector<std::string> cols;
    for (const FeatureEncoder::Feature &f : model.features.features()) {
        if (f.categorical)
            throw Refused { QStringLiteral(
                "feature column '%1' is categorical: ONNX export takes one float tensor and "
                "cannot express categorical columns (their one-hot encoding)")
                                .arg(f.name) };
        cols.push_back(f.name.toStdString());
    }
    for (std::size_t s = model.preprocessing.size(); s-- > 0;) {
        const Transformer &t = *model.preprocessing[s];
        const std::string k = t.kind();
        if (k == "impute" || k == "standardize" || k == "minmax_scale")
            continue;
        if (k == "pca") {
            const auto *p = dynamic_cast<const PcaTransform *>(&t);
            if (!p)
                throw Refused { stepLabel(t, s) + QStringLiteral(" is of an unknown type") };
            int pos = -1;
            std::vector<std::string> rest;
            for (std::size_t i = 0; i < cols.size(); ++i) {
                bool isPc = false;
                for (int c = 0; c < p->componentCount(); ++c)
                    if (cols[i] == p->options().prefix + std::to_string(c + 1))
                        isPc = true;
                if (isPc) {
                    if (pos < 0)
                        pos = static_cast<int>(rest.size());
                } else {
                    rest.push_back(cols[i]);
                }
            }
            if (pos < 0)
                continue; // no component is used later: the step changes nothing we read
            std::vector<std::string> used;
            for (const std::string &c : p->fittedColumns())
                if (indexOf(rest, c) < 0)
                    used.push_back(c);
            rest.insert(rest.begin() + pos, used.begin(), used.end());
            cols = std::move(rest);
            continue;
        }
        if (k == "one_hot")
            throw Refused { stepLabel(t, s)
                + QStringLiteral(" cannot be expressed: the ONNX input is one float "
                                 "tensor, which cannot carry categorical columns") };
        throw Refused { stepLabel(t, s) + QStringLiteral(" cannot be expressed in ONNX") };
    }
    return cols;
}

} // namespace

Result<QStringList> OnnxExport::inputColumns(const TrainedModel &model)
{
    try {
        QStringList out;
        for (const std::string &c : rawColumns(model))
            out << qs(c);
        return out;
    } catch (const Refused &r) {
        return Result<QStringList>::failure(QStringLiteral("ONNX export: ") + r.message);
    }
}

#ifndef SEXTANT_HAVE_ONNX

bool OnnxExport::available()
{
    return false;
}

Result<QByteArray> OnnxExport::toBytes(const TrainedModel &)
{
    return Result<QByteArray>::failure(QStringLiteral("this build has no ONNX support"));
}

Status OnnxExport::check(const QByteArray &)
{
    return Status::failure(QStringLiteral("this build has no ONNX support"));
}

Status OnnxExport::exportModel(const TrainedModel &, const QString &)
{
    return Status::failure(QStringLiteral("this build has no ONNX support"));
}

#else

namespace {

constexpr int kOpset = 13;
constexpr int kMlOpset = 1; // float thresholds and weights
constexpr int kMlOpsetTrees = 3; // *_as_tensor attributes: double thresholds
constexpr int kIrVersion = 7;
constexpr int kIrVersionTrees = 8;
const char *const kMl = "ai.onnx.ml";

using Matrix = Eigen::MatrixXd;

// Appends nodes, initializers and value infos to a GraphProto with unique names.
class GraphBuilder {
public:
    // `doubles`: the graph computes in float64 (tree ensembles, so thresholds are exact).
    GraphBuilder(onnx::GraphProto *g, bool doubles) : m_g(g), m_doubles(doubles) { }
    int realType() const
    {
        return m_doubles ? onnx::TensorProto::DOUBLE : onnx::TensorProto::FLOAT;
    }

    std::string fresh(const std::string &base)
    {
        std::string name = base;
        for (int i = 2; std::find(m_names.begin(), m_names.end(), name) != m_names.end(); ++i)
            name = base + "_" + std::to_string(i);
        m_names.push_back(name);
        return name;
    }
    void reserve(const std::string &name) { m_names.push_back(name); }

    std::string floats(const std::string &base, const std::vector<std::int64_t> &dims,
        const std::vector<double> &values)
    {
        onnx::TensorProto *t = m_g->add_initializer();
        const std::string name = fresh(base);
        t->set_name(name);
        t->set_data_type(realType());
        for (std::int64_t d : dims)
            t->add_dims(d);
        for (double v : values)
            if (m_doubles)
                t->add_double_data(v);
            else
                t->add_float_data(static_cast<float>(v));
        return name;
    }
    std::string bools(const std::string &base, const std::vector<std::int64_t> &dims,
        const std::vector<bool> &values)
    {
        onnx::TensorProto *t = m_g->add_initializer();
        const std::string name = fresh(base);
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::BOOL);
        for (std::int64_t d : dims)
            t->add_dims(d);
        for (bool v : values)
            t->add_int32_data(v ? 1 : 0);
        return name;
    }

    onnx::NodeProto *node(const std::string &op, const std::vector<std::string> &inputs,
        const std::vector<std::string> &outputs, const std::string &name,
        const char *domain = nullptr)
    {
        onnx::NodeProto *n = m_g->add_node();
        n->set_op_type(op);
        n->set_name(fresh(name));
        if (domain)
            n->set_domain(domain);
        for (const std::string &i : inputs)
            n->add_input(i);
        for (const std::string &o : outputs)
            n->add_output(o);
        return n;
    }

    static void attr(onnx::NodeProto *n, const char *name, std::int64_t v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void attr(onnx::NodeProto *n, const char *name, const std::string &v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::STRING);
        a->set_s(v);
    }
    static void attr(onnx::NodeProto *n, const char *name, const std::vector<std::int64_t> &v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (std::int64_t x : v)
            a->add_ints(x);
    }
    static void attr(onnx::NodeProto *n, const char *name, const std::vector<float> &v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::FLOATS);
        for (float x : v)
            a->add_floats(x);
    }
    static void attr(onnx::NodeProto *n, const char *name, const std::vector<double> &v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::TENSOR);
        onnx::TensorProto *t = a->mutable_t();
        t->set_data_type(onnx::TensorProto::DOUBLE);
        t->add_dims(std::int64_t(v.size()));
        for (double x : v)
            t->add_double_data(x);
    }
    static void attr(onnx::NodeProto *n, const char *name, const std::vector<std::string> &v)
    {
        onnx::AttributeProto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::STRINGS);
        for (const std::string &x : v)
            a->add_strings(x);
    }

    static void tensorType(onnx::ValueInfoProto *vi, const std::string &name, int elemType,
        std::int64_t cols, const std::string &doc)
    {
        vi->set_name(name);
        if (!doc.empty())
            vi->set_doc_string(doc);
        onnx::TypeProto_Tensor *tt = vi->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(elemType);
        onnx::TensorShapeProto *shape = tt->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        if (cols > 0)
            shape->add_dim()->set_dim_value(cols);
    }
    void output(const std::string &name, int elemType, std::int64_t cols, const std::string &doc)
    {
        tensorType(m_g->add_output(), name, elemType, cols, doc);
    }

    // y = x A^T + b as Gemm(transB = 1); A is out x in.
    std::string gemm(const std::string &x, const Matrix &A, const Eigen::VectorXd &b,
        const std::string &name, const std::string &out = {})
    {
        std::vector<double> w(static_cast<std::size_t>(A.size()));
        for (Eigen::Index r = 0; r < A.rows(); ++r)
            for (Eigen::Index c = 0; c < A.cols(); ++c)
                w[static_cast<std::size_t>(r * A.cols() + c)] = A(r, c);
        const std::string W = floats(name + "_weights", { A.rows(), A.cols() }, w);
        const std::string B = floats(
            name + "_bias", { b.size() }, std::vector<double>(b.data(), b.data() + b.size()));
        const std::string y = out.empty() ? fresh(name + "_out") : out;
        onnx::NodeProto *n = node("Gemm", { x, W, B }, { y }, name);
        attr(n, "transB", std::int64_t(1));
        return y;
    }

private:
    onnx::GraphProto *m_g;
    bool m_doubles = false;
    std::vector<std::string> m_names;
};

// The tensor flowing through the preprocessing steps and the names of its columns.
struct Flow {
    std::string tensor;
    std::vector<std::string> cols;
};

void imputeStep(GraphBuilder &b, Flow &f, const ImputeTransform &t, const QString &label,
    const std::string &name)
{
    const std::size_t C = f.cols.size();
    std::vector<double> fill(C, 0.0);
    std::vector<bool> mask(C, false);
    int count = 0;
    for (std::size_t i = 0; i < t.fittedColumns().size(); ++i) {
        const int j = indexOf(f.cols, t.fittedColumns()[i]);
        if (j < 0)
            continue;
        if (!t.fillCategories()[i].empty() || std::isnan(t.fillValues()[i]))
            throw Refused { label
                + QStringLiteral(" fills the categorical column '%1', which "
                                 "ONNX export cannot express")
                      .arg(qs(t.fittedColumns()[i])) };
        fill[std::size_t(j)] = t.fillValues()[i];
        mask[std::size_t(j)] = true;
        ++count;
    }
    if (count == 0)
        return;
    const std::string isNan = b.fresh(name + "_isnan");
    b.node("IsNaN", { f.tensor }, { isNan }, name + "_isnan");
    std::string cond = isNan;
    if (count < static_cast<int>(C)) {
        const std::string m = b.bools(name + "_columns", { 1, std::int64_t(C) }, mask);
        cond = b.fresh(name + "_missing");
        b.node("And", { isNan, m }, { cond }, name + "_and");
    }
    const std::string values = b.floats(name + "_values", { 1, std::int64_t(C) }, fill);
    const std::string out = b.fresh(name + "_out");
    b.node("Where", { cond, values, f.tensor }, { out }, name);
    f.tensor = out;
}

// Per-column (x - offset) / scale (standardize) or x * scale + offset (min-max) over the
// fitted columns (others unchanged). With `elementwise` the step is Sub/Div or Mul/Add —
// the same roundings as Sextant, so in float64 (trees) a value equal to a threshold stays
// equal, and a missing cell stays in its own column when an Impute step follows; otherwise
// one Gemm with a diagonal matrix (what OpenCV DNN runs best).
void scaleStep(GraphBuilder &b, Flow &f, const std::vector<std::string> &columns,
    const std::vector<double> &offsets, const std::vector<double> &scales, bool standardize,
    bool elementwise, const std::string &name)
{
    const std::size_t C = f.cols.size();
    std::vector<double> off(C, 0.0), sc(C, 1.0);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int j = indexOf(f.cols, columns[i]);
        if (j < 0)
            continue;
        off[std::size_t(j)] = offsets[i];
        sc[std::size_t(j)] = scales[i];
    }
    const std::int64_t c = std::int64_t(C);
    if (elementwise) {
        const std::string o = b.floats(name + "_offset", { 1, c }, off);
        const std::string s = b.floats(name + "_scale", { 1, c }, sc);
        const std::string mid = b.fresh(name + "_mid");
        const std::string out = b.fresh(name + "_out");
        if (standardize) {
            b.node("Sub", { f.tensor, o }, { mid }, name + "_sub");
            b.node("Div", { mid, s }, { out }, name + "_div");
        } else {
            b.node("Mul", { f.tensor, s }, { mid }, name + "_mul");
            b.node("Add", { mid, o }, { out }, name + "_add");
        }
        f.tensor = out;
        return;
    }
    Matrix A = Matrix::Zero(c, c);
    Eigen::VectorXd bias(c);
    for (std::size_t j = 0; j < C; ++j) {
        const Eigen::Index k = Eigen::Index(j);
        if (standardize) { // (x - off) / sc
            A(k, k) = 1.0 / sc[j];
            bias(k) = -off[j] / sc[j];
        } else { // x * sc + off
            A(k, k) = sc[j];
            bias(k) = off[j];
        }
    }
    f.tensor = b.gemm(f.tensor, A, bias, name);
}

void pcaStep(
    GraphBuilder &b, Flow &f, const PcaTransform &t, const QString &label, const std::string &name)
{
    const std::vector<std::string> &used = t.fittedColumns();
    std::vector<int> at;
    for (const std::string &c : used)
        at.push_back(indexOf(f.cols, c));
    bool any = false, all = true;
    for (int j : at) {
        any = any || j >= 0;
        all = all && j >= 0;
    }
    if (!any)
        return;
    if (!all)
        throw Refused { label + QStringLiteral(" reads columns that are not model inputs") };
    const int first = *std::min_element(at.begin(), at.end());
    const int k = t.componentCount();
    const Eigen::Index d = Eigen::Index(used.size());
    std::vector<std::string> outCols;
    std::vector<std::pair<int, int>> rows; // (kind: -1 pc / column index, pc index)
    for (int j = 0; j < int(f.cols.size()); ++j) {
        if (j == first)
            for (int c = 0; c < k; ++c) {
                outCols.push_back(t.options().prefix + std::to_string(c + 1));
                rows.push_back({ -1, c });
            }
        if (std::find(at.begin(), at.end(), j) == at.end()) {
            outCols.push_back(f.cols[std::size_t(j)]);
            rows.push_back({ j, 0 });
        }
    }
    Matrix A = Matrix::Zero(Eigen::Index(rows.size()), Eigen::Index(f.cols.size()));
    Eigen::VectorXd bias = Eigen::VectorXd::Zero(Eigen::Index(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Eigen::Index R = Eigen::Index(r);
        if (rows[r].first >= 0) {
            A(R, rows[r].first) = 1.0;
            continue;
        }
        const int c = rows[r].second;
        double shift = 0;
        for (Eigen::Index m = 0; m < d; ++m) {
            const double w = t.components()(c, m) / t.scale()(m);
            A(R, at[std::size_t(m)]) = w;
            shift += t.mean()(m) * w;
        }
        bias(R) = -shift;
    }
    f.tensor = b.gemm(f.tensor, A, bias, name);
    f.cols = std::move(outCols);
}

struct TreeAttributes {
    std::vector<std::int64_t> treeIds, nodeIds, featureIds, trueIds, falseIds;
    std::vector<double> values;
    std::vector<std::string> modes;
    // leaf outputs
    std::vector<std::int64_t> outTree, outNode, outId;
    std::vector<double> outWeight;

    // `leaf(node, emit)` calls emit(id, weight) for each output of a leaf.
    void add(int tree, const DecisionTreeModel &t,
        const std::function<void(int, const std::function<void(int, double)> &)> &leaf)
    {
        for (int i = 0; i < t.nodeCount(); ++i) {
            treeIds.push_back(tree);
            nodeIds.push_back(i);
            if (t.isLeaf(i)) {
                featureIds.push_back(0);
                values.push_back(0.0);
                modes.push_back("LEAF");
                trueIds.push_back(0);
                falseIds.push_back(0);
                leaf(i, [&](int id, double w) {
                    outTree.push_back(tree);
                    outNode.push_back(i);
                    outId.push_back(id);
                    outWeight.push_back(w);
                });
            } else {
                featureIds.push_back(t.feature(i));
                values.push_back(t.threshold(i));
                modes.push_back("BRANCH_LEQ");
                trueIds.push_back(t.left(i));
                falseIds.push_back(t.right(i));
            }
        }
    }
    void write(onnx::NodeProto *n, bool classifier) const
    {
        GraphBuilder::attr(n, "nodes_treeids", treeIds);
        GraphBuilder::attr(n, "nodes_nodeids", nodeIds);
        GraphBuilder::attr(n, "nodes_featureids", featureIds);
        GraphBuilder::attr(n, "nodes_values_as_tensor", values);
        GraphBuilder::attr(n, "nodes_modes", modes);
        GraphBuilder::attr(n, "nodes_truenodeids", trueIds);
        GraphBuilder::attr(n, "nodes_falsenodeids", falseIds);
        const char *p = classifier ? "class_" : "target_";
        GraphBuilder::attr(n, (std::string(p) + "treeids").c_str(), outTree);
        GraphBuilder::attr(n, (std::string(p) + "nodeids").c_str(), outNode);
        GraphBuilder::attr(n, (std::string(p) + "ids").c_str(), outId);
        GraphBuilder::attr(n, (std::string(p) + "weights_as_tensor").c_str(), outWeight);
    }
};

std::vector<std::int64_t> classLabels(int K)
{
    std::vector<std::int64_t> v;
    for (int k = 0; k < K; ++k)
        v.push_back(k);
    return v;
}

struct Outputs {
    std::string label = "label";
    std::string probabilities = "probabilities";
    std::string value; // regression
};

// Softmax over logits then ArgMax: the classifier outputs of linear models and MLPs.
void softmaxOutputs(GraphBuilder &b, const std::string &logits, int K, const Outputs &o)
{
    onnx::NodeProto *s = b.node("Softmax", { logits }, { o.probabilities }, "softmax");
    GraphBuilder::attr(s, "axis", std::int64_t(1));
    onnx::NodeProto *a = b.node("ArgMax", { o.probabilities }, { o.label }, "argmax");
    GraphBuilder::attr(a, "axis", std::int64_t(1));
    GraphBuilder::attr(a, "keepdims", std::int64_t(0));
    b.output(o.probabilities, b.realType(), K,
        "class probabilities, columns in sextant.class_names order");
    b.output(o.label, onnx::TensorProto::INT64, 0, "class index into sextant.class_names");
}

void estimatorGraph(
    GraphBuilder &b, const std::string &x, const TrainedModel &model, const Outputs &o)
{
    const Estimator &e = *model.estimator;
    const bool classify = e.task() == EstimatorTask::Classification;
    const int K = e.classCount();
    const std::string regDoc = "predicted " + model.target.name().toStdString();

    if (const auto *lin = dynamic_cast<const LinearRegression *>(&e)) {
        Matrix W = lin->coefficients().transpose();
        Eigen::VectorXd bias(1);
        bias(0) = lin->intercept();
        b.gemm(x, W, bias, "linear_regression", o.value);
        b.output(o.value, b.realType(), 1, regDoc);
        return;
    }
    if (const auto *log = dynamic_cast<const LogisticRegression *>(&e)) {
        Matrix W = log->coefficients();
        Eigen::VectorXd bias = log->intercepts();
        if (K == 2) { // softmax([0, z]) = [1 - sigmoid(z), sigmoid(z)]
            Matrix W2 = Matrix::Zero(2, W.cols());
            W2.row(1) = W.row(0);
            Eigen::VectorXd b2 = Eigen::VectorXd::Zero(2);
            b2(1) = bias(0);
            W = W2;
            bias = b2;
        }
        const std::string logits = b.gemm(x, W, bias, "logistic_regression");
        softmaxOutputs(b, logits, K, o);
        return;
    }
    if (const auto *mlp = dynamic_cast<const Mlp *>(&e)) {
        std::string h = x;
        const int L = mlp->layerCount();
        for (int l = 0; l < L; ++l) {
            const bool last = l == L - 1;
            const std::string name = "dense_" + std::to_string(l + 1);
            h = b.gemm(h, mlp->weights(l), mlp->bias(l), name,
                last && !classify ? o.value : std::string());
            if (last)
                break;
            const char *act = mlp->options().activation == MlpOptions::Activation::Tanh ? "Tanh"
                : mlp->options().activation == MlpOptions::Activation::Sigmoid          ? "Sigmoid"
                                                                                        : "Relu";
            const std::string out = b.fresh(name + "_" + std::string(act));
            b.node(act, { h }, { out }, name + "_activation");
            h = out;
        }
        if (classify)
            softmaxOutputs(b, h, K, o);
        else
            b.output(o.value, b.realType(), 1, regDoc);
        return;
    }

    // Tree ensembles: ai.onnx.ml.
    TreeAttributes ta;
    std::vector<double> base;
    std::string aggregate = "SUM", post = "NONE";
    if (const auto *dt = dynamic_cast<const DecisionTree *>(&e)) {
        ta.add(0, dt->tree(), [&](int i, const auto &emit) {
            for (int k = 0; k < (classify ? K : 1); ++k)
                emit(k, dt->tree().values(i)[k]);
        });
    } else if (const auto *rf = dynamic_cast<const RandomForest *>(&e)) {
        const double T = double(rf->trees().size());
        for (std::size_t t = 0; t < rf->trees().size(); ++t) {
            const DecisionTreeModel &tree = rf->trees()[t];
            ta.add(int(t), tree, [&](int i, const auto &emit) {
                if (classify)
                    for (int k = 0; k < K; ++k)
                        emit(k, tree.values(i)[k] / T);
                else
                    emit(0, tree.values(i)[0]);
            });
        }
        if (!classify)
            aggregate = "AVERAGE";
    } else if (const auto *gb = dynamic_cast<const GradientBoosting *>(&e)) {
        const int P = gb->treesPerIteration();
        for (std::size_t t = 0; t < gb->trees().size(); ++t) {
            const DecisionTreeModel &tree = gb->trees()[t];
            const int cls = int(t % std::size_t(P));
            ta.add(int(t), tree, [&](int i, const auto &emit) {
                if (classify && K == 2) { // class 0 keeps score 0: softmax gives the sigmoid
                    emit(0, 0.0);
                    emit(1, tree.values(i)[0]);
                } else {
                    emit(cls, tree.values(i)[0]);
                }
            });
        }
        if (classify && K == 2)
            base = { 0.0, gb->baseline()(0) };
        else
            for (Eigen::Index k = 0; k < gb->baseline().size(); ++k)
                base.push_back(gb->baseline()(k));
        if (classify)
            post = "SOFTMAX";
    } else {
        throw Refused { QStringLiteral("the %1 model (%2) cannot be expressed in ONNX")
                            .arg(model.displayName.isEmpty() ? qs(e.kind()) : model.displayName)
                            .arg(qs(e.kind())) };
    }
    if (classify) {
        onnx::NodeProto *n = b.node(
            "TreeEnsembleClassifier", { x }, { o.label, o.probabilities }, "tree_ensemble", kMl);
        ta.write(n, true);
        GraphBuilder::attr(n, "classlabels_int64s", classLabels(K));
        GraphBuilder::attr(n, "post_transform", post);
        if (!base.empty())
            GraphBuilder::attr(n, "base_values_as_tensor", base);
        b.output(o.label, onnx::TensorProto::INT64, 0, "class index into sextant.class_names");
        b.output(o.probabilities, onnx::TensorProto::FLOAT, K,
            "class probabilities, columns in sextant.class_names order");
    } else {
        onnx::NodeProto *n
            = b.node("TreeEnsembleRegressor", { x }, { o.value }, "tree_ensemble", kMl);
        ta.write(n, false);
        GraphBuilder::attr(n, "n_targets", std::int64_t(1));
        GraphBuilder::attr(n, "aggregate_function", aggregate);
        GraphBuilder::attr(n, "post_transform", post);
        if (!base.empty())
            GraphBuilder::attr(n, "base_values_as_tensor", base);
        b.output(o.value, onnx::TensorProto::FLOAT, 1, regDoc);
    }
}

QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QByteArray build(const TrainedModel &model)
{
    if (!model.estimator || !model.estimator->isFitted())
        throw Refused { QStringLiteral("the model is not fitted") };
    const Estimator &e = *model.estimator;
    if (e.task() == EstimatorTask::Clustering)
        throw Refused { QStringLiteral("the %1 clustering model (%2) cannot be expressed in ONNX")
                            .arg(model.displayName, qs(e.kind())) };
    // Refuse unsupported families before looking at the pipeline's details.
    const std::string kind = e.kind();
    if (!dynamic_cast<const LinearRegression *>(&e) && !dynamic_cast<const LogisticRegression *>(&e)
        && !dynamic_cast<const Mlp *>(&e) && !dynamic_cast<const DecisionTree *>(&e)
        && !dynamic_cast<const RandomForest *>(&e) && !dynamic_cast<const GradientBoosting *>(&e))
        throw Refused { QStringLiteral("the %1 model (%2) cannot be expressed in ONNX")
                            .arg(model.displayName.isEmpty() ? qs(kind) : model.displayName,
                                qs(kind)) };

    const std::vector<std::string> raw = rawColumns(model);
    // Tree ensembles compare raw values with thresholds: the graph takes and computes float64
    // so a value next to a threshold goes the same way as in Sextant (float32 would merge
    // distinct values around a midpoint threshold). Linear models and MLPs stay float32,
    // which OpenCV DNN runs.
    const bool trees = dynamic_cast<const DecisionTree *>(&e)
        || dynamic_cast<const RandomForest *>(&e) || dynamic_cast<const GradientBoosting *>(&e);

    onnx::ModelProto m;
    m.set_ir_version(trees ? kIrVersionTrees : kIrVersion);
    m.set_producer_name("Sextant");
    m.set_producer_version(SEXTANT_VERSION_STRING);
    m.set_domain("org.sextant");
    m.set_model_version(1);
    m.set_doc_string((model.displayName.isEmpty() ? qs(kind) : model.displayName).toStdString()
        + " exported by Sextant");
    onnx::OperatorSetIdProto *op = m.add_opset_import();
    op->set_domain("");
    op->set_version(kOpset);
    onnx::OperatorSetIdProto *ml = m.add_opset_import();
    ml->set_domain(kMl);
    ml->set_version(trees ? kMlOpsetTrees : kMlOpset);

    onnx::GraphProto *g = m.mutable_graph();
    g->set_name(kind);
    GraphBuilder b(g, trees);

    QStringList inputNames;
    for (const std::string &c : raw)
        inputNames << qs(c);
    const std::string inputDoc = std::string(trees ? "float64" : "float32") + " [N, "
        + std::to_string(raw.size())
        + "], rows are samples; columns: " + inputNames.join(QStringLiteral(", ")).toStdString();
    b.reserve("features");
    GraphBuilder::tensorType(
        g->add_input(), "features", b.realType(), std::int64_t(raw.size()), inputDoc);

    Outputs outs;
    b.reserve(outs.label);
    b.reserve(outs.probabilities);
    outs.value = model.target.name().isEmpty() ? std::string("prediction")
                                               : model.target.name().toStdString();
    if (outs.value == "features" || outs.value == "label" || outs.value == "probabilities")
        outs.value += "_predicted";
    b.reserve(outs.value);

    // Preprocessing.
    Flow f { "features", raw };
    const auto &steps = model.preprocessing;
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const Transformer &t = *steps[s];
        const QString label = stepLabel(t, s);
        const std::string name = t.kind() + "_" + std::to_string(s + 1);
        bool imputeFollows = false;
        for (std::size_t u = s + 1; u < steps.size(); ++u)
            imputeFollows = imputeFollows || steps[u]->kind() == "impute";
        if (const auto *imp = dynamic_cast<const ImputeTransform *>(&t)) {
            imputeStep(b, f, *imp, label, name);
        } else if (const auto *st = dynamic_cast<const StandardizeTransform *>(&t)) {
            scaleStep(b, f, st->fittedColumns(), st->offsets(), st->scales(), true,
                imputeFollows || trees, name);
        } else if (const auto *mm = dynamic_cast<const MinMaxScaleTransform *>(&t)) {
            scaleStep(b, f, mm->fittedColumns(), mm->offsets(), mm->scales(), false,
                imputeFollows || trees, name);
        } else if (const auto *pca = dynamic_cast<const PcaTransform *>(&t)) {
            if (imputeFollows)
                throw Refused { label
                    + QStringLiteral(" is followed by an Impute step: the columns PCA passes "
                                     "through could not keep their missing cells apart in ONNX") };
            pcaStep(b, f, *pca, label, name);
        } else {
            throw Refused { label + QStringLiteral(" cannot be expressed in ONNX") };
        }
    }

    // The encoder's column order.
    const QStringList featureNames = model.features.outputNames();
    std::vector<std::string> want;
    for (const QString &n : featureNames)
        want.push_back(n.toStdString());
    if (want != f.cols) {
        Matrix P = Matrix::Zero(Eigen::Index(want.size()), Eigen::Index(f.cols.size()));
        for (std::size_t r = 0; r < want.size(); ++r) {
            const int j = indexOf(f.cols, want[r]);
            if (j < 0)
                throw Refused { QStringLiteral("feature column '%1' cannot be traced back to the "
                                               "model's input")
                                    .arg(qs(want[r])) };
            P(Eigen::Index(r), j) = 1.0;
        }
        f.tensor = b.gemm(f.tensor, P, Eigen::VectorXd::Zero(P.rows()), "feature_order");
    }
    if (int(want.size()) != e.featureCount())
        throw Refused { QStringLiteral("the model expects %1 features, the pipeline gives %2")
                            .arg(e.featureCount())
                            .arg(want.size()) };

    estimatorGraph(b, f.tensor, model, outs);

    auto meta = [&](const char *key, const QString &value) {
        onnx::StringStringEntryProto *p = m.add_metadata_props();
        p->set_key(key);
        p->set_value(value.toStdString());
    };
    meta("sextant.input_columns", jsonList(inputNames));
    meta("sextant.feature_names", jsonList(featureNames));
    meta("sextant.target", model.target.name());
    meta("sextant.task",
        e.task() == EstimatorTask::Classification ? QStringLiteral("classification")
                                                  : QStringLiteral("regression"));
    if (e.task() == EstimatorTask::Classification)
        meta("sextant.class_names", jsonList(model.target.classNames()));
    meta("sextant.estimator", qs(kind));
    meta("sextant.learner", LearnerRegistry::nodeIdOf(*model.estimator));
    QStringList stepKinds;
    for (const auto &s : steps)
        stepKinds << qs(s->kind());
    meta("sextant.preprocessing", jsonList(stepKinds));
    if (!model.trainingHash.isEmpty())
        meta("sextant.training_hash", model.trainingHash);

    std::string bytes;
    if (!m.SerializeToString(&bytes))
        throw Refused { QStringLiteral("the model could not be serialized") };
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace

bool OnnxExport::available()
{
    return true;
}

Result<QByteArray> OnnxExport::toBytes(const TrainedModel &model)
{
    try {
        return build(model);
    } catch (const Refused &r) {
        return Result<QByteArray>::failure(QStringLiteral("ONNX export: ") + r.message);
    } catch (const std::exception &e) {
        return Result<QByteArray>::failure(
            QStringLiteral("ONNX export: ") + QString::fromUtf8(e.what()));
    }
}

Status OnnxExport::check(const QByteArray &bytes)
{
    onnx::ModelProto m;
    if (!m.ParseFromArray(bytes.constData(), int(bytes.size())))
        return Status::failure(QStringLiteral("not an ONNX model (the protobuf does not parse)"));
    try {
        onnx::checker::check_model(m);
        // What python's check_model(full_check=True) adds: strict shape and type inference.
        onnx::ShapeInferenceOptions options(true, 1, false);
        onnx::shape_inference::InferShapes(m, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception &e) {
        return Status::failure(
            QStringLiteral("the ONNX checker refused the model: ") + QString::fromUtf8(e.what()));
    }
    return Status::success();
}

Status OnnxExport::exportModel(const TrainedModel &model, const QString &path)
{
    Result<QByteArray> bytes = toBytes(model);
    if (!bytes)
        return Status::failure(bytes.error());
    const Status ok = check(bytes.value());
    if (!ok)
        return Status::failure(QStringLiteral("ONNX export: not written, ") + ok.error());
    QString error;
    if (!AtomicFile::write(path, bytes.value(), &error))
        return Status::failure(QStringLiteral("ONNX export: ") + error);
    return Status::success();
}

#endif // SEXTANT_HAVE_ONNX

} // namespace sextant::engine
