package queue

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"dyad/news"
)

// wireVersion is the version of the message encoding; Decode refuses others.
const wireVersion = 1

// wireArticle is an article as a queue message carries it. The body is kept
// as a JSON string when it is valid UTF-8 (readable with any NATS tool), and
// base64-encoded otherwise so that no byte is lost.
type wireArticle struct {
	V         int    `json:"v"`
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Format    string `json:"format,omitempty"`
	Origin    string `json:"origin,omitempty"`
	Body      string `json:"body,omitempty"`
	BodyBytes []byte `json:"body_base64,omitempty"`
}

// Encode is the message payload for a: JSON with every news.Article field.
func Encode(a news.Article) ([]byte, error) {
	w := wireArticle{V: wireVersion, ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: a.Published, Format: string(a.Format), Origin: a.Origin}
	if utf8.Valid(a.Body) {
		w.Body = string(a.Body)
	} else {
		w.BodyBytes = a.Body
	}
	data, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", name(a), err)
	}
	return data, nil
}

// Decode reads a payload written by Encode.
func Decode(data []byte) (news.Article, error) {
	var w wireArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return news.Article{}, fmt.Errorf("decode article: not an article message: %w", err)
	}
	if dec.More() {
		return news.Article{}, errors.New("decode article: data after the article object")
	}
	if w.V != wireVersion {
		return news.Article{}, fmt.Errorf("decode article: message version %d, want %d", w.V, wireVersion)
	}
	if w.Body != "" && len(w.BodyBytes) > 0 {
		return news.Article{}, errors.New("decode article: both body and body_base64 are set")
	}
	f := news.Format(w.Format)
	switch f {
	case news.FormatAuto, news.FormatText, news.FormatHTML:
	default:
		return news.Article{}, fmt.Errorf("decode article: unknown format %q", w.Format)
	}
	body := w.BodyBytes
	if w.Body != "" {
		body = []byte(w.Body)
	}
	return news.Article{ID: w.ID, URL: w.URL, Source: w.Source, Title: w.Title,
		Published: w.Published, Format: f, Body: body, Origin: w.Origin}, nil
}

// MsgID is the JetStream de-duplication id of a: the article id and a hash
// of its body when it has an id, the hash alone otherwise. Publishing the
// same article twice within the stream's duplicate window stores it once;
// a new text under the same id is a new message.
func MsgID(a news.Article) string {
	h := sha256.Sum256(a.Body)
	sum := hex.EncodeToString(h[:16])
	if a.ID == "" {
		return "sha256:" + sum
	}
	return a.ID + "@" + sum
}

// name says which article is meant, for messages: its origin, else its id.
func name(a news.Article) string {
	switch {
	case a.Origin != "" && a.ID != "":
		return fmt.Sprintf("%s (id %s)", a.Origin, a.ID)
	case a.Origin != "":
		return a.Origin
	case a.ID != "":
		return a.ID
	}
	return "(unnamed)"
}
