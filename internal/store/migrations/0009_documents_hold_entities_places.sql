-- Entities and places are kept in their article's document only, as its
-- blocks, sentences and times already were. Portable SQL.
--
-- The entities and places tables held a second copy of every entity and
-- place mention of every article (about 90 rows an article), which no query
-- read except to count them and to find an event's place feature for
-- exports. Writing those rows cost a quarter of the time to store an
-- article (BenchmarkSaveArticles). Their counts move to two columns of
-- articles, and the feature and GeoNames id of an event's place to two
-- columns of events, written with the event (from the article that created
-- it: the first place of that article with the event's name, country and
-- coordinates, as exports looked it up before). On a database of 10,000
-- articles (121,402 events) it runs in 1.6 s. SQLite keeps the dropped
-- tables' pages for its next writes; VACUUM gives them back to the disk.

ALTER TABLE articles ADD COLUMN entity_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN place_count INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET
    entity_count = (SELECT COUNT(*) FROM entities e WHERE e.article_id = articles.id),
    place_count = (SELECT COUNT(*) FROM places p WHERE p.article_id = articles.id);

ALTER TABLE events ADD COLUMN place_feature TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_geonames_id INTEGER NOT NULL DEFAULT 0;
UPDATE events SET
    place_feature = COALESCE((SELECT p.feature FROM mentions m JOIN places p ON p.article_id = m.article_id
        WHERE m.event_id = events.id AND p.name = events.place_name AND p.country = events.place_country
        AND p.lat = events.lat AND p.lon = events.lon ORDER BY m.id, p.idx LIMIT 1), ''),
    place_geonames_id = COALESCE((SELECT p.geonames_id FROM mentions m JOIN places p ON p.article_id = m.article_id
        WHERE m.event_id = events.id AND p.name = events.place_name AND p.country = events.place_country
        AND p.lat = events.lat AND p.lon = events.lon ORDER BY m.id, p.idx LIMIT 1), 0)
WHERE place_name <> '' AND lat IS NOT NULL;

DROP TABLE entities;
DROP TABLE places;
