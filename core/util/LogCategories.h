// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Cohort's logging categories, one per subsystem, all in this one place. Each
// shows warnings and worse by default; the rest is switched on per category with
// QT_LOGGING_RULES, e.g. QT_LOGGING_RULES="cohort.*.debug=true" for everything or
// "cohort.refresh.debug=true" for a refresh's step timings. An error is logged
// once, by the code that handles it, not at every level it passes through.
namespace cohort {

Q_DECLARE_LOGGING_CATEGORY(lcWire)         // cohort.wire: Cohort's own Kafka protocol connections
Q_DECLARE_LOGGING_CATEGORY(lcRefresh)      // cohort.refresh: building cluster snapshots
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)        // cohort.admin: writes to the cluster (offsets, groups)
Q_DECLARE_LOGGING_CATEGORY(lcConnection)   // cohort.connection: profiles, secrets, librdkafka clients
Q_DECLARE_LOGGING_CATEGORY(lcSession)      // cohort.session: the connected session
Q_DECLARE_LOGGING_CATEGORY(lcLag)          // cohort.lag: lag history and estimates
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)      // cohort.sandbox: the in-process broker
Q_DECLARE_LOGGING_CATEGORY(lcCli)          // cohort.cli: cohort-cli
Q_DECLARE_LOGGING_CATEGORY(lcUi)           // cohort.ui: models, widgets and windows

}   // namespace cohort
