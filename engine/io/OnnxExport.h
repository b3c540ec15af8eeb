#pragma once

#include "graph/Result.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// Exports a fitted pipeline (TrainedModel) as an ONNX model, built with the ONNX protobuf
// classes (libonnx) and checked with ONNX's own checker before anything is written.
//
// The file: ONNX IR 7 with default-domain opset 13 (linear models, MLPs: what OpenCV 4.6
// DNN runs), or IR 8 with opset 13 + ai.onnx.ml opset 3 for tree ensembles.
// One input "features" [N, F]: rows are samples, columns are the pipeline's raw numeric
// input columns in the order inputColumns() gives (also written, as a JSON array, in
// metadata_props "sextant.input_columns" and in the input's doc_string). It is float32 for
// linear models, MLPs and SVMs, float64 for tree ensembles, naive Bayes and k-NN
// (thresholds and distances compared exactly, see below; takesDoubles()). One tensor is what OpenCV
// DNN and most runtimes take; per-column named inputs would need a Concat in front and break
// OpenCV's single-input path. Outputs: classifiers "label" (int64 [N], the class index; the names
// are in metadata_props "sextant.class_names") and "probabilities" (float [N, K]); regressors one
// [N, 1] output named after the target column.
//
// What is expressed (everything else is refused, with a message naming the step or model,
// never exported approximately):
//   impute (numeric)        IsNaN + And + Where
//   standardize, min-max    Gemm with a diagonal matrix; Sub/Div resp. Mul/Add (Sextant's
//                           own roundings) for trees and when an Impute step follows, so a
//                           missing cell stays in its own column
//   pca                     Gemm (centring, scaling and the projection folded together)
//   linear / ridge          Gemm
//   logistic regression     Gemm + Softmax (binary: logits [0, z], i.e. the sigmoid) + ArgMax
//   MLP                     Gemm + Relu/Tanh/Sigmoid per hidden layer (+ Softmax + ArgMax)
//   tree / forest / boosting  ai.onnx.ml TreeEnsembleClassifier / TreeEnsembleRegressor
//                           (BRANCH_LEQ, nodes_values_as_tensor in float64; forest
//                           regression AVERAGE; boosting base_values_as_tensor + SOFTMAX
//                           post transform; binary boosting: the log-odds z from a
//                           TreeEnsembleRegressor, then Softmax([0, z]) + ArgMax)
//   one-hot steps and categorical feature columns
//                           the input holds the category's index in its list (metadata
//                           "sextant.categories", a JSON object column -> categories;
//                           inputCategories()); Gather + Equal + Cast make the 0/1 columns,
//                           an unknown index or NaN gives all zeros (as Sextant's encoder)
//   SVM                     ai.onnx.ml SVMClassifier (with prob_a/prob_b when the model has
//                           Platt scaling; else a "decision_values" output) / SVMRegressor
//   naive Bayes             float64: log priors + Gemm over one-hot blocks + normal log
//                           densities (Sub/Mul/Add/ReduceSum, NaN cells left out), Softmax
//   k-NN                    float64: exact distances to every training row (Sub, Mul or Abs,
//                           ReduceSum), TopK (ties to the lower row, as Sextant), votes or
//                           (weighted) mean; at most 200,000 training values (rows x
//                           features), larger models are refused saying so
// Refused: discretize, polynomial steps, categorical Impute, PCA followed by Impute,
// naive Bayes with kernel densities, clustering models.
//
// Precision: linear models and MLPs run in float32 (about 1e-7 relative). Trees compute in
// float64 with exact thresholds; after a PCA step the projection's summation order may
// differ from Sextant's in the last bit, so a row lying exactly on a threshold could branch
// differently.
class OnnxExport {
public:
    // Writes the model atomically (AtomicFile) after check() accepted it.
    static Status exportModel(const TrainedModel &model, const QString &path);
    // The serialized ModelProto, or the reason the model cannot be expressed.
    static Result<QByteArray> toBytes(const TrainedModel &model);
    // Parses `bytes` and runs onnx::checker::check_model plus strict shape inference
    // (python's check_model(full_check=True)).
    static Status check(const QByteArray &bytes);

    // The raw table columns the "features" input expects, in order.
    static Result<QStringList> inputColumns(const TrainedModel &model);
    // The categorical ones among them, with the category list whose indices they take.
    static Result<QMap<QString, QStringList>> inputCategories(const TrainedModel &model);
    // True when "features" is float64 (else float32).
    static bool takesDoubles(const TrainedModel &model);
    // The "features" tensor for the rows of `table` (n x F, row-major; a missing cell or an
    // unknown category NaN), or why the table does not fit (a column missing or of the
    // other type).
    static Result<std::vector<double>> inputRows(const TrainedModel &model, const Dataset &table);
    // False when this build has no ONNX support (libonnx not found at configure time).
    static bool available();
};

} // namespace sextant::engine
