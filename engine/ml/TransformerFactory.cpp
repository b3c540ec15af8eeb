#include "ml/TransformerFactory.h"

#include "ml/DiscretizeTransform.h"
#include "ml/FormulaTransform.h"
#include "ml/ImputeTransform.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/PolynomialTransform.h"
#include "ml/StandardizeTransform.h"

namespace sextant::engine {

std::unique_ptr<Transformer> createTransformer(const std::string &kind)
{
    if (kind == "impute")
        return std::make_unique<ImputeTransform>();
    if (kind == "standardize")
        return std::make_unique<StandardizeTransform>();
    if (kind == "minmax_scale")
        return std::make_unique<MinMaxScaleTransform>();
    if (kind == "one_hot")
        return std::make_unique<OneHotTransform>();
    if (kind == "discretize")
        return std::make_unique<DiscretizeTransform>();
    if (kind == "polynomial")
        return std::make_unique<PolynomialTransform>();
    if (kind == "pca")
        return std::make_unique<PcaTransform>();
    if (kind == "formula")
        return std::make_unique<FormulaTransform>();
    return nullptr;
}

std::vector<std::string> transformerKinds()
{
    return { "impute", "standardize", "minmax_scale", "one_hot", "discretize", "polynomial", "pca",
        "formula" };
}

} // namespace sextant::engine
