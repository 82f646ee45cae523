// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LagAlertRules.h"

#include "core/lag/LagAssessor.h"

#include <QLocale>

#include <climits>

namespace cohort {

bool LagAlertRules::inTrouble(LagStatusRules::Status status)
{
    switch (status) {
    case LagStatusRules::Status::Err:
    case LagStatusRules::Status::Stop:
    case LagStatusRules::Status::Stall: return true;
    case LagStatusRules::Status::Ok:
    case LagStatusRules::Status::Warn:
    case LagStatusRules::Status::Rewind: return false;
    }
    return false;
}

bool LagAlertRules::atRetentionRisk(const GroupAssessment &a)
{
    if (a.recordsLost > 0)
        return true;
    if (a.lag.value_or(0) <= 0)
        return false;
    return (a.retentionShare && *a.retentionShare >= kRiskShare) || (a.retentionEtaMs && *a.retentionEtaMs < kRiskEtaMs);
}

QList<LagAlert> LagAlertRules::update(const GroupAssessment &a)
{
    QList<LagAlert> out;
    Raised &was = m_raised[a.groupId];
    const bool trouble = inTrouble(a.status);
    if (trouble && !was.trouble) {
        LagAlert alert;
        alert.groupId = a.groupId;
        alert.kind = LagAlert::Kind::Trouble;
        alert.title = tr("Consumer group %1: %2").arg(a.groupId, LagStatusRules::name(a.status));
        alert.text = a.statusReason.isEmpty() ? tr("The group is not keeping up.") : a.statusReason;
        out.append(alert);
    }
    const bool risk = atRetentionRisk(a);
    if (risk && !was.retentionRisk) {
        LagAlert alert;
        alert.groupId = a.groupId;
        alert.kind = LagAlert::Kind::RetentionRisk;
        alert.title = tr("Consumer group %1: records at risk of retention").arg(a.groupId);
        QStringList words;
        if (a.recordsLost > 0)
            words << tr("%n record(s) were deleted by retention before the group read them.", nullptr,
                        int(qMin<qint64>(a.recordsLost, INT_MAX)));
        if (a.retentionShare && *a.retentionShare >= kRiskShare)
            words << tr("The lag spans %1% of the topic's retention.").arg(QLocale().toString(qRound(*a.retentionShare * 100)));
        if (a.retentionEtaMs && *a.retentionEtaMs < kRiskEtaMs && a.lag.value_or(0) > 0)
            words << tr("Unread records are deleted in about %1.").arg(LagAssessor::duration(*a.retentionEtaMs));
        alert.text = words.join(QLatin1Char(' '));
        out.append(alert);
    }
    was.trouble = trouble;
    was.retentionRisk = risk;
    return out;
}

void LagAlertRules::forget(const QString &groupId)
{
    m_raised.remove(groupId);
}

}   // namespace cohort
