#include "io/OnnxExport.h"

#include "data/AtomicFile.h"
#include "ml/DecisionTree.h"
#include "ml/DecisionTreeModel.h"
#include "ml/GaussianNaiveBayes.h"
#include "ml/GradientBoosting.h"
#include "ml/ImputeTransform.h"
#include "ml/KNearestNeighbors.h"
#include "ml/LinearRegression.h"
#include "ml/LogisticRegression.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/Mlp.h"
#include "ml/NaiveBayes.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/RandomForest.h"
#include "ml/StandardizeTransform.h"
#include "ml/Svm.h"
#include "nodes/LearnerRegistry.h"

#include <Eigen/Core>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
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
        if (k != "impute" && k != "standardize" && k != "minmax_scale" && k != "pca"
            && k != "one_hot")
            throw Refused { stepLabel(t, s) + QStringLiteral(" cannot be expressed in ONNX") };
        if (k == "one_hot" && !dynamic_cast<const OneHotTransform *>(&t))
            throw Refused { stepLabel(t, s) + QStringLiteral(" is of an unknown type") };
    }
    std::vector<std::string> cols;
    for (const FeatureEncoder::Feature &f : model.features.features())
        cols.push_back(f.name.toStdString()); // a categorical one: its category index
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
        if (k == "one_hot") {
            const auto &oh = dynamic_cast<const OneHotTransform &>(t);
            for (std::size_t c = 0; c < oh.fittedColumns().size(); ++c) {
                const std::string &col = oh.fittedColumns()[c];
                std::vector<std::string> rest;
                int pos = -1;
                for (const std::string &name : cols) {
                    bool made = false;
                    for (const std::string &cat : oh.categories()[c])
                        made = made || name == col + "=" + cat;
                    if (made) {
                        if (pos < 0)
                            pos = static_cast<int>(rest.size());
                    } else {
                        rest.push_back(name);
                    }
                }
                if (pos < 0)
                    continue; // none of its columns is used
                if (indexOf(rest, col) < 0)
                    rest.insert(rest.begin() + pos, col);
                cols = std::move(rest);
            }
            continue;
        }
        throw Refused { stepLabel(t, s) + QStringLiteral(" cannot be expressed in ONNX") };
    }
    return cols;
}

// A categorical input column: the "features" tensor holds each row's category as its
// index in `categories` (a missing or unknown category: NaN or any other number, encoded
// as all zeros); the graph makes a 0/1 column "column=category" for each index in `kept`.
struct CategoricalInput {
    std::vector<std::string> categories;
    std::vector<int> kept;
};

// The raw columns that reach the model as categories: those of one-hot steps (their
// categories seen at fit; without the first with drop-first) and the categorical feature
// columns of the encoder.
std::map<std::string, CategoricalInput> categoricalInputs(const TrainedModel &model)
{
    std::map<std::string, CategoricalInput> out;
    for (const auto &step : model.preprocessing) {
        const auto *oh = dynamic_cast<const OneHotTransform *>(step.get());
        if (!oh)
            continue;
        for (std::size_t c = 0; c < oh->fittedColumns().size(); ++c) {
            if (out.count(oh->fittedColumns()[c]))
                continue;
            CategoricalInput in;
            in.categories = oh->categories()[c];
            for (int m = oh->options().dropFirst ? 1 : 0; m < int(in.categories.size()); ++m)
                in.kept.push_back(m);
            out[oh->fittedColumns()[c]] = std::move(in);
        }
    }
    for (const FeatureEncoder::Feature &f : model.features.features()) {
        if (!f.categorical || out.count(f.name.toStdString()))
            continue;
        CategoricalInput in;
        for (const QString &c : f.categories) {
            in.kept.push_back(int(in.categories.size()));
            in.categories.push_back(c.toStdString());
        }
        out[f.name.toStdString()] = std::move(in);
    }
    return out;
}

// Estimators whose graph computes in float64 (exact thresholds and distances).
bool doublePrecision(const Estimator &e)
{
    return dynamic_cast<const DecisionTree *>(&e) || dynamic_cast<const RandomForest *>(&e)
        || dynamic_cast<const GradientBoosting *>(&e) || dynamic_cast<const NaiveBayes *>(&e)
        || dynamic_cast<const GaussianNaiveBayes *>(&e)
        || dynamic_cast<const KNearestNeighbors *>(&e);
}

} // namespace

Result<QMap<QString, QStringList>> OnnxExport::inputCategories(const TrainedModel &model)
{
    try {
        const std::vector<std::string> raw = rawColumns(model);
        QMap<QString, QStringList> out;
        for (const auto &[name, in] : categoricalInputs(model)) {
            if (indexOf(raw, name) < 0)
                continue;
            QStringList cats;
            for (const std::string &c : in.categories)
                cats << qs(c);
            out.insert(qs(name), cats);
        }
        return out;
    } catch (const Refused &r) {
        return Result<QMap<QString, QStringList>>::failure(
            QStringLiteral("ONNX export: ") + r.message);
    }
}

bool OnnxExport::takesDoubles(const TrainedModel &model)
{
    return model.estimator && doublePrecision(*model.estimator);
}

Result<std::vector<double>> OnnxExport::inputRows(const TrainedModel &model, const Dataset &table)
{
    const Result<QStringList> cols = inputColumns(model);
    if (!cols)
        return Result<std::vector<double>>::failure(cols.error());
    const Result<QMap<QString, QStringList>> cats = inputCategories(model);
    if (!cats)
        return Result<std::vector<double>>::failure(cats.error());
    const std::size_t F = std::size_t(cols.value().size());
    const std::size_t n = std::size_t(table.rowCount());
    std::vector<double> x(n * F);
    for (std::size_t j = 0; j < F; ++j) {
        const QString &name = cols.value()[qsizetype(j)];
        const int idx = table.indexOf(name);
        if (idx < 0)
            return Result<std::vector<double>>::failure(
                QStringLiteral("the table has no column '%1'").arg(name));
        const Column &c = table.column(idx);
        const bool categorical = cats.value().contains(name);
        if (categorical != c.isCategorical())
            return Result<std::vector<double>>::failure(
                QStringLiteral("column '%1' is %2, the model takes it %3")
                    .arg(name,
                        c.isCategorical() ? QStringLiteral("categorical")
                                          : QStringLiteral("numeric"),
                        categorical ? QStringLiteral("categorical") : QStringLiteral("numeric")));
        std::vector<double> code;
        if (categorical)
            for (const QString &cat : c.categories())
                code.push_back(double(cats.value()[name].indexOf(cat)));
        for (std::size_t i = 0; i < n; ++i) {
            double v = NAN;
            if (!c.isMissing(std::int64_t(i))) {
                if (!categorical) {
                    v = c.values()[i];
                } else {
                    const std::int32_t k = c.codes()[i];
                    v = k >= 0 && std::size_t(k) < code.size() && code[std::size_t(k)] >= 0
                        ? code[std::size_t(k)]
                        : NAN;
                }
            }
            x[i * F + j] = v;
        }
    }
    return x;
}

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
        return typed(base, dims, values, realType());
    }
    // An initializer of `elemType` (FLOAT, DOUBLE or INT64).
    std::string typed(const std::string &base, const std::vector<std::int64_t> &dims,
        const std::vector<double> &values, int elemType)
    {
        onnx::TensorProto *t = m_g->add_initializer();
        const std::string name = fresh(base);
        t->set_name(name);
        t->set_data_type(elemType);
        for (std::int64_t d : dims)
            t->add_dims(d);
        for (double v : values)
            if (elemType == onnx::TensorProto::DOUBLE)
                t->add_double_data(v);
            else if (elemType == onnx::TensorProto::INT64)
                t->add_int64_data(static_cast<std::int64_t>(v));
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
    std::vector<std::string> expanded; // categorical inputs replaced by their 0/1 columns
};

// Selects columns of `x` by index (Gather on axis 1: exact, and a NaN stays in its column).
std::string gatherColumns(
    GraphBuilder &b, const std::string &x, const std::vector<int> &columns, const std::string &name)
{
    std::vector<double> idx(columns.begin(), columns.end());
    const std::string i
        = b.typed(name + "_columns", { std::int64_t(idx.size()) }, idx, onnx::TensorProto::INT64);
    const std::string out = b.fresh(name);
    onnx::NodeProto *n = b.node("Gather", { x, i }, { out }, name);
    GraphBuilder::attr(n, "axis", std::int64_t(1));
    return out;
}

// Replaces each categorical input column (its category index) by its 0/1 columns
// "column=category": Equal with the kept indices, Cast; the code columns are dropped, so
// no later Gemm meets a missing category's NaN.
void expandCategoricals(
    GraphBuilder &b, Flow &f, const std::map<std::string, CategoricalInput> &categorical)
{
    std::vector<int> keep;
    std::vector<std::string> cols, pieces;
    for (int j = 0; j < int(f.cols.size()); ++j)
        if (!categorical.count(f.cols[std::size_t(j)])) {
            keep.push_back(j);
            cols.push_back(f.cols[std::size_t(j)]);
        }
    if (keep.size() == f.cols.size())
        return;
    for (const std::string &c : f.cols)
        if (categorical.count(c))
            f.expanded.push_back(c);
    if (!keep.empty())
        pieces.push_back(gatherColumns(b, f.tensor, keep, "numeric_inputs"));
    for (int j = 0; j < int(f.cols.size()); ++j) {
        const auto it = categorical.find(f.cols[std::size_t(j)]);
        if (it == categorical.end() || it->second.kept.empty())
            continue;
        const std::string &col = it->first;
        const std::string name = "one_hot_" + col;
        const std::string code = gatherColumns(b, f.tensor, { j }, name + "_code");
        std::vector<double> kept(it->second.kept.begin(), it->second.kept.end());
        const std::string values
            = b.floats(name + "_indices", { 1, std::int64_t(kept.size()) }, kept);
        const std::string eq = b.fresh(name + "_equal");
        b.node("Equal", { code, values }, { eq }, name + "_equal");
        const std::string oh = b.fresh(name);
        onnx::NodeProto *c = b.node("Cast", { eq }, { oh }, name + "_cast");
        GraphBuilder::attr(c, "to", std::int64_t(b.realType()));
        pieces.push_back(oh);
        for (int m : it->second.kept)
            cols.push_back(col + "=" + it->second.categories[std::size_t(m)]);
    }
    if (pieces.size() == 1) {
        f.tensor = pieces[0];
    } else {
        f.tensor = b.fresh("encoded_inputs");
        onnx::NodeProto *c = b.node("Concat", pieces, { f.tensor }, "encoded_inputs");
        GraphBuilder::attr(c, "axis", std::int64_t(1));
    }
    f.cols = std::move(cols);
}

void imputeStep(GraphBuilder &b, Flow &f, const ImputeTransform &t, const QString &label,
    const std::string &name)
{
    const std::size_t C = f.cols.size();
    std::vector<double> fill(C, 0.0);
    std::vector<bool> mask(C, false);
    int count = 0;
    for (std::size_t i = 0; i < t.fittedColumns().size(); ++i) {
        const int j = indexOf(f.cols, t.fittedColumns()[i]);
        if (j < 0 && indexOf(f.expanded, t.fittedColumns()[i]) < 0)
            continue;
        if (!t.fillCategories()[i].empty() || std::isnan(t.fillValues()[i]) || j < 0)
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

    // ONNX nodes a tree with categorical splits may become (see addCategorical).
    static constexpr std::int64_t kMaxCategoricalNodes = 20000000;

    // `leaf(node, emit)` calls emit(id, weight) for each output of a leaf.
    void add(int tree, const DecisionTreeModel &t,
        const std::function<void(int, const std::function<void(int, double)> &)> &leaf)
    {
        if (t.hasCategoricalSplits()) {
            addCategorical(tree, t, leaf);
            return;
        }
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
    // A tree with categorical splits. ONNX's tree nodes test one value, so a split "the
    // category is in T" over a one-hot block becomes a chain of tests "column c > 0.5",
    // one per category c of T, each leading to its own copy of the subtree of T's side;
    // the chain's last "no" leads to the other side. T is the categories going left, or
    // those going right when the missing category (all zeros, which no test catches) goes
    // left. Refused (Refused) past kMaxCategoricalNodes nodes.
    void addCategorical(int tree, const DecisionTreeModel &t,
        const std::function<void(int, const std::function<void(int, double)> &)> &leaf)
    {
        std::int64_t next = 0;
        const auto push = [&](std::int64_t feature, double value, const char *mode) {
            if (next >= kMaxCategoricalNodes)
                throw Refused { QStringLiteral(
                    "the decision tree's categorical splits need more than %1 ONNX nodes")
                                    .arg(kMaxCategoricalNodes) };
            treeIds.push_back(tree);
            nodeIds.push_back(next);
            featureIds.push_back(feature);
            values.push_back(value);
            modes.push_back(mode);
            trueIds.push_back(0);
            falseIds.push_back(0);
            return next++;
        };
        // Emits model node m's subtree; its ONNX id is returned. The recursion follows the
        // tree's depth, the chains are iterative.
        std::function<std::int64_t(int)> emit = [&](int m) -> std::int64_t {
            if (t.isLeaf(m)) {
                const std::int64_t id = push(0, 0.0, "LEAF");
                leaf(m, [&](int out, double w) {
                    outTree.push_back(tree);
                    outNode.push_back(id);
                    outId.push_back(out);
                    outWeight.push_back(w);
                });
                return id;
            }
            const int w = t.categoryWidth(m);
            if (w == 0) {
                const std::int64_t id = push(t.feature(m), t.threshold(m), "BRANCH_LEQ");
                const std::int64_t l = emit(t.left(m));
                const std::int64_t r = emit(t.right(m));
                trueIds[std::size_t(id)] = l;
                falseIds[std::size_t(id)] = r;
                return id;
            }
            const bool missingLeft = t.categoryGoesLeft(m, w);
            const int member = missingLeft ? t.right(m) : t.left(m);
            const int other = missingLeft ? t.left(m) : t.right(m);
            std::vector<int> chain;
            for (int c = 0; c < w; ++c)
                if (t.categoryGoesLeft(m, c) != missingLeft)
                    chain.push_back(c);
            if (chain.empty())
                return emit(other);
            std::int64_t first = -1, previous = -1;
            for (int c : chain) {
                const std::int64_t id = push(t.feature(m) + c, 0.5, "BRANCH_GT");
                if (previous >= 0)
                    falseIds[std::size_t(previous)] = id;
                else
                    first = id;
                trueIds[std::size_t(id)] = emit(member);
                previous = id;
            }
            falseIds[std::size_t(previous)] = emit(other);
            return first;
        };
        emit(0);
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
// `elemType`: the logits' type (-1: the graph's real type).
void softmaxOutputs(
    GraphBuilder &b, const std::string &logits, int K, const Outputs &o, int elemType = -1)
{
    onnx::NodeProto *s = b.node("Softmax", { logits }, { o.probabilities }, "softmax");
    GraphBuilder::attr(s, "axis", std::int64_t(1));
    onnx::NodeProto *a = b.node("ArgMax", { o.probabilities }, { o.label }, "argmax");
    GraphBuilder::attr(a, "axis", std::int64_t(1));
    GraphBuilder::attr(a, "keepdims", std::int64_t(0));
    b.output(o.probabilities, elemType < 0 ? b.realType() : elemType, K,
        "class probabilities, columns in sextant.class_names order");
    b.output(o.label, onnx::TensorProto::INT64, 0, "class index into sextant.class_names");
}

// Training values a k-NN export may hold: the graph compares each query row with every
// training row (an N x rows x features tensor in the runtime).
constexpr double kKnnMaxValues = 200000;
constexpr double kTwoPi = 6.283185307179586476925286766559;

std::string constInt64(GraphBuilder &b, const std::string &name, const std::vector<double> &v)
{
    return b.typed(name, { std::int64_t(v.size()) }, v, onnx::TensorProto::INT64);
}

std::string unary(GraphBuilder &b, const char *op, const std::string &x, const std::string &name)
{
    const std::string out = b.fresh(name);
    b.node(op, { x }, { out }, name);
    return out;
}

std::string binary(GraphBuilder &b, const char *op, const std::string &x, const std::string &y,
    const std::string &name)
{
    const std::string out = b.fresh(name);
    b.node(op, { x, y }, { out }, name);
    return out;
}

std::string unsqueeze(
    GraphBuilder &b, const std::string &x, std::int64_t axis, const std::string &name)
{
    const std::string out = b.fresh(name);
    b.node("Unsqueeze", { x, constInt64(b, name + "_axes", { double(axis) }) }, { out }, name);
    return out;
}

std::string reduce(GraphBuilder &b, const char *op, const std::string &x, std::int64_t axis,
    bool keepdims, const std::string &name)
{
    // Opset 13: ReduceSum takes its axes as an input, the other reductions as an attribute.
    const std::string out = b.fresh(name);
    onnx::NodeProto *n = nullptr;
    if (std::string(op) == "ReduceSum") {
        n = b.node(op, { x, constInt64(b, name + "_axes", { double(axis) }) }, { out }, name);
    } else {
        n = b.node(op, { x }, { out }, name);
        GraphBuilder::attr(n, "axes", std::vector<std::int64_t> { axis });
    }
    GraphBuilder::attr(n, "keepdims", std::int64_t(keepdims ? 1 : 0));
    return out;
}

// Naive Bayes' joint log-likelihood [N, K] (float64): log prior + the nominal blocks'
// log P(value | class) (one-hot columns times a matrix: all zeros, missing, adds nothing)
// + the numeric columns' normal log densities (a NaN cell adds nothing).
std::string naiveBayesLikelihood(GraphBuilder &b, const std::string &x,
    const Eigen::VectorXd &priors, const std::vector<int> &numeric, const Eigen::MatrixXd &means,
    const Eigen::MatrixXd &variances, const std::vector<std::pair<int, Eigen::MatrixXd>> &nominal,
    bool missing)
{
    const Eigen::Index K = priors.size();
    std::vector<double> logPrior;
    for (Eigen::Index k = 0; k < K; ++k)
        logPrior.push_back(std::log(priors(k)));
    std::string jll = b.floats("log_prior", { 1, std::int64_t(K) }, logPrior);
    if (!numeric.empty()) {
        const std::int64_t m = std::int64_t(numeric.size());
        const std::string xn = unsqueeze(b, gatherColumns(b, x, numeric, "numeric_features"), 1,
            "numeric_features_3d"); // [N, 1, m]
        std::vector<double> mu, scale, norm;
        for (Eigen::Index k = 0; k < K; ++k)
            for (Eigen::Index f = 0; f < m; ++f) {
                mu.push_back(means(k, f));
                scale.push_back(-0.5 / variances(k, f));
                norm.push_back(-0.5 * std::log(variances(k, f) * kTwoPi));
            }
        const std::string d = binary(b, "Sub", xn, b.floats("nb_means", { K, m }, mu), "nb_diff");
        const std::string sq = binary(b, "Mul", d, d, "nb_square");
        std::string term = binary(b, "Add",
            binary(b, "Mul", sq, b.floats("nb_scale", { K, m }, scale), "nb_scaled"),
            b.floats("nb_norm", { K, m }, norm), "nb_log_density"); // [N, K, m]
        if (missing)
            term = [&] {
                const std::string out = b.fresh("nb_present");
                b.node("Where",
                    { unary(b, "IsNaN", xn, "nb_missing"), b.floats("nb_zero", { 1 }, { 0.0 }),
                        term },
                    { out }, "nb_present");
                return out;
            }();
        jll = binary(b, "Add", jll, reduce(b, "ReduceSum", term, 2, false, "nb_numeric"), "nb_jll");
    }
    for (std::size_t blk = 0; blk < nominal.size(); ++blk) {
        const Eigen::MatrixXd &lp = nominal[blk].second; // K x width
        std::vector<int> cols;
        for (Eigen::Index c = 0; c < lp.cols(); ++c)
            cols.push_back(nominal[blk].first + int(c));
        const std::string name = "nb_nominal_" + std::to_string(blk + 1);
        const std::string part = b.gemm(
            gatherColumns(b, x, cols, name + "_columns"), lp, Eigen::VectorXd::Zero(K), name);
        jll = binary(b, "Add", jll, part, name + "_sum");
    }
    return jll;
}

void knnGraph(GraphBuilder &b, const std::string &x, const KNearestNeighbors &knn,
    const TrainedModel &model, const Outputs &o)
{
    const ModelState st = knn.state();
    const ModelArray &X = st.array("x");
    const Eigen::VectorXd y = st.vector("y");
    const std::int64_t M = X.shape.at(0), d = X.shape.at(1);
    if (double(M) * double(d) > kKnnMaxValues)
        throw Refused { QStringLiteral(
            "the k-NN model keeps %1 training rows x %2 features = %3 values; ONNX export "
            "compares each query with every training row and takes at most %4 values "
            "(fewer rows or features, or another learner)")
                            .arg(M)
                            .arg(d)
                            .arg(double(M) * double(d), 0, 'f', 0)
                            .arg(kKnnMaxValues, 0, 'f', 0) };
    const auto &opt = knn.options();
    const bool euclidean = opt.metric == KNearestNeighborsOptions::Metric::Euclidean;
    const std::string xq = unsqueeze(b, x, 1, "knn_query"); // [N, 1, d]
    const std::string train = b.floats("knn_training_rows", { 1, M, d }, X.values);
    const std::string diff = binary(b, "Sub", xq, train, "knn_diff");
    const std::string part
        = euclidean ? binary(b, "Mul", diff, diff, "knn_square") : unary(b, "Abs", diff, "knn_abs");
    const std::string dist = reduce(b, "ReduceSum", part, 2, false, "knn_distance"); // [N, M]
    const std::string near = b.fresh("knn_nearest"), nearIdx = b.fresh("knn_nearest_rows");
    onnx::NodeProto *top
        = b.node("TopK", { dist, constInt64(b, "knn_k", { double(knn.neighbours()) }) },
            { near, nearIdx }, "knn_topk");
    GraphBuilder::attr(top, "axis", std::int64_t(1));
    GraphBuilder::attr(top, "largest", std::int64_t(0));
    GraphBuilder::attr(top, "sorted", std::int64_t(1));
    const std::string nd = euclidean ? unary(b, "Sqrt", near, "knn_sqrt") : near; // [N, k]
    std::string w;
    if (opt.weights == KNearestNeighborsOptions::Weights::Distance) {
        // 1 / distance; when a neighbour is at distance 0, 1 for those at 0, 0 for others.
        const std::string zero = b.floats("knn_zero", { 1 }, { 0.0 });
        const std::string atZero = binary(b, "Equal", nd, zero, "knn_at_zero");
        const std::string atZeroF = b.fresh("knn_at_zero_value");
        onnx::NodeProto *c = b.node("Cast", { atZero }, { atZeroF }, "knn_at_zero_cast");
        GraphBuilder::attr(c, "to", std::int64_t(b.realType()));
        const std::string anyZero = binary(b, "Greater",
            reduce(b, "ReduceMax", atZeroF, 1, true, "knn_any_zero"), zero, "knn_any");
        const std::string inv
            = binary(b, "Div", b.floats("knn_one", { 1 }, { 1.0 }), nd, "knn_inverse");
        w = b.fresh("knn_weights");
        b.node("Where", { anyZero, atZeroF, inv }, { w }, "knn_weights");
    }
    const bool classify = knn.task() == EstimatorTask::Classification;
    const std::string targets
        = b.floats("knn_targets", { M }, std::vector<double>(y.data(), y.data() + y.size()));
    const std::string ny = b.fresh("knn_neighbour_targets");
    onnx::NodeProto *g = b.node("Gather", { targets, nearIdx }, { ny }, "knn_neighbour_targets");
    GraphBuilder::attr(g, "axis", std::int64_t(0)); // [N, k]
    if (!classify) {
        std::string value;
        if (w.empty()) {
            value = reduce(b, "ReduceMean", ny, 1, true, "knn_mean");
        } else {
            value = binary(b, "Div",
                reduce(b, "ReduceSum", binary(b, "Mul", ny, w, "knn_weighted"), 1, true, "knn_num"),
                reduce(b, "ReduceSum", w, 1, true, "knn_den"), "knn_value");
        }
        b.node("Identity", { value }, { o.value }, "knn_output");
        b.output(o.value, b.realType(), 1, "predicted " + model.target.name().toStdString());
        return;
    }
    const int K = knn.classCount();
    std::vector<double> classes;
    for (int k = 0; k < K; ++k)
        classes.push_back(k);
    const std::string votesOneHot = b.fresh("knn_votes_one_hot");
    onnx::NodeProto *c = b.node("Cast",
        { binary(b, "Equal", unsqueeze(b, ny, 2, "knn_targets_3d"),
            b.floats("knn_classes", { 1, 1, K }, classes), "knn_is_class") },
        { votesOneHot }, "knn_votes_cast");
    GraphBuilder::attr(c, "to", std::int64_t(b.realType())); // [N, k, K]
    const std::string weighted = w.empty()
        ? votesOneHot
        : binary(b, "Mul", votesOneHot, unsqueeze(b, w, 2, "knn_weights_3d"), "knn_weighted_votes");
    const std::string votes = reduce(b, "ReduceSum", weighted, 1, false, "knn_votes"); // [N, K]
    b.node("Div", { votes, reduce(b, "ReduceSum", votes, 1, true, "knn_total") },
        { o.probabilities }, "knn_probabilities");
    onnx::NodeProto *a = b.node("ArgMax", { votes }, { o.label }, "argmax");
    GraphBuilder::attr(a, "axis", std::int64_t(1));
    GraphBuilder::attr(a, "keepdims", std::int64_t(0));
    b.output(o.probabilities, b.realType(), K,
        "class probabilities, columns in sextant.class_names order");
    b.output(o.label, onnx::TensorProto::INT64, 0, "class index into sextant.class_names");
}

// ai.onnx.ml SVMClassifier / SVMRegressor (float32). Each pairwise machine's support
// vectors are listed under the pair's first class with their coefficients in the pair's
// row (libsvm's layout, zeros elsewhere), so a vector shared by several machines appears
// once per machine; ONNX's rho is OpenCV's with the opposite sign.
void svmGraph(GraphBuilder &b, const std::string &x, const Svm &svm, const TrainedModel &model,
    const Outputs &o)
{
    const Eigen::MatrixXd S = svm.supportVectors();
    const std::vector<Svm::DecisionFunction> dfs = svm.decisionFunctions();
    const bool linear = svm.options().kernel == SvmOptions::Kernel::Linear;
    const std::string kernel = linear ? "LINEAR" : "RBF";
    const std::vector<float> params { float(linear ? 0.0 : svm.resolvedGamma()), 0.f, 3.f };
    if (svm.task() == EstimatorTask::Regression) {
        std::vector<float> sv, coef;
        for (std::size_t j = 0; j < dfs[0].supportVectors.size(); ++j) {
            for (Eigen::Index c = 0; c < S.cols(); ++c)
                sv.push_back(float(S(dfs[0].supportVectors[j], c)));
            coef.push_back(float(dfs[0].alphas[j]));
        }
        onnx::NodeProto *n = b.node("SVMRegressor", { x }, { o.value }, "svm", kMl);
        GraphBuilder::attr(n, "coefficients", coef);
        GraphBuilder::attr(n, "support_vectors", sv);
        GraphBuilder::attr(n, "n_supports", std::int64_t(coef.size()));
        GraphBuilder::attr(n, "rho", std::vector<float> { float(-dfs[0].rho) });
        GraphBuilder::attr(n, "kernel_type", kernel);
        GraphBuilder::attr(n, "kernel_params", params);
        GraphBuilder::attr(n, "post_transform", std::string("NONE"));
        b.output(
            o.value, onnx::TensorProto::FLOAT, 1, "predicted " + model.target.name().toStdString());
        return;
    }
    const std::vector<int> &classes = svm.trainingClasses();
    const int k = int(classes.size());
    const int K = svm.classCount();
    std::vector<std::int64_t> perClass(std::size_t(k), 0);
    std::vector<std::vector<float>> coefRows(std::size_t(k - 1));
    std::vector<float> sv, rho;
    int p = 0;
    for (int a = 0; a < k; ++a)
        for (int c = a + 1; c < k; ++c, ++p) {
            const Svm::DecisionFunction &df = dfs[std::size_t(p)];
            rho.push_back(float(-df.rho));
            for (std::size_t j = 0; j < df.supportVectors.size(); ++j) {
                for (Eigen::Index col = 0; col < S.cols(); ++col)
                    sv.push_back(float(S(df.supportVectors[j], col)));
                ++perClass[std::size_t(a)];
                for (int r = 0; r < k - 1; ++r)
                    coefRows[std::size_t(r)].push_back(r == c - 1 ? float(df.alphas[j]) : 0.f);
            }
        }
    std::vector<float> coef;
    for (const auto &row : coefRows)
        coef.insert(coef.end(), row.begin(), row.end());
    std::vector<std::int64_t> labels(classes.begin(), classes.end());
    const bool probs = svm.hasProbabilities();
    // Two classes: the runtime gives the decision values, the Platt sigmoid is standard
    // ops (ONNX Runtime couples even two classes' probabilities iteratively, which stops
    // within 0.0025 of libsvm's exact [r, 1 - r]).
    const bool platt2 = probs && k == 2;
    const std::string scores = platt2 ? b.fresh("svm_decision_values")
        : probs && k < K              ? b.fresh("svm_probabilities")
        : probs                       ? o.probabilities
                                      : std::string("decision_values");
    if (!probs)
        b.reserve(scores);
    onnx::NodeProto *n = b.node("SVMClassifier", { x }, { o.label, scores }, "svm", kMl);
    GraphBuilder::attr(n, "classlabels_ints", labels);
    GraphBuilder::attr(n, "coefficients", coef);
    GraphBuilder::attr(n, "support_vectors", sv);
    GraphBuilder::attr(n, "vectors_per_class", perClass);
    GraphBuilder::attr(n, "rho", rho);
    GraphBuilder::attr(n, "kernel_type", kernel);
    GraphBuilder::attr(n, "kernel_params", params);
    GraphBuilder::attr(n, "post_transform", std::string("NONE"));
    if (platt2) {
        // Z = [-f, f] with f > 0 for the first class: P(first) = 1 / (1 + exp(A f + B)),
        // clipped to [1e-7, 1 - 1e-7] as libsvm does.
        const std::string f = gatherColumns(b, scores, { 1 }, "svm_f");
        const std::string z = binary(b, "Add",
            binary(b, "Mul", f,
                b.typed("svm_platt_a", { 1 }, { svm.plattA()(0) }, onnx::TensorProto::FLOAT),
                "svm_af"),
            b.typed("svm_platt_b", { 1 }, { svm.plattB()(0) }, onnx::TensorProto::FLOAT),
            "svm_afb");
        const std::string p0 = b.fresh("svm_p_first");
        b.node("Clip",
            { unary(b, "Sigmoid", unary(b, "Neg", z, "svm_neg"), "svm_sigmoid"),
                b.typed("svm_clip_lo", {}, { 1e-7 }, onnx::TensorProto::FLOAT),
                b.typed("svm_clip_hi", {}, { 1 - 1e-7 }, onnx::TensorProto::FLOAT) },
            { p0 }, "svm_clip");
        const std::string p1 = binary(b, "Sub",
            b.typed("svm_one", { 1 }, { 1.0 }, onnx::TensorProto::FLOAT), p0, "svm_p_second");
        const std::string pk = k < K ? b.fresh("svm_probabilities") : o.probabilities;
        onnx::NodeProto *c = b.node("Concat", { p0, p1 }, { pk }, "svm_probabilities");
        GraphBuilder::attr(c, "axis", std::int64_t(1));
        if (k < K)
            b.node("MatMul",
                { pk,
                    b.typed(
                        "svm_class_columns", { k, K },
                        [&] {
                            std::vector<double> v(std::size_t(k * K), 0.0);
                            for (int a = 0; a < k; ++a)
                                v[std::size_t(a * K + classes[std::size_t(a)])] = 1.0;
                            return v;
                        }(),
                        onnx::TensorProto::FLOAT) },
                { o.probabilities }, "svm_class_columns");
        b.output(o.probabilities, onnx::TensorProto::FLOAT, K,
            "class probabilities, columns in sextant.class_names order");
    } else if (probs) {
        std::vector<float> A, B;
        for (Eigen::Index i = 0; i < svm.plattA().size(); ++i) {
            A.push_back(float(svm.plattA()(i)));
            B.push_back(float(svm.plattB()(i)));
        }
        GraphBuilder::attr(n, "prob_a", A);
        GraphBuilder::attr(n, "prob_b", B);
        if (k < K) { // classes without training rows: probability 0
            Matrix P = Matrix::Zero(K, k);
            for (int a = 0; a < k; ++a)
                P(classes[std::size_t(a)], a) = 1.0;
            const std::string W = b.typed(
                "svm_class_columns", { k, K },
                [&] {
                    std::vector<double> v;
                    for (int a = 0; a < k; ++a)
                        for (int c = 0; c < K; ++c)
                            v.push_back(P(c, a));
                    return v;
                }(),
                onnx::TensorProto::FLOAT);
            b.node("MatMul", { scores, W }, { o.probabilities }, "svm_class_columns");
        }
        b.output(o.probabilities, onnx::TensorProto::FLOAT, K,
            "class probabilities, columns in sextant.class_names order");
    } else {
        b.output(scores, onnx::TensorProto::FLOAT, k == 2 ? 2 : k * (k - 1) / 2,
            "decision values of the pairwise machines (no probabilities: the model was trained "
            "without them)");
    }
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

    if (const auto *svm = dynamic_cast<const Svm *>(&e)) {
        svmGraph(b, x, *svm, model, o);
        return;
    }
    if (const auto *knn = dynamic_cast<const KNearestNeighbors *>(&e)) {
        knnGraph(b, x, *knn, model, o);
        return;
    }
    if (const auto *gnb = dynamic_cast<const GaussianNaiveBayes *>(&e)) {
        std::vector<int> numeric;
        for (int j = 0; j < gnb->featureCount(); ++j)
            numeric.push_back(j);
        softmaxOutputs(b,
            naiveBayesLikelihood(
                b, x, gnb->priors(), numeric, gnb->means(), gnb->variances(), {}, false),
            K, o);
        return;
    }
    if (const auto *nb = dynamic_cast<const NaiveBayes *>(&e)) {
        if (nb->options().numeric == NaiveBayesOptions::Numeric::Kernel)
            throw Refused { QStringLiteral(
                "the naive Bayes model estimates numeric features by kernel densities, which "
                "ONNX export cannot express (choose Gaussian numeric features)") };
        std::vector<int> numeric;
        std::vector<std::pair<int, Eigen::MatrixXd>> nominal;
        if (nb->blocks().empty()) // a matrix not made from a table: every column numeric
            for (int j = 0; j < nb->featureCount(); ++j)
                numeric.push_back(j);
        for (std::size_t blk = 0; blk < nb->blocks().size(); ++blk) {
            const FeatureBlock &fb = nb->blocks()[blk];
            if (fb.categorical && !nb->options().nominalAsGaussian)
                nominal.push_back({ fb.first, nb->logValueProbabilities(int(blk)) });
            else
                for (int c = 0; c < fb.width; ++c)
                    numeric.push_back(fb.first + c);
        }
        if (Eigen::Index(numeric.size()) != nb->means().cols())
            throw Refused { QStringLiteral(
                "the naive Bayes model's numeric features do not match its blocks") };
        softmaxOutputs(b,
            naiveBayesLikelihood(
                b, x, nb->priors(), numeric, nb->means(), nb->variances(), nominal, true),
            K, o);
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
                emit(classify && K == 2 ? 0 : cls, tree.values(i)[0]);
            });
        }
        for (Eigen::Index k = 0; k < gb->baseline().size(); ++k)
            base.push_back(gb->baseline()(k));
        if (classify && K == 2) {
            // Binary: the log-odds z = baseline + sum of the trees from a TreeEnsembleRegressor,
            // then softmax([0, z]) = [1 - sigmoid(z), sigmoid(z)] and ArgMax in standard ops.
            // Not a TreeEnsembleClassifier: its two-class case is loosely specified and
            // runtimes differ (ONNX Runtime drops the trees' scores when both classes have
            // weights and base values, and skips the logistic transform when every leaf
            // weight is >= 0), while a regressor's sum is unambiguous.
            const std::string z = b.fresh("log_odds");
            onnx::NodeProto *n
                = b.node("TreeEnsembleRegressor", { x }, { z }, "tree_ensemble", kMl);
            ta.write(n, false);
            GraphBuilder::attr(n, "n_targets", std::int64_t(1));
            GraphBuilder::attr(n, "aggregate_function", std::string("SUM"));
            GraphBuilder::attr(n, "post_transform", std::string("NONE"));
            GraphBuilder::attr(n, "base_values_as_tensor", base);
            const std::string zero
                = b.typed("zero_logit", { 1, 1 }, { 0.0 }, onnx::TensorProto::FLOAT);
            const std::string zeros = b.fresh("zero_logits");
            b.node("Mul", { z, zero }, { zeros }, "zero_logits");
            const std::string logits = b.fresh("logits");
            onnx::NodeProto *c = b.node("Concat", { zeros, z }, { logits }, "logits");
            GraphBuilder::attr(c, "axis", std::int64_t(1));
            softmaxOutputs(b, logits, K, o, onnx::TensorProto::FLOAT);
            return;
        }
        if (classify)
            post = "SOFTMAX";
    } else {
        throw Refused { QStringLiteral("the %1 model (%2) cannot be expressed in ONNX")
                            .arg(model.displayName.isEmpty() ? qs(e.kind()) : model.displayName)
                            .arg(qs(e.kind())) };
    }
    if (classify) {
        // Two classes: the label is the ArgMax of the probabilities. ONNX Runtime's own
        // label for two classes with weights for both is "P(class 1) > 0" (its binary
        // rule for raw scores), i.e. class 1 for almost every row.
        const std::string label = K == 2 ? b.fresh("tree_label") : o.label;
        onnx::NodeProto *n = b.node(
            "TreeEnsembleClassifier", { x }, { label, o.probabilities }, "tree_ensemble", kMl);
        ta.write(n, true);
        GraphBuilder::attr(n, "classlabels_int64s", classLabels(K));
        GraphBuilder::attr(n, "post_transform", post);
        if (!base.empty())
            GraphBuilder::attr(n, "base_values_as_tensor", base);
        if (K == 2) {
            onnx::NodeProto *a = b.node("ArgMax", { o.probabilities }, { o.label }, "argmax");
            GraphBuilder::attr(a, "axis", std::int64_t(1));
            GraphBuilder::attr(a, "keepdims", std::int64_t(0));
        }
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
        && !dynamic_cast<const RandomForest *>(&e) && !dynamic_cast<const GradientBoosting *>(&e)
        && !dynamic_cast<const Svm *>(&e) && !dynamic_cast<const NaiveBayes *>(&e)
        && !dynamic_cast<const GaussianNaiveBayes *>(&e)
        && !dynamic_cast<const KNearestNeighbors *>(&e))
        throw Refused { QStringLiteral("the %1 model (%2) cannot be expressed in ONNX")
                            .arg(model.displayName.isEmpty() ? qs(kind) : model.displayName,
                                qs(kind)) };

    const std::vector<std::string> raw = rawColumns(model);
    const std::map<std::string, CategoricalInput> categorical = categoricalInputs(model);
    QJsonObject categoryLists;
    for (const auto &[name, in] : categorical) {
        if (indexOf(raw, name) < 0)
            continue;
        QStringList cats;
        for (const std::string &c : in.categories)
            cats << qs(c);
        categoryLists.insert(qs(name), QJsonArray::fromStringList(cats));
    }
    // Tree ensembles compare raw values with thresholds: the graph takes and computes float64
    // so a value next to a threshold goes the same way as in Sextant (float32 would merge
    // distinct values around a midpoint threshold). Linear models and MLPs stay float32,
    // which OpenCV DNN runs. Naive Bayes and k-NN compute in float64 too (log-likelihood
    // sums, exact distances and their ties).
    const bool trees = doublePrecision(e);

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
        + "], rows are samples; columns: " + inputNames.join(QStringLiteral(", ")).toStdString()
        + (categoryLists.isEmpty() ? std::string()
                                   : std::string("; a categorical column holds the category's "
                                                 "index in its list in metadata "
                                                 "sextant.categories (other values: unknown)"));
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

    // Categorical inputs to their 0/1 columns, then the preprocessing.
    Flow f { "features", raw };
    expandCategoricals(b, f, categorical);
    const auto &steps = model.preprocessing;
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const Transformer &t = *steps[s];
        const QString label = stepLabel(t, s);
        const std::string name = t.kind() + "_" + std::to_string(s + 1);
        bool imputeFollows = false;
        for (std::size_t u = s + 1; u < steps.size(); ++u)
            imputeFollows = imputeFollows || steps[u]->kind() == "impute";
        if (dynamic_cast<const OneHotTransform *>(&t)) {
            continue; // expanded above
        } else if (const auto *imp = dynamic_cast<const ImputeTransform *>(&t)) {
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
    if (want != f.cols && !categoryLists.isEmpty()) {
        std::vector<int> at;
        for (const std::string &w : want) {
            const int j = indexOf(f.cols, w);
            if (j < 0)
                throw Refused { QStringLiteral("feature column '%1' cannot be traced back to the "
                                               "model's input")
                                    .arg(qs(w)) };
            at.push_back(j);
        }
        f.tensor = gatherColumns(b, f.tensor, at, "feature_order");
    } else if (want != f.cols) {
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
    if (!categoryLists.isEmpty())
        meta("sextant.categories",
            QString::fromUtf8(QJsonDocument(categoryLists).toJson(QJsonDocument::Compact)));
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
