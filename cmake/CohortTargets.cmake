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
  # -Winvalid-pch: a precompiled header GCC cannot use (flags that differ) is
  # said, not silently parsed again.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers -Winvalid-pch)
endfunction()

# Precompiled headers: the Qt, standard and librdkafka headers most files
# include. Parsing them is about half of a file's compile time, and a clean
# build (CI's, a new user's) compiles some 450 files on 2 cores.
set(COHORT_PCH_CORE
  <QByteArray> <QCoreApplication> <QDateTime> <QElapsedTimer> <QFuture> <QHash> <QList>
  <QLocale> <QMap> <QMutex> <QObject> <QPointer> <QPromise> <QRegularExpression> <QSet>
  <QString> <QStringList> <QThreadPool> <QTimer> <QtConcurrent>
  <algorithm> <functional> <memory> <optional> <vector>
  <librdkafka/rdkafka.h>)
set(COHORT_PCH_MODELS ${COHORT_PCH_CORE} <QAbstractItemModel> <QColor> <QFont> <QIcon> <QPalette>)
set(COHORT_PCH_WIDGETS ${COHORT_PCH_MODELS}
  <QAction> <QApplication> <QBoxLayout> <QComboBox> <QDialog> <QHeaderView> <QLabel>
  <QLineEdit> <QMenu> <QPushButton> <QTableView> <QToolButton> <QWidget> "${CMAKE_SOURCE_DIR}/widgets/QCustomPlotHeader.h")

# PCH (one of CORE, MODELS, WIDGETS) for a target that builds its own.
function(cohort_precompile target kind)
  target_precompile_headers(${target} PRIVATE ${COHORT_PCH_${kind}})
endfunction()

# A static library per layer whose sources are every .cpp/.h/.ui below DIR,
# with the precompiled headers of PCH_KIND.
# Globbing (with CONFIGURE_DEPENDS) keeps the layer list in one place: the folder.
function(cohort_layer_library target dir pch_kind)
  file(GLOB_RECURSE _sources CONFIGURE_DEPENDS
    "${dir}/*.cpp" "${dir}/*.h" "${dir}/*.ui" "${dir}/*.qrc")
  add_library(${target} STATIC ${_sources})
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}")
  cohort_target_defaults(${target})
  cohort_precompile(${target} ${pch_kind})
endfunction()

# Test code (tests, their support library and the precompiled headers they
# share) is compiled without optimisation: a test file full of QCOMPARE
# templates takes about half as long at -O0 as at -O2, tests are some 70 %
# of a clean build's compiles, and what they test, the libraries, stays -O2.
# Benchmarks keep the build type's flags.
function(cohort_test_code target)
  target_compile_options(${target} PRIVATE -O0)
endfunction()

# A target that only holds precompiled headers for others with the same
# libraries and flags (which a PCH must share): each test executable is one
# file, too few to pay for a PCH of its own. TEST_CODE: for test code.
function(cohort_pch_holder holder pch_kind)
  cmake_parse_arguments(ARG "TEST_CODE" "" "LIBS" ${ARGN})
  add_library(${holder} OBJECT "${CMAKE_SOURCE_DIR}/cmake/pch_holder.cpp")
  target_link_libraries(${holder} PRIVATE ${ARG_LIBS})
  cohort_target_defaults(${holder})
  if(ARG_TEST_CODE)
    cohort_test_code(${holder})
  endif()
  target_precompile_headers(${holder} PRIVATE ${COHORT_PCH_${pch_kind}} <QTest> <QSignalSpy>)
endfunction()

# One test executable per tst_*.cpp in DIR, linked to LIBS, registered with ctest
# under LABEL. GUI tests run on the offscreen platform. A Qt Test that skips
# exits 0: SKIP_REGULAR_EXPRESSION (Qt Test's "SKIP   :" line) makes ctest
# report it as skipped rather than passed.
# PCH_KIND: the precompiled headers (CORE, MODELS or WIDGETS, plus Qt Test's),
# shared by the folder's tests through one holder target, cohort_pch_LABEL,
# or PCH_FROM, another folder's holder when the definitions are the same.
function(cohort_test_folder dir label pch_kind)
  cmake_parse_arguments(ARG "" "TIMEOUT;PCH_FROM" "LIBS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  if(ARG_PCH_FROM)
    set(_holder ${ARG_PCH_FROM})
  else()
    set(_holder cohort_pch_${label})
    # Not the test support library: it reuses the unit holder's headers (a
    # cycle otherwise), and it adds include paths only, no definitions.
    set(_holder_libs ${ARG_LIBS})
    list(REMOVE_ITEM _holder_libs cohort_test_support)
    cohort_pch_holder(${_holder} ${pch_kind} TEST_CODE LIBS ${_holder_libs} Qt6::Test)
  endif()
  file(GLOB _tests CONFIGURE_DEPENDS "${dir}/tst_*.cpp")
  foreach(_src ${_tests})
    get_filename_component(_name "${_src}" NAME_WE)
    add_executable(${_name} "${_src}")
    target_link_libraries(${_name} PRIVATE ${ARG_LIBS} Qt6::Test)
    cohort_target_defaults(${_name})
    cohort_test_code(${_name})
    target_precompile_headers(${_name} REUSE_FROM ${_holder})
    add_test(NAME ${_name} COMMAND ${_name})
    set_tests_properties(${_name} PROPERTIES
      LABELS "${label}"
      TIMEOUT ${ARG_TIMEOUT}
      SKIP_REGULAR_EXPRESSION "SKIP   : "
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;COHORT_SOURCE_DIR=${CMAKE_SOURCE_DIR};COHORT_BINARY_DIR=${CMAKE_BINARY_DIR};COHORT_TEST_PYTHON=${CMAKE_BINARY_DIR}/venv/bin/python")
  endforeach()
endfunction()
