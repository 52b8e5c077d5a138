package io.whizbang.metrics;

import io.whizbang.error.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One command the dispatcher handled: the envelope's ids, how long it took, and what came of it.
 *
 * @param tenant        the tenant
 * @param type          the command's type name
 * @param messageId     the command's message id
 * @param correlationId the journey it belongs to
 * @param causationId   the message that caused it (an event, for a saga's command), or {@code null}
 * @param subject       who sent it
 * @param receivedAt    when the dispatcher received it
 * @param nanos         how long handling took
 * @param failure       the error code when it failed, else {@code null}
 * @param failureText   what went wrong, else {@code null}
 * @param stream        the stream it appended to, or {@code null}
 * @param eventIds      the ids of the events it appended
 */
public record CommandHandled(String tenant, String type, UUID messageId, UUID correlationId, UUID causationId,
                             String subject, Instant receivedAt, long nanos, ErrorCode failure, String failureText,
                             String stream, List<UUID> eventIds) {
    public CommandHandled {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }
}
