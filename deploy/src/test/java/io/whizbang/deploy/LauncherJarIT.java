package io.whizbang.deploy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded launcher jar in a second JVM, as a user would.
 */
class LauncherJarIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Path jar;
    private static String java;

    @TempDir
    Path temp;

    @BeforeAll
    static void findJarAndJava() {
        jar = Path.of(System.getProperty("whizbang.jar", "target/whizbang.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar; run `mvnw verify`, which builds it in `package`").isRegularFile();
        java = ProcessHandle.current().info().command().orElse("java");
    }

    @Test
    void tokenPrintsAJwt() throws Exception {
        Finished run = run("token", "--tenant=acme", "--scopes=orders:read", "--data-dir=" + temp.resolve("data"));

        assertThat(run.exit).as("exit code; stderr: %s", run.err).isEqualTo(0);
        String token = run.out.strip();
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.getString("tenant")).isEqualTo("acme");
        assertThat(claims.getJsonArray("scopes").getList()).containsExactly("orders:read");
        assertThat(temp.resolve("data").resolve("dev-jwt.key")).isRegularFile();
    }

    @Test
    void runWithAnUnknownStoreExitsWith2AndSaysWhy() throws Exception {
        Finished run = run("run", "--store=bogus:x", "--data-dir=" + temp.resolve("data"));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("unknown store 'bogus:x'").doesNotContain("\tat ");
        assertThat(run.out).isEmpty();
    }

    @Test
    void runWithNoOptionsKeepsItsLedgerInAnSqliteFileUnderDataAndStartsAgainOnIt() throws Exception {
        Path database = temp.resolve("data").resolve(RunOptions.DEFAULT_STORE_FILE);

        List<String> first = runUntilStartedThenStop("first");

        assertThat(first).anySatisfy(line -> assertThat(line).contains("whizbang.commands"));
        assertThat(first).anySatisfy(line -> assertThat(line).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\."
                + "[A-Za-z0-9_-]+"));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("8080"));
        assertThat(first).anySatisfy(line -> assertThat(line)
                .contains("sqlite:" + database.toRealPath()).contains("kept across restarts"));
        assertThat(database).isRegularFile();
        assertThat(database.resolveSibling("whizbang-projections.db")).isRegularFile();

        List<String> second = runUntilStartedThenStop("second");

        assertThat(second).anySatisfy(line -> assertThat(line).contains("sqlite:" + database.toRealPath()));
    }

    /** Runs {@code java -jar whizbang.jar run} with no options in the temporary directory, until it is running. */
    private List<String> runUntilStartedThenStop(String name) throws Exception {
        Path stderr = temp.resolve(name + ".err");
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "run")
                .directory(temp.toFile())
                .redirectError(stderr.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new CopyOnWriteArrayList<>();
        try {
            CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> readUntilRunning(out, lines));

            boolean started;
            try {
                started = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                started = false;
            }

            assertThat(started).as("stdout %s, stderr %s", lines, Files.readString(stderr)).isTrue();
            for (int port : new int[] {8080, 8081, 8088}) {
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as("health on %d", port).isEqualTo(200);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            out.close();
        }
        assertThat(Files.readString(stderr)).doesNotContain("Exception");
        return lines;
    }

    private static boolean readUntilRunning(BufferedReader out, List<String> lines) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals(Banner.RUNNING)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Finished run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stdout = temp.resolve("out.txt");
        Path stderr = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("java -jar whizbang.jar " + String.join(" ", args) + " did not finish in "
                    + WAIT);
        }
        return new Finished(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private record Finished(int exit, String out, String err) {
    }
}
