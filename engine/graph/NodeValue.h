#pragma once

#include <memory>
#include <utility>

namespace sextant::engine {

template<class T> class TypedValue;

// A value produced by a node: what travels along a connection (a Dataset on a Table port,
// later a trained model, predictions, metrics) and what a sink node hands to the GUI or
// the command line (a Histogram, a CorrelationMatrix, scatter data...).
//
// Values are immutable once made and shared between threads through NodeValuePtr, so a
// cached output can feed several downstream nodes and a view at once without copies.
// Any copyable C++ type can be carried, with no registration: wrap it with makeValue()
// and read it back with as<T>(), which returns nullptr when the value holds another type.
//
//     ctx.setOutput(0, makeValue(std::move(dataset)));
//     if (const Dataset *d = value->as<Dataset>()) ...
class NodeValue {
public:
    virtual ~NodeValue();

    template<class T> const T *as() const
    {
        const auto *typed = dynamic_cast<const TypedValue<T> *>(this);
        return typed ? &typed->get() : nullptr;
    }
    template<class T> bool holds() const { return as<T>() != nullptr; }

protected:
    NodeValue() = default;
    NodeValue(const NodeValue &) = default;
    NodeValue &operator=(const NodeValue &) = default;
};

using NodeValuePtr = std::shared_ptr<const NodeValue>;

template<class T> class TypedValue final : public NodeValue {
public:
    explicit TypedValue(T data) : m_data(std::move(data)) { }
    const T &get() const { return m_data; }

private:
    T m_data;
};

template<class T> NodeValuePtr makeValue(T data)
{
    return std::make_shared<const TypedValue<T>>(std::move(data));
}

} // namespace sextant::engine

#include <QMetaType>
Q_DECLARE_METATYPE(sextant::engine::NodeValuePtr)
