#include "gui/ModelFileOpener.h"

#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "nodes/ModelFileNode.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <limits>

namespace sextant::app {

bool ModelFileOpener::isModelFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("sxmodel"), Qt::CaseInsensitive) == 0;
}

int ModelFileOpener::open(widgets::GraphEditor &editor, const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const engine::GraphModel &model = editor.model();
    qreal left = std::numeric_limits<qreal>::max();
    qreal bottom = std::numeric_limits<qreal>::lowest();
    for (int id : model.nodeIds()) {
        const engine::NodeType *type = model.nodeType(id);
        if (type && type->id == engine::ModelFileNode::typeId()) {
            const QString raw = model.parameter(id, QStringLiteral("path")).toString();
            const QString read = QDir::cleanPath(
                QFileInfo(engine::NodeContext::resolvePath(raw, model.baseDirectory()))
                    .absoluteFilePath());
            if (!raw.isEmpty() && read == absolute) {
                editor.scene()->selectNodes({ id });
                return id;
            }
        }
        left = std::min(left, model.position(id).x());
        bottom = std::max(bottom, model.position(id).y());
    }
    const QPointF at = model.nodeCount() > 0 ? QPointF(left, bottom + 110) : QPointF();
    const int id = editor.addNode(
        engine::ModelFileNode::typeId(), at, { { QStringLiteral("path"), absolute } });
    if (id != 0)
        editor.scene()->selectNodes({ id });
    return id;
}

} // namespace sextant::app
