#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer group made by confluent-kafka consumers, KIP-848
(group.protocol=consumer) or classic, for tests against Kafka 4.x.

Usage: consumer_group.py BOOTSTRAP TOPIC GROUP PARTITIONS RECORDS CONSUMERS PROTOCOL
(PROTOCOL: consumer or classic)

Creates TOPIC with PARTITIONS partitions, produces RECORDS records round-robin,
starts CONSUMERS consumers in GROUP that read everything and commit
synchronously what they read minus the last record of every partition (so
that the lag is one per partition, not zero), then prints one JSON line:
{"committed": {"topic:partition": offset}, "assigned": N}. It keeps the
consumers running until a line arrives on stdin, then closes them and prints
{"closed": true}."""
import json
import sys
import threading
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
partitions, records, count = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
protocol = sys.argv[7]

admin = AdminClient({"bootstrap.servers": bootstrap})
for f in admin.create_topics([NewTopic(topic, partitions, 1)]).values():
    f.result(30)

producer = Producer({"bootstrap.servers": bootstrap})
for i in range(records):
    producer.produce(topic, value=b"r%d" % i, partition=i % partitions)
producer.flush(30)

consumers = [Consumer({"bootstrap.servers": bootstrap, "group.id": group, "group.protocol": protocol,
                       "client.id": "kip848-%d" % i, "auto.offset.reset": "earliest",
                       "enable.auto.commit": False})
             for i in range(count)]
for c in consumers:
    c.subscribe([topic])

# The last offset read per partition, and how many records each partition
# holds. One thread polls every consumer in turn: confluent-kafka's
# assignment() blocks while another thread is inside poll().
read = {}
per_partition = {p: len(range(p, records, partitions)) for p in range(partitions)}


def poll_all():
    for c in consumers:
        m = c.poll(0.1)
        if m is not None and not m.error():
            read[m.partition()] = m.offset()


deadline = time.time() + 60
while True:
    poll_all()
    done = all(read.get(p, -1) == n - 1 for p, n in per_partition.items() if n > 0)
    if done and all(c.assignment() for c in consumers) and sum(len(c.assignment()) for c in consumers) == partitions:
        break
    if time.time() > deadline:
        print(json.dumps({"error": "the group did not read everything within 60 s"}), flush=True)
        sys.exit(1)

# Commit one short of the end of every partition: each has lag 1.
committed = {}
for c in consumers:
    offsets = [TopicPartition(topic, tp.partition, per_partition[tp.partition] - 1) for tp in c.assignment()]
    c.commit(offsets=offsets, asynchronous=False)
    for tp in offsets:
        committed["%s:%d" % (topic, tp.partition)] = tp.offset
print(json.dumps({"committed": committed, "assigned": sum(len(c.assignment()) for c in consumers)}), flush=True)

# Keep the members alive (polling serves the heartbeats) until told to stop.
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
while not stop.is_set():
    poll_all()
for c in consumers:
    c.close()
print(json.dumps({"closed": True}), flush=True)
