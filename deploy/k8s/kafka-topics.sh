#!/bin/sh
# Create ChannelHub's Kafka topics, idempotently. Runs in the apache/kafka image
# (the Kubernetes Job and the compose `kafka-topics` service both use this file).
#
# Env: KAFKA_BOOTSTRAP_SERVERS, TOPICS (whitespace-separated), PARTITIONS (3),
#      REPLICATION_FACTOR (3), MIN_INSYNC_REPLICAS (2).
# With acks=all producers, RF 3 + min.insync.replicas 2 survives one broker loss
# without losing an acknowledged event. Partitions are never changed for an existing
# topic: more partitions remap keys (aggregate ids) and break per-aggregate order for
# events in flight — add partitions only deliberately, with the relay and consumers quiet.
set -eu
BIN=${KAFKA_BIN:-/opt/kafka/bin}
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is required}
TOPICS=${TOPICS:?TOPICS is required}
PARTITIONS=${PARTITIONS:-3}
RF=${REPLICATION_FACTOR:-3}
MIN_ISR=${MIN_INSYNC_REPLICAS:-2}

tries=0
until "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "Kafka at $BOOTSTRAP not reachable" >&2; exit 1; fi
  echo "waiting for Kafka at $BOOTSTRAP ..."
  sleep 3
done

for topic in $TOPICS; do
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$RF" \
    --config min.insync.replicas="$MIN_ISR"
  echo "topic $topic: ok"
done
"$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal
