package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code @Upcasts} methods of a compilation and checks their signature, the event and version they read,
 * and that no two read the same version.
 */
final class UpcasterScanner {
    private final WhizbangApi api;
    private final Annotations annotations;
    private final Diagnostics diagnostics;

    UpcasterScanner(WhizbangApi api, Annotations annotations, Diagnostics diagnostics) {
        this.api = api;
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /** The upcasters declared in the types, checked. */
    List<UpcasterModel> scan(List<TypeElement> types, MessageCatalog messages) {
        Map<String, UpcasterModel> byVersion = new HashMap<>();
        List<UpcasterModel> upcasters = new ArrayList<>();
        for (TypeElement type : types) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                annotations.find(method, WhizbangApi.UPCASTS)
                        .flatMap(mirror -> check(type, method, mirror, messages))
                        .ifPresent(upcaster -> {
                            String key = upcaster.event().getQualifiedName() + "@" + upcaster.from();
                            UpcasterModel clash = byVersion.putIfAbsent(key, upcaster);
                            if (clash != null) {
                                diagnostics.error(method, "upcasters " + name(clash) + " and " + name(upcaster)
                                        + " both read event " + upcaster.event().getQualifiedName() + " version "
                                        + upcaster.from() + ": keep one");
                            } else {
                                upcasters.add(upcaster);
                            }
                        });
            }
        }
        return upcasters;
    }

    private Optional<UpcasterModel> check(TypeElement type, ExecutableElement method, AnnotationMirror mirror,
                                          MessageCatalog messages) {
        String name = HandlerRules.methodName(type, method);
        boolean shaped = method.getModifiers().contains(Modifier.STATIC)
                && !method.getModifiers().contains(Modifier.PRIVATE)
                && api.isJsonObject(method.getReturnType()) && method.getParameters().size() == 1
                && api.isJsonObject(method.getParameters().get(0).asType());
        if (!shaped) {
            diagnostics.error(method, "upcaster " + name + " must be a static, non-private method "
                    + "JsonObject " + method.getSimpleName() + "(JsonObject stored)");
            return Optional.empty();
        }
        List<TypeMirror> named = annotations.types(mirror, "value");
        Optional<MessageModel> event = named.isEmpty() ? Optional.empty()
                : messages.find(named.get(0), MessageKind.EVENT);
        if (event.isEmpty()) {
            diagnostics.error(method, mirror, "@Upcasts of " + name + " names " + (named.isEmpty() ? "no type"
                    : named.get(0)) + ", which is not an event: name the event whose stored JSON it rewrites");
            return Optional.empty();
        }
        int from = annotations.integer(mirror, "from");
        int current = event.get().schemaVersion();
        if (from < 1) {
            diagnostics.error(method, mirror, "@Upcasts(from = " + from + ") of " + name
                    + " must be at least 1: event versions start at 1");
            return Optional.empty();
        }
        if (from >= current) {
            diagnostics.error(method, mirror, "@Upcasts(from = " + from + ") of " + name + " reads version " + from
                    + " of event " + event.get().className() + ", whose current @SchemaVersion is " + current
                    + ": an upcaster reads an older version; raise @SchemaVersion of " + event.get().className()
                    + " to " + (from + 1) + " or lower from");
            return Optional.empty();
        }
        return Optional.of(new UpcasterModel(method, event.get().type(), from));
    }

    private static String name(UpcasterModel upcaster) {
        return HandlerRules.methodName((TypeElement) upcaster.method().getEnclosingElement(), upcaster.method());
    }
}
