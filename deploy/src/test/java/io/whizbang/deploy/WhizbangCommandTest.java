package io.whizbang.deploy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WhizbangCommandTest {
    private static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return new CommandLine(new Whizbang())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void unknownStoreSchemeIsAUsageError() {
        int exit = execute("run", "--store=bogus:x", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown store 'bogus:x'; use memory, sqlite:<file> or"
                + " postgres://user:pass@host:port/db");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void malformedPostgresUriIsAUsageError() {
        int exit = execute("run", "--store=postgres://nobody@/db");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("malformed PostgreSQL store");
    }

    @Test
    void aPostgresStoreThatCannotBeReachedFailsTheRunWithoutAStackTrace() {
        assertThat(execute("run", "--store=postgres://app:pw@127.0.0.1:1/whizbang", "--data-dir=" + dataDir))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("whizbang run: could not start: ").doesNotContain("\tat ");
    }

    @Test
    void anSqliteFileThatCannotBeOpenedFailsTheRunAndNamesIt() throws Exception {
        Path notADirectory = java.nio.file.Files.writeString(dataDir.resolve("file"), "not a directory");

        int exit = execute("run", "--store=sqlite:" + notADirectory.resolve("whizbang.db"), "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("whizbang run: could not start: the SQLite ledger "
                + notADirectory.resolve("whizbang.db")).doesNotContain("\tat ");
    }

    @Test
    void helpOfRunNamesTheDefaultSqliteStore() {
        int exit = execute("run", "--help");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).contains("sqlite:<data-dir>/whizbang.db");
    }

    @Test
    void unknownServiceIsAUsageError() {
        int exit = execute("run", "--services=ledger,kitchen");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service 'kitchen'; choose from all, ledger, projections, web,"
                + " mobile, desktop, control");
    }

    @Test
    void aKafkaAddressWithoutPortIsAUsageError() {
        int exit = execute("run", "--kafka=localhost", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka takes host:port[,host:port...], not 'localhost'");
    }

    @Test
    void aClusteredLedgerOnAStoreOfItsOwnIsRefused() {
        int exit = execute("run", "--cluster", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--cluster needs --store=postgres://... on nodes that run the ledger");
    }

    @Test
    void aMalformedClusterMemberIsAUsageError() {
        int exit = execute("run", "--cluster", "--services=web", "--cluster-members=a b", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("a cluster member is host or host:port");
    }

    @Test
    void tokenPrintsOnlyAJwtWithTheRequestedClaims() {
        int exit = execute("token", "--tenant=acme", "--scopes=orders:write,orders:read", "--subject=alice",
                "--ttl=PT2H", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(0);
        String token = out.toString().strip();
        assertThat(token).matches(JWT);
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.getString("sub")).isEqualTo("alice");
        assertThat(claims.getString("tenant")).isEqualTo("acme");
        assertThat(claims.getJsonArray("scopes").getList()).containsExactlyInAnyOrder("orders:write", "orders:read");
        assertThat(claims.getString("iss")).isEqualTo("whizbang-dev");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tokenDefaultsToTheDeveloperForADay() {
        execute("token", "--tenant=acme", "--data-dir=" + dataDir);

        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(out.toString().strip()
                .split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("sub")).isEqualTo("developer");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(Duration.ofHours(24).toSeconds());
    }

    @Test
    void tokenWithoutTenantIsAUsageError() {
        int exit = execute("token", "--scopes=orders:read", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--tenant");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void tokenWithABadTimeToLiveIsAUsageError() {
        int exit = execute("token", "--tenant=acme", "--ttl=tomorrow", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--ttl 'tomorrow' is not an ISO-8601 duration");
    }

    @Test
    void helpListsTheCommands() {
        int exit = execute("--help");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).contains("run", "token");
    }

    @Test
    void versionNamesTheBuild() {
        int exit = execute("--version");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).startsWith("Whizbang ").doesNotContain("${project.version}", "unknown");
    }

    @Test
    void noCommandIsAUsageError() {
        int exit = execute();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("choose a command: run, token or rebuild");
    }
}
