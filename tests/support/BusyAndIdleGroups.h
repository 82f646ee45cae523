// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeClusterClient.h"

#include <memory>

namespace cohort::test {

// A fake cluster for the window's group actions: topics orders (2 partitions)
// and other (1); "busy", a Stable classic group with a dynamic member m-1 and a
// static member m-2 (instance inst-2) on orders, committed on orders; "idle",
// Empty, committed on orders-0 and other-0.
std::shared_ptr<FakeClusterClient> busyAndIdleGroups();

}   // namespace cohort::test
