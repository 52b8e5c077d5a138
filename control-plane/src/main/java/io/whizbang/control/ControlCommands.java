package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.WhizbangException;
import io.whizbang.operations.ControlAnswer;
import io.whizbang.operations.ControlKind;
import io.whizbang.operations.ControlOutcome;
import io.whizbang.operations.FeatureFlags;
import io.whizbang.operations.LogLevels;
import io.whizbang.security.Principal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The control commands an administrator may order: each is checked, broadcast, gathered and audited; bad input is
 * refused with a coded error (and audited as refused) before anything is broadcast.
 */
final class ControlCommands {
    private static final Pattern LOGGER = Pattern.compile("[A-Za-z0-9_.$-]{1,200}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final ControlBroadcast broadcast;
    private final AuditLog audit;
    private final FlagStore flags;

    ControlCommands(ControlBroadcast broadcast, AuditLog audit, FlagStore flags) {
        this.broadcast = broadcast;
        this.audit = audit;
        this.flags = flags;
    }

    /** Sets a logger's level in every service. */
    Future<ControlResult> setLogLevel(Principal admin, String logger, String level, long deadlineMillis) {
        return checked(admin, ControlKind.SET_LOG_LEVEL, String.valueOf(logger), () -> {
            if (logger == null || !LOGGER.matcher(logger).matches()) {
                throw PermanentException.invalid("logger must be a logger name (letters, digits, '.', '_', '$', '-'; "
                        + "ROOT for the root logger), was \"" + logger + "\"");
            }
            LogLevels.parse(level);
            return new JsonObject().put("logger", logger).put("level", level.trim().toUpperCase(java.util.Locale.ROOT));
        }, deadlineMillis, result -> allFailedWith(result, ErrorCode.NOT_FOUND, "no service has a logger named "
                + logger));
    }

    /** Turns a flag on or off in every service, persisted first so that services starting later get it too. */
    Future<ControlResult> setFlag(Principal admin, String flag, Boolean enabled, long deadlineMillis) {
        return checked(admin, ControlKind.SET_FLAG, String.valueOf(flag), () -> {
            FeatureFlags.checkName(flag);
            if (enabled == null) {
                throw PermanentException.invalid("the body needs \"enabled\": true or false");
            }
            return new JsonObject().put("flag", flag).put("enabled", enabled);
        }, deadlineMillis, result -> null, () -> flags.set(flag, enabled));
    }

    /** Clears a named cache wherever it exists. */
    Future<ControlResult> clearCache(Principal admin, String cache, long deadlineMillis) {
        return checked(admin, ControlKind.CLEAR_CACHE, String.valueOf(cache), () -> {
            checkName("cache", cache);
            return new JsonObject().put("cache", cache);
        }, deadlineMillis, result -> noneApplied(result, "no service has a cache named " + cache));
    }

    /** Runs every service's health checks. */
    Future<ControlResult> healthChecks(Principal admin, long deadlineMillis) {
        return checked(admin, ControlKind.HEALTH_CHECK, "", JsonObject::new, deadlineMillis, result -> null);
    }

    /** Rebuilds a perspective in the services that run it. */
    Future<ControlResult> rebuild(Principal admin, String perspective, long deadlineMillis) {
        return checked(admin, ControlKind.REBUILD, String.valueOf(perspective), () -> {
            checkName("perspective", perspective);
            return new JsonObject().put("perspective", perspective);
        }, deadlineMillis, result -> noneApplied(result, "no service runs a perspective named " + perspective));
    }

    /** Records a command that was carried out elsewhere (the projections API) in the audit log. */
    Future<AuditEntry> audited(Principal admin, String kind, String target, String status, JsonObject result) {
        return audit.record(admin.subject(), admin.tenant(), kind, target, status, result);
    }

    private Future<ControlResult> checked(Principal admin, ControlKind kind, String target, Check check,
                                          long deadlineMillis, Refusal refusal) {
        return checked(admin, kind, target, check, deadlineMillis, refusal, Future::succeededFuture);
    }

    private Future<ControlResult> checked(Principal admin, ControlKind kind, String target, Check check,
                                          long deadlineMillis, Refusal refusal, Persist persist) {
        JsonObject arguments;
        try {
            arguments = check.arguments();
        } catch (RuntimeException invalid) {
            WhizbangException error = WhizbangException.wrap(invalid);
            return audit.record(admin.subject(), admin.tenant(), kind.wireName(), target, "refused",
                            new JsonObject().put("code", error.code().name()).put("detail", error.getMessage()))
                    .transform(recorded -> Future.failedFuture(error));
        }
        return persist.run()
                .compose(persisted -> broadcast.send(kind, arguments, deadlineMillis))
                .compose(result -> {
                    WhizbangException refused = refusal.of(result);
                    String status = refused == null ? result.status() : "refused";
                    JsonObject json = result.toJson();
                    return audit.record(admin.subject(), admin.tenant(), kind.wireName(), target, status, json)
                            .compose(recorded -> refused == null ? Future.succeededFuture(result)
                                    : Future.failedFuture(new RefusedCommand(refused, json)));
                });
    }

    private static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw PermanentException.invalid(what + " must be 1-100 letters, digits, '.', ':', '_' or '-', was \""
                    + name + "\"");
        }
    }

    /** NOT_FOUND when some service answered and none applied the command. */
    private static WhizbangException noneApplied(ControlResult result, String detail) {
        boolean someAnswered = !result.answers().isEmpty();
        boolean noneApplied = result.with(ControlOutcome.APPLIED).isEmpty() && result.with(ControlOutcome.FAILED)
                .isEmpty();
        return someAnswered && noneApplied && result.silent().isEmpty() ? PermanentException.notFound(detail) : null;
    }

    /** The code when every answer failed with it. */
    private static WhizbangException allFailedWith(ControlResult result, ErrorCode code, String detail) {
        List<ControlAnswer> answers = result.answers();
        boolean all = !answers.isEmpty() && answers.stream().allMatch(answer -> answer.code() == code);
        return all ? WhizbangException.of(code, detail) : null;
    }

    @FunctionalInterface
    private interface Check {
        JsonObject arguments();
    }

    @FunctionalInterface
    private interface Refusal {
        WhizbangException of(ControlResult result);
    }

    @FunctionalInterface
    private interface Persist {
        Future<Void> run();
    }
}
