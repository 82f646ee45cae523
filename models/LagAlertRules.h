// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagAssessment.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace cohort {

// One desktop notification: what a group just got into, in words.
struct LagAlert
{
    enum class Kind { Trouble, RetentionRisk };
    QString groupId;
    Kind kind = Kind::Trouble;
    QString title;
    QString text;   // the status reason, or what retention is about to do
    bool operator==(const LagAlert &) const = default;
};

// Which lag changes deserve a desktop notification (pure): a group entering
// ERR, STOP or STALL (a group is ERR when a partition is STOP, STALL or
// REWIND; the reason names the partition and what it does), or a retention
// risk appearing (the lag spans kRiskShare of the topic's retention window,
// its first unread records go within kRiskEtaMs, or records were deleted
// before they were read). Each is said once when it begins, never again
// while it stays; after the group is back out of it, again when it re-enters.
class LagAlertRules
{
    Q_DECLARE_TR_FUNCTIONS(LagAlertRules)

public:
    static constexpr double kRiskShare = 0.8;
    static constexpr qint64 kRiskEtaMs = 3600LL * 1000;

    static bool inTrouble(LagStatusRules::Status status);
    static bool atRetentionRisk(const GroupAssessment &a);

    // The alerts the group's latest assessment raises, remembering it for the next.
    QList<LagAlert> update(const GroupAssessment &a);
    // A group deleted: it starts over if it is made again.
    void forget(const QString &groupId);

private:
    struct Raised
    {
        bool trouble = false;
        bool retentionRisk = false;
    };
    QHash<QString, Raised> m_raised;
};

}   // namespace cohort
