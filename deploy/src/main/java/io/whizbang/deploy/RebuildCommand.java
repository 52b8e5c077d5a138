package io.whizbang.deploy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code whizbang rebuild <perspective>}: asks a running platform's control plane to rebuild a perspective beside
 * the live one, prints the progress, and returns once the new generation has taken over. Lenses keep answering from
 * the old generation meanwhile.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Rebuilds a perspective of a running platform without downtime and shows the progress.")
public final class RebuildCommand implements Callable<Integer> {
    /** The control plane asked when none is given. */
    static final String DEFAULT_CONTROL = "http://localhost:8088";
    /** How long to wait for the rebuild when no time is given, as ISO-8601. */
    static final String DEFAULT_TIMEOUT = "PT30M";
    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<perspective>", description = "The perspective's name, such as"
            + " order-summary.")
    private String perspective;

    @Option(names = "--control", defaultValue = DEFAULT_CONTROL, paramLabel = "<url>",
            description = "The control plane of the running platform (default: ${DEFAULT-VALUE}).")
    private URI control;

    @Option(names = "--token", paramLabel = "<jwt>",
            description = "A token with whizbang:admin; by default one is minted with the data directory's"
                    + " development key.")
    private String token;

    @Option(names = "--data-dir", defaultValue = RunOptions.DEFAULT_DATA_DIR, paramLabel = "<dir>",
            description = "Directory of the development key (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--timeout", defaultValue = DEFAULT_TIMEOUT, paramLabel = "<duration>",
            description = "How long to wait for the new generation to take over, as ISO-8601"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String bearer = "Bearer " + (token != null ? token : adminToken());
            JsonObject before = health(bearer);
            HttpResponse<String> started = send(HttpRequest.newBuilder(endpoint("/api/control/perspectives/"
                    + URLEncoder.encode(perspective, StandardCharsets.UTF_8) + "/rebuild"))
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build());
            if (started.statusCode() / 100 != 2) {
                err.println("whizbang rebuild: " + problem(started));
                return started.statusCode() == 400 || started.statusCode() == 404 ? ExitCodes.USAGE
                        : ExitCodes.FAILURE;
            }
            out.println("rebuilding " + perspective + " beside generation " + before.getInteger("generation", 0)
                    + "; lenses keep answering from it");
            out.flush();
            return follow(bearer, before.getInteger("generation", 0), out, err);
        } catch (RebuildFailure e) {
            err.println("whizbang rebuild: " + e.getMessage());
            return e.exitCode;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("whizbang rebuild: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }

    /** Polls the perspective's health, printing each new progress, until a newer generation runs. */
    private int follow(String bearer, int oldGeneration, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonObject health = health(bearer);
            JsonObject rebuild = health.getJsonObject("rebuild");
            if (rebuild != null && rebuild.getString("failure") != null) {
                err.println("whizbang rebuild: the rebuild of " + perspective + " failed: "
                        + rebuild.getString("failure"));
                return ExitCodes.FAILURE;
            }
            if (rebuild == null && health.getInteger("generation", 0) > oldGeneration) {
                out.println("rebuilt " + perspective + ": generation " + health.getInteger("generation")
                        + " serves the lenses at position " + health.getLong("position"));
                out.flush();
                return ExitCodes.OK;
            }
            if (rebuild != null) {
                String progress = "  generation " + rebuild.getInteger("generation") + ": "
                        + rebuild.getLong("position") + " of " + rebuild.getLong("head") + " events ("
                        + rebuild.getValue("percent") + "%)";
                if (!progress.equals(last)) {
                    out.println(progress);
                    out.flush();
                    last = progress;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        err.println("whizbang rebuild: " + perspective + " did not finish within " + timeout + "; it goes on in"
                + " the platform");
        return ExitCodes.FAILURE;
    }

    /** The perspective's health as the control plane reports it. */
    private JsonObject health(String bearer) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(endpoint("/api/control/projections"))
                .header("Authorization", bearer).GET().build());
        if (answer.statusCode() != 200) {
            throw new RebuildFailure(problem(answer), answer.statusCode() == 401 || answer.statusCode() == 403
                    ? ExitCodes.USAGE : ExitCodes.FAILURE);
        }
        JsonArray perspectives = json(answer).getJsonArray("perspectives", new JsonArray());
        for (int i = 0; i < perspectives.size(); i++) {
            JsonObject health = perspectives.getJsonObject(i);
            if (perspective.equals(health.getString("perspective"))) {
                return health;
            }
        }
        throw new RebuildFailure("no perspective named " + perspective + " runs behind " + control + "; there are "
                + perspectives.stream().map(item -> ((JsonObject) item).getString("perspective")).toList(),
                ExitCodes.USAGE);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new RebuildFailure("no control plane answers at " + control + "; start the platform with"
                    + " `whizbang run` or name it with --control", ExitCodes.FAILURE);
        }
    }

    private URI endpoint(String path) {
        return control.resolve(path);
    }

    private String adminToken() {
        return DevelopmentTokens.mint(Principal.of("whizbang-cli", "system", "whizbang:admin", "whizbang:system"),
                Duration.ofMinutes(5).plus(timeout), DevelopmentKey.loadOrCreate(dataDir), Clock.systemUTC());
    }

    private static String problem(HttpResponse<String> answer) {
        try {
            JsonObject problem = json(answer);
            return problem.getString("detail", problem.getString("title", "HTTP " + answer.statusCode()));
        } catch (IllegalStateException e) {
            return "HTTP " + answer.statusCode();
        }
    }

    private static JsonObject json(HttpResponse<String> answer) {
        try {
            return new JsonObject(answer.body());
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalStateException("the control plane answered HTTP " + answer.statusCode()
                    + " with something that is not JSON");
        }
    }

    /** A refusal or failure to report in one line, with its exit code. */
    private static final class RebuildFailure extends IllegalStateException {
        private final int exitCode;

        RebuildFailure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
