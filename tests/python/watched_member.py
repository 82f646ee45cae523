#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One consumer-group member (confluent-kafka, classic protocol) whose own
view of its partitions a test compares with what Cohort's group watcher saw.

    watched_member.py BOOTSTRAP TOPIC GROUP CLIENT_ID ASSIGNOR [INSTANCE_ID|-] [REVOKE_DELAY_MS]

ASSIGNOR is range, roundrobin or cooperative-sticky, or "consumer" for a
KIP-848 member (group.protocol=consumer: the broker assigns, and the session
and heartbeat settings are the broker's); INSTANCE_ID makes it a
static member; REVOKE_DELAY_MS makes its revoke callback take that long (a
member that flushes its work before giving partitions up), which holds an
eager round, and the gap between a cooperative member's two rounds, open for
at least that long. It reads TOPIC from the beginning, commits automatically every
500 ms (session timeout 6 s, heartbeat every 500 ms) and prints one JSON line
per thing it knows, flushed at once:
  {"event": "assigned" | "revoked", "partitions": [..], "owned": [..], "member_id": ".."}
      from its rebalance callbacks (cooperative: the increment; eager: all),
      "owned" what it holds afterwards;
  {"event": "consumed", "total": N, "by_partition": {"P": next offset}}
      at most every 200 ms while messages arrive.
When its standard input closes it closes the consumer (a dynamic member
leaves the group; a static one does not, as KIP-345 has it) and exits. A test
kills it with SIGKILL to make a member that vanishes without leaving."""
import json
import sys
import threading
import time

from confluent_kafka import Consumer

bootstrap, topic, group, client_id, assignor = sys.argv[1:6]
instance_id = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] != "-" else None
revoke_delay_s = int(sys.argv[7]) / 1000.0 if len(sys.argv) > 7 else 0.0

conf = {"bootstrap.servers": bootstrap, "group.id": group, "client.id": client_id,
        "auto.offset.reset": "earliest", "enable.auto.commit": True, "auto.commit.interval.ms": 500}
if assignor == "consumer":
    conf["group.protocol"] = "consumer"
else:
    conf.update({"partition.assignment.strategy": assignor, "session.timeout.ms": 6000, "heartbeat.interval.ms": 500})
if instance_id:
    conf["group.instance.id"] = instance_id
consumer = Consumer(conf)
owned = set()


def say(obj):
    print(json.dumps(obj), flush=True)


def on_assign(c, partitions):
    owned.update(tp.partition for tp in partitions)
    say({"event": "assigned", "partitions": sorted(tp.partition for tp in partitions), "owned": sorted(owned),
         "member_id": c.memberid()})


def on_revoke(c, partitions):
    if partitions and revoke_delay_s:
        time.sleep(revoke_delay_s)
    owned.difference_update(tp.partition for tp in partitions)
    say({"event": "revoked", "partitions": sorted(tp.partition for tp in partitions), "owned": sorted(owned),
         "member_id": c.memberid()})




def on_lost(c, partitions):
    owned.difference_update(tp.partition for tp in partitions)
    say({"event": "revoked", "partitions": sorted(tp.partition for tp in partitions), "owned": sorted(owned),
         "member_id": c.memberid(), "lost": True})


consumer.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke, on_lost=on_lost)
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
total, by_partition, last_said, last_total = 0, {}, 0.0, 0
try:
    while not stop.is_set():
        m = consumer.poll(0.1)
        if m is not None and not m.error():
            total += 1
            by_partition[str(m.partition())] = m.offset() + 1
        if total != last_total and time.time() - last_said > 0.2:
            say({"event": "consumed", "total": total, "by_partition": by_partition})
            last_said, last_total = time.time(), total
finally:
    consumer.close()
