package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"
)

// Lock keys are int64s in three classes, taken in this order: an article's
// id hashes into [0, 2⁶¹), a near-duplicate band bucket into [2⁶¹, 2⁶²),
// an event's merge key into [2⁶², 2⁶²+2⁶¹). Sorting the keys thus puts
// every article lock before every bucket lock before every event lock.
const (
	lockClassBits = 61
	articleLock   = int64(0) << lockClassBits
	bucketLock    = int64(1) << lockClassBits
	eventLock     = int64(2) << lockClassBits
)

// lockHash is s hashed into [0, 2⁶¹).
func lockHash(s string) int64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return int64(h.Sum64() & (1<<lockClassBits - 1))
}

// lockSave locks, for the rest of the transaction, what saving docs will
// read and write, where the backend lets write transactions run side by
// side (PostgreSQL): each article's id; then the band buckets of its
// near-duplicate signature (so that two copies of a story saved at once
// take turns and the second finds the first, as one writer at a time
// would); then the merge key of every event the articles report and of
// every event their stored versions report (which a new text recounts).
// A transaction touches an article or an event only under its lock, so
// concurrent writers merging into the same event take turns and each
// counts the mentions the others committed; and as every transaction takes
// these locks in one global order before it writes anything, no two
// deadlock. The locks are advisory: readers never wait. A hash collision
// only makes two unrelated writes take turns.
func (w *writer) lockSave(ctx context.Context, ps []*Prepared) error {
	q := w.s.d.keyLock()
	if q == "" {
		return nil
	}
	var ids []string
	var keys []int64
	for _, p := range ps {
		if p.doc.ID != "" {
			ids = append(ids, p.doc.ID)
			keys = append(keys, articleLock|lockHash(p.doc.ID))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if err := w.lockKeys(ctx, q, keys); err != nil {
		return fmt.Errorf("lock articles: %w", err)
	}
	keys = keys[:0]
	for _, p := range ps {
		for _, b := range p.buckets {
			keys = append(keys, bucketLock|lockHash(strconv.FormatInt(b, 10)))
		}
	}
	if err := w.lockKeys(ctx, q, keys); err != nil {
		return fmt.Errorf("lock buckets: %w", err)
	}
	// The stored versions' events, read under the article locks: no other
	// writer can change them now. (ANY: only PostgreSQL gets here.)
	rows, err := w.query(ctx, `SELECT DISTINCT e.merge_key FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id = ANY(?)`, ids)
	if err != nil {
		return fmt.Errorf("lock events: %w", err)
	}
	keys = keys[:0]
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("lock events: %w", err)
		}
		keys = append(keys, eventLock|lockHash(k))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("lock events: %w", err)
	}
	for _, p := range ps {
		for _, k := range p.keys {
			keys = append(keys, eventLock|lockHash(k))
		}
	}
	if err := w.lockKeys(ctx, q, keys); err != nil {
		return fmt.Errorf("lock events: %w", err)
	}
	return nil
}

// lockLinked locks the events of the story a near-duplicate copies, which
// its events may be merged into whatever their merge keys. These are known
// only once the copy is found, after lockSave: taken out of order, they
// may deadlock with another writer, which PostgreSQL detects; the
// transaction is then run again (see retry).
func (w *writer) lockLinked(ctx context.Context, link dupLink) error {
	q := w.s.d.keyLock()
	if q == "" || len(link.events) == 0 {
		return nil
	}
	keys := make([]int64, len(link.events))
	for i, e := range link.events {
		keys[i] = eventLock | lockHash(e.key)
	}
	if err := w.lockKeys(ctx, q, keys); err != nil {
		return fmt.Errorf("lock events of %s: %w", link.cluster, err)
	}
	return nil
}

// lockKeys takes the locks on keys in ascending order, each once.
func (w *writer) lockKeys(ctx context.Context, q string, keys []int64) error {
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	_, err := w.exec(ctx, q, keys)
	return err
}

// retries is how many times retry runs a transaction the database aborted
// to resolve a conflict.
const retries = 5

// retry runs fn, a whole transaction, again while it fails with an error
// the dialect says is transient (a deadlock PostgreSQL broke), waiting a
// little longer each time.
func (s *Store) retry(ctx context.Context, fn func() error) error {
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || attempt == retries || !s.d.transient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt*attempt) * 10 * time.Millisecond):
		}
	}
}
