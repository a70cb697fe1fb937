-- Indexes for the API's queries. They hold the actor codes (and the merge
-- modality) beside what they are searched by, so that counting the events of
-- a filter, and the actor and dyad pages, read only the index; a page of
-- events newest first walks events_date or, for one CAMEO code, its
-- date-ordered index. Portable SQL.

CREATE INDEX events_source_date ON events (source_code, target_code, modality, date);
CREATE INDEX events_target_date ON events (target_code, source_code, modality, date);
CREATE INDEX events_source_country ON events (source_country, date);
CREATE INDEX events_target_country ON events (target_country, date);
CREATE INDEX events_place_country ON events (place_country, date);
CREATE INDEX events_code_date ON events (code, date, source_code, target_code);
CREATE INDEX events_root_date ON events (root, date, source_code, target_code);
CREATE INDEX events_quad_date ON events (quad_class, date, source_code, target_code);
CREATE INDEX events_mentions ON events (num_mentions);
CREATE INDEX events_lat_lon ON events (lat, lon);
CREATE INDEX articles_source ON articles (source);
-- The indexes above serve what these did.
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_code;
DROP INDEX events_root;
