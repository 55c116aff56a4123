-- The cascade dashboard's counts, kept in the transaction that changes an obligation (or moves a
-- unit): every obligation is counted under each ancestor of its unit, by the ancestor's direct
-- subordinate it falls under, its depth below the ancestor, its bucket and (pending only) its
-- deadline. Statement-level triggers with transition tables, so a launch that creates 100,000
-- obligations does one grouped upsert, not 100,000. Rows are upserted in key order, so concurrent
-- writers take the shared rows' locks in the same order.

-- The (ancestor, child, depth) keys of a unit path '/a/b/c/': (a, b, 2) and (b, c, 1).
CREATE OR REPLACE FUNCTION cascade_path_keys(unit_path text)
  RETURNS TABLE (ancestor_id uuid, child_id uuid, depth integer)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p.ids[i]::uuid, p.ids[i + 1]::uuid, array_length(p.ids, 1) - i
  FROM (SELECT string_to_array(btrim(unit_path, '/'), '/') AS ids) p,
       generate_series(1, coalesce(array_length(p.ids, 1), 0) - 1) AS i
$$;
--> statement-breakpoint
-- The bucket of an obligation (the dashboard status, except that "missing" is a pending one past its
-- deadline, decided when read) and the deadline kept with pending ones ('infinity' otherwise).
-- Same rule as obligationStatus() in server/src/modules/movements/obligation-status.ts.
CREATE OR REPLACE FUNCTION cascade_bucket(
  state text, due_on date, issued_at timestamptz, OUT bucket text, OUT due_key date)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT b, CASE WHEN b = 'pending' THEN coalesce(due_on, 'infinity'::date) ELSE 'infinity'::date END
  FROM (SELECT CASE
    WHEN state = 'not_applicable' THEN 'not_applicable'
    WHEN state = 'issued' THEN
      CASE WHEN due_on IS NOT NULL AND (issued_at AT TIME ZONE 'UTC')::date > due_on THEN 'late' ELSE 'on_time' END
    ELSE 'pending' END AS b) x
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cascade_counts_obligations_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cascade_counts AS c (root_movement_id, ancestor_id, child_id, depth, bucket, due_on, n)
  SELECT o.root_movement_id, k.ancestor_id, k.child_id, k.depth, b.bucket, b.due_key, count(*)::int
  FROM new_rows o
  JOIN units u ON u.id = o.unit_id
  CROSS JOIN LATERAL cascade_path_keys(u.path) k
  CROSS JOIN LATERAL cascade_bucket(o.state, o.due_on, o.issued_at) b
  WHERE EXISTS (SELECT 1 FROM movements m WHERE m.id = o.root_movement_id)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (root_movement_id, ancestor_id, child_id, depth, bucket, due_on)
    DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cascade_counts_obligations_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cascade_counts AS c (root_movement_id, ancestor_id, child_id, depth, bucket, due_on, n)
  SELECT d.root_movement_id, k.ancestor_id, k.child_id, k.depth, b.bucket, b.due_key, sum(d.delta)::int
  FROM (
    SELECT o.root_movement_id, o.unit_id, o.state, o.due_on, o.issued_at, -1 AS delta FROM old_rows o
    UNION ALL
    SELECT o.root_movement_id, o.unit_id, o.state, o.due_on, o.issued_at, 1 AS delta FROM new_rows o
  ) d
  JOIN units u ON u.id = d.unit_id
  CROSS JOIN LATERAL cascade_path_keys(u.path) k
  CROSS JOIN LATERAL cascade_bucket(d.state, d.due_on, d.issued_at) b
  WHERE EXISTS (SELECT 1 FROM movements m WHERE m.id = d.root_movement_id)
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (root_movement_id, ancestor_id, child_id, depth, bucket, due_on)
    DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cascade_counts_obligations_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cascade_counts AS c (root_movement_id, ancestor_id, child_id, depth, bucket, due_on, n)
  SELECT o.root_movement_id, k.ancestor_id, k.child_id, k.depth, b.bucket, b.due_key, -count(*)::int
  FROM old_rows o
  JOIN units u ON u.id = o.unit_id
  CROSS JOIN LATERAL cascade_path_keys(u.path) k
  CROSS JOIN LATERAL cascade_bucket(o.state, o.due_on, o.issued_at) b
  WHERE EXISTS (SELECT 1 FROM movements m WHERE m.id = o.root_movement_id)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (root_movement_id, ancestor_id, child_id, depth, bucket, due_on)
    DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A unit that moves (its path changes) takes its obligations from its old ancestors to its new ones.
CREATE OR REPLACE FUNCTION cascade_counts_units_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cascade_counts AS c (root_movement_id, ancestor_id, child_id, depth, bucket, due_on, n)
  SELECT d.root_movement_id, k.ancestor_id, k.child_id, k.depth, b.bucket, b.due_key, sum(d.delta)::int
  FROM (
    SELECT ou.path, -1 AS delta, ou.id FROM old_units ou JOIN new_units nu ON nu.id = ou.id AND nu.path <> ou.path
    UNION ALL
    SELECT nu.path, 1 AS delta, nu.id FROM old_units ou JOIN new_units nu ON nu.id = ou.id AND nu.path <> ou.path
  ) moved
  JOIN plan_obligations o ON o.unit_id = moved.id
  CROSS JOIN LATERAL (SELECT o.root_movement_id, moved.delta) d
  CROSS JOIN LATERAL cascade_path_keys(moved.path) k
  CROSS JOIN LATERAL cascade_bucket(o.state, o.due_on, o.issued_at) b
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (root_movement_id, ancestor_id, child_id, depth, bucket, due_on)
    DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_obligations_cascade_insert AFTER INSERT ON plan_obligations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cascade_counts_obligations_insert();
--> statement-breakpoint
CREATE TRIGGER plan_obligations_cascade_update AFTER UPDATE ON plan_obligations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION cascade_counts_obligations_update();
--> statement-breakpoint
CREATE TRIGGER plan_obligations_cascade_delete AFTER DELETE ON plan_obligations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cascade_counts_obligations_delete();
--> statement-breakpoint
CREATE TRIGGER units_cascade_move AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units FOR EACH STATEMENT
  EXECUTE FUNCTION cascade_counts_units_update();
--> statement-breakpoint
-- The obligations already stored.
INSERT INTO cascade_counts (root_movement_id, ancestor_id, child_id, depth, bucket, due_on, n)
SELECT o.root_movement_id, k.ancestor_id, k.child_id, k.depth, b.bucket, b.due_key, count(*)::int
FROM plan_obligations o
JOIN units u ON u.id = o.unit_id
CROSS JOIN LATERAL cascade_path_keys(u.path) k
CROSS JOIN LATERAL cascade_bucket(o.state, o.due_on, o.issued_at) b
WHERE EXISTS (SELECT 1 FROM movements m WHERE m.id = o.root_movement_id)
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- The dashboard counts each listed unit's active children: read from the index alone, not from
-- the heap pages of ~100 children per province scattered over the table.
CREATE INDEX IF NOT EXISTS "units_parent_valid_idx" ON "units" USING btree ("parent_id", "valid_to");
