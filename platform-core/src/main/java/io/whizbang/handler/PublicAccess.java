package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on purpose, that any authenticated principal of the tenant may reach a receptor or a lens.
 *
 * <p>Tenancy still holds: a principal never reaches another tenant's data without {@code whizbang:system}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PublicAccess {
}
