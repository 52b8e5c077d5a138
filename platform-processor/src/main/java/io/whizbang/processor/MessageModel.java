package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.Optional;

/**
 * A message record as found at compile time: its kind, the name and version it travels under, and its policies.
 *
 * @param type          the record
 * @param kind          command, event or query
 * @param typeName      the stable type name, from {@code @TypeName} or the simple name
 * @param schemaVersion the current schema version
 * @param policies      the policies written on the message type (commands and queries)
 * @param answer        the answer type of a query
 */
record MessageModel(TypeElement type, MessageKind kind, String typeName, int schemaVersion, Policies policies,
                    Optional<TypeMirror> answer) {

    /** The record's canonical name, as generated code writes it. */
    String className() {
        return type.getQualifiedName().toString();
    }
}
