// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/KafkaError.h"

#include <utility>
#include <variant>

namespace cohort {

// A value or a KafkaError (std::expected is C++23; GCC 12 in C++20 mode lacks it).
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(KafkaError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const KafkaError &error() const
    {
        static const KafkaError none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, KafkaError> m_data;
};

// For operations with no value.
struct Done {};

} // namespace cohort
