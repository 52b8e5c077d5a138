package io.whizbang.processor;

import javax.lang.model.element.TypeElement;

/**
 * An aggregate state record marked {@code @Snapshotted}: the policy the registry gives its streams.
 *
 * @param state         the state record
 * @param typeName      the name its snapshots are stored under, its simple name
 * @param every         events between snapshots, at least 1
 * @param schemaVersion the schema version of its JSON, at least 1
 */
record SnapshotModel(TypeElement state, String typeName, int every, int schemaVersion) {
}
