#pragma once

#include "graph/Result.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sextant::engine {

// Exports a fitted pipeline (TrainedModel) as an ONNX model, built with the ONNX protobuf
// classes (libonnx) and checked with ONNX's own checker before anything is written.
//
// The file: ONNX IR 7 with default-domain opset 13 (linear models, MLPs: what OpenCV 4.6
// DNN runs), or IR 8 with opset 13 + ai.onnx.ml opset 3 for tree ensembles.
// One input "features" [N, F]: rows are samples, columns are the pipeline's raw numeric
// input columns in the order inputColumns() gives (also written, as a JSON array, in
// metadata_props "sextant.input_columns" and in the input's doc_string). It is float32 for
// linear models and MLPs, float64 for tree ensembles (thresholds compared exactly, see
// below). One tensor is what OpenCV DNN and most runtimes take; per-column named inputs
// would need a Concat in front and break OpenCV's single-input path.
// Outputs: classifiers "label" (int64 [N], the class index; the names are in
// metadata_props "sextant.class_names") and "probabilities" (float [N, K]); regressors
// one [N, 1] output named after the target column.
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
//                           post transform, binary as scores [0, z])
// Refused: one-hot, discretize, polynomial steps, categorical feature columns, PCA followed
// by Impute, k-NN, SVM, naive Bayes and clustering models.
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
    // False when this build has no ONNX support (libonnx not found at configure time).
    static bool available();
};

} // namespace sextant::engine
