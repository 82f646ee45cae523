// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/SandboxCluster.h"

#include <memory>

namespace cohort::test {

// The config startSandbox uses by default: 3 brokers, ephemeral ports, quiet.
// A started in-process sandbox with test-friendly timings (no initial rebalance
// delay, short minimum session timeout). Fails the calling test when it cannot start.
cohort::sandbox::SandboxConfig testConfig();
std::unique_ptr<cohort::sandbox::SandboxCluster> startSandbox(cohort::sandbox::SandboxConfig config = testConfig());

} // namespace cohort::test
