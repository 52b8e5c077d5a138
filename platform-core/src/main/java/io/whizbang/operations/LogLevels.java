package io.whizbang.operations;

import io.whizbang.error.PermanentException;

import java.util.Collections;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Sets loggers' levels at run time. The default works on {@code java.util.logging}, which Whizbang logs through; a
 * launcher that routes logging elsewhere supplies its own.
 */
public interface LogLevels {
    /** The level names a caller may ask for. */
    String ACCEPTED = "TRACE, DEBUG, INFO, WARN, ERROR, OFF, ALL";

    /**
     * Sets the level of the named logger ({@code ROOT} or an empty name for the root logger).
     *
     * @return the level it had before, or {@code INHERITED}
     * @throws PermanentException {@code NOT_FOUND} for a logger this service does not have, {@code INVALID_ARGUMENT}
     *                            for a level not in {@link #ACCEPTED}
     */
    String set(String logger, String level);

    /** The levels of {@code java.util.logging}. */
    static LogLevels javaLogging() {
        return (logger, level) -> {
            Level target = parse(level);
            String name = logger == null || logger.equalsIgnoreCase("ROOT") ? "" : logger;
            if (!name.isEmpty() && !known(name)) {
                throw PermanentException.notFound("no logger named \"" + name + "\" in this service");
            }
            Logger jul = Logger.getLogger(name);
            Level before = jul.getLevel();
            jul.setLevel(target);
            return before == null ? "INHERITED" : before.getName();
        };
    }

    /** The {@code java.util.logging} level of a level name, or {@code INVALID_ARGUMENT}. */
    static Level parse(String level) {
        String name = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "TRACE", "FINEST" -> Level.FINEST;
            case "DEBUG", "FINE" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "OFF" -> Level.OFF;
            case "ALL" -> Level.ALL;
            default -> throw PermanentException.invalid("\"" + level + "\" is not a log level; use one of "
                    + ACCEPTED);
        };
    }

    /** Whether a logger of that name exists, or one below it (a package's loggers). */
    private static boolean known(String name) {
        for (String existing : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            if (existing.equals(name) || existing.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }
}
