package io.whizbang.message;

import io.whizbang.security.Principal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message with its metadata: ids for correlation and causation, the tenant, the principal, the trace context,
 * the time and the type under which it travels.
 *
 * @param messageId     this message's id, a UUIDv7
 * @param correlationId the id shared by every message of one request's journey
 * @param causationId   the id of the message that caused this one, or {@code null} for the first
 * @param tenant        the tenant whose data the message concerns
 * @param principal     who sent it
 * @param traceparent   the W3C trace context, or {@code null}
 * @param timestamp     when it was created
 * @param type          its type name and schema version
 * @param payload       the message itself
 * @param <M>           the message type
 */
public record Envelope<M>(UUID messageId, UUID correlationId, UUID causationId, String tenant, Principal principal,
                          String traceparent, Instant timestamp, MessageType type, M payload) {
    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /** The first message of a journey: new message id, new correlation id, in the principal's own tenant. */
    public static <M> Envelope<M> create(Principal principal, MessageType type, M payload) {
        return create(principal, type, payload, Clock.systemUTC());
    }

    /** The first message of a journey, timed by the given clock. */
    public static <M> Envelope<M> create(Principal principal, MessageType type, M payload, Clock clock) {
        UUID id = MessageIds.next(clock);
        return new Envelope<>(id, id, null, principal.tenant(), principal, null, clock.instant(), type, payload);
    }

    /** A message caused by this one: same correlation, tenant, principal and trace; this message as its cause. */
    public <N> Envelope<N> caused(MessageType childType, N childPayload, Clock clock) {
        return new Envelope<>(MessageIds.next(clock), correlationId, messageId, tenant, principal, traceparent,
                clock.instant(), childType, childPayload);
    }

    /** This envelope under another correlation id, for a request that brought its own. */
    public Envelope<M> withCorrelationId(UUID id) {
        return new Envelope<>(messageId, id, causationId, tenant, principal, traceparent, timestamp, type, payload);
    }

    /** This envelope aimed at another tenant; only a system principal may send it there. */
    public Envelope<M> withTenant(String otherTenant) {
        return new Envelope<>(messageId, correlationId, causationId, otherTenant, principal, traceparent, timestamp,
                type, payload);
    }

    /** This envelope with a W3C trace context. */
    public Envelope<M> withTraceparent(String trace) {
        return new Envelope<>(messageId, correlationId, causationId, tenant, principal, trace, timestamp, type,
                payload);
    }
}
