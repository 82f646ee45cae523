// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort::JavaProperties {

// One line of Java properties syntax, as kafka-consumer-groups.sh's
// --command-config and Cohort's extra connection properties take it:
// key=value with both sides trimmed; blank lines and # or ! comments skipped.
struct Line
{
    enum Kind { Skip, Entry, Malformed };
    Kind kind = Skip;
    QString key;
    QString value;
};

Line parseLine(const QString &line);

}   // namespace cohort::JavaProperties
