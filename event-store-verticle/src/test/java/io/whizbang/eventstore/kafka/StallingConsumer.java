package io.whizbang.eventstore.kafka;

import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.serialization.BufferDeserializer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Kafka consumer whose offset commits hang, as they do when the group coordinator stops answering, until
 * {@link #wakeup()} ends them the way Kafka ends a blocked call: with a {@code WakeupException}. A hanging commit
 * never reaches the coordinator, so nothing it carried is committed.
 */
final class StallingConsumer extends KafkaConsumer<String, Buffer> {
    private final CountDownLatch wokenUp = new CountDownLatch(1);
    private final AtomicInteger stalled = new AtomicInteger();

    StallingConsumer(Map<String, String> config) {
        super(new HashMap<>(config), new StringDeserializer(), new BufferDeserializer());
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        stalled.incrementAndGet();
        try {
            // far longer than any test waits: the commit ends only when it is woken up
            wokenUp.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
        throw new WakeupException();
    }

    @Override
    public void wakeup() {
        super.wakeup();
        wokenUp.countDown();
    }

    /** Whether a commit has started hanging. */
    boolean stalls() {
        return stalled.get() > 0;
    }
}
