package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code @Snapshotted} aggregate states of a compilation and checks that each is a plain record with a
 * positive interval and schema version, under a snapshot type name no other state takes.
 */
final class SnapshotScanner {
    private final Annotations annotations;
    private final Diagnostics diagnostics;

    SnapshotScanner(Annotations annotations, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /** The snapshotted states among the types, checked, ordered by type name. */
    List<SnapshotModel> scan(List<TypeElement> types) {
        // Sorted first, so that a name clash is reported on the same record whatever the order of the sources.
        List<TypeElement> marked = new ArrayList<>(types.stream()
                .filter(type -> annotations.has(type, WhizbangApi.SNAPSHOTTED)).toList());
        marked.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
        Map<String, SnapshotModel> byTypeName = new HashMap<>();
        List<SnapshotModel> snapshots = new ArrayList<>();
        for (TypeElement type : marked) {
            check(type, annotations.find(type, WhizbangApi.SNAPSHOTTED).orElseThrow()).ifPresent(snapshot -> {
                SnapshotModel clash = byTypeName.putIfAbsent(snapshot.typeName(), snapshot);
                if (clash != null) {
                    diagnostics.error(type, "@Snapshotted records " + clash.state().getQualifiedName() + " and "
                            + type.getQualifiedName() + " share the snapshot type name \"" + snapshot.typeName()
                            + "\": rename one of them");
                } else {
                    snapshots.add(snapshot);
                }
            });
        }
        snapshots.sort(Comparator.comparing(SnapshotModel::typeName));
        return snapshots;
    }

    private Optional<SnapshotModel> check(TypeElement type, AnnotationMirror mirror) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.RECORD) {
            diagnostics.error(type, mirror, "@Snapshotted " + kind(type) + " " + name + " is not a record: "
                    + "snapshots are the JSON of an immutable aggregate state record; make it a record");
            return Optional.empty();
        }
        if (!type.getTypeParameters().isEmpty()) {
            diagnostics.error(type, "@Snapshotted record " + name + " has type parameters, which its snapshot "
                    + "cannot know: give its components concrete types");
            return Optional.empty();
        }
        // A missing every is reported by javac itself; read as zero, it only keeps the record out.
        boolean valid = annotations.value(mirror, "every") != null;
        int every = annotations.integer(mirror, "every");
        if (valid && every < 1) {
            diagnostics.error(type, mirror, "@Snapshotted(every = " + every + ") of " + name
                    + " must be at least 1: it counts the events between snapshots, such as every = 100");
            valid = false;
        }
        int schemaVersion = annotations.integer(mirror, "schemaVersion");
        if (schemaVersion < 1) {
            diagnostics.error(type, mirror, "@Snapshotted(schemaVersion = " + schemaVersion + ") of " + name
                    + " must be at least 1: versions start at schemaVersion = 1");
            valid = false;
        }
        return valid ? Optional.of(new SnapshotModel(type, type.getSimpleName().toString(), every, schemaVersion))
                : Optional.empty();
    }

    private static String kind(TypeElement type) {
        return switch (type.getKind()) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation";
            default -> "class";
        };
    }
}
