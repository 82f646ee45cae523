// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

#include <utility>
#include <variant>

namespace cohort {

// A value or an error (std::expected is C++23; GCC 12 in C++20 mode lacks it).
// Every fallible function in core returns one: no bool + QString* out
// parameters, no optional + error string. E is KafkaError unless the failure
// is not about Kafka (a settings file, a CSV line) and says so in its own type.
template<typename T, typename E = KafkaError>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const E &error() const
    {
        static const E none{};
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, E> m_data;
};

// For operations with no value.
struct Done
{ };

}   // namespace cohort
