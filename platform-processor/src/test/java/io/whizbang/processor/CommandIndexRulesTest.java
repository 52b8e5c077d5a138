package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which registries get a generated command index: up to 24 command types, past that the class table. */
class CommandIndexRulesTest {
    @TempDir
    Path dir;

    private Compilation appWithCommands(int count) {
        StringBuilder members = new StringBuilder(
                "@SchemaVersion(1) public record Done(String id) implements Event { }\n");
        for (int i = 0; i < count; i++) {
            members.append("public record C").append(i).append("(String id) implements Command { }\n")
                    .append(TestSources.receptor("@PublicAccess @Emits(Done.class)", "C" + i + "Receptor", "C" + i));
        }
        return Compilation.process(dir, TestSources.app(members.toString()));
    }

    @Test
    void upToTheLimitTheRegistryComparesCommandClassesInReceptorOrder() {
        Compilation compilation = appWithCommands(CommandIndexWriter.MOST_COMPARISONS);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.generatedSource("io.t.AppRegistry"))
                .contains("FLOW_MAP, snapshots, AppRegistry::receptorOf);")
                .contains("if (command.getClass() == App.C0.class) {\n            return 0;")
                .contains("return " + (CommandIndexWriter.MOST_COMPARISONS - 1) + ";");
    }

    @Test
    void pastTheLimitTheRegistryKeepsTheClassTable() {
        Compilation compilation = appWithCommands(CommandIndexWriter.MOST_COMPARISONS + 1);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.generatedSource("io.t.AppRegistry"))
                .contains("FLOW_MAP, snapshots);")
                .doesNotContain("receptorOf");
    }
}
