package io.whizbang.runtime;

import java.util.Objects;

/**
 * The event-bus addresses the projections runtime is controlled at, served by a {@link ProjectionsEndpoint} and
 * called by a {@link ProjectionsClient}. Requests and answers are JSON objects; failures travel as the
 * {@link io.whizbang.error.ErrorCode} wire numbers.
 *
 * <table>
 *   <caption>Addresses (prefix {@code whizbang})</caption>
 *   <tr><th>address</th><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code whizbang.projections.status}</td><td>{@code {}} or {@code {"perspective"}}</td>
 *       <td>{@code {"perspectives": [PerspectiveHealth]}}</td></tr>
 *   <tr><td>{@code whizbang.projections.rebuild}</td><td>{@code {"perspective"}}</td>
 *       <td>{@code PerspectiveHealth} with its {@code rebuild} progress</td></tr>
 *   <tr><td>{@code whizbang.projections.deadLetters.list}</td><td>{@code {"perspective", "all"?: false}}</td>
 *       <td>{@code {"deadLetters": [DeadLetter]}}: the parked ones, or every one with {@code all}</td></tr>
 *   <tr><td>{@code whizbang.projections.deadLetters.retry}</td><td>{@code {"perspective", "position"}}</td>
 *       <td>{@code {"deadLetter": DeadLetter}} now {@code RETRIED}</td></tr>
 *   <tr><td>{@code whizbang.projections.deadLetters.skip}</td><td>{@code {"perspective", "position"}}</td>
 *       <td>{@code {"deadLetter": DeadLetter}} now {@code SKIPPED}</td></tr>
 *   <tr><td>{@code whizbang.projections.awaitInline}</td><td>{@code {"position"}}</td>
 *       <td>{@code {}} once every inline perspective committed the position</td></tr>
 * </table>
 *
 * <p>Errors: an unknown perspective or a position without a dead letter is {@code NOT_FOUND}; a malformed request
 * {@code INVALID_ARGUMENT}; a rebuild while one runs, a letter already resolved or a retry that fails again
 * {@code CONFLICT}; an inline wait past its timeout {@code TIMEOUT}. Whenever a rebuilt generation takes over,
 * {@code {"perspective", "generation", "collection"}} is published at {@code whizbang.projections.activated}, so
 * lens readers in every process switch to it.
 *
 * @param prefix the prefix shared by every address, such as {@code whizbang}
 */
public record ProjectionsAddresses(String prefix) {
    public ProjectionsAddresses {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("the projections' address prefix must not be blank");
        }
    }

    /** The address that answers the health of every perspective, or of one. */
    public String status() {
        return prefix + ".projections.status";
    }

    /** The address that starts a rebuild. */
    public String rebuild() {
        return prefix + ".projections.rebuild";
    }

    /** The address that lists a perspective's dead letters. */
    public String deadLettersList() {
        return prefix + ".projections.deadLetters.list";
    }

    /** The address that retries a dead letter. */
    public String deadLettersRetry() {
        return prefix + ".projections.deadLetters.retry";
    }

    /** The address that skips a dead letter. */
    public String deadLettersSkip() {
        return prefix + ".projections.deadLetters.skip";
    }

    /** The address that answers once the inline perspectives committed a position. */
    public String awaitInline() {
        return prefix + ".projections.awaitInline";
    }

    /** The address published to when a rebuilt generation takes over. */
    public String activated() {
        return prefix + ".projections.activated";
    }
}
