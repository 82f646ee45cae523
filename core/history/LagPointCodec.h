// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagPoint.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace cohort {

// The compact form of a run of one series' points that HistoryStore keeps
// once they are older than the open chunk of their tier: per point the
// differences from the previous point of time, end, committed, lag and log
// start, each a zigzag varint (a minute's point of a group is ~10 bytes
// instead of a ~65-byte SQLite row). Pure.
namespace LagPointCodec {

// Points in time order.
QByteArray encode(const QList<LagPoint> &points);
// nullopt when the bytes are not an encoding this Cohort wrote (truncated,
// another version).
std::optional<QList<LagPoint>> decode(const QByteArray &bytes);

}   // namespace LagPointCodec
}   // namespace cohort
