// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetPlanner.h"

#include <algorithm>

namespace cohort {

Result<GroupResetPlan, QStringList> ResetPlanner::plan(const ResetStrategy &strategy, const Input &input)
{
    using Kind = ResetStrategy::Kind;
    GroupResetPlan out;
    out.groupId = input.groupId;
    out.state = input.state;
    QStringList errors;
    for (const TopicPartition &tp : input.partitions) {
        const QString name = tp.name();
        const auto w = input.watermarks.constFind(tp);
        if (w == input.watermarks.cend() || w->low < 0 || w->high < 0) {
            errors << tr("%1: its log start and end offsets could not be read (is its leader down?)").arg(name);
            continue;
        }
        PartitionResetPlan p;
        p.tp = tp;
        if (const auto c = input.current.constFind(tp); c != input.current.cend() && *c >= 0)
            p.current = *c;
        p.logStart = w->low;
        p.logEnd = w->high;
        if (input.deletions.contains(tp)) {
            p.deleteOffset = true;
            out.partitions << p;
            continue;
        }
        bool clampIt = false;
        switch (strategy.kind()) {
        case Kind::ToEarliest: p.requested = w->low; break;
        case Kind::ToLatest: p.requested = w->high; break;
        case Kind::ToDateTime:
        case Kind::ByDuration: {
            const auto t = input.offsetsForTimes.constFind(tp);
            if (t == input.offsetsForTimes.cend()) {
                errors << tr("%1: the offset for the time could not be read").arg(name);
                continue;
            }
            p.noRecordAtTime = *t < 0;
            p.requested = p.noRecordAtTime ? w->high : *t;
            break;
        }
        case Kind::ShiftBy:
            if (!p.current) {
                errors << tr("%1: cannot shift, the group has no committed offset there (choose another strategy for it)").arg(name);
                continue;
            }
            p.requested = *p.current + strategy.value();
            clampIt = true;
            break;
        case Kind::ToOffset:
            p.requested = strategy.value();
            clampIt = true;
            break;
        case Kind::ToCurrent: p.requested = p.current.value_or(w->high); break;
        case Kind::FromFile:
        case Kind::FromGroup: {
            const auto r = input.requested.constFind(tp);
            if (r == input.requested.cend()) {
                errors << tr("%1: no offset to copy for it").arg(name);
                continue;
            }
            p.requested = *r;
            clampIt = true;
            break;
        }
        }
        p.newOffset = p.requested;
        if (clampIt && p.requested > w->high) {
            p.newOffset = w->high;
            p.clamp = PartitionResetPlan::Clamp::ToLogEnd;
        } else if (clampIt && p.requested < w->low) {
            p.newOffset = w->low;
            p.clamp = PartitionResetPlan::Clamp::ToLogStart;
        }
        out.partitions << p;
    }
    if (!errors.isEmpty())
        return errors;
    std::sort(out.partitions.begin(), out.partitions.end(),
              [](const PartitionResetPlan &a, const PartitionResetPlan &b) { return a.tp < b.tp; });
    return out;
}

}   // namespace cohort
