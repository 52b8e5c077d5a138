package io.whizbang.eventstore.kafka;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaOptionsTest {
    @Test
    void theRelaysProducerIsAlwaysIdempotentWithAcksAllAndOneRequestInFlight() {
        Map<String, String> config = new KafkaOutboxOptions().setBootstrapServers("k1:9092,k2:9092")
                .setProducerConfig(new JsonObject().put("acks", "1").put("enable.idempotence", "false")
                        .put("max.in.flight.requests.per.connection", "5").put("compression.type", "lz4"))
                .producerProperties();
        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .containsEntry("bootstrap.servers", "k1:9092,k2:9092").containsEntry("compression.type", "lz4");
    }

    @Test
    void outboxOptionsSurviveTheirJson() {
        KafkaOutboxOptions options = new KafkaOutboxOptions().setBootstrapServers("k:1").setTopicTemplate("t.{tenant}")
                .setLingerMillis(2).setDeliveryTimeoutMillis(9000);
        assertThat(new KafkaOutboxOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    }

    @Test
    void theInboxNeverCommitsOnItsOwnAndNeedsTopicsOrAPattern() {
        KafkaInboxOptions options = new KafkaInboxOptions().setTopics(List.of("orders"))
                .setConsumerConfig(new JsonObject().put("enable.auto.commit", "true"));
        options.check();
        assertThat(options.consumerProperties()).containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", KafkaInboxOptions.DEFAULT_GROUP_ID);
        assertThatThrownBy(() -> new KafkaInboxOptions().check()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaInboxOptions().setTopics(List.of("a")).setTopicPattern("b.*").check())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaInboxOptions().setTopicPattern("(")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> new KafkaInboxOptions().setMaxInFlight(0)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaInboxOptions().setStopTimeoutMillis(0)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("stopTimeoutMillis");
    }

    @Test
    void inboxOptionsSurviveTheirJson() {
        KafkaInboxOptions options = new KafkaInboxOptions().setTopicPattern("whizbang\\..*").setGroupId("g")
                .setMaxInFlight(9).setDeadLetterSuffix("").setBackoff(5, 50).setStopTimeoutMillis(2_500);
        assertThat(new KafkaInboxOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    }
}
