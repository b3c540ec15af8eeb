#include "nodes/FormulaNode.h"

#include "ml/FormulaTransform.h"
#include "nodes/TransformNode.h"

namespace sextant::engine {

NodeType FormulaNode::type()
{
    TransformSpec s;
    s.id = typeId();
    s.displayName = QStringLiteral("Formula");
    s.description = QStringLiteral(
        "New or replaced columns from expressions over the row: arithmetic, comparisons, "
        "if(), log/sqrt/round..., text functions, date parts, cut() for bins.");
    ParameterSpec formulas = ParameterSpec::string(QStringLiteral("formulas"),
        QStringLiteral("Formulas"), {},
        QStringLiteral(
            "One or more 'name = expression' separated by ';', e.g. \"ratio = income / size; "
            "group = cut(age, [0, 18, 65, 120], [young, adult, senior]); m = month(date)\". "
            "Functions: log exp sqrt abs pow min max round floor ceil if is_missing, lower upper "
            "contains substr len str num, year month day weekday hour, cut. 'name:categorical "
            "= ...' forces the type."));
    formulas.check = [](const QString &value, const Dataset *upstream) {
        return QString::fromStdString(FormulaTransform::check(value, upstream));
    };
    s.parameters = { formulas };
    s.create = [](const QVariantMap &p) {
        FormulaTransform::Options o;
        o.formulas = p.value(QStringLiteral("formulas")).toString();
        if (o.formulas.trimmed().isEmpty())
            throw NodeError(QStringLiteral("Formula: no formula yet: write one as 'name = "
                                           "expression', e.g. 'ratio = a / b'"));
        return std::unique_ptr<Transformer>(new FormulaTransform(o));
    };
    return TransformNode::type(s);
}

} // namespace sextant::engine
