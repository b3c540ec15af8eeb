#include "ml/PcaTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"
#include "ml/Pca.h"

#include <QSet>
#include <cmath>

namespace sextant::engine {

namespace {
const std::string kStep = "PCA";

// n x d matrix of the named columns (all numeric, complete).
Eigen::MatrixXd gather(const Dataset &data, const std::vector<int> &indices)
{
    Eigen::MatrixXd X(data.rowCount(), static_cast<Eigen::Index>(indices.size()));
    for (std::size_t j = 0; j < indices.size(); ++j) {
        const auto v = data.column(indices[j]).values();
        X.col(static_cast<Eigen::Index>(j))
            = Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
    }
    return X;
}
} // namespace

void PcaTransform::fit(const Dataset &data, const FitContext &context)
{
    m_fitted = false;
    if (m_options.components < 0)
        throw FitError("PCA: the number of components must not be negative");
    if (!(m_options.varianceTarget >= 0 && m_options.varianceTarget < 1))
        throw FitError("PCA: the variance target must be in (0, 1), or 0 to use the number "
                       "of components");
    if (m_options.prefix.empty())
        throw FitError("PCA: the column name prefix must not be empty");
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isNumeric(); }, kStep, "numeric");
    if (cols.empty())
        throw FitError("PCA: the table has no numeric feature column");
    std::vector<int> indices;
    for (const std::string &name : cols) {
        const int index = data.indexOf(ColumnTransform::qs(name));
        ColumnTransform::requireComplete(data.column(index), kStep);
        indices.push_back(index);
    }
    if (data.rowCount() < 2)
        throw FitError("PCA: needs at least two rows");
    const Eigen::MatrixXd X = gather(data, indices);
    Pca pca;
    PcaOptions po;
    po.standardize = m_options.standardize;
    po.components = m_options.varianceTarget > 0 ? 0 : m_options.components;
    if (!pca.fit(X, po, context.cancel)) {
        if (context.cancelled())
            return;
        throw FitError("PCA: " + pca.error());
    }
    Eigen::Index k = pca.componentCount();
    if (m_options.varianceTarget > 0) {
        // sklearn: searchsorted(cumsum(ratio), target, side='right') + 1.
        double cum = 0;
        Eigen::Index below = 0;
        for (Eigen::Index c = 0; c < pca.componentCount(); ++c) {
            cum += pca.explainedVarianceRatio()(c);
            if (cum <= m_options.varianceTarget)
                below = c + 1;
        }
        k = std::min<Eigen::Index>(below + 1, pca.componentCount());
    }
    m_columns = cols;
    m_components = pca.components().topRows(k);
    m_mean = pca.mean();
    m_scale = pca.scale();
    m_ratio = pca.explainedVarianceRatio().head(k);
    m_fitted = true;
}

Dataset PcaTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    std::vector<int> indices;
    QSet<int> used;
    for (const std::string &name : m_columns) {
        const int index = ColumnTransform::requireColumn(data, name, ColumnType::Numeric, kStep);
        ColumnTransform::requireComplete(data.column(index), kStep);
        indices.push_back(index);
        used.insert(index);
    }
    const Eigen::MatrixXd X = gather(data, indices);
    const Eigen::MatrixXd scores
        = ((X.rowwise() - m_mean).array().rowwise() / m_scale.array()).matrix()
        * m_components.transpose();
    const int first = *std::min_element(indices.begin(), indices.end());
    QList<Column> out;
    for (int j = 0; j < data.columnCount(); ++j) {
        if (j == first)
            for (Eigen::Index c = 0; c < scores.cols(); ++c)
                out.push_back(ColumnTransform::numericFeature(
                    ColumnTransform::qs(m_options.prefix + std::to_string(c + 1)),
                    std::vector<double>(
                        scores.col(c).data(), scores.col(c).data() + scores.rows())));
        if (!used.contains(j))
            out.push_back(data.column(j));
    }
    return ColumnTransform::rebuild(data, out, kStep);
}

ModelState PcaTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("components", m_options.components);
    s.setNumber("variance_target", m_options.varianceTarget);
    s.setNumber("standardize", m_options.standardize ? 1 : 0);
    s.setText("prefix", m_options.prefix);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    s.setMatrix("axes", m_components);
    s.setVector("mean", m_mean.transpose());
    s.setVector("scale", m_scale.transpose());
    s.setVector("variance_ratio", m_ratio);
    return s;
}

void PcaTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.components = static_cast<int>(s.integer("components", 0, 1 << 30));
    o.varianceTarget = s.number("variance_target", 0, 1);
    o.standardize = s.integer("standardize", 0, 1) == 1;
    o.prefix = s.text("prefix");
    if (o.prefix.empty())
        throw ModelStateError("pca: 'prefix' is empty");
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns");
    const auto d = static_cast<std::int64_t>(cols.size());
    const Eigen::MatrixXd axes = s.matrix("axes", -1, d);
    if (axes.rows() < 1 || axes.rows() > d)
        throw ModelStateError("pca: 'axes' has " + std::to_string(axes.rows())
            + " rows, expected 1 to " + std::to_string(d));
    if (!axes.allFinite())
        throw ModelStateError("pca: 'axes' holds a non-finite value");
    const Eigen::VectorXd mean = ColumnTransform::restoreVector(s, "mean", d);
    const Eigen::VectorXd scale = ColumnTransform::restoreVector(s, "scale", d);
    if (!(scale.array() > 0).all())
        throw ModelStateError("pca: 'scale' holds a value that is not positive");
    const Eigen::VectorXd ratio = ColumnTransform::restoreVector(s, "variance_ratio", axes.rows());
    m_options = std::move(o);
    m_columns = cols;
    m_components = axes;
    m_mean = mean.transpose();
    m_scale = scale.transpose();
    m_ratio = ratio;
    m_fitted = true;
}

std::unique_ptr<Transformer> PcaTransform::cloneUnfitted() const
{
    return std::make_unique<PcaTransform>(m_options);
}

} // namespace sextant::engine
