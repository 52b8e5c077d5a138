-- Positions given at append, under the append lock, instead of by a sequencer after the commit.
--
-- Until now an append inserted its events without a position and a sequencer numbered them after they committed:
-- every event was written twice (the UPDATE that set its position was never HOT, position being indexed) and every
-- append ran a second transaction. From this version on, a writer takes the append lock (the transaction-level
-- advisory lock 1464359507 / hashtext(schema)), numbers its events after the current head and commits, all in one
-- transaction: positions commit in the order they were given, so a reader of the global order never passes an
-- event that commits late, and an event is written once.
--
-- The old functions go, so a node of an earlier version cannot write once this has run: stop them before upgrading.

-- Take the lock every writer and the old sequencer took, then position what an old writer left without a position.
SELECT pg_advisory_xact_lock(1464359507, hashtext('${schema}'));
SELECT ${schema}.assign_positions(2147483647);

DROP FUNCTION ${schema}.sequence_event(uuid, integer);
DROP FUNCTION ${schema}.sequence_pending(integer);
DROP FUNCTION ${schema}.assign_positions(integer);
DROP INDEX ${schema}.events_unsequenced_idx;
-- Drops the provisional sequence with it (the sequence is owned by the column).
ALTER TABLE ${schema}.events DROP COLUMN provisional_seq;
ALTER TABLE ${schema}.events ALTER COLUMN position SET NOT NULL;

-- The appends of one append transaction, called as one statement (so its own transaction: nothing is left open
-- between round trips, and a writer that goes away cannot keep the lock). It takes the append lock (one writer at a
-- time across every node, held until the commit; the driver's sessions stop waiting for it after ten seconds, their
-- lock_timeout), then, with statements that see everything committed before the lock was granted: checks each append's expected versions (and, for an
-- append that carries an incoming message, that the inbox does not hold it) and writes the events of the appends
-- that pass, numbered densely after the head in the order given, with their outbox and inbox rows; an append that
-- does not pass writes nothing. No two appends of one call may
-- write the same stream: each reads its streams' versions before any of them writes.
-- Plain statements in a loop where one statement would do: the per-stream version lookups as one correlated query
-- cost three times as much here (measured with pgbench), and this runs once per append transaction.
--
-- Why positions given this way never leave a gap to a reader: the lock is held until the transaction has committed
-- and become visible, so the next writer reads the head after it, numbers its events after it and commits later.
-- Positions become visible in their order, and a reader of "all after P" never passes one that commits afterwards.
--
-- Answers one row per append, in order: whether it passed (ok), whether the inbox held its message (handled), its
-- streams' versions before it (versions) and the position of its last event, or of the last event written before it
-- (last_position). Arguments, flattened over the appends: streams as the append's number, tenants, names and
-- expected versions (-1 for any); events as the 1-based index of their stream among all streams, their 1-based place
-- in it, ids, types, schema versions, payloads and metadata; outbox rows as the append's number, message ids,
-- tenants, destinations, keys, payloads and headers; inbox rows as the append's number, message id and tenant.
CREATE FUNCTION ${schema}.append_events(
    p_stream_append int[], p_tenants text[], p_streams text[], p_expected bigint[],
    p_event_stream int[], p_place bigint[], p_event_ids uuid[], p_types text[], p_schema_versions int[],
    p_payloads jsonb[], p_metadata jsonb[],
    p_message_append int[], p_message_ids uuid[], p_message_tenants text[], p_destinations text[], p_keys text[],
    p_message_payloads jsonb[], p_headers jsonb[],
    p_received_append int[], p_received_ids uuid[], p_received_tenants text[])
RETURNS TABLE (append_no int, ok boolean, handled boolean, versions bigint[], last_position bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    stream_count int := coalesce(array_length(p_streams, 1), 0);
    event_count  int := coalesce(array_length(p_event_ids, 1), 0);
    append_count int := coalesce(p_stream_append[stream_count], 0);
    head         bigint;
    before       bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
    found        bigint;
    passed       boolean[] := array_fill(true, ARRAY[append_count]);
    held         boolean[] := array_fill(false, ARRAY[append_count]);
    stream_ok    boolean[] := array_fill(true, ARRAY[stream_count]);
    written      bigint[] := array_fill(0::bigint, ARRAY[append_count]);
    a            int;
    s            int;
    e            int;
BEGIN
    PERFORM pg_advisory_xact_lock(1464359507, hashtext('${schema}'));
    -- Read after the lock was granted: this statement sees every append committed before.
    SELECT coalesce(max(ev.position), 0) INTO head FROM ${schema}.events ev;
    FOR s IN 1 .. stream_count LOOP
        SELECT ev.version INTO found FROM ${schema}.events ev
         WHERE ev.tenant = p_tenants[s] AND ev.stream = p_streams[s] ORDER BY ev.version DESC LIMIT 1;
        before[s] := coalesce(found, 0);
        IF p_expected[s] >= 0 AND p_expected[s] <> before[s] THEN
            passed[p_stream_append[s]] := false;
        END IF;
    END LOOP;
    IF coalesce(array_length(p_received_ids, 1), 0) > 0 THEN
        FOR a IN SELECT r.append_no FROM unnest(p_received_append, p_received_ids) AS r(append_no, message_id)
                  WHERE EXISTS (SELECT 1 FROM ${schema}.inbox i WHERE i.message_id = r.message_id) LOOP
            held[a] := true;
            passed[a] := false;
        END LOOP;
    END IF;
    FOR s IN 1 .. stream_count LOOP
        stream_ok[s] := passed[p_stream_append[s]];
    END LOOP;
    FOR e IN 1 .. event_count LOOP
        a := p_stream_append[p_event_stream[e]];
        IF passed[a] THEN
            written[a] := written[a] + 1;
        END IF;
    END LOOP;

    INSERT INTO ${schema}.events (position, tenant, stream, version, event_id, type, schema_version, payload,
                                  metadata)
    SELECT head + row_number() OVER (ORDER BY ev.ord), p_tenants[ev.idx], p_streams[ev.idx],
           before[ev.idx] + ev.place, ev.event_id, ev.type, ev.schema_version, ev.payload, ev.metadata
      FROM unnest(p_event_stream, p_place, p_event_ids, p_types, p_schema_versions, p_payloads, p_metadata)
           WITH ORDINALITY AS ev(idx, place, event_id, type, schema_version, payload, metadata, ord)
     WHERE stream_ok[ev.idx];
    IF coalesce(array_length(p_message_ids, 1), 0) > 0 THEN
        INSERT INTO ${schema}.outbox (message_id, tenant, destination, key, payload, headers)
        SELECT o.message_id, o.tenant, o.destination, o.key, o.payload, o.headers
          FROM unnest(p_message_append, p_message_ids, p_message_tenants, p_destinations, p_keys,
                      p_message_payloads, p_headers)
               WITH ORDINALITY AS o(append_no, message_id, tenant, destination, key, payload, headers, ord)
         WHERE passed[o.append_no]
         ORDER BY o.ord;
    END IF;
    IF coalesce(array_length(p_received_ids, 1), 0) > 0 THEN
        INSERT INTO ${schema}.inbox (message_id, tenant)
        SELECT r.message_id, r.tenant
          FROM unnest(p_received_append, p_received_ids, p_received_tenants) AS r(append_no, message_id, tenant)
         WHERE passed[r.append_no];
    END IF;

    s := 1;
    FOR a IN 1 .. append_count LOOP
        versions := '{}';
        WHILE s <= stream_count AND p_stream_append[s] = a LOOP
            versions := versions || before[s];
            s := s + 1;
        END LOOP;
        head := head + written[a];
        append_no := a;
        ok := passed[a];
        handled := held[a];
        last_position := head;
        RETURN NEXT;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION ${schema}.append_events(int[], text[], text[], bigint[], int[], bigint[], uuid[], text[],
    int[], jsonb[], jsonb[], int[], uuid[], text[], text[], text[], jsonb[], jsonb[], int[], uuid[], text[])
    FROM PUBLIC;
