// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ByteWriter.h"

namespace cohort {

void ByteWriter::patchInt32(qsizetype pos, qint32 v)
{
    Q_ASSERT(pos >= 0 && pos + 4 <= m_buf.size());
    const quint32 u = quint32(v);
    m_buf[pos] = char(u >> 24);
    m_buf[pos + 1] = char(u >> 16);
    m_buf[pos + 2] = char(u >> 8);
    m_buf[pos + 3] = char(u);
}

}   // namespace cohort
