package io.whizbang.gateway.web;

import graphql.GraphQLContext;
import io.vertx.core.Future;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Who runs one GraphQL operation and under which correlation id: what data fetchers find in the
 * {@link GraphQLContext}.
 *
 * <p>The principal is a future that failed with {@code UNAUTHENTICATED} when the request had no valid token, so an
 * operation that reads nothing (introspection) runs without one, and every field that reaches the back end fails
 * with the reason.
 *
 * @param principal     the verified principal, or the refusal
 * @param correlationId the correlation id as the caller sees it (echoed in responses)
 * @param transport     how the operation arrived
 */
record Caller(Future<Principal> principal, String correlationId, Transport transport) {
    /** The key of the caller in the GraphQL context. */
    static final String KEY = "whizbang.caller";

    /** The prefix of the name-based UUIDs that stand for correlation ids that are not UUIDs. */
    private static final String NAMESPACE = "whizbang-correlation:";

    /** How an operation reached the gateway. */
    enum Transport {
        /** {@code POST /graphql}: queries and mutations. */
        HTTP,
        /** WebSocket {@code /graphql} with graphql-transport-ws: subscriptions, and queries and mutations too. */
        WEBSOCKET
    }

    Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(transport, "transport");
    }

    /** The caller of an operation, as the gateway put it in the context. */
    static Caller of(GraphQLContext context) {
        Caller caller = context.get(KEY);
        if (caller == null) {
            throw new PermanentException(ErrorCode.INTERNAL, "the operation runs without a caller", null);
        }
        return caller;
    }

    /** The first message of this caller's journey, in its tenant, under its correlation id. */
    <M> Envelope<M> envelope(Principal verified, MessageType type, M payload) {
        return Envelope.create(verified, type, payload).withCorrelationId(envelopeCorrelationId());
    }

    /**
     * The UUID the envelopes of this operation carry: the caller's id when it is a UUID, else the name-based UUID of
     * its text, so that the same caller id always maps to the same envelope correlation id (as in every gateway).
     */
    UUID envelopeCorrelationId() {
        if (correlationId.length() == 36) {
            try {
                return UUID.fromString(correlationId);
            } catch (IllegalArgumentException notAUuid) {
                // falls through to the name-based id
            }
        }
        return UUID.nameUUIDFromBytes((NAMESPACE + correlationId).getBytes(StandardCharsets.UTF_8));
    }
}
