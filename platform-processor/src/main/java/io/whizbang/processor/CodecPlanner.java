package io.whizbang.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which records get a generated codec: the roots (messages, perspective models, saga states, lens answers,
 * snapshotted aggregate states) and every record reachable from their components, checking that each component has
 * a JSON form.
 */
final class CodecPlanner {
    private final Elements elements;
    private final FieldTypes fieldTypes;
    private final Diagnostics diagnostics;

    CodecPlanner(Elements elements, FieldTypes fieldTypes, Diagnostics diagnostics) {
        this.elements = elements;
        this.fieldTypes = fieldTypes;
        this.diagnostics = diagnostics;
    }

    /**
     * The codecs to generate, ordered by record name.
     *
     * @param roots    the records that need JSON, each with the element that needs it, for diagnostics
     * @param compiled the qualified names of the types compiled now; records of the class path already have codecs
     */
    List<CodecModel> plan(Map<TypeElement, Element> roots, MessageCatalog messages, Set<String> compiled) {
        Deque<Map.Entry<TypeElement, Element>> pending = new ArrayDeque<>(roots.entrySet());
        Set<String> seen = new HashSet<>();
        List<CodecModel> codecs = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map.Entry<TypeElement, Element> next = pending.removeFirst();
            TypeElement record = next.getKey();
            String name = record.getQualifiedName().toString();
            if (!seen.add(name)) {
                continue;
            }
            if (!compiled.contains(name)) {
                requireCodecOnClassPath(record, next.getValue());
                continue;
            }
            if (!isCodecPossible(record)) {
                continue;
            }
            List<CodecModel.Component> components = new ArrayList<>();
            for (RecordComponentElement component : record.getRecordComponents()) {
                try {
                    FieldType type = fieldTypes.of(component.asType());
                    components.add(new CodecModel.Component(component.getSimpleName().toString(), type));
                    type.records().forEach(nested -> pending.addLast(Map.entry(nested.record(), component)));
                } catch (FieldTypes.UnsupportedType e) {
                    reportUnsupported(record, component, e);
                }
            }
            codecs.add(new CodecModel(record, components, messages.find(record).filter(message ->
                    message.type().equals(record))));
        }
        codecs.sort(Comparator.comparing(CodecModel::recordName));
        return codecs;
    }

    private boolean isCodecPossible(TypeElement record) {
        if (!record.getTypeParameters().isEmpty()) {
            diagnostics.error(record, "record " + record.getQualifiedName() + " has type parameters, which a "
                    + "generated JSON codec cannot know: give its components concrete types");
            return false;
        }
        if (HandlerRules.isPrivate(record)) {
            diagnostics.error(record, "record " + record.getQualifiedName() + " must not be private, nor be "
                    + "nested in a private class: its generated JSON codec lives beside it in package "
                    + GeneratedNames.packageName(record));
            return false;
        }
        return true;
    }

    private void requireCodecOnClassPath(TypeElement record, Element cause) {
        String codec = GeneratedNames.codecName(record);
        if (elements.getTypeElement(codec) == null) {
            diagnostics.error(cause, "record " + record.getQualifiedName() + " comes from the class path without "
                    + "its generated JSON codec " + codec + ": compile it with the Whizbang annotation processor");
        }
    }

    private void reportUnsupported(TypeElement record, RecordComponentElement component,
                                   FieldTypes.UnsupportedType unsupported) {
        String type = component.asType().toString();
        String culprit = unsupported.culprit().toString();
        diagnostics.error(component, "component '" + component.getSimpleName() + "' of record "
                + record.getQualifiedName() + " has type " + type
                + (culprit.equals(type) ? "" : ", and " + culprit + " in it")
                + ", which has no JSON form: use " + FieldTypes.SUPPORTED);
    }
}
