package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/klauspost/compress/zstd"

	"dyad/news"
)

// How the SCHEMA object of an article is kept in articles.doc.
//
// On SQLite an article's object is stored without its text (kept once, in
// articles.text) and compressed with zstd: the object is about ten times the
// size of its text, and writing it (twice: to the WAL, then to the database)
// was most of what storing an article cost. On PostgreSQL, which compresses
// large values itself (TOAST), the object is stored whole as JSON text.
//
// A stored value is thus either a zstd frame (it starts with zstd's magic
// number) holding the object with "text":"", or the object itself (JSON, it
// starts with '{'), as every row written before migration 0007 has it on
// SQLite; both are read. The object read back is byte for byte the one
// news.Document.MarshalJSON wrote: MarshalJSON writes "text" after the
// article's metadata, all strings or null, so the first `"text":""` in the
// stored object is its own (a quote inside a JSON string is always escaped),
// and the text is put back there encoded as MarshalJSON encodes it.

const (
	// zstdMagic starts every zstd frame.
	zstdMagic = "\x28\xb5\x2f\xfd"
	// emptyText is the object's text field as stored in a compressed object.
	emptyText = `"text":""`
)

// docCodec compresses and decompresses stored objects. Its methods are safe
// for concurrent use.
type docCodec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// newDocCodec makes a codec; close releases it.
func newDocCodec() (*docCodec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1),
		zstd.WithLowerEncoderMem(true))
	if err != nil {
		return nil, fmt.Errorf("doc codec: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(256<<20))
	if err != nil {
		enc.Close()
		return nil, fmt.Errorf("doc codec: %w", err)
	}
	return &docCodec{enc: enc, dec: dec}, nil
}

func (c *docCodec) close() {
	if c == nil {
		return
	}
	c.enc.Close()
	c.dec.Close()
}

// encodeDoc checks a document can be saved and encodes it as stored: a
// compressed object without its text when the store has a codec, else the
// JSON object as a string.
func (s *Store) encodeDoc(doc news.Document) (any, error) {
	if doc.ID == "" {
		return nil, fmt.Errorf("save article: no id")
	}
	if s.docs == nil {
		body, err := doc.MarshalJSON() // not json.Marshal, which would scan the output again
		if err != nil {
			return nil, fmt.Errorf("save article %s: %w", doc.ID, err)
		}
		return string(body), nil
	}
	doc.Text = ""
	body, err := doc.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	return s.docs.enc.EncodeAll(body, make([]byte, 0, len(body)/3)), nil
}

// docJSON is the SCHEMA object (JSON) of the article stored as stored with
// text: the stored value itself when it is JSON, else the decompressed
// object with the text put back.
func (s *Store) docJSON(stored []byte, text string) ([]byte, error) {
	if !bytes.HasPrefix(stored, []byte(zstdMagic)) {
		return stored, nil
	}
	if s.docs == nil {
		return nil, fmt.Errorf("stored object is compressed but this store reads none")
	}
	body, err := s.docs.dec.DecodeAll(stored, make([]byte, 0, 4*len(stored)))
	if err != nil {
		return nil, fmt.Errorf("decompress stored object: %w", err)
	}
	if text == "" {
		return body, nil
	}
	at := bytes.Index(body, []byte(emptyText))
	if at < 0 {
		return nil, fmt.Errorf("stored object has no empty text field")
	}
	enc, err := json.Marshal(text) // as MarshalJSON encodes it, HTML characters escaped
	if err != nil {
		return nil, err
	}
	at += len(emptyText) - 2 // at the field's value, ""
	out := make([]byte, 0, len(body)+len(enc))
	out = append(out, body[:at]...)
	out = append(out, enc...)
	return append(out, body[at+2:]...), nil
}
