package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Optional;

/**
 * The codec to generate for one record: its components in declaration order and, for a message, its type.
 *
 * @param record     the record
 * @param components its components with their field types
 * @param message    the message the record is, if it is one
 */
record CodecModel(TypeElement record, List<Component> components, Optional<MessageModel> message) {

    /** The package of the record and of its codec. */
    String packageName() {
        return GeneratedNames.packageName(record);
    }

    /** The codec's simple name, such as {@code PlaceOrderJsonCodec}. */
    String simpleName() {
        return GeneratedNames.codecSimpleName(record);
    }

    /** The codec's qualified name. */
    String qualifiedName() {
        return GeneratedNames.codecName(record);
    }

    /** The record's canonical name. */
    String recordName() {
        return record.getQualifiedName().toString();
    }

    /**
     * One record component.
     *
     * @param name its name, which is also the JSON field name and the accessor
     * @param type its field type
     */
    record Component(String name, FieldType type) {
    }
}
