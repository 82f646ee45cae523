// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace cohort::test {

// The Python interpreter of the tests' virtual environment, which
// scripts/setup.sh makes under the build directory from
// tests/python/requirements.txt (ctest passes it as COHORT_TEST_PYTHON), and
// the scripts in tests/python. Independent clients (confluent-kafka with a
// current librdkafka, kafka-python) run there, never the system's.
struct TestPython
{
    QString interpreter;   // empty when not usable; then `problem` says why and what to run
    QString problem;

    explicit operator bool() const { return !interpreter.isEmpty(); }

    // The venv's interpreter, checked to import every one of `modules`.
    static TestPython find(const QStringList &modules);
    // tests/python/<name> in the source tree.
    static QString script(const QString &name);
};

}   // namespace cohort::test
