#include "nodes/TransformNode.h"

#include "data/Dataset.h"
#include "ml/DiscretizeTransform.h"
#include "ml/ImputeTransform.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/PolynomialTransform.h"
#include "ml/StandardizeTransform.h"

namespace sextant::engine {

namespace {

std::vector<std::string> columnsOf(const QVariantMap &p)
{
    std::vector<std::string> out;
    for (const QString &c : p.value(QStringLiteral("columns")).toStringList())
        out.push_back(c.toStdString());
    return out;
}

ParameterSpec columnsParameter(const QString &help, ColumnFilter filter)
{
    return ParameterSpec::columnList(
        QStringLiteral("columns"), QStringLiteral("Columns"), help, filter);
}

QString str(const QVariantMap &p, const char *name)
{
    return p.value(QString::fromLatin1(name)).toString();
}

} // namespace

QList<TransformSpec> TransformNode::catalog()
{
    QList<TransformSpec> all;
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.impute");
        s.displayName = QStringLiteral("Impute");
        s.description = QStringLiteral("Fills missing cells with the mean, median, most frequent "
                                       "value or a constant learnt from the training rows.");
        s.parameters = {
            columnsParameter(QStringLiteral("Empty: every feature column with missing cells."),
                ColumnFilter::Any),
            ParameterSpec::enumeration(QStringLiteral("strategy"),
                QStringLiteral("Numeric strategy"),
                { QStringLiteral("mean"), QStringLiteral("median"), QStringLiteral("most_frequent"),
                    QStringLiteral("constant") },
                QStringLiteral("mean"), QStringLiteral("How numeric columns are filled.")),
            ParameterSpec::real(QStringLiteral("fill_value"), QStringLiteral("Constant"), 0.0, {},
                {}, QStringLiteral("Numeric constant (strategy constant).")),
            ParameterSpec::enumeration(QStringLiteral("categorical_strategy"),
                QStringLiteral("Categorical strategy"),
                { QStringLiteral("most_frequent"), QStringLiteral("constant") },
                QStringLiteral("most_frequent"),
                QStringLiteral("How categorical columns are filled.")),
            ParameterSpec::string(QStringLiteral("fill_category"),
                QStringLiteral("Constant category"), QStringLiteral("missing"),
                QStringLiteral("Category used by the constant strategy.")),
        };
        s.create = [](const QVariantMap &p) {
            ImputeTransform::Options o;
            o.columns = columnsOf(p);
            const QString st = str(p, "strategy");
            o.strategy = st == QStringLiteral("median") ? ImputeTransform::Strategy::Median
                : st == QStringLiteral("most_frequent") ? ImputeTransform::Strategy::MostFrequent
                : st == QStringLiteral("constant")      ? ImputeTransform::Strategy::Constant
                                                        : ImputeTransform::Strategy::Mean;
            o.fillValue = p.value(QStringLiteral("fill_value")).toDouble();
            o.categoricalStrategy = str(p, "categorical_strategy") == QStringLiteral("constant")
                ? ImputeTransform::CategoricalStrategy::Constant
                : ImputeTransform::CategoricalStrategy::MostFrequent;
            o.fillCategory = str(p, "fill_category").toStdString();
            return std::unique_ptr<Transformer>(new ImputeTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.standardize");
        s.displayName = QStringLiteral("Standardize");
        s.description = QStringLiteral("Centres numeric columns on their mean and scales them "
                                       "to unit standard deviation.");
        s.parameters = {
            columnsParameter(
                QStringLiteral("Empty: every numeric feature column."), ColumnFilter::Numeric),
            ParameterSpec::boolean(QStringLiteral("with_mean"), QStringLiteral("Centre"), true, {}),
            ParameterSpec::boolean(QStringLiteral("with_std"), QStringLiteral("Scale"), true, {}),
        };
        s.create = [](const QVariantMap &p) {
            StandardizeTransform::Options o;
            o.columns = columnsOf(p);
            o.withMean = p.value(QStringLiteral("with_mean")).toBool();
            o.withStd = p.value(QStringLiteral("with_std")).toBool();
            return std::unique_ptr<Transformer>(new StandardizeTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.minmax");
        s.displayName = QStringLiteral("Min-Max Scale");
        s.description
            = QStringLiteral("Scales numeric columns linearly into a range ([0, 1] by default).");
        s.parameters = {
            columnsParameter(
                QStringLiteral("Empty: every numeric feature column."), ColumnFilter::Numeric),
            ParameterSpec::real(QStringLiteral("min"), QStringLiteral("Minimum"), 0.0, {}, {}, {}),
            ParameterSpec::real(QStringLiteral("max"), QStringLiteral("Maximum"), 1.0, {}, {}, {}),
        };
        s.create = [](const QVariantMap &p) {
            MinMaxScaleTransform::Options o;
            o.columns = columnsOf(p);
            o.rangeMin = p.value(QStringLiteral("min")).toDouble();
            o.rangeMax = p.value(QStringLiteral("max")).toDouble();
            if (!(o.rangeMin < o.rangeMax))
                throw NodeError(
                    QStringLiteral("Min-Max Scale: the minimum must be below the maximum"));
            return std::unique_ptr<Transformer>(new MinMaxScaleTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.one_hot");
        s.displayName = QStringLiteral("One-Hot Encode");
        s.description = QStringLiteral("Replaces each categorical column by one 0/1 column per "
                                       "category; categories unseen in training encode as zeros.");
        s.parameters = {
            columnsParameter(QStringLiteral("Empty: every categorical feature column."),
                ColumnFilter::Categorical),
            ParameterSpec::boolean(QStringLiteral("drop_first"), QStringLiteral("Drop first"),
                false,
                QStringLiteral("Leave out the first category's column (avoids collinearity).")),
        };
        s.create = [](const QVariantMap &p) {
            OneHotTransform::Options o;
            o.columns = columnsOf(p);
            o.dropFirst = p.value(QStringLiteral("drop_first")).toBool();
            return std::unique_ptr<Transformer>(new OneHotTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.discretize");
        s.displayName = QStringLiteral("Discretize");
        s.description
            = QStringLiteral("Cuts numeric columns into bins of equal width or equal frequency.");
        s.parameters = {
            columnsParameter(
                QStringLiteral("Empty: every numeric feature column."), ColumnFilter::Numeric),
            ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 5, 2, 1000, {}),
            ParameterSpec::enumeration(QStringLiteral("strategy"), QStringLiteral("Strategy"),
                { QStringLiteral("equal_frequency"), QStringLiteral("equal_width") },
                QStringLiteral("equal_frequency"), {}),
            ParameterSpec::enumeration(QStringLiteral("output"), QStringLiteral("Output"),
                { QStringLiteral("interval"), QStringLiteral("index") }, QStringLiteral("interval"),
                QStringLiteral("interval: categories like \"[1.5, 3.2)\"; index: the bin number.")),
        };
        s.create = [](const QVariantMap &p) {
            DiscretizeTransform::Options o;
            o.columns = columnsOf(p);
            o.bins = p.value(QStringLiteral("bins")).toInt();
            o.strategy = str(p, "strategy") == QStringLiteral("equal_width")
                ? DiscretizeTransform::Strategy::Uniform
                : DiscretizeTransform::Strategy::Quantile;
            o.output = str(p, "output") == QStringLiteral("index")
                ? DiscretizeTransform::Output::Index
                : DiscretizeTransform::Output::Interval;
            return std::unique_ptr<Transformer>(new DiscretizeTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.polynomial");
        s.displayName = QStringLiteral("Polynomial Features");
        s.description = QStringLiteral("Adds products of numeric columns (squares and pairwise "
                                       "products for degree 2).");
        s.parameters = {
            columnsParameter(
                QStringLiteral("Empty: every numeric feature column."), ColumnFilter::Numeric),
            ParameterSpec::integer(QStringLiteral("degree"), QStringLiteral("Degree"), 2, 2, 5, {}),
            ParameterSpec::boolean(QStringLiteral("interaction_only"),
                QStringLiteral("Interactions only"), false,
                QStringLiteral("Only products of different columns, no powers.")),
        };
        s.create = [](const QVariantMap &p) {
            PolynomialTransform::Options o;
            o.columns = columnsOf(p);
            o.degree = p.value(QStringLiteral("degree")).toInt();
            o.interactionOnly = p.value(QStringLiteral("interaction_only")).toBool();
            return std::unique_ptr<Transformer>(new PolynomialTransform(o));
        };
        all.push_back(s);
    }
    {
        TransformSpec s;
        s.id = QStringLiteral("prep.pca");
        s.displayName = QStringLiteral("PCA");
        s.description = QStringLiteral("Replaces numeric columns by their principal components.");
        s.parameters = {
            columnsParameter(
                QStringLiteral("Empty: every numeric feature column."), ColumnFilter::Numeric),
            ParameterSpec::integer(QStringLiteral("components"), QStringLiteral("Components"), 2, 0,
                100000, QStringLiteral("Number of components; 0: choose by explained variance.")),
            ParameterSpec::real(QStringLiteral("variance"), QStringLiteral("Explained variance"),
                0.95, 0.01, 1.0,
                QStringLiteral("With components = 0: keep the fewest components "
                               "explaining this share of the variance.")),
            ParameterSpec::boolean(QStringLiteral("standardize"), QStringLiteral("Standardize"),
                false,
                QStringLiteral("Scale columns to unit variance first (PCA on correlations).")),
        };
        s.create = [](const QVariantMap &p) {
            PcaTransform::Options o;
            o.columns = columnsOf(p);
            o.components = p.value(QStringLiteral("components")).toInt();
            if (o.components == 0) {
                o.varianceTarget = p.value(QStringLiteral("variance")).toDouble();
                if (o.varianceTarget >= 1.0)
                    o.varianceTarget = 0.0; // every component
            }
            o.standardize = p.value(QStringLiteral("standardize")).toBool();
            return std::unique_ptr<Transformer>(new PcaTransform(o));
        };
        all.push_back(s);
    }
    return all;
}

NodeType TransformNode::type(const TransformSpec &spec)
{
    NodeType t;
    t.id = spec.id;
    t.category = QStringLiteral("Preprocess");
    t.displayName = spec.displayName;
    t.description = spec.description;
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The transformed table; it remembers the fitted step."), false } };
    t.parameters = spec.parameters;
    const auto create = spec.create;
    t.setCompute([create](NodeContext &ctx) {
        const Dataset &data = ctx.inputAs<Dataset>(0);
        std::shared_ptr<Transformer> step = create(ctx.parameters());
        FitContext fc;
        fc.cancel = ctx.cancelFlag();
        step->fit(data, fc);
        if (ctx.cancelled())
            return;
        Dataset out = step->transform(data);
        out.setName(data.name());
        out.setSource(data.source());
        out.setPreprocessing(data.preprocessing());
        out.appendPreprocessing(std::move(step));
        ctx.setOutput(0, makeValue(std::move(out)));
    });
    return t;
}

} // namespace sextant::engine
