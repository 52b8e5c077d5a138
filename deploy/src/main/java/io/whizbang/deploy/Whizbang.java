package io.whizbang.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The launcher, {@code java -jar whizbang.jar}: runs the services ({@code run}), mints development tokens
 * ({@code token}) and rebuilds a perspective of a running platform ({@code rebuild}).
 *
 * <p>Exit codes: 0 when the command did what was asked, 1 when it failed while running, 2 when the command line
 * asks for something unknown or not in this build. Errors go to standard error as one line, never a stack trace.
 */
@Command(name = "whizbang", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {RunCommand.class, TokenCommand.class, RebuildCommand.class, CommandLine.HelpCommand.class},
        description = "One runtime for CQRS, event sourcing and messaging on Eclipse Vert.x.")
public final class Whizbang implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Runs the launcher with the command line's arguments and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The launcher's command line, which reports an unexpected failure as one line on standard error. */
    public static CommandLine commandLine() {
        return new CommandLine(new Whizbang()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + failure);
            return ExitCodes.FAILURE;
        });
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "choose a command: run, token or rebuild");
    }
}
