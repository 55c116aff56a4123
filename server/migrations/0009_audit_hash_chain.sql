-- Hash chain over the audit trail, computed in SQL so that both engines (PGlite 18, PostgreSQL 15)
-- produce the same bytes: the canonical text is jsonb output (keys and spacing fixed by the engine)
-- with the time written in UTC to the microsecond, and sha256() is built in since PostgreSQL 11.
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
-- Every stored field except the chain's own columns, in a fixed order; `tdkt audit verify` reads it too.
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_events) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_array(
    e.id,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_id, e.actor_username, e.action, e.entity_type, e.entity_id,
    e.before, e.after, e.reason, e.request_id, e.ip::text
  )::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(previous text, e audit_events) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(previous || E'\n' || audit_event_canonical(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Existing events, in the order they were written.
ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_delete;--> statement-breakpoint
DO $$
DECLARE
  event audit_events;
  previous text := repeat('0', 64);
  counter bigint := 0;
  chained text;
BEGIN
  FOR event IN SELECT * FROM audit_events ORDER BY id LOOP
    counter := counter + 1;
    chained := audit_event_hash(previous, event);
    UPDATE audit_events SET seq = counter, prev_hash = previous, hash = chained WHERE id = event.id;
    previous := chained;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_delete;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events" USING btree ("seq");--> statement-breakpoint
-- New events: one writer at a time takes the next number and the last hash. The transaction-scoped
-- advisory lock is held until commit, so a concurrent writer waits and then sees the committed event;
-- rows of one multi-row INSERT see each other (a BEFORE trigger sees rows its statement already wrote).
-- The caller's seq and hashes are ignored, except from the table's owner: a restore keeps the chain
-- it loads as it was.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  IF NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(7312026);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
