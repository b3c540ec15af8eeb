#include "graph/PortType.h"

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
        return QStringLiteral("Table");
    case PortType::Model:
        return QStringLiteral("Model");
    case PortType::Predictions:
        return QStringLiteral("Predictions");
    case PortType::Metrics:
        return QStringLiteral("Metrics");
    case PortType::Curve:
        return QStringLiteral("Curve");
    }
    return QStringLiteral("Unknown");
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
