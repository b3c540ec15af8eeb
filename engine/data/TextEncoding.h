#pragma once

// The one encoding policy of Sextant's text formats (CSV/TSV, ARFF, LIBSVM):
//  - Text is UTF-8, with or without a byte order mark (the mark is skipped).
//  - A UTF-16 or UTF-32 byte order mark is refused at line 1: unsupportedEncoding().
//  - A value (a cell, a name, a category) whose bytes are not valid UTF-8 is decoded as
//    Latin-1, which every byte sequence is, and the reader warns, naming the file and the
//    line and field of the first place the value appears, with notUtf8Warning():
//        "Jos\xe9" is not valid UTF-8; read as Latin-1
//    Values that are valid UTF-8 stay UTF-8, so a mostly-UTF-8 file with one stray byte
//    keeps its other text intact. Formats that hold no text values (LIBSVM) only use the
//    decoding for the text they quote in messages.

#include <QString>
#include <cstddef>
#include <string_view>

namespace sextant::engine::text {

// 3 when `data` starts with the UTF-8 byte order mark, else 0.
std::size_t utf8BomLength(const char *data, std::size_t size);

// The refusal message when `data` starts with a UTF-16 or UTF-32 byte order mark, else
// an empty string.
QString unsupportedEncoding(const char *data, std::size_t size);

// Strict UTF-8: no overlong forms, surrogates or code points beyond U+10FFFF.
bool isValidUtf8(std::string_view bytes);

// UTF-8, or Latin-1 when the bytes are not valid UTF-8 (`latin1` is then set).
QString decode(std::string_view bytes, bool &latin1);

// The warning for a value that `decode` read as Latin-1 (`decoded` is that text; long
// values are shortened).
QString notUtf8Warning(const QString &decoded);

} // namespace sextant::engine::text
