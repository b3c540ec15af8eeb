#pragma once

#include "graph/ParameterSpec.h"

#include <Eigen/Core>
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

namespace sextant::engine {

class Dataset;
class NodeContext;

// What the embedding nodes (t-SNE, MDS) share around their algorithm: the rows they embed
// and the table and scatter they give back.
class EmbeddingTable {
public:
    // The parameters every embedding node starts with: `columns` (numeric; empty: every
    // numeric column but the target) and `standardize`.
    static QList<ParameterSpec> parameters();
    // The numeric columns of the node's `columns` parameter (every numeric column when it
    // is empty) and the rows with a finite value in each; a warning says how many rows
    // were left out.
    static void completeRows(NodeContext &ctx, const Dataset &data, QList<int> *columns,
        std::vector<std::int64_t> *rows);
    // Those rows of those columns as a matrix, each column standardized (mean 0, population
    // standard deviation 1; a constant column only centred) when `standardize` is set.
    static Eigen::MatrixXd matrix(const Dataset &data, const QList<int> &columns,
        const std::vector<std::int64_t> &rows, bool standardize);
    // The node's outputs: `data` with the embedding's columns appended ("<prefix> 1",
    // "<prefix> 2"..., renamed when taken; missing in the rows left out), and the scatter of
    // the first two coloured by a `cluster` column, else a categorical target.
    static void setOutputs(NodeContext &ctx, const Dataset &data,
        const std::vector<std::int64_t> &rows, const Eigen::MatrixXd &embedding,
        const QString &prefix);
};

} // namespace sextant::engine
