#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What kafka-python's own client-side assignors give a group, step by step.

    kafka_python_assignment_steps.py BOOTSTRAP GROUP ASSIGNOR TOPICS STEP...

ASSIGNOR is a protocol name kafka-python ships an assignor for: range,
roundrobin, sticky or cooperative-sticky. TOPICS is NAME:PARTITIONS[,...], the
topics (already made) the members may subscribe to. Each STEP is one or more
actions separated by ';', done together:

    +T1[,T2...][@INSTANCE]   a kafka-python consumer joins GROUP subscribed to
                             T1, T2... (a static member with group.instance.id
                             INSTANCE when given)
    -N                       member N (0 is the first that joined) leaves

After each step the script polls every member (each on a thread of its own)
until they are all in one new generation, every partition of the topics they
subscribe to is assigned, each once, and nothing changed for 3 s; then it
prints one JSON line:

    {"step": k, "members": [{"index": i, "member_id": ..., "instance_id": ...,
     "topics": [...], "assignment": ["topic:partition", ...]}, ...]}

with the members still in the group, in join order. After the last step the
members leave. Errors end it non-zero with the traceback."""
import json
import sys
import threading
import time

from kafka import KafkaConsumer
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from kafka.coordinator.assignors.sticky.sticky_assignor import StickyPartitionAssignor

bootstrap, group, assignor, topics_arg = sys.argv[1:5]
steps = sys.argv[5:]
strategy = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor, "sticky": StickyPartitionAssignor,
            "cooperative-sticky": CooperativeStickyAssignor}[assignor]
partition_counts = {name: int(n) for name, n in (t.rsplit(":", 1) for t in topics_arg.split(","))}


class Member(threading.Thread):
    """One consumer, polled by its own thread only (kafka-python consumers are
    not thread-safe, and one polled in turn with another misses rebalance
    rounds); the main thread reads what it copies out."""

    def __init__(self, index, topics, instance):
        super().__init__(daemon=True)
        self.index, self.topics, self.instance = index, topics, instance
        kwargs = dict(bootstrap_servers=bootstrap, group_id=group, client_id="%s-c%d" % (group, index),
                      enable_auto_commit=False, partition_assignment_strategy=(strategy,), session_timeout_ms=6000,
                      heartbeat_interval_ms=500)
        if instance:
            kwargs["group_instance_id"] = instance
        self.c = KafkaConsumer(**kwargs)
        if instance:
            # A static leader that assigns before it knows a topic's
            # partitions gives them to nobody, and its rejoin to correct that
            # does not rebalance (KIP-345): learn them first, from a metadata
            # request for these topics only (the leader's metadata is what its
            # assignor iterates).
            self.c._cluster.set_topics(topics)
            deadline = time.time() + 30
            while any(self.c._cluster.partitions_for_topic(t) is None for t in topics):
                if time.time() > deadline:
                    raise SystemExit("kafka-python never saw the partitions of %s" % topics)
                self.c._net.run(self.c._manager.wait_for, self.c._cluster.request_update(), None)
        self.c.subscribe(topics)
        self.state = (None, None, [])   # generation id, member id, assignment
        self.leave = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.leave.is_set():
                self.c.poll(timeout_ms=100)
                g = self.c._coordinator._generation
                self.state = (g.generation_id, g.member_id,
                              sorted("%s:%d" % (tp.topic, tp.partition) for tp in self.c.assignment()))
            self.c.close()
        except Exception as e:   # reported by the main thread
            self.error = repr(e)


members = []
generation = -1
for k, step in enumerate(steps, 1):
    for action in step.split(";"):
        if action.startswith("+"):
            topics, _, instance = action[1:].partition("@")
            m = Member(len(members), topics.split(","), instance or None)
            members.append(m)
            m.start()
        else:
            gone = members[int(action[1:])]
            gone.leave.set()
            gone.join(30)
    live = [m for m in members if not m.leave.is_set()]
    expected = sorted("%s:%d" % (t, p) for t in {t for m in live for t in m.topics} for p in range(partition_counts[t]))
    deadline = time.time() + 90
    last, since = None, time.time()
    while True:
        if any(m.error for m in members):
            raise SystemExit("a member failed: %s" % [m.error for m in members])
        now = [m.state for m in live]
        if now != last:
            last, since = now, time.time()
        gens = {s[0] for s in now}
        settled = (len(gens) == 1 and next(iter(gens)) is not None and next(iter(gens)) > generation
                   and all(s[1] for s in now) and sorted(p for s in now for p in s[2]) == expected)
        if settled and time.time() - since >= 3:
            generation = next(iter(gens))
            break
        if time.time() > deadline:
            raise SystemExit("step %d did not settle in 90 s: %s" % (k, now))
        time.sleep(0.1)
    print(json.dumps({"step": k, "members": [{"index": m.index, "member_id": s[1], "instance_id": m.instance, "topics": m.topics,
                                             "assignment": s[2]} for m, s in zip(live, last)]}), flush=True)

for m in members:
    m.leave.set()
for m in members:
    m.join(30)
