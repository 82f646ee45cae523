// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <limits>
#include <optional>

namespace cohort {

// An optional 64-bit integer in 8 bytes, where std::optional<qint64> takes
// 16: a snapshot keeps four per group partition (a million at 10,000
// groups), so the flag's padding alone cost 32 MB a snapshot. The smallest
// qint64 stands for "none": no offset, lag or count Kafka gives comes near it
// (offsets and lags are ≥ -1 in every API). Reads like std::optional, and
// converts to and from it, so code written for one takes the other.
class OptionalInt64
{
public:
    constexpr OptionalInt64() = default;
    constexpr OptionalInt64(std::nullopt_t) { }
    constexpr OptionalInt64(qint64 value) : m_value(value) { Q_ASSERT(value != kNone); }
    constexpr OptionalInt64(const std::optional<qint64> &value) : m_value(value ? *value : kNone) { Q_ASSERT(!value || *value != kNone); }
    // Other integer types (int, qsizetype...) as qint64 would, without an
    // ambiguity between the two constructors above.
    template <typename T, typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, qint64> && !std::is_same_v<T, bool>>>
    constexpr OptionalInt64(T value) : OptionalInt64(qint64(value)) { }

    constexpr bool has_value() const { return m_value != kNone; }
    constexpr explicit operator bool() const { return has_value(); }
    constexpr qint64 operator*() const { return m_value; }
    constexpr qint64 value() const { return m_value; }
    constexpr qint64 value_or(qint64 fallback) const { return has_value() ? m_value : fallback; }
    constexpr void reset() { m_value = kNone; }
    constexpr operator std::optional<qint64>() const { return has_value() ? std::optional<qint64>(m_value) : std::nullopt; }

    friend constexpr bool operator==(OptionalInt64 a, OptionalInt64 b) { return a.m_value == b.m_value; }
    friend constexpr bool operator==(OptionalInt64 a, const std::optional<qint64> &b) { return a == OptionalInt64(b); }
    friend constexpr bool operator==(OptionalInt64 a, std::nullopt_t) { return !a.has_value(); }
    friend constexpr bool operator==(OptionalInt64 a, qint64 b) { return a.has_value() && a.m_value == b; }
    template <typename T, typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, qint64> && !std::is_same_v<T, bool>>>
    friend constexpr bool operator==(OptionalInt64 a, T b) { return a == qint64(b); }

private:
    static constexpr qint64 kNone = std::numeric_limits<qint64>::min();
    qint64 m_value = kNone;
};

static_assert(sizeof(OptionalInt64) == 8);

}   // namespace cohort
