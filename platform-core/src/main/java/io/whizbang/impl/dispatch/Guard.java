package io.whizbang.impl.dispatch;

import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.message.Envelope;
import io.whizbang.registry.Access;

/**
 * The checks made before any handler runs: a tenant is named, the principal may act in it, and holds the scope
 * the handler declares.
 */
final class Guard {
    private Guard() {
    }

    /**
     * Passes or throws; {@code verb} and {@code type} only make the message of a refusal, so a passing check
     * builds no text.
     */
    static void check(Envelope<?> envelope, Access access, String verb, Class<?> type) {
        if (envelope.tenant().isBlank()) {
            throw new ValidationException("tenant", "every message needs a tenant");
        }
        if (!envelope.principal().mayActIn(envelope.tenant())) {
            throw PermanentException.denied("principal " + envelope.principal().subject() + " of tenant "
                    + envelope.principal().tenant() + " may not act in tenant " + envelope.tenant());
        }
        if (!access.allows(envelope.principal())) {
            throw PermanentException.denied(verb + " " + type.getSimpleName() + " needs scope " + access.scope() + "; principal "
                    + envelope.principal().subject() + " holds " + envelope.principal().scopes().stream().sorted()
                    .toList());
        }
    }
}
