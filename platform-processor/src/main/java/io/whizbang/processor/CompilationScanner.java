package io.whizbang.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scans the types of a compilation for messages, handlers, upcasters, snapshotted states and the application class,
 * and checks them together: the result is complete and consistent, or the errors were reported.
 */
final class CompilationScanner {
    private final WhizbangApi api;
    private final Annotations annotations;
    private final Diagnostics diagnostics;
    private final MessageScanner messageScanner;
    private final ReceptorScanner receptorScanner;
    private final PerspectiveScanner perspectiveScanner;
    private final LensScanner lensScanner;
    private final SagaScanner sagaScanner;
    private final UpcasterScanner upcasterScanner;
    private final SnapshotScanner snapshotScanner;
    private final ApplicationScanner applicationScanner;
    private final CodecPlanner codecPlanner;

    CompilationScanner(WhizbangApi api, Elements elements, Types types, Diagnostics diagnostics) {
        this.api = api;
        this.annotations = new Annotations(elements);
        this.diagnostics = diagnostics;
        HandlerRules rules = new HandlerRules(elements, types, annotations, diagnostics);
        PolicyReader policies = new PolicyReader(annotations, diagnostics);
        this.messageScanner = new MessageScanner(api, annotations, policies, diagnostics);
        this.receptorScanner = new ReceptorScanner(api, annotations, rules, policies, diagnostics);
        this.perspectiveScanner = new PerspectiveScanner(api, types, rules, policies, diagnostics);
        this.lensScanner = new LensScanner(api, rules, policies, diagnostics);
        this.sagaScanner = new SagaScanner(api, types, annotations, rules, policies, diagnostics);
        this.upcasterScanner = new UpcasterScanner(api, annotations, diagnostics);
        this.snapshotScanner = new SnapshotScanner(annotations, diagnostics);
        this.applicationScanner = new ApplicationScanner(annotations, diagnostics);
        this.codecPlanner = new CodecPlanner(elements, new FieldTypes(), diagnostics);
    }

    /** What the types declare, or empty when they declare nothing for Whizbang or an error was reported. */
    Optional<CompilationModel> scan(List<TypeElement> types) {
        MessageCatalog messages = messageScanner.scan(types);
        List<ReceptorModel> receptors = sorted(receptorScanner.scan(types, messages),
                receptor -> typeName(messages, receptor.command()));
        List<PerspectiveModel> perspectives = sorted(perspectiveScanner.scan(types, messages),
                PerspectiveModel::name);
        List<LensModel> lenses = sorted(lensScanner.scan(types, messages), lens -> typeName(messages, lens.query()));
        List<SagaModel> sagas = sorted(sagaScanner.scan(types, messages), SagaModel::name);
        List<UpcasterModel> upcasters = upcasterScanner.scan(types, messages);
        List<SnapshotModel> snapshots = snapshotScanner.scan(types);
        boolean strayOnMethods = rejectStrayOnMethods(types);
        boolean found = !messages.compiled().isEmpty() || !receptors.isEmpty() || !perspectives.isEmpty()
                || !lenses.isEmpty() || !sagas.isEmpty() || !upcasters.isEmpty() || !snapshots.isEmpty()
                || strayOnMethods || diagnostics.hasErrors();
        Optional<ApplicationModel> application = applicationScanner.scan(types, found);
        if (application.isEmpty() || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        requireVisible(upcasters, application.get().packageName());
        requireVisibleSnapshots(snapshots, application.get().packageName());
        Set<String> compiled = types.stream().map(type -> type.getQualifiedName().toString())
                .collect(Collectors.toSet());
        List<CodecModel> codecs = codecPlanner.plan(codecRoots(messages, perspectives, lenses, sagas, snapshots),
                messages, compiled);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new CompilationModel(application.get(), messages, receptors, perspectives, lenses, sagas,
                upcasters, snapshots, codecs));
    }

    /** The records that need JSON, each with the element to blame when its codec cannot be generated. */
    private static Map<TypeElement, Element> codecRoots(MessageCatalog messages, List<PerspectiveModel> perspectives,
                                                        List<LensModel> lenses, List<SagaModel> sagas,
                                                        List<SnapshotModel> snapshots) {
        Map<TypeElement, Element> roots = new LinkedHashMap<>();
        messages.compiled().forEach(message -> roots.put(message.type(), message.type()));
        perspectives.forEach(perspective -> roots.putIfAbsent(perspective.model(), perspective.type()));
        sagas.forEach(saga -> roots.putIfAbsent(saga.state(), saga.type()));
        lenses.forEach(lens -> roots.putIfAbsent(lens.answer(), lens.type()));
        snapshots.forEach(snapshot -> roots.putIfAbsent(snapshot.state(), snapshot.state()));
        // A query's answer needs JSON even when its lens lives in another module.
        messages.compiled(MessageKind.QUERY).forEach(query -> query.answer().flatMap(messages::asRecord)
                .ifPresent(answer -> roots.putIfAbsent(answer, query.type())));
        return roots;
    }

    /** Reports {@code @On} methods of classes that are neither perspectives nor sagas; true when there were any. */
    private boolean rejectStrayOnMethods(List<TypeElement> types) {
        boolean found = false;
        for (TypeElement type : types) {
            if (api.isPerspective(type) || api.isSaga(type)) {
                continue;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (annotations.has(method, WhizbangApi.ON)) {
                    found = true;
                    diagnostics.error(method, "@On method " + HandlerRules.methodName(type, method) + " is in "
                            + "a class that is neither a Perspective nor a Saga: implement one of them, or remove @On");
                }
            }
        }
        return found;
    }

    /** Upcasters in other packages than the registry must be public in public classes, for the registry to call. */
    private void requireVisible(List<UpcasterModel> upcasters, String registryPackage) {
        for (UpcasterModel upcaster : upcasters) {
            ExecutableElement method = upcaster.method();
            TypeElement owner = (TypeElement) method.getEnclosingElement();
            boolean visible = method.getModifiers().contains(Modifier.PUBLIC) && HandlerRules.isVisibleEverywhere(owner)
                    || GeneratedNames.packageName(owner).equals(registryPackage) && !HandlerRules.isPrivate(owner);
            if (!visible) {
                diagnostics.error(method, "upcaster " + HandlerRules.methodName(owner, method) + " must be public, "
                        + "in a public class: the generated registry in package " + registryPackage + " calls it");
            }
        }
    }

    /**
     * Snapshotted states must be visible from the registry's package, which names their classes; a private one is
     * reported by the codec planner, whose codec could not see it either.
     */
    private void requireVisibleSnapshots(List<SnapshotModel> snapshots, String registryPackage) {
        for (SnapshotModel snapshot : snapshots) {
            TypeElement state = snapshot.state();
            boolean visible = HandlerRules.isVisibleEverywhere(state)
                    || GeneratedNames.packageName(state).equals(registryPackage);
            if (!visible && !HandlerRules.isPrivate(state)) {
                diagnostics.error(state, "@Snapshotted record " + state.getQualifiedName() + " must be public, "
                        + "and so must any class it is nested in: the generated registry in package "
                        + registryPackage + " refers to it");
            }
        }
    }

    private static String typeName(MessageCatalog messages, TypeElement type) {
        return messages.find(type).map(MessageModel::typeName).orElse(type.getQualifiedName().toString());
    }

    private static <T> List<T> sorted(List<T> models, Function<T, String> key) {
        List<T> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(key));
        return sorted;
    }

    /** Every type of the round's root elements, member types included, in source order. */
    static List<TypeElement> typesOf(Set<? extends Element> rootElements) {
        List<TypeElement> types = new ArrayList<>();
        ElementFilter.typesIn(rootElements).forEach(type -> collect(type, types));
        return types;
    }

    private static void collect(TypeElement type, List<TypeElement> into) {
        into.add(type);
        ElementFilter.typesIn(type.getEnclosedElements()).forEach(member -> collect(member, into));
    }
}
