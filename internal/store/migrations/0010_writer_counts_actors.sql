-- The store counts the actors of the events it creates itself, once a
-- transaction, instead of a trigger once an event. SQLite; PostgreSQL runs
-- postgres/0010_writer_counts_actors.sql instead.
--
-- The insert trigger of 0008 ran two upserts into actor_counts for every
-- event inserted, which cost a sixth of the time to store an article
-- (BenchmarkSaveArticles). The writer now adds up the sources and targets
-- of the events a transaction creates and upserts each actor once before
-- it commits (see countActors in save.go). The triggers on delete and on
-- recoding stay: the store deletes events rarely and recodes none.

DROP TRIGGER events_actor_counts_insert;
