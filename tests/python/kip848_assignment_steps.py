#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the broker's KIP-848 assignor gives a group that grows one member at a time.

    kip848_assignment_steps.py BOOTSTRAP TOPIC[,TOPIC...] GROUP MEMBERS ASSIGNOR PARTITIONS[,PARTITIONS...]

MEMBERS confluent-kafka consumers (group.protocol=consumer,
group.remote.assignor=ASSIGNOR) join GROUP, each subscribed to every TOPIC
(with the PARTITIONS of the same place in the list), one after the other.
After each join the script polls every member until all partitions are
assigned, each once, evenly (members at most one partition apart), and nothing
changed for 6 s, then prints one JSON line: {"step": k, "members": [member id,
...], "assignment": {member id: [partition, ...]}, "topic_assignment": {member
id: [[topic, partition], ...]}} ("assignment" is for one topic).
"members" is the group as the coordinator listed it (a
ConsumerGroupDescribe) just before the step's member joined, that member last:
the order in which the coordinator hands the members to the assignor.
Finally it prints {"topic_id": "<base64 id of the first topic>", "topic_ids":
{topic: id}} and the members leave. Errors end it non-zero with the traceback."""
import json
import sys
import time

from confluent_kafka import Consumer
from confluent_kafka.admin import AdminClient
from confluent_kafka import TopicCollection

bootstrap, topics, group, count, assignor, partitions = sys.argv[1:7]
topics = topics.split(",")
count = int(count)
partitions = dict(zip(topics, (int(p) for p in partitions.split(","))))

members = []
admin = AdminClient({"bootstrap.servers": bootstrap})


def listed():
    # The coordinator's own order (its members map); none before the first join.
    if not members:
        return []
    return [m.member_id for m in admin.describe_consumer_groups([group])[group].result().members]


def snapshot():
    return {c.memberid(): sorted([tp.topic, tp.partition] for tp in c.assignment()) for c in members}


def settled(snap):
    # Every partition owned once, and reconciliation over: both assignors give
    # one topic's partitions to its members evenly (at most one apart). The
    # members heartbeat every 5 s (the broker's default), so "unchanged" must
    # outlast a heartbeat.
    owned = sorted(tp for tps in snap.values() for tp in tps)
    counts = [len(tps) for tps in snap.values()]
    every = sorted([t, p] for t in topics for p in range(partitions[t]))
    return all(snap.keys()) and owned == every and max(counts) - min(counts) <= 1


for step in range(1, count + 1):
    before = listed()
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "group.protocol": "consumer",
                  "group.remote.assignor": assignor, "client.id": "%s-c%d" % (group, step),
                  "auto.offset.reset": "earliest", "enable.auto.commit": False,
                  "topic.metadata.refresh.interval.ms": 1000})
    c.subscribe(topics)
    members.append(c)
    deadline = time.monotonic() + 90
    last, since = None, time.monotonic()
    while True:
        for m in members:
            m.poll(0.05)
        snap = snapshot()
        if snap != last:
            last, since = snap, time.monotonic()
        elif settled(snap) and time.monotonic() - since >= 6:
            break
        if time.monotonic() > deadline:
            raise SystemExit("step %d did not settle: %s" % (step, json.dumps(snap)))
    partitions_only = {m: [p for _, p in tps] for m, tps in snap.items()}
    print(json.dumps({"step": step, "members": before + [c.memberid()], "assignment": partitions_only,
                      "topic_assignment": snap}), flush=True)

described = admin.describe_topics(TopicCollection(topics))
ids = {t: str(described[t].result().topic_id) for t in topics}
print(json.dumps({"topic_id": ids[topics[0]], "topic_ids": ids}), flush=True)
for m in members:
    m.close()
