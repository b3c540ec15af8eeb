#pragma once

// The pipelines the ONNX tests (tst_onnxexport, tst_onnxruntime) export: the example
// datasets with their last column as the target, preprocessing steps fitted and appended
// as the prep.* nodes do, and learners fitted with their node's defaults plus overrides.
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "ml/FitContext.h"
#include "ml/PcaTransform.h"
#include "ml/StandardizeTransform.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QFileInfo>
#include <QString>
#include <QVariantMap>
#include <memory>

namespace sextant::testing {

inline QString datasetPath(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QString::fromLatin1(name);
}

// The dataset with its last column as the target.
inline engine::Dataset load(const char *name)
{
    engine::LoadResult loaded = engine::DatasetLoader::load(datasetPath(name));
    if (!loaded.ok())
        qFatal("cannot load %s", name);
    engine::Dataset data = *loaded.dataset;
    data.setRole(data.columnCount() - 1, engine::ColumnRole::Target);
    return data;
}

// A data set of Weka's examples (the weka package, tools/setup-deps); its last column is
// the class. Empty (the caller skips) when it is not installed; fatal when it is missing
// under SEXTANT_REQUIRE_REFERENCES=1.
inline engine::Dataset loadWeka(const char *name)
{
    const QString path
        = QStringLiteral("/usr/share/doc/weka/examples/") + QString::fromLatin1(name);
    if (!QFileInfo::exists(path)) {
        if (qEnvironmentVariableIntValue("SEXTANT_REQUIRE_REFERENCES") == 1)
            qFatal("%s is missing (the weka package)", qPrintable(path));
        qWarning("%s is missing (the weka package): skipped", qPrintable(path));
        return {};
    }
    engine::LoadResult loaded = engine::DatasetLoader::load(path);
    if (!loaded.ok())
        qFatal("cannot load %s", qPrintable(path));
    engine::Dataset data = *loaded.dataset;
    data.setRole(data.columnCount() - 1, engine::ColumnRole::Target);
    return data;
}

// Fits a step and appends it to the table's pipeline, as the prep.* nodes do.
inline engine::Dataset step(const engine::Dataset &data, std::shared_ptr<engine::Transformer> t)
{
    t->fit(data, engine::FitContext {});
    engine::Dataset out = t->transform(data);
    out.setPreprocessing(data.preprocessing());
    out.appendPreprocessing(std::move(t));
    return out;
}

inline engine::Dataset standardized(const engine::Dataset &d)
{
    return step(d, std::make_shared<engine::StandardizeTransform>());
}

inline engine::Dataset pca(const engine::Dataset &d, int k)
{
    engine::PcaTransform::Options o;
    o.components = k;
    return step(d, std::make_shared<engine::PcaTransform>(o));
}

// Fits the learner node `id` with its default parameters and `overrides`.
inline engine::TrainedModelPtr fit(
    const char *id, const engine::Dataset &data, const QVariantMap &overrides = {})
{
    engine::BuiltinNodes::registry();
    const QString qid = QString::fromLatin1(id);
    const engine::Learner *spec = engine::LearnerRegistry::byNodeId(qid);
    if (!spec)
        qFatal("no learner %s", id);
    QVariantMap params;
    for (const engine::ParameterSpec &p : engine::BuiltinNodes::registry().find(qid)->parameters)
        params.insert(p.name, p.defaultValue);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        params.insert(it.key(), it.value());
    return engine::LearnerNode::fit(*spec, params, data, nullptr, engine::FitContext {});
}

} // namespace sextant::testing
