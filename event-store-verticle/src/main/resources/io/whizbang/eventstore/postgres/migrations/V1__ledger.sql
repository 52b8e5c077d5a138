-- The ledger's tables and its sequencer. ${schema} is the configured schema, a checked lower-case identifier.

-- Provisional order: taken at insert. CACHE 1 (the default, stated because it matters): with a per-session cache the
-- values would no longer follow the order in which sessions asked for them.
CREATE SEQUENCE ${schema}.events_provisional_seq AS bigint CACHE 1;

-- Events. position stays NULL until the sequencer gives the committed row its final, dense, global position;
-- readers of the global order only ever see rows that have one.
CREATE TABLE ${schema}.events (
    provisional_seq bigint      NOT NULL DEFAULT nextval('${schema}.events_provisional_seq'),
    position        bigint,
    tenant          text        NOT NULL,
    stream          text        NOT NULL,
    version         bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    type            text        NOT NULL,
    schema_version  integer     NOT NULL,
    payload         jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_key UNIQUE (tenant, stream, version),
    CONSTRAINT events_event_id_key UNIQUE (event_id),
    CONSTRAINT events_position_key UNIQUE (position)
);
ALTER SEQUENCE ${schema}.events_provisional_seq OWNED BY ${schema}.events.provisional_seq;

-- What the sequencer looks for: committed rows still without a position, in provisional order.
CREATE INDEX events_unsequenced_idx ON ${schema}.events (provisional_seq) WHERE position IS NULL;

-- Outgoing messages, written in the same statement as the events that caused them.
CREATE TABLE ${schema}.outbox (
    sequence     bigserial   PRIMARY KEY,
    message_id   uuid        NOT NULL CONSTRAINT outbox_message_id_key UNIQUE,
    tenant       text        NOT NULL,
    destination  text        NOT NULL,
    key          text        NOT NULL,
    payload      jsonb       NOT NULL,
    headers      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON ${schema}.outbox (sequence) WHERE published_at IS NULL;

-- The newest snapshot of each stream.
CREATE TABLE ${schema}.snapshots (
    tenant         text        NOT NULL,
    stream         text        NOT NULL,
    version        bigint      NOT NULL,
    state_type     text        NOT NULL,
    schema_version integer     NOT NULL,
    state          jsonb       NOT NULL,
    taken_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant, stream)
);

-- Gives committed events without a position the next dense positions, in provisional order, and notifies
-- ${schema}_sequenced with the new head. The caller holds the sequencer lock. Returns how many it positioned.
--
-- Why provisional order is safe: a stream's next version is inserted only after the previous one committed (the
-- unique (tenant, stream, version) key and the expected-version check), so it has the larger provisional_seq; and a
-- row that commits late simply gets a later position: nobody has read past it, because no reader sees a row
-- before it has a position.
CREATE FUNCTION ${schema}.assign_positions(max_rows integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    head     bigint;
    assigned bigint;
BEGIN
    SELECT coalesce(max(e.position), 0) INTO head FROM ${schema}.events e;
    -- Rows are found through the partial index and updated by ctid (only the lock holder updates them). Reading
    -- ctid makes this a plain index scan, which marks the index entries of rows positioned earlier as dead; an
    -- index-only scan would not, and would wade through all of them on every run until the next vacuum.
    UPDATE ${schema}.events e
       SET position = head + pending.rn
      FROM (SELECT u.ctid AS row_id, row_number() OVER (ORDER BY u.provisional_seq) AS rn
              FROM ${schema}.events u
             WHERE u.position IS NULL
             ORDER BY u.provisional_seq
             LIMIT max_rows) pending
     WHERE e.ctid = pending.row_id;
    GET DIAGNOSTICS assigned = ROW_COUNT;
    IF assigned > 0 THEN
        PERFORM pg_notify('${schema}_sequenced', (head + assigned)::text);
    END IF;
    RETURN assigned;
END
$$;

-- One sequencer run unless another is running (then -1): what the background sequencer of every node calls.
CREATE FUNCTION ${schema}.sequence_pending(max_rows integer) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(1464359507, hashtext('${schema}')) THEN
        RETURN -1;
    END IF;
    RETURN ${schema}.assign_positions(max_rows);
END
$$;

-- The position of a committed event, sequencing it first when it has none; NULL when no such event is stored.
-- What an append calls right after its commit, so that its result carries real positions. Each statement of a
-- PL/pgSQL function sees what committed before it started.
--
-- When another sequencer runs, the caller first waits for it on a shared, session-level lock that it releases at
-- once: all the appends waiting for one run go on together when it commits, most of them positioned by it. Only one
-- whose commit came too late for that run queues for the exclusive lock, and a queued exclusive request makes later
-- shared requests wait behind it, so waiters cannot keep a sequencer out.
CREATE FUNCTION ${schema}.sequence_event(wanted uuid, max_rows integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    found_position bigint;
    waited         boolean := false;
BEGIN
    LOOP
        SELECT e.position INTO found_position FROM ${schema}.events e WHERE e.event_id = wanted;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        IF found_position IS NOT NULL THEN
            RETURN found_position;
        END IF;
        IF NOT waited AND NOT pg_try_advisory_xact_lock(1464359507, hashtext('${schema}')) THEN
            PERFORM pg_advisory_lock_shared(1464359507, hashtext('${schema}'));
            PERFORM pg_advisory_unlock_shared(1464359507, hashtext('${schema}'));
            waited := true;
        ELSE
            -- Holds the lock already when the try above took it (the lock counts, it does not block itself).
            PERFORM pg_advisory_xact_lock(1464359507, hashtext('${schema}'));
            SELECT e.position INTO found_position FROM ${schema}.events e WHERE e.event_id = wanted;
            IF found_position IS NOT NULL THEN
                RETURN found_position;
            END IF;
            PERFORM ${schema}.assign_positions(max_rows);
        END IF;
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION ${schema}.assign_positions(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION ${schema}.sequence_pending(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION ${schema}.sequence_event(uuid, integer) FROM PUBLIC;
