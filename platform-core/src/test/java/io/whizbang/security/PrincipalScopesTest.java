package io.whizbang.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A principal's scopes: checked by declared scope with the same answers as by name. */
class PrincipalScopesTest {
    /** A scope no other test declares, so the order of tests does not matter. */
    private static String fresh(String prefix) {
        return prefix + ":" + UUID.randomUUID();
    }

    @Test
    void aDeclaredScopeIsHeldExactlyByItsHolders() {
        String write = fresh("write");
        String read = fresh("read");
        DeclaredScope writing = DeclaredScope.of(write);
        DeclaredScope.of(read);

        assertThat(Principal.of("alice", "acme", write, read).holds(writing)).isTrue();
        assertThat(Principal.of("bob", "acme", read).holds(writing)).isFalse();
        assertThat(Principal.of("carol", "acme").holds(writing)).isFalse();
    }

    @Test
    void aPrincipalMadeBeforeTheScopeWasDeclaredStillHoldsIt() {
        String late = fresh("late");
        String other = fresh("other");
        Principal early = Principal.of("alice", "acme", late);
        Principal without = Principal.of("bob", "acme", other);
        assertThat(early.holds(DeclaredScope.of(other))).isFalse();

        DeclaredScope declared = DeclaredScope.of(late);

        assertThat(early.holds(declared)).isTrue();
        assertThat(without.holds(declared)).isFalse();
    }

    @Test
    void scopesDeclaredBeyondTheBitsAreCheckedByName() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            names.add(fresh("many" + i));
            DeclaredScope.of(names.get(i));
        }
        String last = names.get(69);
        Principal holder = new Principal("alice", "acme", new HashSet<>(names));
        Principal other = new Principal("bob", "acme", Set.copyOf(names.subList(0, 69)));

        assertThat(holder.holds(DeclaredScope.of(last))).isTrue();
        assertThat(other.holds(DeclaredScope.of(last))).isFalse();
        assertThat(other.holds(DeclaredScope.of(names.get(0)))).isTrue();
    }

    @Test
    void aScopeIsDeclaredOnceAndNeverBlank() {
        String name = fresh("once");

        assertThat(DeclaredScope.of(new String(name.toCharArray()))).isSameAs(DeclaredScope.of(name));
        assertThatThrownBy(() -> DeclaredScope.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScopesAreAnImmutableSetEqualToAnyOtherWithTheSameNames() {
        Principal alice = new Principal("alice", "acme", new HashSet<>(Set.of("a", "b", "c")));

        assertThat(alice.scopes()).isEqualTo(Set.of("a", "b", "c")).hasSameHashCodeAs(Set.of("a", "b", "c"));
        assertThat(alice).isEqualTo(Principal.of("alice", "acme", "c", "b", "a"));
        assertThatThrownBy(() -> alice.scopes().add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> alice.scopes().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Principal("x", "acme", new HashSet<>(Arrays.asList("a", null))))
                .isInstanceOf(NullPointerException.class);
    }
}
