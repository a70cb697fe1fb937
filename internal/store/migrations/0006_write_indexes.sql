-- Indexes no query reads, dropped because every stored article paid for
-- them: entities and places are read only by article (their primary keys),
-- and quotes by a speaker substring (LIKE '%...%', which no index serves).
-- Portable SQL.
DROP INDEX IF EXISTS entities_name;
DROP INDEX IF EXISTS entities_actor;
DROP INDEX IF EXISTS places_country;
DROP INDEX IF EXISTS quotes_speaker;
