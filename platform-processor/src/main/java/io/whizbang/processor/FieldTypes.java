package io.whizbang.processor;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.List;
import java.util.Map;

/**
 * Maps the Java type of a record component to the {@link FieldType} its codec reads and writes, or tells which
 * part of it has no JSON form.
 */
final class FieldTypes {
    /** What the error about an unsupported component lists. */
    static final String SUPPORTED = "String, boolean, int, long, short, byte, double, float (or their boxes), char, "
            + "BigDecimal, BigInteger, UUID, Instant, LocalDate, an enum, a record without type parameters, "
            + "or a List, Set, Map<String, ...> or Optional of those";

    private static final Map<String, FieldType.Scalar> SCALARS = Map.ofEntries(
            scalar("java.lang.String", "STRING", false),
            scalar("java.lang.Boolean", "BOOLEAN", false),
            scalar("java.lang.Integer", "INT", false),
            scalar("java.lang.Long", "LONG", false),
            scalar("java.lang.Short", "SHORT", false),
            scalar("java.lang.Byte", "BYTE", false),
            scalar("java.lang.Double", "DOUBLE", false),
            scalar("java.lang.Float", "FLOAT", false),
            scalar("java.lang.Character", "CHAR", true),
            scalar("java.math.BigDecimal", "DECIMAL", false),
            scalar("java.math.BigInteger", "BIG_INTEGER", true),
            scalar("java.util.UUID", "UUID_VALUE", true),
            scalar("java.time.Instant", "INSTANT", true),
            scalar("java.time.LocalDate", "LOCAL_DATE", true));

    /** A type, or a part of one, that has no JSON form. */
    static final class UnsupportedType extends Exception {
        private final transient TypeMirror culprit;

        UnsupportedType(TypeMirror culprit) {
            super(culprit.toString(), null, false, false);
            this.culprit = culprit;
        }

        /** The part of the component's type that has no JSON form. */
        TypeMirror culprit() {
            return culprit;
        }
    }

    /** The field type of a component's type. */
    FieldType of(TypeMirror type) throws UnsupportedType {
        if (isDeclared(type, "java.util.Optional")) {
            return new FieldType.OptionalOf(argument(type, 0));
        }
        return map(type);
    }

    private FieldType map(TypeMirror type) throws UnsupportedType {
        switch (type.getKind()) {
            case BOOLEAN:
                return new FieldType.Scalar("boolean", "BOOLEAN", false, true);
            case INT:
                return new FieldType.Scalar("int", "INT", false, true);
            case LONG:
                return new FieldType.Scalar("long", "LONG", false, true);
            case SHORT:
                return new FieldType.Scalar("short", "SHORT", false, true);
            case BYTE:
                return new FieldType.Scalar("byte", "BYTE", false, true);
            case DOUBLE:
                return new FieldType.Scalar("double", "DOUBLE", false, true);
            case FLOAT:
                return new FieldType.Scalar("float", "FLOAT", false, true);
            case CHAR:
                return new FieldType.Scalar("char", "CHAR", true, true);
            case DECLARED:
                return declared((DeclaredType) type);
            default:
                throw new UnsupportedType(type);
        }
    }

    private FieldType declared(DeclaredType type) throws UnsupportedType {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        FieldType.Scalar scalar = SCALARS.get(name);
        if (scalar != null) {
            return scalar;
        }
        switch (name) {
            case "java.util.List":
                return new FieldType.CollectionOf(argument(type, 0), false);
            case "java.util.Set":
                return new FieldType.CollectionOf(argument(type, 0), true);
            case "java.util.Map":
                List<? extends TypeMirror> arguments = type.getTypeArguments();
                if (arguments.size() != 2 || !isDeclared(arguments.get(0), "java.lang.String")) {
                    throw new UnsupportedType(type);
                }
                return new FieldType.StringMap(argument(type, 1));
            default:
                break;
        }
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = element.getEnclosedElements().stream()
                    .filter(member -> member.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(member -> member.getSimpleName().toString())
                    .toList();
            return new FieldType.Enumeration(element, constants);
        }
        if (element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty()) {
            return new FieldType.Nested(element);
        }
        throw new UnsupportedType(type);
    }

    /** The type argument at the index, mapped; Optional is not allowed there. */
    private FieldType argument(TypeMirror type, int index) throws UnsupportedType {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() <= index) {
            throw new UnsupportedType(type);
        }
        TypeMirror argument = arguments.get(index);
        if (isDeclared(argument, "java.util.Optional")) {
            throw new UnsupportedType(argument);
        }
        return map(argument);
    }

    private static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    private static Map.Entry<String, FieldType.Scalar> scalar(String qualifiedName, String reader, boolean asString) {
        return Map.entry(qualifiedName, new FieldType.Scalar(qualifiedName, reader, asString, false));
    }
}
