-- Event days, place indexes for both axes, and actor counts kept up to date.
-- SQLite; PostgreSQL runs postgres/0008_event_days_actor_counts.sql instead.
--
-- date_start is the first day an event's date covers, YYYY-MM-DD: the day of
-- a day or an hour (2016-07-14T21), the Monday of an ISO week (2016-W28),
-- the first day of a month (2016-07), quarter (2016-Q3) or year (2016), and
-- the first day of a range's start (2016-07/2016-09); '' when undated. Dates
-- as stored do not sort by time ("2016-W28" sorts after "2016-07-30"):
-- sorting, date filters, timelines and exports read date_start instead. The
-- store writes it with each new event (dateStart in timeline.go computes
-- what the UPDATE below computes for the events stored before).
--
-- The indexes that held the date now hold date_start (their names stay), and
-- the place index gains a twin led by longitude: a box is searched along
-- its narrower axis, and a box across the antimeridian as two longitude
-- ranges. Both hold date_start, so that the matches of a box are sorted
-- from the index alone.
--
-- actor_counts holds, for every actor code, the number of events it is the
-- source and the target of, kept by triggers as events are inserted,
-- deleted or recoded, so that the actor list does not count every event.
-- actor_count_log is empty here: PostgreSQL's triggers write there instead
-- (see its version of this file), and the store reads both tables alike.
--
-- Migrations are split into statements at lines ending in a semicolon: the
-- statements inside a trigger body put theirs at the start of the next line.

ALTER TABLE events ADD COLUMN date_start TEXT NOT NULL DEFAULT '';
UPDATE events SET date_start = CASE
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]*' THEN
        date(substr(date, 1, 4) || '-01-04', '-6 days', 'weekday 1', ((CAST(substr(date, 7, 2) AS INTEGER) - 1) * 7) || ' days')
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]*' THEN
        substr(date, 1, 4) || '-' || substr('01040710', 2 * CAST(substr(date, 7, 1) AS INTEGER) - 1, 2) || '-01'
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 7) || '-01'
    WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(date, 1, 4) || '-01-01'
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
    code      TEXT PRIMARY KEY,
    as_source INTEGER NOT NULL DEFAULT 0,
    as_target INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actor_count_log (
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    n           INTEGER NOT NULL
);
INSERT INTO actor_counts (code, as_source, as_target)
    SELECT code, SUM(s), SUM(t) FROM (
        SELECT source_code AS code, 1 AS s, 0 AS t FROM events WHERE source_code <> ''
        UNION ALL
        SELECT target_code, 0, 1 FROM events WHERE target_code <> '') AS sides
    GROUP BY code;

CREATE TRIGGER events_actor_counts_insert AFTER INSERT ON events BEGIN
    INSERT INTO actor_counts (code, as_source) SELECT NEW.source_code, 1 WHERE NEW.source_code <> ''
        ON CONFLICT (code) DO UPDATE SET as_source = as_source + 1
    ; INSERT INTO actor_counts (code, as_target) SELECT NEW.target_code, 1 WHERE NEW.target_code <> ''
        ON CONFLICT (code) DO UPDATE SET as_target = as_target + 1
    ; END;
CREATE TRIGGER events_actor_counts_delete AFTER DELETE ON events BEGIN
    UPDATE actor_counts SET as_source = as_source - 1 WHERE code = OLD.source_code AND OLD.source_code <> ''
    ; UPDATE actor_counts SET as_target = as_target - 1 WHERE code = OLD.target_code AND OLD.target_code <> ''
    ; END;
CREATE TRIGGER events_actor_counts_update AFTER UPDATE OF source_code, target_code ON events BEGIN
    UPDATE actor_counts SET as_source = as_source - 1 WHERE code = OLD.source_code AND OLD.source_code <> ''
    ; UPDATE actor_counts SET as_target = as_target - 1 WHERE code = OLD.target_code AND OLD.target_code <> ''
    ; INSERT INTO actor_counts (code, as_source) SELECT NEW.source_code, 1 WHERE NEW.source_code <> ''
        ON CONFLICT (code) DO UPDATE SET as_source = as_source + 1
    ; INSERT INTO actor_counts (code, as_target) SELECT NEW.target_code, 1 WHERE NEW.target_code <> ''
        ON CONFLICT (code) DO UPDATE SET as_target = as_target + 1
    ; END;
