package io.whizbang.eventstore.kafka;

import io.whizbang.outbox.OutboxMessage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule that names the Kafka topic of an outgoing message: a template whose placeholders {@code {destination}},
 * {@code {tenant}} and {@code {category}} (the stream category of the message's key, {@code Order} for
 * {@code Order-42}) are filled in per message.
 *
 * <p>{@code {destination}} (the default) uses the outbox message's destination as it is; {@code whizbang.{tenant}}
 * gives a topic per tenant; {@code whizbang.{category}} a topic per stream category. Characters Kafka does not
 * allow in a topic name become {@code _}, so no tenant name can make a message unpublishable.
 */
public final class TopicNaming {
    /** The template that uses each message's destination as its topic. */
    public static final String DESTINATION = "{destination}";

    private static final Pattern ILLEGAL = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(destination|tenant|category)}");
    private static final int MAX_LENGTH = 249;

    private final String template;

    private TopicNaming(String template) {
        this.template = template;
    }

    /** The rule for a template; fails on a blank template or an unknown placeholder. */
    public static TopicNaming of(String template) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new IllegalArgumentException("a topic template must not be blank");
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new IllegalArgumentException("topic template \"" + template + "\" has an unknown placeholder; use"
                    + " {destination}, {tenant} or {category}");
        }
        return new TopicNaming(template);
    }

    /** The template of this rule. */
    public String template() {
        return template;
    }

    /** The topic of a message. */
    public String topicOf(OutboxMessage message) {
        String topic = template.replace("{destination}", message.destination())
                .replace("{tenant}", message.tenant())
                .replace("{category}", categoryOf(message));
        topic = ILLEGAL.matcher(topic).replaceAll("_");
        return topic.length() > MAX_LENGTH ? topic.substring(0, MAX_LENGTH) : topic;
    }

    private static String categoryOf(OutboxMessage message) {
        int dash = message.key().indexOf('-');
        return dash > 0 ? message.key().substring(0, dash) : message.destination();
    }
}
