# SPDX-License-Identifier: GPL-3.0-or-later
# A benchmark's smoke run for ctest: runs BENCH with ARGS ("|"-separated), takes
# the JSON line it prints last and checks that every EXPECT entry
# ("key.sub=value", "|"-separated) holds exactly. Times are never checked:
# only what the layout given on the command line determines (counts).
#   cmake -DBENCH=path -DARGS="a|b" -DEXPECT="groups=20|requests_per_refresh.OffsetFetch=20" -P CheckBenchJson.cmake
string(REPLACE "|" ";" _args "${ARGS}")
string(REPLACE "|" ";" _expect "${EXPECT}")
execute_process(COMMAND "${BENCH}" ${_args} OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
# 77: the bench's ground is missing and CI is unset. A cmake -P script cannot
# exit with 77 itself (before CMake 3.29), so it says so in a line the test's
# SKIP_REGULAR_EXPRESSION matches.
if(_rc EQUAL 77)
  message(STATUS "COHORT_BENCH_SKIPPED: ${_err}")
  return()
endif()
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${BENCH} exited with ${_rc}\nstdout: ${_out}\nstderr: ${_err}")
endif()
string(STRIP "${_out}" _out)
string(REGEX MATCH "[^\n]*$" _line "${_out}")
message(STATUS "${_line}")
set(_failed "")
foreach(_e IN LISTS _expect)
  string(FIND "${_e}" "=" _eq)
  string(SUBSTRING "${_e}" 0 ${_eq} _key)
  math(EXPR _from "${_eq} + 1")
  string(SUBSTRING "${_e}" ${_from} -1 _want)
  string(REPLACE "." ";" _path "${_key}")
  string(JSON _got ERROR_VARIABLE _jerr GET "${_line}" ${_path})
  if(_jerr)
    string(APPEND _failed "\n  ${_key}: ${_jerr}")
  elseif(NOT "${_got}" STREQUAL "${_want}")
    string(APPEND _failed "\n  ${_key}: got ${_got}, expected ${_want}")
  endif()
endforeach()
if(_failed)
  message(FATAL_ERROR "${BENCH}:${_failed}\nline: ${_line}")
endif()
