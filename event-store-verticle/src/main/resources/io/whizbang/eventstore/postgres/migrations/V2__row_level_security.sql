-- Row-level security: the second wall behind the driver's own tenant filter.
--
-- Every role except the tables' owner (the role that ran these migrations and that the driver connects as) and
-- superusers / BYPASSRLS roles sees and writes only the rows of the tenant its session is bound to:
--     SET whizbang.tenant = 'acme';   (or set_config('whizbang.tenant', 'acme', true) per transaction)
-- A session bound to no tenant sees nothing. The owner is exempt because the ledger itself must read across tenants
-- (readAll feeds every tenant's perspectives) and sequence every tenant's events; RLS is enabled, not forced.
-- Grant other roles (reporting, support, application code running its own SQL) what they need; the policy confines
-- them.
ALTER TABLE ${schema}.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${schema}.events
    USING (tenant = current_setting('whizbang.tenant', true))
    WITH CHECK (tenant = current_setting('whizbang.tenant', true));

ALTER TABLE ${schema}.outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${schema}.outbox
    USING (tenant = current_setting('whizbang.tenant', true))
    WITH CHECK (tenant = current_setting('whizbang.tenant', true));

ALTER TABLE ${schema}.snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${schema}.snapshots
    USING (tenant = current_setting('whizbang.tenant', true))
    WITH CHECK (tenant = current_setting('whizbang.tenant', true));
