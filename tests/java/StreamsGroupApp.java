// SPDX-License-Identifier: GPL-3.0-or-later
// A Kafka Streams application that joins a KIP-1071 streams group
// (group.protocol=streams), for tests against Kafka 4.x. Compiled by the test
// with javac against the jars scripts/kafka-cluster.sh gathers.
//
// Usage: StreamsGroupApp BOOTSTRAP TOPIC APPLICATION_ID STATE_DIR
// Reads TOPIC and counts its records; prints "RUNNING" on stdout once the
// application is running, and closes when stdin closes or a line arrives.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

public final class StreamsGroupApp {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
        props.put("consumer.auto.offset.reset", "earliest");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        AtomicLong seen = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(args[1]).foreach((k, v) -> seen.incrementAndGet());
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println("RUNNING");
                System.out.flush();
            }
        });
        streams.start();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        streams.close(Duration.ofSeconds(20));
        System.out.println("CLOSED " + seen.get());
        System.out.flush();
    }
}
