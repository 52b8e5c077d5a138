package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the lenses of a compilation and checks their query type, answer record, scope and uniqueness per query.
 */
final class LensScanner {
    private final WhizbangApi api;
    private final HandlerRules rules;
    private final PolicyReader policyReader;
    private final Diagnostics diagnostics;

    LensScanner(WhizbangApi api, HandlerRules rules, PolicyReader policyReader, Diagnostics diagnostics) {
        this.api = api;
        this.rules = rules;
        this.policyReader = policyReader;
        this.diagnostics = diagnostics;
    }

    /** The lenses among the types, checked. */
    List<LensModel> scan(List<TypeElement> types, MessageCatalog messages) {
        Map<String, LensModel> byQuery = new HashMap<>();
        List<LensModel> lenses = new ArrayList<>();
        for (TypeElement type : types) {
            if (!HandlerRules.isConcreteClass(type) || !api.isLens(type)) {
                continue;
            }
            check(type, messages).ifPresent(lens -> {
                String query = lens.query().getQualifiedName().toString();
                LensModel clash = byQuery.putIfAbsent(query, lens);
                if (clash != null) {
                    diagnostics.error(type, "lenses " + clash.type().getQualifiedName() + " and "
                            + type.getQualifiedName() + " both answer query " + query + ": keep one lens per query");
                } else {
                    lenses.add(lens);
                }
            });
        }
        return lenses;
    }

    private Optional<LensModel> check(TypeElement type, MessageCatalog messages) {
        String name = type.getQualifiedName().toString();
        Optional<String> scope = rules.scope(type, "lens");
        rules.requireInstantiable(type);
        Policies policies = policyReader.read(type, true);
        Optional<List<? extends TypeMirror>> arguments = api.lensArguments(type);
        if (arguments.isEmpty()) {
            diagnostics.error(type, "lens " + name
                    + " implements Lens without type arguments: implement Lens<YourQuery, YourAnswer>");
            return Optional.empty();
        }
        TypeMirror queryType = arguments.get().get(0);
        TypeMirror answerType = arguments.get().get(1);
        Optional<MessageModel> query = messages.find(queryType, MessageKind.QUERY);
        if (query.isEmpty()) {
            diagnostics.error(type, "lens " + name + " answers " + queryType
                    + ", which is not a query: its first type argument must be a record implementing Query");
            return Optional.empty();
        }
        Optional<TypeElement> answer = api.asRecord(answerType);
        if (answer.isEmpty()) {
            diagnostics.error(type, "answer type " + answerType + " of lens " + name
                    + " must be a record: answers travel as JSON objects");
            return Optional.empty();
        }
        return Optional.of(new LensModel(type, query.get().type(), answer.get(), scope, policies));
    }
}
