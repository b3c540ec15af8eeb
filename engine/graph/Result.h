#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace sextant::engine {

// The outcome of an operation that can be refused: a value, or a reason a person can read
// ("cannot connect: output 'data' is a Table, input 'model' expects a Model"). Every
// GraphModel mutation, parameter validation and workflow load returns one.
template<class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) { }
    static Result failure(QString reason)
    {
        Result r;
        r.m_error = std::move(reason);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only valid when ok().
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
};

template<> class [[nodiscard]] Result<void> {
public:
    static Result success() { return Result(); }
    static Result failure(QString reason)
    {
        Result r;
        r.m_failed = true;
        r.m_error = std::move(reason);
        return r;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    Result() = default;
    bool m_failed = false;
    QString m_error;
};

using Status = Result<void>;

} // namespace sextant::engine
