#include "data/TextEncoding.h"

#include <cstdint>

namespace sextant::engine::text {

std::size_t utf8BomLength(const char *data, std::size_t size)
{
    const auto *u = reinterpret_cast<const unsigned char *>(data);
    return size >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf ? 3 : 0;
}

QString unsupportedEncoding(const char *data, std::size_t size)
{
    // FF FE is UTF-16 LE (and the start of UTF-32 LE), FE FF UTF-16 BE, 00 00 FE FF
    // UTF-32 BE.
    const auto *u = reinterpret_cast<const unsigned char *>(data);
    const bool utf16or32 = (size >= 2 && u[0] == 0xff && u[1] == 0xfe)
        || (size >= 2 && u[0] == 0xfe && u[1] == 0xff)
        || (size >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff);
    return utf16or32 ? QStringLiteral(
               "the file is UTF-16 or UTF-32 text, which is not supported; save it as UTF-8")
                     : QString();
}

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *e = p + s.size();
    while (p != e) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        std::uint32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (e - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        // Overlong forms, surrogates, beyond U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10ffff
            || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

QString decode(std::string_view bytes, bool &latin1)
{
    latin1 = !isValidUtf8(bytes);
    const auto n = static_cast<qsizetype>(bytes.size());
    return latin1 ? QString::fromLatin1(bytes.data(), n) : QString::fromUtf8(bytes.data(), n);
}

QString notUtf8Warning(const QString &decoded)
{
    constexpr int kMax = 40;
    const QString shown
        = decoded.size() <= kMax ? decoded : decoded.left(kMax) + QStringLiteral("...");
    return QStringLiteral("\"%1\" is not valid UTF-8; read as Latin-1").arg(shown);
}

} // namespace sextant::engine::text
