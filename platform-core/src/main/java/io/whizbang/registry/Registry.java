package io.whizbang.registry;

import io.whizbang.codec.Codecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an application declares, as found at compile time: receptors, perspectives, lenses, sagas and the
 * codecs of their messages and models.
 *
 * <p>The annotation processor writes a {@code <App>Registry.create()} that builds one with plain constructor
 * calls; several registries combine with {@link #with}.
 *
 * @param name        the application's name
 * @param codecs      the JSON codecs
 * @param receptors   the receptors, one per command type
 * @param perspectives the perspectives
 * @param lenses      the lenses, one per query type
 * @param sagas       the sagas
 * @param flowMap     the message-flow map as JSON text (commands to receptors to events to consumers)
 * @param snapshots   how aggregate states are snapshotted
 * @param commandIndex where each command's receptor sits in {@code receptors}
 */
public record Registry(String name, Codecs codecs, List<ReceptorBinding<?, ?>> receptors,
                       List<PerspectiveBinding<?>> perspectives, List<LensBinding<?, ?>> lenses,
                       List<SagaBinding<?>> sagas, String flowMap, List<SnapshotPolicy<?>> snapshots,
                       CommandIndex commandIndex) {
    /** A registry whose receptors are found by the identity of their command classes. */
    public Registry(String name, Codecs codecs, List<ReceptorBinding<?, ?>> receptors,
                    List<PerspectiveBinding<?>> perspectives, List<LensBinding<?, ?>> lenses,
                    List<SagaBinding<?>> sagas, String flowMap, List<SnapshotPolicy<?>> snapshots) {
        this(name, codecs, receptors, perspectives, lenses, sagas, flowMap, snapshots,
                CommandIndex.byClass(List.copyOf(receptors)));
    }

    /** A registry without snapshot policies. */
    public Registry(String name, Codecs codecs, List<ReceptorBinding<?, ?>> receptors,
                    List<PerspectiveBinding<?>> perspectives, List<LensBinding<?, ?>> lenses,
                    List<SagaBinding<?>> sagas, String flowMap) {
        this(name, codecs, receptors, perspectives, lenses, sagas, flowMap, List.of());
    }

    public Registry {
        snapshots = List.copyOf(snapshots);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codecs, "codecs");
        receptors = List.copyOf(receptors);
        perspectives = List.copyOf(perspectives);
        lenses = List.copyOf(lenses);
        sagas = List.copyOf(sagas);
        Objects.requireNonNull(flowMap, "flowMap");
        Objects.requireNonNull(commandIndex, "commandIndex");
        requireUnique(receptors.stream().map(binding -> (Object) binding.commandType()).toList(), "receptors for");
        requireUnique(lenses.stream().map(binding -> (Object) binding.queryType()).toList(), "lenses for");
        requireUnique(perspectives.stream().map(binding -> (Object) binding.name()).toList(), "perspectives named");
        requireUnique(perspectives.stream().map(binding -> (Object) binding.modelType()).toList(),
                "perspectives with model");
        requireUnique(sagas.stream().map(binding -> (Object) binding.name()).toList(), "sagas named");
        requireUnique(snapshots.stream().map(policy -> (Object) policy.typeName()).toList(),
                "snapshot policies for");
    }

    /** This registry together with another's handlers and codecs; its receptors are found by class. */
    public Registry with(Registry other) {
        List<ReceptorBinding<?, ?>> allReceptors = new ArrayList<>(receptors);
        allReceptors.addAll(other.receptors);
        List<PerspectiveBinding<?>> allPerspectives = new ArrayList<>(perspectives);
        allPerspectives.addAll(other.perspectives);
        List<LensBinding<?, ?>> allLenses = new ArrayList<>(lenses);
        allLenses.addAll(other.lenses);
        List<SagaBinding<?>> allSagas = new ArrayList<>(sagas);
        allSagas.addAll(other.sagas);
        List<SnapshotPolicy<?>> allSnapshots = new ArrayList<>(snapshots);
        allSnapshots.addAll(other.snapshots);
        return new Registry(name + "+" + other.name, codecs.with(other.codecs), allReceptors, allPerspectives,
                allLenses, allSagas, "[" + flowMap + "," + other.flowMap + "]", allSnapshots);
    }

    private static void requireUnique(List<Object> keys, String what) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Object key : keys) {
            if (counts.merge(key, 1, Integer::sum) == 2) {
                String shown = key instanceof Class<?> type ? type.getName() : String.valueOf(key);
                throw new IllegalStateException("two " + what + " " + shown);
            }
        }
    }
}
