package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Optional;

/**
 * A receptor class as found at compile time.
 *
 * @param type     the receptor class
 * @param command  the command record it receives
 * @param scope    the scope it requires, empty for {@code @PublicAccess}
 * @param emits    the event records it declares with {@code @Emits}
 * @param policies the policies written on the receptor class
 */
record ReceptorModel(TypeElement type, TypeElement command, Optional<String> scope, List<TypeElement> emits,
                     Policies policies) {
}
