#pragma once

#include <QString>
#include <stdexcept>

namespace sextant::engine {

// Thrown by a node's compute function to fail the node with a message for people
// ("column 'age' not found"). Any other std::exception fails the node too (with its
// what()); the executor catches everything, so a node never takes the process down.
class NodeError : public std::runtime_error {
public:
    explicit NodeError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace sextant::engine
