// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace cohort::sandbox {

// CRC-32C (Castagnoli), the checksum of record batches v2.
quint32 crc32c(const char *data, qsizetype size);

}   // namespace cohort::sandbox
