// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QTest>

namespace cohort::test {

// Whether a missing test ground (a tool, a Python module, a cluster) must fail
// the test rather than skip it: on CI (CI set, as every CI service does) the
// machine is provisioned with everything, so a skip there would hide a broken
// setup behind a green run.
inline bool groundIsRequired()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "0" && ci != "false";
}

}   // namespace cohort::test

// Skips the current test with REASON, or fails it with REASON when
// groundIsRequired(). Like QSKIP/QFAIL it returns from the calling function.
#define COHORT_SKIP_OR_FAIL(reason) \
    do { \
        if (cohort::test::groundIsRequired()) \
            QFAIL(qPrintable(QStringLiteral("CI is set, so this cannot be skipped: ") + QString::fromUtf8(reason))); \
        QSKIP(reason); \
    } while (false)
