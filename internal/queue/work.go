package queue

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"
)

// Handler does the work of a batch of messages: for dyad, code the articles
// and store them in one transaction. It returns one error per message, nil
// when the message's work is done and committed (the message is then
// acknowledged). A message whose Err is set must get an error back. With
// WorkOptions.InFlight above 1, it is called for several batches at once.
type Handler func(ctx context.Context, msgs []*Message) []error

// Parker records a message given up after its last delivery, with the
// reason, before it is terminated: for dyad, a row in the store's failures.
type Parker func(ctx context.Context, m *Message, reason string) error

// WorkOptions tunes Consumer.Work.
type WorkOptions struct {
	// Batch is the most messages in one batch; 0 means 16.
	Batch int
	// InFlight is how many batches are worked on at once, so that one is
	// coded while another is stored; 0 means 1.
	InFlight int
	// FetchWait is how long one fetch waits for messages; 0 means 1 s.
	FetchWait time.Duration
	// RetryDelay is how long a failed message waits before its next
	// delivery, times the deliveries so far; 0 means 1 s.
	RetryDelay time.Duration
	// Grace is how long the batch in hand may still run once ctx is done;
	// what is not finished then is handed back. 0 means 30 s.
	Grace time.Duration
	// IdleExit, when positive, makes Work return after the queue has given
	// nothing for that long.
	IdleExit time.Duration
	// Park records a message before it is terminated; nil records nothing.
	Park Parker
	// Log receives progress lines; nil discards them.
	Log *slog.Logger
}

// WorkStats counts what Work did with the messages it received.
type WorkStats struct {
	Batches    int
	Acked      int // done and acknowledged
	Retried    int // failed and handed back to be delivered again later
	Parked     int // failed on their last delivery, recorded and terminated
	HandedBack int // unfinished at shutdown, handed back at once
	// Redelivered counts messages received again: retried here, or left
	// unacknowledged by a worker that died.
	Redelivered int
	Elapsed     time.Duration
}

// Work fetches batches, hands each to h, and settles every message: it
// acknowledges the done ones once h has returned (h commits before it
// returns), retries the failed ones with a growing delay, and parks a
// message that fails on its last delivery (records it with opts.Park, then
// terminates it). While h runs, the batch's ack wait is renewed, so slow
// batches are not delivered twice.
//
// Work returns when ctx is done, after finishing the batch in hand (for at
// most opts.Grace, then handing back what is left), or after opts.IdleExit
// without messages. It returns an error only when acknowledgements could
// not be delivered at the end; fetch errors (the server restarting) are
// logged and retried.
func (c *Consumer) Work(ctx context.Context, h Handler, opts WorkOptions) (WorkStats, error) {
	opts = opts.withDefaults()
	start := time.Now()
	var (
		mu        sync.Mutex // guards st and idleSince
		st        WorkStats
		idleSince = time.Now()
		wg        sync.WaitGroup
	)
	slots := make(chan struct{}, opts.InFlight)
	backoff := 100 * time.Millisecond
loop:
	for ctx.Err() == nil {
		select { // wait for a free slot before taking messages
		case slots <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		mu.Lock()
		idle := time.Since(idleSince)
		mu.Unlock()
		busy := len(slots) > 1
		wait := opts.FetchWait
		if opts.IdleExit > 0 && !busy {
			wait = min(wait, max(opts.IdleExit-idle, 10*time.Millisecond))
		}
		msgs, err := c.Fetch(ctx, opts.Batch, wait)
		if err != nil || len(msgs) == 0 {
			<-slots
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			opts.Log.Warn("fetch failed", "err", err, "retry_in", backoff)
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 5*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
		if len(msgs) == 0 {
			mu.Lock()
			idle := time.Since(idleSince)
			mu.Unlock()
			if opts.IdleExit > 0 && !busy && idle >= opts.IdleExit {
				opts.Log.Info("queue idle, exiting", "idle", opts.IdleExit)
				break
			}
			continue
		}
		wg.Go(func() {
			defer func() { <-slots }()
			bs := c.handle(ctx, msgs, h, opts)
			mu.Lock()
			st.add(bs)
			idleSince = time.Now()
			total := st.Acked
			mu.Unlock()
			opts.Log.Info("batch done", "messages", len(msgs), "acked", bs.Acked, "retried", bs.Retried,
				"parked", bs.Parked, "handed_back", bs.HandedBack, "redelivered", bs.Redelivered,
				"ms", bs.Elapsed.Milliseconds(), "total_acked", total)
		})
	}
	wg.Wait()
	st.Elapsed = time.Since(start)
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := c.q.Flush(fctx); err != nil {
		return st, fmt.Errorf("work: %w", err)
	}
	return st, nil
}

// add adds the counts of one batch to st.
func (st *WorkStats) add(b WorkStats) {
	st.Batches += b.Batches
	st.Acked += b.Acked
	st.Retried += b.Retried
	st.Parked += b.Parked
	st.HandedBack += b.HandedBack
	st.Redelivered += b.Redelivered
}

func (o WorkOptions) withDefaults() WorkOptions {
	if o.Batch <= 0 {
		o.Batch = 16
	}
	if o.InFlight <= 0 {
		o.InFlight = 1
	}
	if o.FetchWait <= 0 {
		o.FetchWait = time.Second
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = time.Second
	}
	if o.Grace <= 0 {
		o.Grace = 30 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// handle runs one batch through h, settles its messages and counts what it
// did.
func (c *Consumer) handle(ctx context.Context, msgs []*Message, h Handler, opts WorkOptions) WorkStats {
	start := time.Now()
	bctx, cancel := batchContext(ctx, opts.Grace)
	defer cancel()
	stopExtending := c.extend(bctx, msgs)
	errs := h(bctx, msgs)
	stopExtending()
	if len(errs) != len(msgs) {
		err := fmt.Errorf("handler returned %d results for %d messages", len(errs), len(msgs))
		errs = make([]error, len(msgs))
		for i := range errs {
			errs[i] = err
		}
	}
	// Settling gets its own time: the batch's may be over.
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer scancel()
	st := WorkStats{Batches: 1}
	for i, m := range msgs {
		if m.Delivered > 1 {
			st.Redelivered++
		}
		err := errs[i]
		if err == nil && m.Err != nil {
			err = m.Err
		}
		var serr error
		switch {
		case err == nil:
			serr = m.Ack()
			st.Acked++
		case bctx.Err() != nil:
			// Shutting down and out of time: not the message's fault.
			serr = m.Retry(0)
			st.HandedBack++
		case m.Final:
			serr = c.park(sctx, m, err, opts)
			st.Parked++
		default:
			delay := time.Duration(m.Delivered) * opts.RetryDelay
			opts.Log.Warn("message failed, will retry", "origin", m.Origin(), "seq", m.Seq,
				"delivered", m.Delivered, "retry_in", delay, "err", err)
			serr = m.Retry(delay)
			st.Retried++
		}
		if serr != nil {
			opts.Log.Error("settle message", "origin", m.Origin(), "seq", m.Seq, "err", serr)
		}
	}
	if err := c.q.Flush(sctx); err != nil {
		opts.Log.Error("flush acknowledgements", "err", err)
	}
	st.Elapsed = time.Since(start)
	return st
}

// park records m with opts.Park and terminates it. If the record cannot be
// written, m is left unacknowledged: it stays in the stream (the consumer
// will not deliver it again) rather than vanish unrecorded.
func (c *Consumer) park(ctx context.Context, m *Message, cause error, opts WorkOptions) error {
	reason := fmt.Sprintf("parked after %d deliveries: %v", m.Delivered, cause)
	opts.Log.Warn("message parked", "origin", m.Origin(), "seq", m.Seq, "delivered", m.Delivered, "err", cause)
	if opts.Park != nil {
		if err := opts.Park(ctx, m, reason); err != nil {
			return fmt.Errorf("park %s: left in the stream: %w", m.Origin(), err)
		}
	}
	return m.Park(reason)
}

// extend renews the ack wait of msgs every few seconds until the returned
// function is called.
func (c *Consumer) extend(ctx context.Context, msgs []*Message) (stop func()) {
	every := max(c.ackWait/5, 100*time.Millisecond)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				for _, m := range msgs {
					m.Extend() // best effort: at worst the message is delivered twice
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// batchContext is a context for the batch in hand: it outlives ctx by grace.
func batchContext(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(grace, cancel)
		context.AfterFunc(bctx, func() { t.Stop() })
	})
	return bctx, func() {
		stop()
		cancel()
	}
}
