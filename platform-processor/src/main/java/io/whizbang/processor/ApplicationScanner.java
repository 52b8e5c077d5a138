package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the one class marked {@code @WhizbangApplication}, which names the application and places its registry.
 */
final class ApplicationScanner {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Annotations annotations;
    private final Diagnostics diagnostics;

    ApplicationScanner(Annotations annotations, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /**
     * The application class among the types.
     *
     * @param needed whether the compilation declares messages or handlers, which need a registry
     */
    Optional<ApplicationModel> scan(List<TypeElement> types, boolean needed) {
        List<TypeElement> marked = types.stream()
                .filter(type -> annotations.has(type, WhizbangApi.APPLICATION))
                .toList();
        if (marked.isEmpty()) {
            if (needed) {
                diagnostics.error("this module declares Whizbang messages or handlers but no application class: "
                        + "add @WhizbangApplication to one class of this module");
            }
            return Optional.empty();
        }
        TypeElement first = marked.get(0);
        for (TypeElement other : marked.subList(1, marked.size())) {
            diagnostics.error(other, "both " + first.getQualifiedName() + " and " + other.getQualifiedName()
                    + " carry @WhizbangApplication: keep it on one class of this module");
        }
        String name = annotations.find(first, WhizbangApi.APPLICATION)
                .map(mirror -> annotations.string(mirror, "name"))
                .filter(value -> !value.isEmpty())
                .orElse(first.getSimpleName().toString());
        if (!NAME.matcher(name).matches()) {
            diagnostics.error(first, annotations.find(first, WhizbangApi.APPLICATION).orElse(null),
                    "application name \"" + name + "\" of " + first.getQualifiedName() + " must be letters, digits, "
                            + "dots, dashes and underscores: it names META-INF/whizbang/<name>.flow.json");
        }
        return Optional.of(new ApplicationModel(first, name));
    }
}
