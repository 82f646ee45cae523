# SPDX-License-Identifier: GPL-3.0-or-later
# Shared compile settings for every Cohort target (docs/architecture.md, "Conventions").
function(cohort_target_defaults target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    COHORT_VERSION="${PROJECT_VERSION}")
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
endfunction()

# A static library per layer whose sources are every .cpp/.h/.ui below DIR.
# Globbing (with CONFIGURE_DEPENDS) keeps the layer list in one place: the folder.
function(cohort_layer_library target dir)
  file(GLOB_RECURSE _sources CONFIGURE_DEPENDS
    "${dir}/*.cpp" "${dir}/*.h" "${dir}/*.ui" "${dir}/*.qrc")
  add_library(${target} STATIC ${_sources})
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}")
  cohort_target_defaults(${target})
endfunction()

# One test executable per tst_*.cpp in DIR, linked to LIBS, registered with ctest
# under LABEL. GUI tests run on the offscreen platform. A Qt Test that skips
# exits 0: SKIP_REGULAR_EXPRESSION (Qt Test's "SKIP   :" line) makes ctest
# report it as skipped rather than passed.
function(cohort_test_folder dir label)
  cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  file(GLOB _tests CONFIGURE_DEPENDS "${dir}/tst_*.cpp")
  foreach(_src ${_tests})
    get_filename_component(_name "${_src}" NAME_WE)
    add_executable(${_name} "${_src}")
    target_link_libraries(${_name} PRIVATE ${ARG_LIBS} Qt6::Test)
    cohort_target_defaults(${_name})
    add_test(NAME ${_name} COMMAND ${_name})
    set_tests_properties(${_name} PROPERTIES
      LABELS "${label}"
      TIMEOUT ${ARG_TIMEOUT}
      SKIP_REGULAR_EXPRESSION "SKIP   : "
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;COHORT_SOURCE_DIR=${CMAKE_SOURCE_DIR};COHORT_BINARY_DIR=${CMAKE_BINARY_DIR};COHORT_TEST_PYTHON=${CMAKE_BINARY_DIR}/venv/bin/python")
  endforeach()
endfunction()
