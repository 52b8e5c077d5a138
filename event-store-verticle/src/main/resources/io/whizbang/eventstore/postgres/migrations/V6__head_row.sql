-- The append head as a row: the position of the last event, which every append moves on in its own transaction.
--
-- Until now a writer took the append lock (an advisory lock) and read the head as max(position) in a PL/pgSQL call
-- of append_events, however small the append. A single-stream append can now be one plain statement (see
-- PgStatements#appendStream): it moves the head row on by its event count and inserts its events after it. The head
-- row's lock, held until the commit, orders the writers as the append lock did, so positions still commit in the order
-- they were given and a reader of the global order never passes one that commits later. append_events takes the same
-- row lock in place of the advisory lock, and moves the head on by what it wrote.
--
-- The append_events of V4 goes: nodes two releases old must be stopped before this runs (nodes of the previous
-- release call V5's append_events, whose body is replaced here, so they keep appending in step with the new ones).
-- The head table belongs to the driver's role alone: no other role is granted anything on it.

-- Wait for every writer of the previous release, then start the head where the events end.
SELECT pg_advisory_xact_lock(1464359507, hashtext('${schema}'));
CREATE TABLE ${schema}.head (
    id       integer PRIMARY KEY CHECK (id = 1),
    position bigint  NOT NULL
);
INSERT INTO ${schema}.head (id, position) SELECT 1, coalesce(max(position), 0) FROM ${schema}.events;

DROP FUNCTION ${schema}.append_events(int[], text[], text[], bigint[], int[], bigint[], uuid[], text[], int[],
    jsonb[], jsonb[], int[], uuid[], text[], text[], text[], jsonb[], jsonb[], int[], uuid[], text[]);

-- V5's function with the head row in place of the advisory lock and max(position).
CREATE OR REPLACE FUNCTION ${schema}.append_events(
    p_stream_append int[], p_tenants text[], p_streams text[], p_expected bigint[], p_counts int[],
    p_event_stream int[], p_place bigint[], p_event_ids uuid[], p_types text[], p_schema_versions int[],
    p_payloads jsonb[], p_metadata jsonb[],
    p_message_append int[], p_message_ids uuid[], p_message_tenants text[], p_destinations text[], p_keys text[],
    p_message_payloads jsonb[], p_headers jsonb[],
    p_received_append int[], p_received_ids uuid[], p_received_tenants text[],
    p_announce text,
    OUT ok boolean[], OUT handled boolean[], OUT versions bigint[], OUT last_positions bigint[])
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    stream_count int := coalesce(array_length(p_streams, 1), 0);
    append_count int := coalesce(p_stream_append[stream_count], 0);
    head         bigint;
    found        bigint;
    firsts       bigint[] := array_fill(0::bigint, ARRAY[stream_count]);
    stream_ok    boolean[] := array_fill(true, ARRAY[stream_count]);
    a            int;
    s            int;
BEGIN
    -- The head row's lock orders every writer, this function's callers and the single-stream statement's alike.
    SELECT h.position INTO head FROM ${schema}.head h WHERE h.id = 1 FOR UPDATE;
    ok := array_fill(true, ARRAY[append_count]);
    handled := array_fill(false, ARRAY[append_count]);
    versions := array_fill(0::bigint, ARRAY[stream_count]);
    last_positions := array_fill(0::bigint, ARRAY[append_count]);
    -- Read after the lock was granted: these statements see every append committed before.
    FOR s IN 1 .. stream_count LOOP
        SELECT ev.version INTO found FROM ${schema}.events ev
         WHERE ev.tenant = p_tenants[s] AND ev.stream = p_streams[s] ORDER BY ev.version DESC LIMIT 1;
        versions[s] := coalesce(found, 0);
        IF p_expected[s] >= 0 AND p_expected[s] <> versions[s] THEN
            ok[p_stream_append[s]] := false;
        END IF;
    END LOOP;
    IF coalesce(array_length(p_received_ids, 1), 0) > 0 THEN
        FOR a IN SELECT r.append_no FROM unnest(p_received_append, p_received_ids) AS r(append_no, message_id)
                  WHERE EXISTS (SELECT 1 FROM ${schema}.inbox i WHERE i.message_id = r.message_id) LOOP
            handled[a] := true;
            ok[a] := false;
        END LOOP;
    END IF;
    -- Each stream's events follow the head and the events of the passing streams before it.
    FOR s IN 1 .. stream_count LOOP
        a := p_stream_append[s];
        firsts[s] := head;
        IF ok[a] THEN
            head := head + p_counts[s];
        ELSE
            stream_ok[s] := false;
        END IF;
        last_positions[a] := head;
    END LOOP;

    UPDATE ${schema}.head h SET position = head WHERE h.id = 1;
    INSERT INTO ${schema}.events (position, tenant, stream, version, event_id, type, schema_version, payload,
                                  metadata)
    SELECT firsts[ev.idx] + ev.place, p_tenants[ev.idx], p_streams[ev.idx], versions[ev.idx] + ev.place,
           ev.event_id, ev.type, ev.schema_version, ev.payload, ev.metadata
      FROM unnest(p_event_stream, p_place, p_event_ids, p_types, p_schema_versions, p_payloads, p_metadata)
           AS ev(idx, place, event_id, type, schema_version, payload, metadata)
     WHERE stream_ok[ev.idx];
    IF coalesce(array_length(p_message_ids, 1), 0) > 0 THEN
        INSERT INTO ${schema}.outbox (message_id, tenant, destination, key, payload, headers)
        SELECT o.message_id, o.tenant, o.destination, o.key, o.payload, o.headers
          FROM unnest(p_message_append, p_message_ids, p_message_tenants, p_destinations, p_keys,
                      p_message_payloads, p_headers)
               WITH ORDINALITY AS o(append_no, message_id, tenant, destination, key, payload, headers, ord)
         WHERE ok[o.append_no]
         ORDER BY o.ord;
    END IF;
    IF coalesce(array_length(p_received_ids, 1), 0) > 0 THEN
        INSERT INTO ${schema}.inbox (message_id, tenant)
        SELECT r.message_id, r.tenant
          FROM unnest(p_received_append, p_received_ids, p_received_tenants) AS r(append_no, message_id, tenant)
         WHERE ok[r.append_no];
    END IF;
    IF p_announce IS NOT NULL THEN
        PERFORM pg_notify('${schema}_appended', p_announce);
    END IF;
END
$$;
