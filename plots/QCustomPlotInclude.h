#pragma once

// Include this instead of <qcustomplot.h>, and only from .cpp files (each one costs ~4 s
// of compile time): qcustomplot.h uses Qt's bare keywords (signals, foreach), which the
// project switches off with QT_NO_KEYWORDS. They are mapped to the Q_ macros for the
// header only.
#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
