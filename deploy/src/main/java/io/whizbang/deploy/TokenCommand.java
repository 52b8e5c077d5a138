package io.whizbang.deploy;

import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code whizbang token}: prints a development token, a JWT signed with the data directory's development key.
 */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Prints a development JWT (HS256) signed with the key in the data directory.")
public final class TokenCommand implements Callable<Integer> {
    /** The subject of a token when none is given. */
    static final String DEFAULT_SUBJECT = "developer";
    /** How long a token is valid when no time to live is given, as ISO-8601. */
    static final String DEFAULT_TTL = "PT24H";

    @Spec
    private CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "<tenant>",
            description = "The tenant the token acts in.")
    private String tenant;

    @Option(names = "--scopes", split = ",", paramLabel = "<scope>",
            description = "Comma-separated scopes, such as orders:write,orders:read.")
    private List<String> scopes = new ArrayList<>();

    @Option(names = "--subject", defaultValue = DEFAULT_SUBJECT, paramLabel = "<subject>",
            description = "Who the token is for (default: ${DEFAULT-VALUE}).")
    private String subject;

    @Option(names = "--ttl", defaultValue = DEFAULT_TTL, paramLabel = "<duration>",
            description = "How long the token is valid, as ISO-8601 such as PT1H or P7D (default: ${DEFAULT-VALUE}).")
    private String ttl;

    @Option(names = "--data-dir", defaultValue = RunOptions.DEFAULT_DATA_DIR, paramLabel = "<dir>",
            description = "Directory of the development key, created when missing (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Principal principal;
        Duration timeToLive;
        try {
            principal = new Principal(subject, tenant, Set.copyOf(scopes.stream().map(String::strip)
                    .filter(scope -> !scope.isEmpty()).toList()));
            timeToLive = parseTtl(ttl);
        } catch (IllegalArgumentException e) {
            err.println("whizbang token: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
            spec.commandLine().getOut().println(DevelopmentTokens.mint(principal, timeToLive, key, Clock.systemUTC()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("whizbang token: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static Duration parseTtl(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl '" + text + "' is not an ISO-8601 duration; write PT1H, PT24H"
                    + " or P7D", e);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--ttl must be positive, was " + text);
        }
        return duration;
    }
}
