#include "graph/PortType.h"

#include <QCoreApplication>

namespace sextant::engine {

QString portTypeId(PortType type)
{
    switch (type) {
    case PortType::Table:
        return QStringLiteral("table");
    case PortType::Model:
        return QStringLiteral("model");
    case PortType::Predictions:
        return QStringLiteral("predictions");
    case PortType::Metrics:
        return QStringLiteral("metrics");
    case PortType::Curve:
        return QStringLiteral("curve");
    }
    return QStringLiteral("unknown");
}

QString portTypeName(PortType type)
{
    switch (type) {
    case PortType::Table:
        return QCoreApplication::translate("PortType", "Table");
    case PortType::Model:
        return QCoreApplication::translate("PortType", "Model");
    case PortType::Predictions:
        return QCoreApplication::translate("PortType", "Predictions");
    case PortType::Metrics:
        return QCoreApplication::translate("PortType", "Metrics");
    case PortType::Curve:
        return QCoreApplication::translate("PortType", "Curve");
    }
    return QCoreApplication::translate("PortType", "Unknown");
}

std::optional<PortType> portTypeFromId(const QString &id)
{
    for (PortType t : kAllPortTypes)
        if (portTypeId(t) == id)
            return t;
    return std::nullopt;
}

bool portTypesCompatible(PortType from, PortType to)
{
    return from == to;
}

} // namespace sextant::engine
