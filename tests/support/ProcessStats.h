// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cohort::test {

// Figures of this process for benchmarks, from /proc/self (Linux); -1 when unavailable.
double residentMiB();       // VmRSS now
double peakResidentMiB();   // VmHWM: the most ever resident
// What the program holds in malloc's heap now (glibc's mallinfo2: in use,
// mapped and arena): RSS less the libraries and what malloc keeps free.
double heapInUseMiB();
double cpuSeconds();        // user + system time so far

}   // namespace cohort::test
