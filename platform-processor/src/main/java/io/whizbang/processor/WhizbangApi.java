package io.whizbang.processor;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The platform-core types the processor recognises, looked up by qualified name in the compilation being processed.
 *
 * <p>Looking them up through {@link Elements} instead of loading them keeps the processor free of platform-core
 * classes at run time.
 */
final class WhizbangApi {
    static final String COMMAND = "io.whizbang.message.Command";
    static final String EVENT = "io.whizbang.message.Event";
    static final String QUERY = "io.whizbang.message.Query";
    static final String SCHEMA_VERSION = "io.whizbang.message.SchemaVersion";
    static final String TYPE_NAME = "io.whizbang.message.TypeName";
    static final String RECEPTOR = "io.whizbang.handler.Receptor";
    static final String PERSPECTIVE = "io.whizbang.handler.Perspective";
    static final String LENS = "io.whizbang.handler.Lens";
    static final String SAGA = "io.whizbang.handler.Saga";
    static final String DOCUMENTS = "io.whizbang.handler.Documents";
    static final String EVENT_CONTEXT = "io.whizbang.handler.EventContext";
    static final String SAGA_CONTEXT = "io.whizbang.handler.SagaContext";
    static final String ON = "io.whizbang.handler.On";
    static final String NAME = "io.whizbang.handler.Name";
    static final String EMITS = "io.whizbang.handler.Emits";
    static final String SENDS = "io.whizbang.handler.Sends";
    static final String CORRELATE_BY = "io.whizbang.handler.CorrelateBy";
    static final String REQUIRES_SCOPE = "io.whizbang.handler.RequiresScope";
    static final String PUBLIC_ACCESS = "io.whizbang.handler.PublicAccess";
    static final String SNAPSHOTTED = "io.whizbang.handler.Snapshotted";
    static final String APPLICATION = "io.whizbang.handler.WhizbangApplication";
    static final String UPCASTS = "io.whizbang.codec.Upcasts";
    static final String JSON_OBJECT = "io.vertx.core.json.JsonObject";

    private final Types types;
    private final TypeElement command;
    private final TypeElement event;
    private final TypeElement query;
    private final TypeElement receptor;
    private final TypeElement perspective;
    private final TypeElement lens;
    private final TypeElement saga;
    private final TypeElement documents;
    private final TypeElement eventContext;
    private final TypeElement sagaContext;
    private final TypeElement jsonObject;

    private WhizbangApi(Elements elements, Types types) {
        this.types = types;
        this.command = elements.getTypeElement(COMMAND);
        this.event = elements.getTypeElement(EVENT);
        this.query = elements.getTypeElement(QUERY);
        this.receptor = elements.getTypeElement(RECEPTOR);
        this.perspective = elements.getTypeElement(PERSPECTIVE);
        this.lens = elements.getTypeElement(LENS);
        this.saga = elements.getTypeElement(SAGA);
        this.documents = elements.getTypeElement(DOCUMENTS);
        this.eventContext = elements.getTypeElement(EVENT_CONTEXT);
        this.sagaContext = elements.getTypeElement(SAGA_CONTEXT);
        this.jsonObject = elements.getTypeElement(JSON_OBJECT);
    }

    /** The API of the compilation, or empty when platform-core is not on its class path. */
    static Optional<WhizbangApi> lookUp(Elements elements, Types types) {
        if (elements.getTypeElement(COMMAND) == null || elements.getTypeElement(RECEPTOR) == null
                || elements.getTypeElement(JSON_OBJECT) == null) {
            return Optional.empty();
        }
        return Optional.of(new WhizbangApi(elements, types));
    }

    /** The message interfaces the type implements: none, one, or (wrongly) several. */
    List<MessageKind> messageKinds(TypeElement type) {
        return List.of(MessageKind.values()).stream().filter(kind -> implementsType(type, apiType(kind))).toList();
    }

    /** Whether the type is a record implementing the message interface of the kind. */
    boolean isMessageRecord(TypeMirror type, MessageKind kind) {
        return asRecord(type).filter(record -> implementsType(record, apiType(kind))).isPresent();
    }

    /** The record a type stands for, or empty for any other type. */
    Optional<TypeElement> asRecord(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (element.getKind() == ElementKind.RECORD) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    boolean isReceptor(TypeElement type) {
        return implementsType(type, receptor);
    }

    boolean isPerspective(TypeElement type) {
        return implementsType(type, perspective);
    }

    boolean isLens(TypeElement type) {
        return implementsType(type, lens);
    }

    boolean isSaga(TypeElement type) {
        return implementsType(type, saga);
    }

    /** The type arguments the class gives to Receptor, or empty when it implements it raw. */
    Optional<List<? extends TypeMirror>> receptorArguments(TypeElement type) {
        return typeArguments(type.asType(), receptor);
    }

    Optional<List<? extends TypeMirror>> perspectiveArguments(TypeElement type) {
        return typeArguments(type.asType(), perspective);
    }

    Optional<List<? extends TypeMirror>> lensArguments(TypeElement type) {
        return typeArguments(type.asType(), lens);
    }

    Optional<List<? extends TypeMirror>> sagaArguments(TypeElement type) {
        return typeArguments(type.asType(), saga);
    }

    Optional<List<? extends TypeMirror>> queryArguments(TypeElement type) {
        return typeArguments(type.asType(), query);
    }

    /** {@code Documents<M>} for the model type. */
    TypeMirror documentsOf(TypeMirror model) {
        return types.getDeclaredType(documents, model);
    }

    boolean isEventContext(TypeMirror type) {
        return types.isSameType(type, eventContext.asType());
    }

    boolean isSagaContext(TypeMirror type) {
        return types.isSameType(type, sagaContext.asType());
    }

    boolean isJsonObject(TypeMirror type) {
        return types.isSameType(type, jsonObject.asType());
    }

    /** Whether the type is, or inherits from, the generic interface, whatever its type arguments. */
    boolean implementsType(TypeElement type, TypeElement generic) {
        return generic != null && types.isSubtype(types.erasure(type.asType()), types.erasure(generic.asType()));
    }

    /**
     * The type arguments with which {@code type} inherits {@code generic}, found by walking its supertypes so that
     * {@code class A extends Base<Foo>} with {@code Base<T> implements Receptor<T, S>} resolves to {@code Foo}.
     */
    private Optional<List<? extends TypeMirror>> typeArguments(TypeMirror type, TypeElement generic) {
        TypeMirror target = types.erasure(generic.asType());
        Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            TypeMirror current = pending.removeFirst();
            if (!seen.add(current.toString())) {
                continue;
            }
            if (types.isSameType(types.erasure(current), target)) {
                List<? extends TypeMirror> arguments = ((DeclaredType) current).getTypeArguments();
                return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments);
            }
            pending.addAll(types.directSupertypes(current));
        }
        return Optional.empty();
    }

    private TypeElement apiType(MessageKind kind) {
        return switch (kind) {
            case COMMAND -> command;
            case EVENT -> event;
            case QUERY -> query;
        };
    }
}
