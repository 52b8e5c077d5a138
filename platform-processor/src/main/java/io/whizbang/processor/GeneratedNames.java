package io.whizbang.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The naming rules of generated code: codec class names, default perspective and saga names, and local variables
 * that never clash.
 */
final class GeneratedNames {
    private final Set<String> taken = new HashSet<>();

    /** Local names start out taken by these, e.g. the parameters of generated lambdas. */
    GeneratedNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    /** A fresh local variable name derived from the wanted one, such as {@code placeOrderReceptor2}. */
    String local(String wanted) {
        String name = wanted;
        for (int suffix = 2; !taken.add(name); suffix++) {
            name = wanted + suffix;
        }
        return name;
    }

    /** The simple name with its enclosing types joined by underscores: {@code Outer_Inner} for a member type. */
    static String flatName(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        Element current = type;
        while (current.getKind().isClass() || current.getKind().isInterface()) {
            names.addFirst(current.getSimpleName().toString());
            current = current.getEnclosingElement();
        }
        return String.join("_", names);
    }

    /** The package of the type, empty for the unnamed package. */
    static String packageName(TypeElement type) {
        Element current = type;
        while (current.getKind() != ElementKind.PACKAGE) {
            current = current.getEnclosingElement();
        }
        PackageElement element = (PackageElement) current;
        return element.isUnnamed() ? "" : element.getQualifiedName().toString();
    }

    /** The simple name of the generated codec of a record. */
    static String codecSimpleName(TypeElement record) {
        return flatName(record) + "JsonCodec";
    }

    /** The qualified name of the generated codec of a record, in the record's package. */
    static String codecName(TypeElement record) {
        String pkg = packageName(record);
        return pkg.isEmpty() ? codecSimpleName(record) : pkg + "." + codecSimpleName(record);
    }

    /** The class's simple name with a lower-case first letter, the usual name of a variable holding one. */
    static String variableName(TypeElement type) {
        String simple = type.getSimpleName().toString();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /**
     * The default name of a perspective or saga: the simple name without the suffix, in kebab case, so
     * {@code OrderSummaryPerspective} is {@code order-summary}.
     */
    static String kebabName(TypeElement type, String suffix) {
        String simple = type.getSimpleName().toString();
        if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
            simple = simple.substring(0, simple.length() - suffix.length());
        }
        return kebabCase(simple);
    }

    /** {@code HTTPOrderSummary2} as {@code http-order-summary2}: a dash starts each word of a camel-case name. */
    static String kebabCase(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = camel.charAt(i - 1);
                boolean nextIsLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower)) {
                    kebab.append('-');
                }
            }
            if (c == '_' || c == '$') {
                kebab.append('-');
            } else {
                kebab.append(Character.toLowerCase(c));
            }
        }
        return kebab.toString();
    }
}
