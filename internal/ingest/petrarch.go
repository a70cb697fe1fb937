package ingest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"

	"dyad/news"
)

// errNoSentences is a PETRARCH file without a <Sentence>.
var errNoSentences = errors.New("PETRARCH XML holds no <Sentence>")

// petrarch reads PETRARCH XML from src: a <Sentences> element, alone or in
// a <Validation> (PETRARCH's unit-test files), holding <Sentence date="YYYYMMDD"
// id="..."> elements, each one article. The body is the sentence's <Text>,
// its lines trimmed and joined with single blanks; <Parse> and the test
// expectations are not read. The file is streamed, so it may be larger
// than the size limit; one sentence's text may not.
//
// A sentence without text or with a bad date is reported and the next one
// read; malformed XML is reported at its line and ends the file, after the
// sentences before it have been delivered.
func (r *reader) petrarch(origin string, src io.Reader, gz bool) error {
	d := xml.NewDecoder(src)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	var (
		depth     int // depth of the open <Sentence>, 0 outside one
		open      int // elements open
		inText    int // depth of the open <Text>, 0 outside one
		a         news.Article
		body      strings.Builder
		line      int
		bad       error // a problem with the current sentence
		sentences int
	)
	for {
		if err := r.alive(); err != nil {
			return err
		}
		at, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return r.fail(origin, se.Line, fmt.Errorf("malformed XML: %s", se.Msg))
			}
			if r.ctx.Err() == nil && strings.HasPrefix(err.Error(), "xml: ") {
				return r.fail(origin, at, fmt.Errorf("malformed XML: %w", err))
			}
			return r.readFailed(origin, at, err, gz)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open++
			switch {
			case t.Name.Local == "Sentence" && depth == 0:
				depth, line, bad = open, at, nil
				sentences++
				a = news.Article{Format: news.FormatText, Origin: fmt.Sprintf("%s:%d", origin, at)}
				body.Reset()
				date := ""
				for _, attr := range t.Attr {
					v := strings.TrimSpace(attr.Value)
					switch strings.ToLower(attr.Name.Local) {
					case "id":
						a.ID = v
					case "source":
						a.Source = v
					case "date":
						date = v
					}
				}
				if date != "" {
					day, err := time.Parse("20060102", date)
					if err != nil || len(date) != 8 {
						bad = fmt.Errorf("sentence %q: date %q is not YYYYMMDD", a.ID, date)
					} else {
						a.Published = day.Format(time.DateOnly)
					}
				}
			case t.Name.Local == "Text" && depth > 0 && inText == 0:
				inText = open
				if body.Len() > 0 {
					body.WriteByte('\n')
				}
			}
		case xml.EndElement:
			switch open {
			case inText:
				inText = 0
			case depth:
				depth = 0
				text := strings.Join(strings.Fields(body.String()), " ")
				switch {
				case bad != nil:
					err = r.fail(origin, line, bad)
				case text == "":
					err = r.fail(origin, line, fmt.Errorf("sentence %q has no text", a.ID))
				case int64(len(text)) > r.max:
					err = r.fail(origin, line, &sizeError{what: "sentence", size: int64(len(text)), max: r.max})
				default:
					a.Body = []byte(text)
					err = r.emit(a)
				}
				if err != nil {
					return err
				}
			}
			open--
		case xml.CharData:
			if inText > 0 && int64(body.Len()) <= r.max {
				body.Write(t)
			}
		}
	}
	if sentences == 0 {
		return r.fail(origin, 0, errNoSentences)
	}
	return nil
}

// charsetReader converts the encodings an XML declaration may name to
// UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", label)
	}
	return enc.NewDecoder().Reader(in), nil
}
