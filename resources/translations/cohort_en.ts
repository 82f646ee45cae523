<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CliResetRun</name>
    <message numerus="yes">
        <source>group &apos;%1&apos;: %2 message(s) to read again, %3 to skip</source>
        <translation>
            <numerusform>group &apos;%1&apos;: %2 message to read again, %3 to skip</numerusform>
            <numerusform>group &apos;%1&apos;: %2 messages to read again, %3 to skip</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>group &apos;%1&apos; is %2 with %n active member(s): %3</source>
        <translation>
            <numerusform>group &apos;%1&apos; is %2 with %n active member: %3</numerusform>
            <numerusform>group &apos;%1&apos; is %2 with %n active members: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupActionAvailability</name>
    <message numerus="yes">
        <source>Only an Empty group can be deleted; &quot;%1&quot; is %2 with %n member(s). Stop its consumers first.</source>
        <translation>
            <numerusform>Only an Empty group can be deleted; &quot;%1&quot; is %2 with %n member. Stop its consumers first.</numerusform>
            <numerusform>Only an Empty group can be deleted; &quot;%1&quot; is %2 with %n members. Stop its consumers first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupEventText</name>
    <message numerus="yes">
        <source>%n partition(s) moved</source>
        <translation>
            <numerusform>%n partition moved</numerusform>
            <numerusform>%n partitions moved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsWatchCommand</name>
    <message numerus="yes">
        <source>watching group &apos;%1&apos; (%2, %n member(s)); Ctrl-C stops</source>
        <translation>
            <numerusform>watching group &apos;%1&apos; (%2, %n member); Ctrl-C stops</numerusform>
            <numerusform>watching group &apos;%1&apos; (%2, %n members); Ctrl-C stops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <source>%n part(s) of the history in %1 could not be read and were left out.</source>
        <translation>
            <numerusform>%n part of the history in %1 could not be read and was left out.</numerusform>
            <numerusform>%n parts of the history in %1 could not be read and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LagAlertRules</name>
    <message numerus="yes">
        <source>%n record(s) were deleted by retention before the group read them.</source>
        <translation>
            <numerusform>%n record was deleted by retention before the group read it.</numerusform>
            <numerusform>%n records were deleted by retention before the group read them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LagAssessor</name>
    <message numerus="yes">
        <source>; %n record(s) deleted by retention before they were read</source>
        <translation>
            <numerusform>; %n record deleted by retention before it was read</numerusform>
            <numerusform>; %n records deleted by retention before they were read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MissingPart</name>
    <message numerus="yes">
        <source>%1 did not list its groups: %2; %n group(s) shown as last read</source>
        <translation>
            <numerusform>%1 did not list its groups: %2; %n group shown as last read</numerusform>
            <numerusform>%1 did not list its groups: %2; %n groups shown as last read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>end offsets of %n partition(s) with no known leader not read: %1</source>
        <translation>
            <numerusform>end offsets of %n partition with no known leader not read: %1</numerusform>
            <numerusform>end offsets of %n partitions with no known leader not read: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>end offsets of %n partition(s) led by %1 not read: %2</source>
        <translation>
            <numerusform>end offsets of %n partition led by %1 not read: %2</numerusform>
            <numerusform>end offsets of %n partitions led by %1 not read: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OffsetsCsv</name>
    <message numerus="yes">
        <source>three columns (topic,partition,offset) belong to one group, but %n group(s) are selected: use four columns (group,topic,partition,offset)</source>
        <translation>
            <numerusform>three columns (topic,partition,offset) belong to one group, but %n group is selected: use four columns (group,topic,partition,offset)</numerusform>
            <numerusform>three columns (topic,partition,offset) belong to one group, but %n groups are selected: use four columns (group,topic,partition,offset)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>topic &apos;%1&apos; has no partition %2 (it has %n partition(s))</source>
        <translation>
            <numerusform>topic &apos;%1&apos; has no partition %2 (it has %n partition)</numerusform>
            <numerusform>topic &apos;%1&apos; has no partition %2 (it has %n partitions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RebalanceSighting</name>
    <message numerus="yes">
        <source>Seen between two refreshes: other members, %n in all</source>
        <translation>
            <numerusform>Seen between two refreshes: another member, %n in all</numerusform>
            <numerusform>Seen between two refreshes: other members, %n in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetGuard</name>
    <message numerus="yes">
        <source>group &apos;%1&apos; is %2 with %n active member(s): %3</source>
        <translation>
            <numerusform>group &apos;%1&apos; is %2 with %n active member: %3</numerusform>
            <numerusform>group &apos;%1&apos; is %2 with %n active members: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetScope</name>
    <message numerus="yes">
        <source>topic &apos;%1&apos; has no partition %2 (it has %n partition(s))</source>
        <translation>
            <numerusform>topic &apos;%1&apos; has no partition %2 (it has %n partition)</numerusform>
            <numerusform>topic &apos;%1&apos; has no partition %2 (it has %n partitions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotLoader</name>
    <message numerus="yes">
        <source>Describing %1 group(s)</source>
        <translation>
            <numerusform>Describing %1 group</numerusform>
            <numerusform>Describing %1 groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the committed offsets of %1 group(s)</source>
        <translation>
            <numerusform>Reading the committed offsets of %1 group</numerusform>
            <numerusform>Reading the committed offsets of %1 groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the end offsets of %1 partition(s)</source>
        <translation>
            <numerusform>Reading the end offsets of %1 partition</numerusform>
            <numerusform>Reading the end offsets of %1 partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listing groups on %n broker(s)</source>
        <translation>
            <numerusform>Listing groups on %n broker</numerusform>
            <numerusform>Listing groups on %n brokers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableMenus</name>
    <message numerus="yes">
        <source>&amp;Copy %n Row(s)</source>
        <translation>
            <numerusform>&amp;Copy %n Row</numerusform>
            <numerusform>&amp;Copy %n Rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::AssignmentTreeModel</name>
    <message numerus="yes">
        <source>%n partition(s) without a known lag are not counted.</source>
        <translation>
            <numerusform>%n partition without a known lag is not counted.</numerusform>
            <numerusform>%n partitions without a known lag are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owns %n partition(s).</source>
        <translation>
            <numerusform>Owns %n partition.</numerusform>
            <numerusform>Owns %n partitions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An even split over %n member(s) would be %1 each.</source>
        <translation>
            <numerusform>An even split over %n member would be %1 each.</numerusform>
            <numerusform>An even split over %n members would be %1 each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owns %n partition(s) of this topic.</source>
        <translation>
            <numerusform>Owns %n partition of this topic.</numerusform>
            <numerusform>Owns %n partitions of this topic.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An even split over the %n member(s) reading it would be %1 each.</source>
        <translation>
            <numerusform>An even split over the %n member reading it would be %1 each.</numerusform>
            <numerusform>An even split over the %n members reading it would be %1 each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::AssignmentWhatIfDialog</name>
    <message numerus="yes">
        <source>%1 gives %n member(s) between %2 and %3 partitions: skew %4 (max − min).</source>
        <translation>
            <numerusform>%1 gives %n member between %2 and %3 partitions: skew %4 (max − min).</numerusform>
            <numerusform>%1 gives %n members between %2 and %3 partitions: skew %4 (max − min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) would move from their current owner (%1 of them from removed members).</source>
        <translation>
            <numerusform>%n partition would move from its current owner (%1 of them from a removed member).</numerusform>
            <numerusform>%n partitions would move from their current owner (%1 of them from removed members).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) would move from their current owner.</source>
        <translation>
            <numerusform>%n partition would move from its current owner.</numerusform>
            <numerusform>%n partitions would move from their current owner.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::DeleteGroupDialog</name>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::DeleteOffsetsDialog</name>
    <message numerus="yes">
        <source>%1 — %n partition(s), subscribed by a member</source>
        <translation>
            <numerusform>%1 — %n partition, subscribed by a member</numerusform>
            <numerusform>%1 — %n partitions, subscribed by a member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n partition(s)</source>
        <translation>
            <numerusform>%1 — %n partition</numerusform>
            <numerusform>%1 — %n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n partition(s) refused: %2</source>
        <translation>
            <numerusform>%1, %n partition refused: %2</numerusform>
            <numerusform>%1, %n partitions refused: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::GroupActions</name>
    <message numerus="yes">
        <source>Exported %n committed offset(s) of %1 to %2.</source>
        <translation>
            <numerusform>Exported %n committed offset of %1 to %2.</numerusform>
            <numerusform>Exported %n committed offsets of %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::GroupPage</name>
    <message numerus="yes">
        <source> (+%n unknown)</source>
        <translation>
            <numerusform> (+%n unknown)</numerusform>
            <numerusform> (+%n unknown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n ahead of the log end)</source>
        <translation>
            <numerusform> (+%n ahead of the log end)</numerusform>
            <numerusform> (+%n ahead of the log end)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have a committed offset ahead of the log end (negative lag): the topic was truncated or deleted and recreated since the group committed. They are not counted as lag.</source>
        <translation>
            <numerusform>%n partition has a committed offset ahead of the log end (negative lag): the topic was truncated or deleted and recreated since the group committed. It is not counted as lag.</numerusform>
            <numerusform>%n partitions have a committed offset ahead of the log end (negative lag): the topic was truncated or deleted and recreated since the group committed. They are not counted as lag.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::GroupTableModel</name>
    <message numerus="yes">
        <source>%n partition(s) without a committed offset are not counted.</source>
        <translation>
            <numerusform>%n partition without a committed offset is not counted.</numerusform>
            <numerusform>%n partitions without a committed offset are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have a committed offset ahead of the log end (the topic was truncated or recreated): not counted as lag; open the group to see which.</source>
        <translation>
            <numerusform>%n partition has a committed offset ahead of the log end (the topic was truncated or recreated): not counted as lag; open the group to see which.</numerusform>
            <numerusform>%n partitions have a committed offset ahead of the log end (the topic was truncated or recreated): not counted as lag; open the group to see which.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::LagChartsPanel</name>
    <message numerus="yes">
        <source>The %n partition(s) furthest behind; the others summed</source>
        <translation>
            <numerusform>The partition furthest behind; the others summed</numerusform>
            <numerusform>The %n partitions furthest behind; the others summed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Others (%n partition(s))</source>
        <translation>
            <numerusform>Others (%n partition)</numerusform>
            <numerusform>Others (%n partitions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::MainWindow</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Member(s)…</source>
        <translation>
            <numerusform>Remove %n Member…</numerusform>
            <numerusform>Remove %n Members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln broker(s)</source>
        <translation>
            <numerusform>%Ln broker</numerusform>
            <numerusform>%Ln brokers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::RebalanceTimeline</name>
    <message numerus="yes">
        <source>%1 owned %n partition(s): %2</source>
        <translation>
            <numerusform>%1 owned %n partition: %2</numerusform>
            <numerusform>%1 owned %n partitions: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::RemoveMembersDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetApplyPage</name>
    <message numerus="yes">
        <source>Waiting for %1 to be Empty: it is %2 with %n member(s). Nothing has been written.</source>
        <translation>
            <numerusform>Waiting for %1 to be Empty: it is %2 with %n member. Nothing has been written.</numerusform>
            <numerusform>Waiting for %1 to be Empty: it is %2 with %n members. Nothing has been written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2 with %n member(s)</source>
        <translation>
            <numerusform>%1 is %2 with %n member</numerusform>
            <numerusform>%1 is %2 with %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: the committed offsets read back match the plan for all %n partition(s).</source>
        <translation>
            <numerusform>Verified: the committed offset read back matches the plan (%n partition).</numerusform>
            <numerusform>Verified: the committed offsets read back match the plan for all %n partitions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offsets of %1 reset and verified (%n partition(s)).</source>
        <translation>
            <numerusform>Offsets of %1 reset and verified (%n partition).</numerusform>
            <numerusform>Offsets of %1 reset and verified (%n partitions).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetHistoryDialog</name>
    <message numerus="yes">
        <source>%n reset(s) backed up in %1.</source>
        <translation>
            <numerusform>%n reset backed up in %1.</numerusform>
            <numerusform>%n resets backed up in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetPreviewPage</name>
    <message numerus="yes">
        <source>%n partition(s): </source>
        <translation>
            <numerusform>%n partition: </numerusform>
            <numerusform>%n partitions: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) outside [log start, log end] moved to the nearer end (marked).</source>
        <translation>
            <numerusform>%n target outside [log start, log end] moved to the nearer end (marked).</numerusform>
            <numerusform>%n targets outside [log start, log end] moved to the nearer end (marked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have no record at or after the time: the log end.</source>
        <translation>
            <numerusform>%n partition has no record at or after the time: the log end.</numerusform>
            <numerusform>%n partitions have no record at or after the time: the log end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) get their first committed offset (an undo deletes it again).</source>
        <translation>
            <numerusform>%n partition gets its first committed offset (an undo deletes it again).</numerusform>
            <numerusform>%n partitions get their first committed offsets (an undo deletes them again).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) had no committed offset before that reset: their offsets are deleted (new offset none).</source>
        <translation>
            <numerusform>%n partition had no committed offset before that reset: its offset is deleted (new offset none).</numerusform>
            <numerusform>%n partitions had no committed offset before that reset: their offsets are deleted (new offset none).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetScopePage</name>
    <message numerus="yes">
        <source>%n topic(s) with committed offsets.</source>
        <translation>
            <numerusform>%n topic with committed offsets.</numerusform>
            <numerusform>%n topics with committed offsets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) chosen.</source>
        <translation>
            <numerusform>%n partition chosen.</numerusform>
            <numerusform>%n partitions chosen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetStrategyPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n partition(s)</source>
        <translation>
            <numerusform>%1: %n partition</numerusform>
            <numerusform>%1: %n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file is good: %n partition(s).</source>
        <translation>
            <numerusform>The file is good: %n partition.</numerusform>
            <numerusform>The file is good: %n partitions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::TopicTableModel</name>
    <message numerus="yes">
        <source>%n partition(s) without a known end offset (leader not answering) are not counted.</source>
        <translation>
            <numerusform>%n partition without a known end offset (leader not answering) is not counted.</numerusform>
            <numerusform>%n partitions without a known end offset (leader not answering) are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) without a known lag are not counted.</source>
        <translation>
            <numerusform>%n partition without a known lag is not counted.</numerusform>
            <numerusform>%n partitions without a known lag are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::TriggerRebalanceDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
</TS>
