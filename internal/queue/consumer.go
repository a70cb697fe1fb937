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

// ConsumerOptions configures the durable pull consumer that workers share.
// Every worker should give the same options: the last one to start sets
// them for all.
type ConsumerOptions struct {
	// Name is the durable consumer's name; "" means DefaultConsumer.
	Name string
	// MaxDeliver is how many times in all a message is delivered before it
	// is given up; 0 means DefaultMaxDeliver. A worker parks a message that
	// fails on its last delivery (see Message.Final).
	MaxDeliver int
	// AckWait is how long a delivered message may stay unacknowledged
	// before it is delivered again; 0 means DefaultAckWait.
	AckWait time.Duration
}

// Consumer pulls messages from the queue's stream.
type Consumer struct {
	q          *Queue
	c          jetstream.Consumer
	maxDeliver int
	ackWait    time.Duration
}

// Consumer creates the durable pull consumer, or updates it to opts.
func (q *Queue) Consumer(ctx context.Context, opts ConsumerOptions) (*Consumer, error) {
	if opts.Name == "" {
		opts.Name = DefaultConsumer
	}
	if opts.MaxDeliver == 0 {
		opts.MaxDeliver = DefaultMaxDeliver
	}
	if opts.AckWait == 0 {
		opts.AckWait = DefaultAckWait
	}
	if opts.MaxDeliver < 1 {
		return nil, fmt.Errorf("consumer %s: max deliver %d: want at least 1", opts.Name, opts.MaxDeliver)
	}
	if opts.AckWait < time.Second {
		return nil, fmt.Errorf("consumer %s: ack wait %v: want at least 1s", opts.Name, opts.AckWait)
	}
	c, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       opts.Name,
		Description:   "dyad workers: code and store articles",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       opts.AckWait,
		MaxDeliver:    opts.MaxDeliver,
		FilterSubject: q.subject,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", opts.Name, err)
	}
	return &Consumer{q: q, c: c, maxDeliver: opts.MaxDeliver, ackWait: opts.AckWait}, nil
}

// Fetch returns at most n messages: at once those that are available, else
// as soon as one comes within wait (topped up with any others available
// then), else none. When ctx ends, Fetch stops waiting and returns the
// messages already received (they are the caller's to acknowledge or hand
// back) and, if there are none, ctx's error.
func (c *Consumer) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	msgs, err := c.fetchNoWait(n)
	if err != nil || len(msgs) > 0 {
		return msgs, err
	}
	fctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	batch, err := c.c.Fetch(1, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	for m := range batch.Messages() {
		msgs = append(msgs, c.message(m))
	}
	if len(msgs) > 0 {
		if n > 1 && ctx.Err() == nil {
			more, err := c.fetchNoWait(n - 1)
			if err == nil {
				msgs = append(msgs, more...)
			}
		}
		return msgs, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := batch.Error(); err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	return nil, nil
}

// fetchNoWait returns the messages available now, at most n.
func (c *Consumer) fetchNoWait(n int) ([]*Message, error) {
	batch, err := c.c.FetchNoWait(n)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	var msgs []*Message
	for m := range batch.Messages() {
		msgs = append(msgs, c.message(m))
	}
	if err := batch.Error(); err != nil && len(msgs) == 0 && !errors.Is(err, nats.ErrTimeout) {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	return msgs, nil
}

// message wraps a delivered message, decoding its article.
func (c *Consumer) message(m jetstream.Msg) *Message {
	msg := &Message{msg: m, q: c.q}
	meta, err := m.Metadata()
	if err != nil {
		msg.Err = fmt.Errorf("message metadata: %w", err)
		msg.Final = true
		return msg
	}
	msg.Seq = meta.Sequence.Stream
	msg.Delivered = int(meta.NumDelivered)
	msg.Final = msg.Delivered >= c.maxDeliver
	msg.Article, msg.Err = Decode(m.Data())
	return msg
}

// Pending returns how many messages wait to be delivered and how many are
// delivered and not yet acknowledged.
func (c *Consumer) Pending(ctx context.Context) (waiting, unacked int, err error) {
	info, err := c.c.Info(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("consumer info: %w", err)
	}
	return int(info.NumPending), info.NumAckPending, nil
}

// Message is one delivered message.
type Message struct {
	// Article is the decoded article; zero when Err is set.
	Article news.Article
	// Err says why the payload is not an article (it will never be one:
	// park it).
	Err error
	// Seq is the message's sequence number in the stream.
	Seq uint64
	// Delivered counts deliveries of this message, this one included.
	Delivered int
	// Final is true on the last delivery the consumer allows: a failure
	// now should park the message rather than retry it.
	Final bool

	msg jetstream.Msg
	q   *Queue
}

// Origin names the message for logs and failure records: the article's
// origin or id, else its stream sequence.
func (m *Message) Origin() string {
	if m.Err == nil {
		if m.Article.Origin != "" {
			return m.Article.Origin
		}
		if m.Article.ID != "" {
			return m.Article.ID
		}
	}
	return fmt.Sprintf("queue message %d", m.Seq)
}

// Ack acknowledges the message: it is done and leaves the stream. The
// acknowledgement is sent without waiting; Queue.Flush waits for it.
func (m *Message) Ack() error {
	if err := m.msg.Ack(); err != nil {
		return fmt.Errorf("ack %s: %w", m.Origin(), err)
	}
	return nil
}

// Retry hands the message back to be delivered again after delay.
func (m *Message) Retry(delay time.Duration) error {
	if err := m.msg.NakWithDelay(delay); err != nil {
		return fmt.Errorf("retry %s: %w", m.Origin(), err)
	}
	return nil
}

// Park terminates the message: it is never delivered again and leaves the
// stream. reason is given to the server's advisory.
func (m *Message) Park(reason string) error {
	if err := m.msg.TermWithReason(reason); err != nil {
		return fmt.Errorf("park %s: %w", m.Origin(), err)
	}
	return nil
}

// Extend tells the server the message is still being worked on, restarting
// its ack wait.
func (m *Message) Extend() error {
	if err := m.msg.InProgress(); err != nil {
		return fmt.Errorf("extend %s: %w", m.Origin(), err)
	}
	return nil
}
