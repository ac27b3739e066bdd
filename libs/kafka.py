"""Kafka clients as this platform uses them.

Producers use acks=all without the idempotent producer: aiokafka's idempotent
mode sends InitProducerId v0, which the embedded Tansu broker does not answer,
and duplicates are harmless anyway because every consumer dedupes through its
inbox. Topics are created explicitly (Tansu does not auto-create them).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from libs.logging import get_logger

DEFAULT_PARTITIONS = 3
# the CloudEvents type of a record, in a header (the Kafka protocol binding's `ce_type`): consumers
# skip the types they do not handle without decoding the payload
TYPE_HEADER = "ce_type"
log = get_logger(__name__)


def dead_letter_topic(consumer: str) -> str:
    return f"{consumer}.dead-letter"


def new_producer(bootstrap: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=False,
        # a few ms of linger: a relay batch's records leave in one produce request per partition leader
        # instead of one each (their acks are awaited together anyway)
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=5000,
        retry_backoff_ms=200,
    )


async def ensure_topics(bootstrap: str, topics: Iterable[str], partitions: int = DEFAULT_PARTITIONS) -> None:
    wanted = sorted(set(topics))
    if not wanted:
        return
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in wanted if t not in existing]
        for topic in missing:
            try:
                await admin.create_topics([NewTopic(topic, partitions, 1)])
            except TopicAlreadyExistsError:
                pass
        if missing:
            log.info("topics created", topics=missing)
    finally:
        await admin.close()


async def wait_for_broker(bootstrap: str, deadline_seconds: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + deadline_seconds
    # aiokafka logs every refused connection at ERROR; while we wait for a starting broker that is noise
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        await _wait_for_broker(bootstrap, deadline)
    finally:
        logging.getLogger("aiokafka").setLevel(logging.NOTSET)


async def _wait_for_broker(bootstrap: str, deadline: float) -> None:
    while True:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=2000)
        try:
            await admin.start()
            await admin.list_topics()
            return
        except Exception:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.2)
        finally:
            await admin.close()
