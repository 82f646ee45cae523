#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A confluent-kafka consumer that joins a group from its committed offsets,
for tests that check where a reset left the group.

Usage: first_offsets.py BOOTSTRAP TOPIC GROUP PROTOCOL PARTITIONS [hold]
(PROTOCOL: classic or consumer, KIP-848)

Subscribes to TOPIC in GROUP (client.id GROUP-reader), never commits, and
polls until one record of each of PARTITIONS partitions arrived or 60 s
passed; prints one JSON line {"first": {"partition": offset}} with the
offset of the first record each partition delivered. With "hold" it then
stays in the group, polling, until its standard input closes; otherwise it
closes at once (leaving the group Empty)."""
import json
import sys
import threading
import time

from confluent_kafka import Consumer

bootstrap, topic, group, protocol, partitions = sys.argv[1:6]
partitions = int(partitions)
hold = len(sys.argv) > 6 and sys.argv[6] == "hold"

conf = {"bootstrap.servers": bootstrap, "group.id": group, "client.id": group + "-reader",
        "group.protocol": protocol, "auto.offset.reset": "earliest", "enable.auto.commit": False}
if protocol == "classic":
    conf.update({"session.timeout.ms": 6000, "heartbeat.interval.ms": 500})
c = Consumer(conf)
c.subscribe([topic])
first = {}
deadline = time.time() + 60
while len(first) < partitions and time.time() < deadline:
    m = c.poll(0.2)
    if m is not None and not m.error() and m.partition() not in first:
        first[m.partition()] = m.offset()
print(json.dumps({"first": {str(p): o for p, o in sorted(first.items())}}), flush=True)
if hold:
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    while not done.is_set():
        c.poll(0.2)
c.close()
