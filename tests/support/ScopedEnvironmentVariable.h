// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace cohort::test {

// Sets (or unsets) an environment variable for one scope and restores what
// was there before, so that one test's environment never leaks into the next.
class ScopedEnvironmentVariable
{
public:
    ScopedEnvironmentVariable(const char *name, const QByteArray &value)
        : m_name(name)
        , m_hadValue(qEnvironmentVariableIsSet(name))
        , m_previous(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnvironmentVariable()
    {
        if (m_hadValue)
            qputenv(m_name, m_previous);
        else
            qunsetenv(m_name);
    }
    ScopedEnvironmentVariable(const ScopedEnvironmentVariable &) = delete;
    ScopedEnvironmentVariable &operator=(const ScopedEnvironmentVariable &) = delete;

private:
    const char *m_name;
    bool m_hadValue;
    QByteArray m_previous;
};

// No session bus for one scope: no secret service can be reached, so a
// keychain store must fall back to memory.
inline QByteArray unreachableSessionBus()
{
    return QByteArrayLiteral("unix:path=/nonexistent/cohort-test-no-bus");
}

}   // namespace cohort::test
