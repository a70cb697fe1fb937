// Package queue is dyad's work queue over NATS JetStream. Producers publish
// articles (news.Article as JSON, see Encode) to a stream with work-queue
// retention and file storage; workers pull them in batches through one
// shared durable consumer, so each message goes to one worker at a time.
//
// Delivery is at least once. A worker acknowledges a message only after the
// article is stored (the store's saves are idempotent, so a redelivered
// message changes nothing); a message not acknowledged within the ack wait,
// because its worker died, is delivered again. A message that keeps failing
// is retried at most MaxDeliver times in all, then terminated ("parked") by
// the worker, which records why. Publishing de-duplicates on MsgID within
// the stream's duplicate window (two minutes by default).
//
// Limits: a message holds at most the server's max_payload (1 MB unless the
// server is configured otherwise), so larger articles are refused at
// publishing with a RecordError. A message whose worker dies on each of its
// MaxDeliver deliveries (a crash, not an error) is never parked: it stays in
// the stream, undelivered, and counts in Len. Any NATS server with JetStream
// will do, e.g. `nats-server -js -sd DIR`; on a JetStream cluster, create
// the stream with replicas beforehand (Connect uses an existing stream as
// it is and creates a missing one with one replica).
package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dyad/news"
)

// The defaults of Options and ConsumerOptions.
const (
	DefaultStream     = "DYAD_ARTICLES"
	DefaultSubject    = "dyad.articles"
	DefaultConsumer   = "dyad-workers"
	DefaultMaxDeliver = 5
	DefaultAckWait    = time.Minute
)

// Options says which stream to use and how to reach it.
type Options struct {
	// Stream is the JetStream stream, created if missing with work-queue
	// retention and file storage; "" means DefaultStream.
	Stream string
	// Subject is where articles are published; "" means DefaultSubject.
	Subject string
	// MaxBytes caps one message's payload; 0 means the server's maximum
	// payload (1 MB unless the server is configured otherwise).
	MaxBytes int
	// Name names the connection in the server's monitoring.
	Name string
}

// Queue is a connection to a JetStream work queue. It is safe for
// concurrent use.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	stream   jetstream.Stream
	subject  string
	maxBytes int
	closed   chan struct{} // closed when the connection is
}

// Connect connects to the NATS server at url ("nats://host:4222") and makes
// sure the stream exists.
func Connect(ctx context.Context, url string, opts Options) (*Queue, error) {
	if opts.Stream == "" {
		opts.Stream = DefaultStream
	}
	if opts.Subject == "" {
		opts.Subject = DefaultSubject
	}
	if opts.Name == "" {
		opts.Name = "dyad"
	}
	closed := make(chan struct{})
	nc, err := nats.Connect(url, nats.Name(opts.Name), nats.MaxReconnects(-1),
		nats.ClosedHandler(func(*nats.Conn) { close(closed) }))
	if err != nil {
		return nil, fmt.Errorf("connect to queue %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("connect to queue %s: %w", url, err)
	}
	stream, err := js.Stream(ctx, opts.Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		stream, err = js.CreateStream(ctx, jetstream.StreamConfig{
			Name:        opts.Stream,
			Description: "articles waiting to be coded by dyad workers",
			Subjects:    []string{opts.Subject},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
		})
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) { // another process created it first
			stream, err = js.Stream(ctx, opts.Stream)
		}
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("connect to queue %s: stream %s: %w", url, opts.Stream, err)
	}
	maxBytes := opts.MaxBytes
	if limit := int(nc.MaxPayload()); maxBytes <= 0 || maxBytes > limit {
		maxBytes = limit
	}
	return &Queue{nc: nc, js: js, stream: stream, subject: opts.Subject, maxBytes: maxBytes, closed: closed}, nil
}

// Close closes the connection after sending what is buffered
// (acknowledgements included), waiting at most a few seconds.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		if errors.Is(err, nats.ErrConnectionClosed) {
			return nil
		}
		return fmt.Errorf("close queue: %w", err)
	}
	select {
	case <-q.closed:
	case <-time.After(5 * time.Second):
		q.nc.Close()
	}
	return nil
}

// MaxBytes is the largest message payload Publish accepts.
func (q *Queue) MaxBytes() int { return q.maxBytes }

// RecordError is an article that cannot be queued (too large, or not
// encodable). The connection is fine: other articles can be published.
type RecordError struct {
	Origin string // where the article came from, or its id
	Err    error
}

// Error formats the error as "origin: message".
func (e *RecordError) Error() string { return e.Origin + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// ErrTooLarge is the reason an article over the message size cap is refused.
var ErrTooLarge = errors.New("article too large for the queue")

// Publish queues a and waits for the stream to store it. duplicate is true
// when the stream already held the same message (same MsgID) within its
// duplicate window and did not store it again. A *RecordError means this
// article cannot be queued; any other error is the connection's or the
// stream's.
func (q *Queue) Publish(ctx context.Context, a news.Article) (duplicate bool, err error) {
	data, err := Encode(a)
	if err != nil {
		return false, &RecordError{Origin: name(a), Err: err}
	}
	if len(data) > q.maxBytes {
		return false, &RecordError{Origin: name(a), Err: fmt.Errorf("%w: %d bytes encoded, over the %d-byte message limit",
			ErrTooLarge, len(data), q.maxBytes)}
	}
	ack, err := q.js.Publish(ctx, q.subject, data, jetstream.WithMsgID(MsgID(a)))
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", name(a), err)
	}
	return ack.Duplicate, nil
}

// PublishRaw queues an arbitrary payload with the given de-duplication id.
// Workers park payloads they cannot decode; this exists to test that.
func (q *Queue) PublishRaw(ctx context.Context, data []byte, msgID string) error {
	if _, err := q.js.Publish(ctx, q.subject, data, jetstream.WithMsgID(msgID)); err != nil {
		return fmt.Errorf("publish raw message: %w", err)
	}
	return nil
}

// Len is the number of messages in the stream: published and not yet
// acknowledged or terminated.
func (q *Queue) Len(ctx context.Context) (int, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue length: %w", err)
	}
	return int(info.State.Msgs), nil
}

// Flush waits until the server has received everything sent so far,
// acknowledgements included; without a deadline in ctx it waits at most 10 s.
func (q *Queue) Flush(ctx context.Context) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
	}
	if err := q.nc.FlushWithContext(ctx); err != nil {
		return fmt.Errorf("flush queue: %w", err)
	}
	return nil
}
