package io.whizbang.eventstore.kafka;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Kafka producer that closes itself at once when a send fails, so no record sent after the failed one reaches
 * Kafka: per partition, what the broker took is a prefix of what was sent.
 *
 * <p>Why: the idempotent producer keeps order only among the records it delivers. When a batch fails (its delivery
 * timed out while a broker was away), it starts a new epoch and goes on with the batches behind it, so a later
 * record of a stream can land while an earlier one did not; publishing the batch again then puts the earlier one
 * after it. Closing with a zero timeout inside the failed record's callback, on the producer's own thread, aborts
 * every batch not yet sent before the producer can move on (Kafka's advice for keeping order across failures). A
 * record sent after that fails at once. The publisher then replaces the producer and the relay retries the batch.
 */
final class FailFastProducer<K, V> implements Producer<K, V> {
    private final Producer<K, V> producer;
    private final AtomicBoolean failed = new AtomicBoolean();

    FailFastProducer(Producer<K, V> producer) {
        this.producer = producer;
    }

    /** Whether a send failed, so this producer is closed and takes nothing more. */
    boolean failed() {
        return failed.get();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        try {
            return producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    fail();
                }
                if (callback != null) {
                    callback.onCompletion(metadata, exception);
                }
            });
        } catch (RuntimeException e) {
            // a record the producer refused (it was closed, or the record could not be serialized) stops the rest too
            fail();
            throw e;
        }
    }

    private void fail() {
        if (failed.compareAndSet(false, true)) {
            producer.close(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        if (failed.get()) {
            // already closed at once; closing again would only unregister its metrics a second time
            return;
        }
        producer.close(timeout);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return producer.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return producer.clientInstanceId(timeout);
    }

    @Override
    public void initTransactions() {
        producer.initTransactions();
    }

    @Override
    public void beginTransaction() {
        producer.beginTransaction();
    }

    @Override
    @Deprecated
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, String consumerGroupId) {
        producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(consumerGroupId));
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        producer.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        producer.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        producer.abortTransaction();
    }
}
