-- PostgreSQL version of ../0008_event_days_actor_counts.sql (read its
-- comment first): the same date_start column and indexes, with the date
-- arithmetic spelled for PostgreSQL.
--
-- Actor counts differ: a trigger that added to a row of actor_counts would
-- lock that row until its transaction commits, so that every writer storing
-- an event of a common actor would wait for the others (and two that lock
-- two actors in opposite orders would deadlock). The triggers here only
-- append to actor_count_log, one row per event inserted (n = 1), deleted
-- (n = -1) or recoded (both); the store reads actor_counts and the log
-- together, and from time to time folds the log into actor_counts in one
-- transaction (see foldActorLog in query.go).
--
-- Migrations are split into statements at lines ending in a semicolon: the
-- statements inside a function body put theirs at the start of the next line.

ALTER TABLE events ADD COLUMN date_start TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE events SET date_start = CASE
    WHEN date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN substr(date, 1, 10)
    WHEN date ~ '^[0-9]{4}-W[0-9]{2}' THEN to_char(
        make_date(substr(date, 1, 4)::int, 1, 4)
        - (extract(isodow FROM make_date(substr(date, 1, 4)::int, 1, 4))::int - 1)
        + (substr(date, 7, 2)::int - 1) * 7, 'YYYY-MM-DD')
    WHEN date ~ '^[0-9]{4}-Q[1-4]' THEN
        substr(date, 1, 4) || '-' || substr('01040710', 2 * substr(date, 7, 1)::int - 1, 2) || '-01'
    WHEN date ~ '^[0-9]{4}-[0-9]{2}' THEN substr(date, 1, 7) || '-01'
    WHEN date ~ '^[0-9]{4}' THEN substr(date, 1, 4) || '-01-01'
    ELSE '' END
WHERE date <> '';

DROP INDEX events_date;
DROP INDEX events_source_date;
DROP INDEX events_target_date;
DROP INDEX events_source_country;
DROP INDEX events_target_country;
DROP INDEX events_place_country;
DROP INDEX events_code_date;
DROP INDEX events_root_date;
DROP INDEX events_quad_date;
DROP INDEX events_lat_lon;
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_source_date ON events (source_code, target_code, modality, date_start);
CREATE INDEX events_target_date ON events (target_code, source_code, modality, date_start);
CREATE INDEX events_source_country ON events (source_country, date_start);
CREATE INDEX events_target_country ON events (target_country, date_start);
CREATE INDEX events_place_country ON events (place_country, date_start);
CREATE INDEX events_code_date ON events (code, date_start, source_code, target_code);
CREATE INDEX events_root_date ON events (root, date_start, source_code, target_code);
CREATE INDEX events_quad_date ON events (quad_class, date_start, source_code, target_code);
CREATE INDEX events_lat_lon ON events (lat, lon, date_start) WHERE lat IS NOT NULL;
CREATE INDEX events_lon_lat ON events (lon, lat, date_start) WHERE lon IS NOT NULL;

CREATE TABLE actor_counts (
    code      TEXT COLLATE "C" PRIMARY KEY,
    as_source BIGINT NOT NULL DEFAULT 0,
    as_target BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE actor_count_log (
    source_code TEXT COLLATE "C" NOT NULL,
    target_code TEXT COLLATE "C" NOT NULL,
    n           BIGINT NOT NULL
);
INSERT INTO actor_counts (code, as_source, as_target)
    SELECT code, SUM(s), SUM(t) FROM (
        SELECT source_code AS code, 1 AS s, 0 AS t FROM events WHERE source_code <> ''
        UNION ALL
        SELECT target_code, 0, 1 FROM events WHERE target_code <> '') AS sides
    GROUP BY code;

CREATE FUNCTION events_actor_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO actor_count_log (source_code, target_code, n) SELECT source_code, target_code, 1 FROM new_events
    ; RETURN NULL
    ; END $$;
CREATE FUNCTION events_actor_log_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO actor_count_log (source_code, target_code, n) SELECT source_code, target_code, -1 FROM old_events
    ; RETURN NULL
    ; END $$;
CREATE FUNCTION events_actor_log_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO actor_count_log (source_code, target_code, n) VALUES (OLD.source_code, OLD.target_code, -1), (NEW.source_code, NEW.target_code, 1)
    ; RETURN NULL
    ; END $$;
CREATE TRIGGER events_actor_log_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_actor_log_insert();
CREATE TRIGGER events_actor_log_delete AFTER DELETE ON events
    REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION events_actor_log_delete();
CREATE TRIGGER events_actor_log_update AFTER UPDATE OF source_code, target_code ON events
    FOR EACH ROW EXECUTE FUNCTION events_actor_log_update();
