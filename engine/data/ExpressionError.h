#pragma once

#include <stdexcept>
#include <string>

namespace sextant::engine {

// Thrown by ExpressionParser and ExpressionProgram for an expression they cannot read,
// type or evaluate. `position` is the 0-based character offset in the text the parser
// was given (-1 when the error has no place). what() is "at character N: reason"
// (1-based), prefixed by the context when there is one: "formula 'ratio', at character
// 14: unknown function 'lgo'".
class ExpressionError : public std::runtime_error {
public:
    ExpressionError(const std::string &reason, int position, const std::string &context = {})
        : std::runtime_error(compose(reason, position, context)), m_reason(reason),
          m_position(position), m_context(context)
    {
    }

    const std::string &reason() const { return m_reason; }
    int position() const { return m_position; }
    const std::string &context() const { return m_context; }

    // The same error said of `context` ("formula 'ratio'").
    ExpressionError withContext(const std::string &context) const
    {
        return ExpressionError(m_reason, m_position, context);
    }

private:
    static std::string compose(const std::string &reason, int position, const std::string &context)
    {
        std::string out = context;
        if (position >= 0)
            out += (out.empty() ? "at character " : ", at character ")
                + std::to_string(position + 1);
        if (!out.empty())
            out += ": ";
        return out + reason;
    }

    std::string m_reason;
    int m_position;
    std::string m_context;
};

} // namespace sextant::engine
