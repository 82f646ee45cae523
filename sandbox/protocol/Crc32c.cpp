// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/protocol/Crc32c.h"

#include <array>

namespace cohort::sandbox {

namespace {
// Slicing-by-8 tables: produce throughput is bounded by this checksum.
struct Tables
{
    std::array<std::array<quint32, 256>, 8> t{};
    Tables()
    {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
            t[0][i] = c;
        }
        for (quint32 i = 0; i < 256; ++i)
            for (int s = 1; s < 8; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    }
};
const Tables &tables()
{
    static const Tables tb;
    return tb;
}
}   // namespace

quint32 crc32c(const char *data, qsizetype size)
{
    const auto &t = tables().t;
    quint32 c = 0xffffffffu;
    auto p = reinterpret_cast<const quint8 *>(data);
    while (size >= 8) {
        const quint32 lo = (quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24) ^ c;
        const quint32 hi = quint32(p[4]) | quint32(p[5]) << 8 | quint32(p[6]) << 16 | quint32(p[7]) << 24;
        c = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^ t[3][hi & 0xff] ^ t[2][(hi >> 8) & 0xff]
            ^ t[1][(hi >> 16) & 0xff] ^ t[0][hi >> 24];
        p += 8;
        size -= 8;
    }
    while (size-- > 0)
        c = t[0][(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

}   // namespace cohort::sandbox
