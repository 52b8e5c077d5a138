package io.whizbang.registry;

import io.whizbang.security.DeclaredScope;
import io.whizbang.security.Principal;

/**
 * Who may reach a receptor or lens: holders of one scope, or any principal of the tenant.
 *
 * @param required the scope required, or {@code null} for public access
 */
public record Access(DeclaredScope required) {
    private static final Access PUBLIC = new Access(null);

    /** Holders of the scope. */
    public static Access scope(String scope) {
        return new Access(DeclaredScope.of(scope));
    }

    /** Any authenticated principal of the tenant. */
    public static Access open() {
        return PUBLIC;
    }

    /** The name of the scope required, or {@code null} for public access. */
    public String scope() {
        return required == null ? null : required.name();
    }

    /** Whether the principal passes. */
    public boolean allows(Principal principal) {
        return required == null || principal.holds(required);
    }
}
