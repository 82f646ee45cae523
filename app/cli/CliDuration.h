// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace cohort::cli {

// A duration as cohort-cli's options take it: a whole number with a unit,
// "500ms", "30s", "2m", "1h" (a bare number is seconds). nullopt for
// anything else.
namespace CliDuration {

std::optional<qint64> parseMs(const QString &text);

}   // namespace CliDuration
}   // namespace cohort::cli
