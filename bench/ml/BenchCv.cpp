#include "BenchCv.h"

#include "ml/TrainedModel.h"

#include <stdexcept>

namespace sextant::bench {

using namespace sextant::engine;

Dataset tableOf(const BenchData &d)
{
    Dataset t;
    for (Eigen::Index j = 0; j < d.X.cols(); ++j)
        t.addColumn(Column::numeric(QStringLiteral("x%1").arg(j),
            std::vector<double>(d.X.col(j).data(), d.X.col(j).data() + d.X.rows())));
    std::vector<std::int32_t> codes(static_cast<std::size_t>(d.y.size()));
    for (Eigen::Index i = 0; i < d.y.size(); ++i)
        codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(d.y(i));
    QStringList classes;
    for (int k = 0; k < d.classes; ++k)
        classes.push_back(QString::number(k));
    t.addColumn(Column::categorical(QStringLiteral("y"), std::move(codes), classes));
    t.setRole(static_cast<int>(d.X.cols()), ColumnRole::Target);
    return t;
}

BenchOutcome crossValidated(
    std::unique_ptr<Estimator> learner, const BenchData &d, const Evaluation::CvOptions &options)
{
    const Dataset data = tableOf(d);
    const auto model
        = TrainedModel::train(data, std::move(learner), QStringLiteral("y"), FitContext {});
    if (!model)
        throw std::runtime_error("the model could not be fitted");
    const double start = benchNow();
    const Evaluation::CvResult r = Evaluation::crossValidate(*model, data, options);
    BenchOutcome out;
    out.seconds = benchNow() - start;
    double correct = 0;
    for (Eigen::Index i = 0; i < d.y.size(); ++i)
        correct += r.outOfFold.predicted(i) == d.y(i) ? 1.0 : 0.0;
    out.score = correct / static_cast<double>(d.y.size());
    out.scoreName = "accuracy";
    return out;
}

} // namespace sextant::bench
