package io.whizbang.impl.dispatch;

import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.message.Envelope;
import io.whizbang.registry.Access;
import io.whizbang.security.Principal;

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
        Principal principal = envelope.principal();
        // the principal's own tenant is never blank and always its to act in: usually the same String, so equals
        // answers on the reference
        if (!envelope.tenant().equals(principal.tenant())) {
            checkOtherTenant(envelope.tenant(), principal);
        }
        if (!access.allows(principal)) {
            throw PermanentException.denied(verb + " " + type.getSimpleName() + " needs scope " + access.scope()
                    + "; principal " + principal.subject() + " holds " + principal.scopes().stream().sorted()
                    .toList());
        }
    }

    private static void checkOtherTenant(String tenant, Principal principal) {
        if (tenant.isBlank()) {
            throw new ValidationException("tenant", "every message needs a tenant");
        }
        if (!principal.isSystem()) {
            throw PermanentException.denied("principal " + principal.subject() + " of tenant "
                    + principal.tenant() + " may not act in tenant " + tenant);
        }
    }
}
