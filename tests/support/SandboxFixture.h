// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/SandboxCluster.h"

#include <QSet>
#include <QString>

#include <memory>

namespace cohort::test {

// The config startSandbox uses by default: 3 brokers, ephemeral ports, quiet.
// A started in-process sandbox with test-friendly timings (no initial rebalance
// delay, short minimum session timeout). Fails the calling test when it cannot start.
cohort::sandbox::SandboxConfig testConfig();
std::unique_ptr<cohort::sandbox::SandboxCluster> startSandbox(cohort::sandbox::SandboxConfig config = testConfig());

// The brokers that lead partitions 0 to partitions - 1 of topic, each once: a
// client asks each leader once for the partitions it leads (ListOffsets).
QSet<int> leadersOf(const cohort::sandbox::SandboxCluster &cluster, const QString &topic, int partitions);

}   // namespace cohort::test
