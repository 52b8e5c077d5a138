package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.Optional;

/**
 * A lens class as found at compile time.
 *
 * @param type     the lens class
 * @param query    the query record it answers
 * @param answer   the answer record
 * @param scope    the scope it requires, empty for {@code @PublicAccess}
 * @param policies the policies written on the lens class
 */
record LensModel(TypeElement type, TypeElement query, TypeElement answer, Optional<String> scope,
                 Policies policies) {
}
