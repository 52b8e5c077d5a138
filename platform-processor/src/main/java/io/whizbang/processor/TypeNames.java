package io.whizbang.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one generated file writes type names: the simple name where the file's package or an import makes it
 * unambiguous, the qualified name otherwise.
 *
 * <p>Every type the file mentions is declared with {@code use} first; a simple name two of them share, or one the
 * file already imports from the API, stays qualified.
 */
final class TypeNames {
    /** The java.lang types generated code mentions; always written simple, so users' types of these names are not. */
    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Class", "Override", "Integer", "Long",
            "Short", "Byte", "Double", "Float", "Character", "Boolean", "IllegalArgumentException");

    private final String packageName;
    private final Set<String> reserved = new HashSet<>(JAVA_LANG);
    private final Map<String, Set<String>> bySimpleName = new HashMap<>();

    /**
     * The names of a file in the package that imports the API types and declares the class.
     *
     * @param apiImports the qualified names the file imports in any case
     * @param className  the simple name of the class the file declares
     */
    TypeNames(String packageName, Collection<String> apiImports, String className) {
        this.packageName = packageName;
        apiImports.forEach(name -> reserved.add(simpleName(name)));
        reserved.add(className);
    }

    /** Declares that the file mentions the top-level type of this qualified name. */
    void use(String topLevelName) {
        bySimpleName.computeIfAbsent(simpleName(topLevelName), name -> new LinkedHashSet<>()).add(topLevelName);
    }

    /** Declares that the file mentions the type, a member type or a top-level one. */
    void use(TypeElement type) {
        use(topLevel(type).getQualifiedName().toString());
    }

    /** How the file writes the top-level type of this qualified name. */
    String of(String topLevelName) {
        String simple = simpleName(topLevelName);
        if (packageOf(topLevelName).equals("java.lang") && JAVA_LANG.contains(simple)) {
            return simple;
        }
        Set<String> sharing = bySimpleName.getOrDefault(simple, Set.of());
        boolean unambiguous = !reserved.contains(simple) && sharing.size() == 1 && sharing.contains(topLevelName);
        return unambiguous ? simple : topLevelName;
    }

    /** How the file writes the type: a member type as {@code Outer.Inner}, from however its outer type is written. */
    String of(TypeElement type) {
        TypeElement top = topLevel(type);
        String qualified = type.getQualifiedName().toString();
        String outer = top.getQualifiedName().toString();
        return of(outer) + qualified.substring(outer.length());
    }

    /** The imports of the types written simple that live in another package, sorted. */
    List<String> imports() {
        return bySimpleName.values().stream()
                .filter(names -> names.size() == 1)
                .map(names -> names.iterator().next())
                .filter(name -> of(name).equals(simpleName(name)))
                .filter(name -> !packageOf(name).equals(packageName) && !packageOf(name).equals("java.lang"))
                .sorted()
                .toList();
    }

    /** The simple names of every type the file mentions, which local variables must not obscure. */
    Set<String> simpleNames() {
        return bySimpleName.keySet();
    }

    /**
     * The first identifier of every type name as written, a simple name or a package's first segment: a local
     * variable of that name would obscure the type.
     */
    Set<String> leadingNames() {
        Set<String> leading = new HashSet<>();
        bySimpleName.values().forEach(sharing -> sharing.forEach(name -> {
            String written = of(name);
            int dot = written.indexOf('.');
            leading.add(dot < 0 ? written : written.substring(0, dot));
        }));
        return leading;
    }

    private static TypeElement topLevel(TypeElement type) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        for (Element current = type; current instanceof TypeElement element;
             current = current.getEnclosingElement()) {
            chain.push(element);
        }
        return chain.peek();
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    private static String packageOf(String topLevelName) {
        int dot = topLevelName.lastIndexOf('.');
        return dot < 0 ? "" : topLevelName.substring(0, dot);
    }
}
