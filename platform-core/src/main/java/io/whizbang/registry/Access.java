package io.whizbang.registry;

import io.whizbang.security.Principal;

/**
 * Who may reach a receptor or lens: holders of one scope, or any principal of the tenant.
 *
 * @param scope the scope required, or {@code null} for public access
 */
public record Access(String scope) {
    private static final Access PUBLIC = new Access(null);

    /** Holders of the scope. */
    public static Access scope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a required scope must not be blank");
        }
        return new Access(scope);
    }

    /** Any authenticated principal of the tenant. */
    public static Access open() {
        return PUBLIC;
    }

    /** Whether the principal passes. */
    public boolean allows(Principal principal) {
        return scope == null || principal.hasScope(scope);
    }
}
