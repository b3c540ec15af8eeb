#pragma once

// What tst_cli_serve and tst_drift train their models on: a table with one column as the
// target and every other a feature, and a learner node fitted with its defaults.
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "ml/FitContext.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QString>
#include <memory>

namespace sextant::testing {

inline QString exampleDataset(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QLatin1String(name);
}

// The table at `path` with `target` as its target (empty: none) and the rest features.
inline engine::Dataset loadTable(const QString &path, const QString &target)
{
    engine::LoadResult r = engine::DatasetLoader::load(path);
    if (!r.ok())
        qFatal("cannot load %s", qPrintable(path));
    engine::Dataset data = *r.dataset;
    for (int c = 0; c < data.columnCount(); ++c)
        data.setRole(c,
            data.column(c).name() == target ? engine::ColumnRole::Target
                                            : engine::ColumnRole::Feature);
    return data;
}

// The learner node `learner` fitted with its default parameters.
inline std::shared_ptr<engine::TrainedModel> fitDefaults(
    const char *learner, const engine::Dataset &data)
{
    const engine::NodeType *type
        = engine::BuiltinNodes::registry().find(QString::fromLatin1(learner));
    const engine::Learner *spec = engine::LearnerRegistry::byNodeId(QString::fromLatin1(learner));
    if (!type || !spec)
        qFatal("no learner %s", learner);
    return engine::LearnerNode::fit(
        *spec, type->defaultParameters(), data, nullptr, engine::FitContext {});
}

} // namespace sextant::testing
