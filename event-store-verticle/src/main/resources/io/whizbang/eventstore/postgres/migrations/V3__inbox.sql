-- The inbox: incoming messages (from Kafka) whose effects are stored. An append that carries an incoming message
-- writes its row in the same statement as the events, so a redelivered message finds its id here and writes nothing.
CREATE TABLE ${schema}.inbox (
    message_id uuid        NOT NULL,
    tenant     text        NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inbox_message_id_key PRIMARY KEY (message_id)
);

ALTER TABLE ${schema}.inbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${schema}.inbox
    USING (tenant = current_setting('whizbang.tenant', true))
    WITH CHECK (tenant = current_setting('whizbang.tenant', true));
