package io.whizbang.eventstore.kafka;

import io.vertx.core.json.JsonObject;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicNamingTest {
    private static OutboxMessage message(String tenant, String destination, String key) {
        return new OutboxMessage(MessageIds.next(), tenant, destination, key, new JsonObject(), new JsonObject());
    }

    @Test
    void theDefaultRuleUsesTheDestination() {
        assertThat(TopicNaming.of(TopicNaming.DESTINATION).topicOf(message("acme", "orders", "Order-1")))
                .isEqualTo("orders");
    }

    @Test
    void aTopicPerTenantOrPerCategory() {
        OutboxMessage message = message("acme", "orders", "Order-42");
        assertThat(TopicNaming.of("whizbang.{tenant}").topicOf(message)).isEqualTo("whizbang.acme");
        assertThat(TopicNaming.of("whizbang.{category}").topicOf(message)).isEqualTo("whizbang.Order");
        assertThat(TopicNaming.of("{tenant}.{category}.{destination}").topicOf(message))
                .isEqualTo("acme.Order.orders");
    }

    @Test
    void aKeyThatIsNoStreamIdFallsBackToTheDestinationAsCategory() {
        assertThat(TopicNaming.of("x.{category}").topicOf(message("acme", "orders", "plain"))).isEqualTo("x.orders");
    }

    @Test
    void charactersKafkaRefusesBecomeUnderscores() {
        assertThat(TopicNaming.of("whizbang.{tenant}").topicOf(message("ac me/ü", "orders", "Order-1")))
                .isEqualTo("whizbang.ac_me__");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> TopicNaming.of("whizbang.{region}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{region}").hasMessageContaining("{tenant}");
        assertThatThrownBy(() -> new KafkaOutboxOptions().setTopicTemplate(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
