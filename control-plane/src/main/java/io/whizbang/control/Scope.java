package io.whizbang.control;

import io.whizbang.error.PermanentException;
import io.whizbang.security.Principal;

/**
 * Which tenants' data an administrator sees on the dashboard: their own, or every tenant with
 * {@value Principal#SYSTEM_SCOPE}.
 */
final class Scope {
    private Scope() {
    }

    /** Whether the administrator may see the tenant's data. */
    static boolean sees(Principal admin, String tenant) {
        return admin.mayActIn(tenant);
    }

    /** The tenant asked for, checked; the administrator's own when none is asked for. */
    static String tenant(Principal admin, String asked) {
        String tenant = asked == null ? admin.tenant() : asked;
        if (tenant.length() > 100) {
            throw PermanentException.invalid("tenant must be at most 100 characters");
        }
        if (!sees(admin, tenant)) {
            throw PermanentException.denied(admin.subject() + " of tenant " + admin.tenant() + " may not see tenant "
                    + tenant + " (that needs " + Principal.SYSTEM_SCOPE + ")");
        }
        return tenant;
    }
}
