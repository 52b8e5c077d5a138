package io.whizbang.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a message: a subject acting for one tenant with a set of scopes.
 *
 * @param subject the authenticated subject (user or service)
 * @param tenant  the tenant the subject belongs to
 * @param scopes  the scopes granted, such as {@code orders:write}
 */
public record Principal(String subject, String tenant, Set<String> scopes) {
    /** The scope that alone lets a principal cross tenants. */
    public static final String SYSTEM_SCOPE = "whizbang:system";
    /** The scope of the control plane. */
    public static final String ADMIN_SCOPE = "whizbang:admin";

    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        scopes = ScopeSet.copyOf(Objects.requireNonNull(scopes, "scopes"));
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("the principal " + subject + " has a blank tenant");
        }
    }

    /** A principal with the given scopes. */
    public static Principal of(String subject, String tenant, String... scopes) {
        return new Principal(subject, tenant, Set.of(scopes));
    }

    /** Whether this principal holds the scope. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Whether this principal holds the declared scope; the same answer as {@link #hasScope}, in a bit test. */
    public boolean holds(DeclaredScope scope) {
        return ((ScopeSet) scopes).holds(scope);
    }

    /** Whether this principal may act in tenants other than its own. */
    public boolean isSystem() {
        return scopes.contains(SYSTEM_SCOPE);
    }

    /** Whether this principal may act in the given tenant. */
    public boolean mayActIn(String otherTenant) {
        return tenant.equals(otherTenant) || isSystem();
    }
}
