#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kafka-python 3.x (the tests' venv) against a cluster: a producer, three
consumers in one group, and the admin client. Prints one JSON object.

The consumer threads are daemons and every exit path stops them, so a failure
ends the script with its traceback instead of leaving it running."""
import json
import sys
import threading
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
result = {}

producer = KafkaProducer(bootstrap_servers=bootstrap)
for i in range(count):
    producer.send(topic, value=("py-%d" % i).encode(), partition=i % 6)
producer.flush(30)
producer.close()

consumers = [KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, client_id="py-%d" % i,
                           auto_offset_reset="earliest", enable_auto_commit=False,
                           session_timeout_ms=10000, heartbeat_interval_ms=500)
             for i in range(3)]
received = [[] for _ in consumers]
stop = threading.Event()


def run(i):
    c = consumers[i]
    while not stop.is_set():
        for _, msgs in c.poll(timeout_ms=200).items():
            received[i].extend(m.value.decode() for m in msgs)
        if received[i]:
            c.commit()


threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(3)]
for t in threads:
    t.start()
deadline = time.time() + 45
assignments = []
while time.time() < deadline:
    assignments = [sorted(p.partition for p in c.assignment()) for c in consumers]
    total = sum(len(r) for r in received)
    if all(assignments) and sum(len(a) for a in assignments) == 6 and total >= count:
        break
    time.sleep(0.2)
result["assignments"] = assignments
result["received"] = sorted(set(v for r in received for v in r))

try:
    # kafka-python 3's admin API: list_groups / describe_groups /
    # list_group_offsets answer plain dicts (2.x had list_consumer_groups).
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    result["groups"] = sorted(g["group_id"] for g in admin.list_groups())
    desc = admin.describe_groups([group])[group]
    result["state"] = desc["group_state"]
    result["protocol_type"] = desc["protocol_type"]
    result["members"] = sorted(m["client_id"] for m in desc["members"])
    offsets = admin.list_group_offsets({group: None})[group]
    result["offsets"] = {"%s:%d" % (tp.topic, tp.partition): om.offset for tp, om in offsets.items()}
    admin.close()
finally:
    stop.set()
    for t in threads:
        t.join(10)
    for c in consumers:
        c.close()
print(json.dumps(result))
