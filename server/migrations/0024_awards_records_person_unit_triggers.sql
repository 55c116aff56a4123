-- A person's records (ratings, titles and awards received, initiatives) carry the person's unit:
-- set from the person when a record is written, and changed with the person when they move, so a
-- candidate list of a subtree reads each unit's records from one index range.
CREATE OR REPLACE FUNCTION award_records_person_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.person_id IS NULL THEN
    NEW.person_unit_id := NULL;
  ELSE
    NEW.person_unit_id := (SELECT p.unit_id FROM persons p WHERE p.id = NEW.person_id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER award_person_ratings_person_unit BEFORE INSERT OR UPDATE OF person_id, person_unit_id
  ON award_person_ratings FOR EACH ROW EXECUTE FUNCTION award_records_person_unit();
--> statement-breakpoint
CREATE TRIGGER award_received_person_unit BEFORE INSERT OR UPDATE OF person_id, person_unit_id
  ON award_received FOR EACH ROW EXECUTE FUNCTION award_records_person_unit();
--> statement-breakpoint
CREATE TRIGGER award_initiatives_person_unit BEFORE INSERT OR UPDATE OF person_id, person_unit_id
  ON award_initiatives FOR EACH ROW EXECUTE FUNCTION award_records_person_unit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION award_records_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE award_person_ratings SET person_unit_id = NEW.unit_id WHERE person_id = NEW.id;
  UPDATE award_received SET person_unit_id = NEW.unit_id WHERE person_id = NEW.id;
  UPDATE award_initiatives SET person_unit_id = NEW.unit_id WHERE person_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_award_records_unit AFTER UPDATE OF unit_id ON persons
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id)
  EXECUTE FUNCTION award_records_follow_person();
