#pragma once
// Test helper (header-only): the one way a test skips because a reference it compares with
// is missing (scikit-learn, numpy, pandas, ONNX, the ONNX support of this build...).
// With SEXTANT_REQUIRE_REFERENCES=1 in the environment (.ci/run sets it) the skip is a
// failure instead, so a missing reference can never pass CI quietly.

#include <QString>
#include <QtTest>

namespace sextant::testing {

inline bool referencesRequired()
{
    return qEnvironmentVariableIntValue("SEXTANT_REQUIRE_REFERENCES") != 0;
}

} // namespace sextant::testing

// Skips the current test with `reason` (a QString or string literal), or fails it when
// references are required. Use it only for a missing reference, never for other skips.
#define SEXTANT_SKIP_REFERENCE(reason)                                                             \
    do {                                                                                           \
        const QString sextantSkipReason_ = (reason);                                               \
        if (::sextant::testing::referencesRequired())                                              \
            QFAIL(qPrintable(QStringLiteral("reference missing (SEXTANT_REQUIRE_REFERENCES=1): ")  \
                + sextantSkipReason_));                                                            \
        QSKIP(qPrintable(sextantSkipReason_));                                                     \
    } while (false)
