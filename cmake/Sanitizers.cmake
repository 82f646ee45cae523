# SPDX-License-Identifier: GPL-3.0-or-later
# AddressSanitizer + UndefinedBehaviorSanitizer for the whole tree (the `asan`
# preset). Applied directory-wide, before any target is defined, so that every
# library, executable and test is instrumented alike: mixing instrumented and
# plain objects hides errors in the plain ones. The option COHORT_SANITIZE is
# declared in the top-level CMakeLists.txt.
if(COHORT_SANITIZE)
  set(_cohort_sanitize_flags -fsanitize=address,undefined -fno-omit-frame-pointer)
  # UBSan only reports and continues by default; make its findings fail the test
  # that triggered them, as ASan's do.
  list(APPEND _cohort_sanitize_flags -fno-sanitize-recover=undefined)
  add_compile_options(${_cohort_sanitize_flags})
  add_link_options(${_cohort_sanitize_flags})
  message(STATUS "Cohort: building with ${_cohort_sanitize_flags}")
endif()
