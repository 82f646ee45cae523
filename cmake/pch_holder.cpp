// SPDX-License-Identifier: GPL-3.0-or-later
// The one source of a target that exists to build precompiled headers for
// others (cmake/CohortTargets.cmake, cohort_pch_holder): nothing else to compile.
