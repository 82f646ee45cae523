#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer group made by an independent client, for tests that compare what
Cohort shows with what the client itself knows.

    group_members.py CLIENT BOOTSTRAP TOPIC GROUP MEMBERS ASSIGNOR [INSTANCE_PREFIX]

CLIENT is confluent-kafka or kafka-python; ASSIGNOR range, roundrobin or
cooperative-sticky. MEMBERS consumers (client.id GROUP-cN, static members
INSTANCE_PREFIX-N when given) read TOPIC from the beginning until every
partition is assigned to exactly one of them (no overlap while a rebalance
moves partitions) and read to its end, then commit what they read
synchronously; a commit refused because the group rebalanced is tried again
once that whole rebalance is over (every member assigned anew) and the group
has settled again. The script then prints one JSON line of what the clients know
(member ids, client ids, instance ids, assignments, committed offsets) and
keeps the members in the group, polling, until its standard input closes;
then they leave and it exits. Errors end it non-zero with the traceback."""
import json
import sys
import threading
import time

client, bootstrap, topic, group, count, assignor = sys.argv[1:7]
count = int(count)
instance_prefix = sys.argv[7] if len(sys.argv) > 7 else None
client_ids = ["%s-c%d" % (group, i) for i in range(count)]
instance_ids = ["%s-%d" % (instance_prefix, i) if instance_prefix else None for i in range(count)]


class ConfluentMember:
    def __init__(self, i):
        from confluent_kafka import Consumer
        conf = {"bootstrap.servers": bootstrap, "group.id": group, "client.id": client_ids[i],
                "auto.offset.reset": "earliest", "enable.auto.commit": False,
                "partition.assignment.strategy": assignor, "session.timeout.ms": 6000,
                "heartbeat.interval.ms": 500}
        if instance_ids[i]:
            conf["group.instance.id"] = instance_ids[i]
        self.c = Consumer(conf)
        self.assigns = 0   # rebalances this member finished (its assignment callbacks)
        self.c.subscribe([topic], on_assign=self._assigned)
        self.read = {}   # partition -> next offset

    def _assigned(self, consumer, partitions):
        self.assigns += 1

    def poll(self):
        m = self.c.poll(0.1)
        if m is not None and not m.error():
            self.read[m.partition()] = m.offset() + 1

    def assignment(self):
        return sorted(tp.partition for tp in self.c.assignment())

    def commit(self):
        from confluent_kafka import TopicPartition
        mine = [TopicPartition(topic, p, o) for p, o in self.read.items() if p in self.assignment()]
        if mine:
            self.c.commit(offsets=mine, asynchronous=False)
        return {tp.partition: tp.offset for tp in self.c.committed([TopicPartition(topic, p) for p in self.assignment()], timeout=10)
                if tp.offset >= 0}

    def member_id(self):
        return self.c.memberid()

    def close(self):
        self.c.close()


class KafkaPythonMember:
    def __init__(self, i):
        from kafka import ConsumerRebalanceListener, KafkaConsumer
        from kafka.coordinator.assignors.range import RangePartitionAssignor
        from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
        from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor
        strategy = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor,
                    "cooperative-sticky": CooperativeStickyAssignor}[assignor]
        kwargs = dict(bootstrap_servers=bootstrap, group_id=group, client_id=client_ids[i], auto_offset_reset="earliest",
                      enable_auto_commit=False, partition_assignment_strategy=(strategy,), session_timeout_ms=6000,
                      heartbeat_interval_ms=500)
        if instance_ids[i]:
            kwargs["group_instance_id"] = instance_ids[i]
        # The topic's metadata first, then the subscription: a kafka-python
        # leader that joins before it knows the topic's partitions assigns
        # nothing ("No partition metadata"), and a static leader's rejoin to
        # correct that does not rebalance (KIP-345), so the group would stay so.
        self.c = KafkaConsumer(**kwargs)
        deadline = time.time() + 30
        while not self.c.partitions_for_topic(topic):
            if time.time() > deadline:
                raise SystemExit("kafka-python never saw the partitions of %s" % topic)
            time.sleep(0.1)
        member = self

        class Listener(ConsumerRebalanceListener):
            def on_partitions_revoked(self, revoked):
                pass

            def on_partitions_assigned(self, assigned):
                member.assigns += 1

        self.assigns = 0
        self.c.subscribe([topic], listener=Listener())
        self.read = {}

    def poll(self):
        for tp, msgs in self.c.poll(timeout_ms=100).items():
            if msgs:
                self.read[tp.partition] = msgs[-1].offset + 1

    def assignment(self):
        return sorted(tp.partition for tp in self.c.assignment())

    def commit(self):
        from kafka import OffsetAndMetadata, TopicPartition
        mine = {TopicPartition(topic, p): OffsetAndMetadata(o, "", -1) for p, o in self.read.items() if p in self.assignment()}
        # Bounded, so that a commit retrying inside the client (which does not
        # poll meanwhile, and so holds up a rebalance) cannot outlast the
        # script's deadline: the main thread waits for the rebalance and asks again.
        if mine:
            self.c.commit(mine, timeout_ms=5000)
        out = {}
        for p in self.assignment():
            o = self.c.committed(TopicPartition(topic, p), timeout_ms=5000)
            if o is not None:
                out[p] = o
        return out

    def member_id(self):
        # kafka-python keeps the id the coordinator gave it in its generation.
        return self.c._coordinator._generation.member_id

    def close(self):
        self.c.close()


def end_offsets(members):
    from confluent_kafka import Consumer, TopicPartition
    probe = Consumer({"bootstrap.servers": bootstrap, "group.id": group + "-probe"})
    try:
        partitions = probe.list_topics(topic, timeout=10).topics[topic].partitions
        return {p: probe.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1] for p in partitions}
    finally:
        probe.close()


make = {"confluent-kafka": ConfluentMember, "kafka-python": KafkaPythonMember}[client]
members = [make(i) for i in range(count)]
ends = end_offsets(members)
stop = threading.Event()
commit_now = threading.Event()


class Runner(threading.Thread):
    """Polls one member on a thread of its own (a kafka-python consumer must
    not be polled by one thread in turn with another member: it then misses
    rebalance rounds) and is the only thread that calls it (confluent-kafka's
    assignment() from another thread waits for its poll): the main thread
    reads what it copied out, and asks it to commit."""

    def __init__(self, member):
        super().__init__(daemon=True)
        self.m = member
        self.assigned = []
        self.committed = None
        self.refused = None   # why this round's commit was refused (a rebalance, a timeout)
        self.error = None
        self.retries = []     # every refusal, for the report of a failure

    def run(self):
        try:
            while not stop.is_set():
                self.m.poll()
                self.assigned = self.m.assignment()
                if commit_now.is_set() and self.committed is None and self.refused is None:
                    self.assignment, self.member_id = self.m.assignment(), self.m.member_id()
                    try:
                        self.committed = self.m.commit()
                    except Exception as e:
                        # A rebalance under way (a static member's late join,
                        # a member dropped by a slow machine) or a bounded
                        # commit that timed out: one try per round, and the
                        # member keeps polling so the rebalance can finish.
                        # Anything else ends the script.
                        if not retry_after_poll(e):
                            raise
                        self.refused = repr(e)
                        self.retries.append(self.refused)
        except Exception as e:   # reported by the main thread
            self.error = repr(e)


def retry_after_poll(e):
    """Whether a failed commit is worth another try after polling: the group
    rebalancing or the member's generation gone (the poll rejoins), or the
    commit's own timeout."""
    text = type(e).__name__ + " " + str(e)
    return any(k in text for k in ("RebalanceInProgress", "REBALANCE_IN_PROGRESS", "CommitFailed", "KafkaTimeout",
                                   "ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID", "TIMED_OUT"))


def settled():
    """Every partition assigned to exactly one member (none twice, as while a
    rebalance moves them), every member given some while there are enough,
    and everything assigned read to its end."""
    owned = [r.assigned for r in runners]
    every = sorted(p for a in owned for p in a)
    if every != sorted(ends) or len(set(every)) != len(every) or any(not a for a in owned[:len(ends)]):
        return False
    return all(r.m.read.get(p, 0) >= ends[p] for r in runners for p in r.assigned)


def check_errors():
    if any(r.error for r in runners):
        raise SystemExit("a member failed: %s" % [r.error for r in runners])


def wait_settled(deadline):
    """Until settled() holds, and still holds half a second later (the
    members' views are copied at different times)."""
    since = None
    while True:
        check_errors()
        if settled():
            since = since or time.time()
            if time.time() - since >= 0.5:
                return
        else:
            since = None
        if time.time() > deadline:
            raise SystemExit("the group did not settle: assigned %s, refused commits %s"
                             % ([r.assigned for r in runners], [r.retries for r in runners]))
        time.sleep(0.1)


runners = [Runner(m) for m in members]
for r in runners:
    r.start()
try:
    deadline = time.time() + 120
    wait_settled(deadline)
    # One commit round: every member commits once. If one was refused, or the
    # group rebalanced meanwhile (an assignment changed, a member assigned
    # anew), the round is of no one generation: wait until that whole
    # rebalance is over (every member assigned anew, at most 20 s: a refusal
    # may have been only a timeout) and the group settled, then a new round.
    while True:
        assigns = [r.m.assigns for r in runners]
        for r in runners:
            r.committed = r.refused = None
        commit_now.set()
        while any(r.committed is None and r.refused is None for r in runners):
            check_errors()
            if time.time() > deadline:
                raise SystemExit("the members did not commit: refused %s, assigned %s"
                                 % ([r.retries for r in runners], [r.assigned for r in runners]))
            time.sleep(0.1)
        commit_now.clear()
        if (all(r.refused is None for r in runners) and all(r.assigned == r.assignment for r in runners)
                and [r.m.assigns for r in runners] == assigns):
            break
        rebalance_over = min(deadline, time.time() + 20)
        while any(r.m.assigns <= a for r, a in zip(runners, assigns)) and time.time() < rebalance_over:
            check_errors()
            time.sleep(0.1)
        wait_settled(deadline)

    report = {"members": [], "committed": {}}
    for i, r in enumerate(runners):
        report["committed"].update({"%s:%d" % (topic, p): o for p, o in r.committed.items()})
        report["members"].append({"member_id": r.member_id, "client_id": client_ids[i], "instance_id": instance_ids[i],
                                  "assignment": r.assignment})
    report["end_offsets"] = {"%s:%d" % (topic, p): o for p, o in ends.items()}
    print(json.dumps(report), flush=True)
    sys.stdin.read()
finally:
    stop.set()
    for r in runners:
        r.join(10)
    for m in members:
        m.close()
