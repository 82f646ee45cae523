// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/LogCategories.h"

namespace cohort {

Q_LOGGING_CATEGORY(lcWire, "cohort.wire", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRefresh, "cohort.refresh", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAdmin, "cohort.admin", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConnection, "cohort.connection", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "cohort.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLag, "cohort.lag", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "cohort.sandbox", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "cohort.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "cohort.ui", QtWarningMsg)

}   // namespace cohort
