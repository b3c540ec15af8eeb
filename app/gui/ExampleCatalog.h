#pragma once

#include <QList>
#include <QString>

namespace sextant::app {

// The example workflows that ship with Sextant (resources/examples; installed in
// share/sextant/examples), for the welcome page: each file with a title and a one-line
// description in the user's language. Workflows found in the folder but not described here
// are listed by their file name.
struct Example {
    QString path; // absolute
    QString title;
    QString description;
};

class ExampleCatalog {
public:
    // The folder the examples are read from: $SEXTANT_EXAMPLES_DIR, else
    // <binary>/../share/sextant/examples (an installed package), else the source tree's
    // resources/examples (a build folder). Empty when none exists.
    static QString directory();
    // The examples in display order (the described ones first).
    static QList<Example> examples(const QString &directory = ExampleCatalog::directory());
};

} // namespace sextant::app
