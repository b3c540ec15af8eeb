#include "ml/FormulaTransform.h"

#include "data/Dataset.h"
#include "data/ExpressionError.h"
#include "data/ExpressionProgram.h"

#include <QHash>

namespace sextant::engine {

namespace {

const std::string kStep = "Formula";

std::vector<FormulaList::Formula> parseOrThrow(const QString &text)
{
    try {
        return FormulaList::parse(text);
    } catch (const ExpressionError &e) {
        throw FitError(e.what());
    }
}

// `codes` re-expressed over `fitted` followed by the categories `fitted` lacks.
Column withCategories(const QString &name, const std::vector<std::int32_t> &codes,
    const QStringList &categories, const QStringList &fitted)
{
    QStringList all = fitted;
    QHash<QString, std::int32_t> index;
    for (qsizetype k = 0; k < all.size(); ++k)
        index.insert(all[k], static_cast<std::int32_t>(k));
    std::vector<std::int32_t> map(static_cast<std::size_t>(categories.size()));
    for (qsizetype k = 0; k < categories.size(); ++k) {
        auto it = index.find(categories[k]);
        if (it == index.end()) {
            it = index.insert(categories[k], static_cast<std::int32_t>(all.size()));
            all.push_back(categories[k]);
        }
        map[static_cast<std::size_t>(k)] = it.value();
    }
    std::vector<std::int32_t> out(codes.size());
    for (std::size_t r = 0; r < codes.size(); ++r)
        out[r] = codes[r] < 0 ? -1 : map[static_cast<std::size_t>(codes[r])];
    return Column::categorical(name, std::move(out), std::move(all));
}

} // namespace

FormulaTransform::FormulaTransform(Options options)
    : m_options(std::move(options)), m_formulas(parseOrThrow(m_options.formulas))
{
}

std::string FormulaTransform::check(const QString &formulas, const Dataset *upstream)
{
    std::vector<FormulaList::Formula> list;
    try {
        list = FormulaList::parse(formulas);
    } catch (const ExpressionError &e) {
        return e.what();
    }
    if (!upstream) {
        for (const FormulaList::Formula &f : list)
            try {
                ExpressionProgram::checkFunctions(f.expression);
            } catch (const ExpressionError &e) {
                return e.withContext(FormulaList::context(f.column)).what();
            }
        return {};
    }
    Dataset schema = ExpressionProgram::schema(*upstream);
    for (const FormulaList::Formula &f : list) {
        ExpressionProgram::Type type = ExpressionProgram::Type::Number;
        try {
            type = ExpressionProgram::typeOf(f.expression, schema);
        } catch (const ExpressionError &e) {
            return e.withContext(FormulaList::context(f.column)).what();
        }
        const bool categorical = f.force == FormulaList::Force::Categorical
            || (f.force == FormulaList::Force::Auto && type == ExpressionProgram::Type::Text);
        Column c
            = categorical ? Column::categorical(f.column, {}, {}) : Column::numeric(f.column, {});
        const int j = schema.indexOf(f.column);
        if (j >= 0) {
            c.setRole(schema.column(j).role());
            schema.replaceColumn(j, std::move(c));
        } else {
            schema.addColumn(std::move(c));
        }
    }
    return {};
}

Dataset FormulaTransform::apply(
    const Dataset &data, Learnt *learn, const std::atomic<bool> *cancel) const
{
    Dataset out = data;
    const bool fitting = learn != nullptr;
    for (std::size_t i = 0; i < m_formulas.size(); ++i) {
        const FormulaList::Formula &f = m_formulas[i];
        const std::string context = FormulaList::context(f.column);
        const int existing = out.indexOf(f.column);
        if (!fitting && m_target[i] && existing < 0) {
            // New rows without the target: skip a formula that reads a column they lack.
            bool complete = true;
            try {
                ExpressionProgram::typeOf(f.expression, out);
            } catch (const ExpressionError &) {
                complete = false;
            }
            if (!complete)
                continue;
        }
        ExpressionProgram::Value v;
        try {
            v = ExpressionProgram::evaluate(f.expression, out, cancel);
        } catch (const ExpressionError &e) {
            throw FitError(e.withContext(context).what());
        }
        if (cancel && cancel->load(std::memory_order_relaxed))
            return out;
        Column c;
        const bool wantCategorical = fitting
            ? (f.force == FormulaList::Force::Categorical
                || (f.force == FormulaList::Force::Auto && v.type == ExpressionProgram::Type::Text))
            : static_cast<bool>(m_categorical[i]);
        if (v.type == ExpressionProgram::Type::Number) {
            c = Column::numeric(f.column, std::move(v.numbers));
            if (wantCategorical)
                c = c.toCategorical();
        } else {
            c = Column::categorical(f.column, std::move(v.codes), v.categories);
            if (!wantCategorical) {
                Column numeric;
                if (!c.toNumeric(numeric)) {
                    QString bad;
                    for (const QString &cat : v.categories) {
                        double x = 0;
                        bool ok = false;
                        x = cat.toDouble(&ok);
                        (void)x;
                        if (!ok) {
                            bad = cat;
                            break;
                        }
                    }
                    throw FitError(context + ": the result is text ('" + bad.toStdString()
                        + "' is not a number), so it cannot be numeric");
                }
                c = numeric;
            }
        }
        if (c.isCategorical()) {
            if (fitting) {
                learn->categories.push_back(c.categories());
            } else {
                const auto codes = c.codes();
                c = withCategories(f.column, std::vector<std::int32_t>(codes.begin(), codes.end()),
                    c.categories(), m_categories[i]);
            }
        } else if (fitting) {
            learn->categories.push_back({});
        }
        c.setName(f.column);
        if (existing >= 0) {
            c.setRole(out.column(existing).role());
            out.replaceColumn(existing, std::move(c));
        } else {
            out.addColumn(std::move(c));
        }
        if (fitting) {
            learn->categorical.push_back(wantCategorical);
            learn->target.push_back(
                existing >= 0 && out.column(existing).role() == ColumnRole::Target);
        }
    }
    return out;
}

void FormulaTransform::fit(const Dataset &data, const FitContext &context)
{
    m_fitted = false;
    if (m_formulas.empty())
        throw FitError("Formula: no formula: write one as 'name = expression'");
    Learnt learnt;
    apply(data, &learnt, context.cancel);
    if (context.cancel && context.cancel->load(std::memory_order_relaxed))
        return;
    m_categorical = std::move(learnt.categorical);
    m_categories = std::move(learnt.categories);
    m_target = std::move(learnt.target);
    m_fitted = true;
}

Dataset FormulaTransform::transform(const Dataset &data) const
{
    if (!m_fitted)
        throw FitError("Formula: the step is not fitted");
    return apply(data, nullptr, nullptr);
}

ModelState FormulaTransform::state() const
{
    if (!m_fitted)
        throw FitError("Formula: the step is not fitted");
    ModelState s;
    s.kind = kind();
    s.setText("formulas", m_options.formulas.toStdString());
    std::vector<std::string> types, targets;
    for (std::size_t i = 0; i < m_formulas.size(); ++i) {
        types.push_back(m_categorical[i] ? "categorical" : "numeric");
        targets.push_back(m_target[i] ? "target" : "feature");
        std::vector<std::string> cats;
        for (const QString &c : m_categories[i])
            cats.push_back(c.toStdString());
        s.setTextList("categories/" + std::to_string(i), cats);
    }
    s.setTextList("types", types);
    s.setTextList("roles", targets);
    return s;
}

void FormulaTransform::restore(const ModelState &state)
{
    state.requireKind(kind());
    m_fitted = false;
    Options o;
    o.formulas = QString::fromStdString(state.text("formulas"));
    std::vector<FormulaList::Formula> formulas;
    try {
        formulas = FormulaList::parse(o.formulas);
    } catch (const ExpressionError &e) {
        throw ModelStateError(std::string("formula: 'formulas' cannot be read: ") + e.what());
    }
    const auto &types = state.textList("types");
    const auto &roles = state.textList("roles");
    if (types.size() != formulas.size() || roles.size() != formulas.size())
        throw ModelStateError("formula: 'types' and 'roles' must have one entry per formula ("
            + std::to_string(formulas.size()) + ")");
    std::vector<bool> categorical, target;
    std::vector<QStringList> categories;
    for (std::size_t i = 0; i < formulas.size(); ++i) {
        if (types[i] != "numeric" && types[i] != "categorical")
            throw ModelStateError(
                "formula: 'types' holds '" + types[i] + "', expected numeric or categorical");
        if (roles[i] != "feature" && roles[i] != "target")
            throw ModelStateError(
                "formula: 'roles' holds '" + roles[i] + "', expected feature or target");
        categorical.push_back(types[i] == "categorical");
        target.push_back(roles[i] == "target");
        QStringList cats;
        for (const std::string &c : state.textList("categories/" + std::to_string(i)))
            cats.push_back(QString::fromStdString(c));
        if (cats.removeDuplicates() != 0)
            throw ModelStateError(
                "formula: 'categories/" + std::to_string(i) + "' holds a category twice");
        if (!categorical.back() && !cats.isEmpty())
            throw ModelStateError("formula: a numeric formula has categories");
        categories.push_back(cats);
    }
    m_options = o;
    m_formulas = std::move(formulas);
    m_categorical = std::move(categorical);
    m_target = std::move(target);
    m_categories = std::move(categories);
    m_fitted = true;
}

std::unique_ptr<Transformer> FormulaTransform::cloneUnfitted() const
{
    return std::make_unique<FormulaTransform>(m_options);
}

} // namespace sextant::engine
