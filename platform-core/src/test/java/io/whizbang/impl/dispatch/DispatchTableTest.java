package io.whizbang.impl.dispatch;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.codec.Codecs;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Receptor;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageType;
import io.whizbang.policy.PolicySet;
import io.whizbang.registry.Access;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dispatcher's routing step: the receptor by the command's class, behind the tenant and scope guard. */
@ExtendWith(VertxExtension.class)
class DispatchTableTest {
    private static final String WRITE = "routing:write";
    private static final Principal WRITER = Principal.of("alice", "acme", WRITE);

    record Open() implements Command {
    }

    record Write() implements Command {
    }

    record Unrouted() implements Command {
    }

    record C1() implements Command {
    }

    record C2() implements Command {
    }

    record C3() implements Command {
    }

    record C4() implements Command {
    }

    record C5() implements Command {
    }

    record C6() implements Command {
    }

    record C7() implements Command {
    }

    record C8() implements Command {
    }

    record C9() implements Command {
    }

    /** A receptor that is only ever routed to, never run. */
    static final class Routed<C extends Command> implements Receptor<C, Object> {
        @Override
        public StreamId streamOf(C command, CommandContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Aggregate<Object> aggregate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Decision decide(C command, Object state, CommandContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<ReceptorBinding<?, ?>> bindings = new ArrayList<>();
    private DispatchTable table;

    @BeforeEach
    void setUp(Vertx vertx) {
        bindings.add(binding(Open.class, Access.open()));
        bindings.add(binding(Write.class, Access.scope(WRITE)));
        for (Class<? extends Command> type : List.of(C1.class, C2.class, C3.class, C4.class, C5.class, C6.class,
                C7.class, C8.class, C9.class)) {
            bindings.add(binding(type, Access.scope(WRITE)));
        }
        table = new DispatchTable(vertx, new Registry("routing", Codecs.builder().build(), bindings, List.of(),
                List.of(), List.of(), "{}"), Clock.systemUTC());
    }

    private static <C extends Command> ReceptorBinding<C, Object> binding(Class<C> type, Access access) {
        return new ReceptorBinding<>(type, new Routed<>(), access, PolicySet.NONE, Set.of());
    }

    private static <C extends Command> Envelope<C> from(Principal principal, C command) {
        return Envelope.create(principal, new MessageType(command.getClass().getSimpleName(), 1), command);
    }

    private static void assertRefused(Runnable routing, ErrorCode code, String text) {
        assertThatThrownBy(routing::run)
                .isInstanceOfSatisfying(WhizbangException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(text);
    }

    @Test
    void everyCommandTypeRoutesToItsOwnReceptor() {
        List<Command> commands = List.of(new Open(), new Write(), new C1(), new C2(), new C3(), new C4(), new C5(),
                new C6(), new C7(), new C8(), new C9());
        for (int i = 0; i < commands.size(); i++) {
            assertThat(table.receptor(commands.get(i))).isSameAs(bindings.get(i));
        }
    }

    @Test
    void anIndexPointingAtAnotherReceptorRoutesNothing(Vertx vertx) {
        // every command to position 0, the public receptor of Open
        DispatchTable misindexed = new DispatchTable(vertx, new Registry("routing", Codecs.builder().build(),
                bindings, List.of(), List.of(), List.of(), "{}", List.of(), command -> 0), Clock.systemUTC());
        Principal nobody = Principal.of("carol", "acme");

        assertThat(misindexed.route(from(nobody, new Open())).commandType()).isEqualTo(Open.class);
        assertRefused(() -> misindexed.route(from(nobody, new Write())), ErrorCode.INVALID_ARGUMENT,
                "no receptor handles Write");
    }

    @Test
    void aCommandTypeWithoutReceptorIsInvalidArgument() {
        assertRefused(() -> table.route(from(WRITER, new Unrouted())), ErrorCode.INVALID_ARGUMENT,
                "no receptor handles Unrouted");
    }

    @Test
    void aBlankTenantIsInvalidArgument() {
        assertRefused(() -> table.route(from(WRITER, new Write()).withTenant(" ")), ErrorCode.INVALID_ARGUMENT,
                "every message needs a tenant");
    }

    @Test
    void anotherTenantIsDeniedEvenToAHolderOfTheScope() {
        assertRefused(() -> table.route(from(WRITER, new Open()).withTenant("globex")),
                ErrorCode.PERMISSION_DENIED, "principal alice of tenant acme may not act in tenant globex");
    }

    @Test
    void theOwnTenantNamedByAnotherStringPasses() {
        Envelope<Write> sent = from(WRITER, new Write()).withTenant(new String("acme".toCharArray()));

        assertThat(table.route(sent).commandType()).isEqualTo(Write.class);
    }

    @Test
    void onlyTheSystemScopeCrossesTenants() {
        Principal operator = Principal.of("ops", "acme", WRITE, Principal.SYSTEM_SCOPE);

        assertThat(table.route(from(operator, new Write()).withTenant("globex")).commandType())
                .isEqualTo(Write.class);
    }

    @Test
    void aMissingScopeIsDeniedNamingTheScopesHeld() {
        Principal reader = Principal.of("bob", "acme", "routing:read", "profile");

        assertRefused(() -> table.route(from(reader, new C7())), ErrorCode.PERMISSION_DENIED,
                "sending C7 needs scope routing:write; principal bob holds [profile, routing:read]");
    }

    @Test
    void aPublicReceptorNeedsNoScope() {
        Principal nobody = Principal.of("carol", "acme");

        assertThat(table.route(from(nobody, new Open())).commandType()).isEqualTo(Open.class);
        assertRefused(() -> table.route(from(nobody, new Write())), ErrorCode.PERMISSION_DENIED, "needs scope");
    }

    @Test
    void aScopeFromATokenPassesThoughItIsAnotherString() {
        Principal fromToken = new Principal("dave", new String("acme".toCharArray()), Set.of("routing:read",
                new String(WRITE.toCharArray()), "profile", "email"));

        assertThat(table.route(from(fromToken, new Write())).commandType()).isEqualTo(Write.class);
    }
}
