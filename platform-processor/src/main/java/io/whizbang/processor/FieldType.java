package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The type of a record component as a generated codec sees it, and the Java expressions that read and write it
 * through {@code io.whizbang.codec.JsonRead} and {@code JsonWrite}.
 *
 * <p>Expressions are written with the file's {@link TypeNames}, after {@link #declare} told it every type they
 * mention.
 */
sealed interface FieldType {

    /** Tells the file's names which types the expressions of this type mention. */
    void declare(TypeNames names);

    /** The Java type: boxed inside generic types, primitive only at the top. */
    String javaType(TypeNames names);

    /** An expression of a {@code JsonRead.Reader} of this type. */
    String reader(TypeNames names);

    /** An expression of a {@code JsonWrite.Writer} accepting this type. */
    String writer(TypeNames names);

    /** An expression of the JSON value of a non-null Java value of this type. */
    String encode(TypeNames names, String value);

    /** Whether a value of this type can never be null. */
    default boolean primitive() {
        return false;
    }

    /** The records this type refers to, whose codecs it calls. */
    default Stream<Nested> records() {
        return Stream.empty();
    }

    /**
     * A string, boolean, number, or a value written as its canonical string.
     *
     * @param name       the primitive's keyword or the qualified class name
     * @param readerName the constant of {@code JsonRead} that reads it
     * @param asString   whether it is written as its {@code toString()}, like UUIDs, instants and chars
     * @param primitive  whether it is a primitive type
     */
    record Scalar(String name, String readerName, boolean asString, boolean primitive) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            if (!primitive) {
                names.use(name);
            }
        }

        @Override
        public String javaType(TypeNames names) {
            return primitive ? name : names.of(name);
        }

        @Override
        public String reader(TypeNames names) {
            return "JsonRead." + readerName;
        }

        @Override
        public String writer(TypeNames names) {
            return asString ? "JsonWrite.AS_STRING" : "JsonWrite.AS_IS";
        }

        @Override
        public String encode(TypeNames names, String value) {
            if (!asString) {
                return value;
            }
            return primitive ? "String.valueOf(" + value + ")" : value + ".toString()";
        }
    }

    /**
     * An enum, written as the constant's name.
     *
     * @param type      the enum
     * @param constants its constants, listed in the error a wrong name gets
     */
    record Enumeration(TypeElement type, List<String> constants) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            names.use(type);
        }

        @Override
        public String javaType(TypeNames names) {
            return names.of(type);
        }

        @Override
        public String reader(TypeNames names) {
            // The type argument spares inference the overloaded valueOf.
            return "JsonRead.<" + javaType(names) + ">enumeration(" + javaType(names) + "::valueOf, \""
                    + String.join(", ", constants) + "\")";
        }

        @Override
        public String writer(TypeNames names) {
            return "JsonWrite.ENUM";
        }

        @Override
        public String encode(TypeNames names, String value) {
            return value + ".name()";
        }
    }

    /**
     * Another record, written as a JSON object by its own generated codec.
     *
     * @param record the record
     */
    record Nested(TypeElement record) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            names.use(record);
            names.use(GeneratedNames.codecName(record));
        }

        @Override
        public String javaType(TypeNames names) {
            return names.of(record);
        }

        @Override
        public String reader(TypeNames names) {
            return "JsonRead.record(" + codec(names) + ".INSTANCE::decode)";
        }

        @Override
        public String writer(TypeNames names) {
            return "JsonWrite.record(" + codec(names) + ".INSTANCE::encode)";
        }

        @Override
        public String encode(TypeNames names, String value) {
            return codec(names) + ".INSTANCE.encode(" + value + ")";
        }

        @Override
        public Stream<Nested> records() {
            return Stream.of(this);
        }

        private String codec(TypeNames names) {
            return names.of(GeneratedNames.codecName(record));
        }
    }

    /**
     * A list or set, written as a JSON array.
     *
     * @param element the element type
     * @param set     whether it is a {@code Set} rather than a {@code List}
     */
    record CollectionOf(FieldType element, boolean set) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            names.use(set ? "java.util.Set" : "java.util.List");
            element.declare(names);
        }

        @Override
        public String javaType(TypeNames names) {
            return names.of(set ? "java.util.Set" : "java.util.List") + "<" + element.javaType(names) + ">";
        }

        @Override
        public String reader(TypeNames names) {
            return (set ? "JsonRead.set(" : "JsonRead.list(") + element.reader(names) + ")";
        }

        @Override
        public String writer(TypeNames names) {
            // The explicit type argument lets a List<List<String>> meet a Writer<Collection<List<String>>>.
            return "JsonWrite.<" + element.javaType(names) + ">collection(" + element.writer(names) + ")";
        }

        @Override
        public String encode(TypeNames names, String value) {
            return writer(names) + ".write(" + value + ")";
        }

        @Override
        public Stream<Nested> records() {
            return element.records();
        }
    }

    /**
     * A map with string keys, written as a JSON object.
     *
     * @param value the value type
     */
    record StringMap(FieldType value) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            names.use("java.util.Map");
            value.declare(names);
        }

        @Override
        public String javaType(TypeNames names) {
            return names.of("java.util.Map") + "<String, " + value.javaType(names) + ">";
        }

        @Override
        public String reader(TypeNames names) {
            return "JsonRead.map(" + value.reader(names) + ")";
        }

        @Override
        public String writer(TypeNames names) {
            return "JsonWrite.<" + value.javaType(names) + ">map(" + value.writer(names) + ")";
        }

        @Override
        public String encode(TypeNames names, String map) {
            return writer(names) + ".write(" + map + ")";
        }

        @Override
        public Stream<Nested> records() {
            return value.records();
        }
    }

    /**
     * An optional component, absent from the JSON when empty; only a component's own type may be optional.
     *
     * @param value the type of the value when present
     */
    record OptionalOf(FieldType value) implements FieldType {
        @Override
        public void declare(TypeNames names) {
            names.use("java.util.Optional");
            value.declare(names);
        }

        @Override
        public String javaType(TypeNames names) {
            return names.of("java.util.Optional") + "<" + value.javaType(names) + ">";
        }

        @Override
        public String reader(TypeNames names) {
            return value.reader(names);
        }

        @Override
        public String writer(TypeNames names) {
            throw new UnsupportedOperationException("an Optional is never nested");
        }

        @Override
        public String encode(TypeNames names, String present) {
            return value.encode(names, present);
        }

        @Override
        public Stream<Nested> records() {
            return value.records();
        }
    }
}
