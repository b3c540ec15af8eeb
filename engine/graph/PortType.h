#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace sextant::engine {

// The kind of value that travels along a connection. Extend by appending an enumerator and
// its names in PortType.cpp; the stable id is what workflow files and tools see.
enum class PortType : std::uint8_t {
    Table, // a Dataset (rows are samples, columns are features/target)
    Model, // a trained model
    Predictions, // per-row predictions of a model
    Metrics, // evaluation figures
    Curve, // a series (loss per epoch, ROC, ...)
};

// All port types, in declaration order.
inline constexpr PortType kAllPortTypes[] = { PortType::Table, PortType::Model,
    PortType::Predictions, PortType::Metrics, PortType::Curve };

// Stable lower-case id ("table", "model", ...).
QString portTypeId(PortType type);
// Name for people ("Table", "Model", ...), translatable by the GUI.
QString portTypeName(PortType type);
std::optional<PortType> portTypeFromId(const QString &id);

// True when an output of type `from` may feed an input of type `to`. Today the types
// must be equal; widening rules (e.g. Predictions usable as a Table) go here.
bool portTypesCompatible(PortType from, PortType to);

} // namespace sextant::engine
