package news

import "encoding/json"

// documentJSON is Document as SCHEMA.md writes it: the same fields in the same
// order, with an unknown publication date as null. TestDocumentJSONFields
// keeps the two in step.
type documentJSON struct {
	ID            string     `json:"id"`
	URL           string     `json:"url,omitempty"`
	Source        string     `json:"source,omitempty"`
	Title         string     `json:"title,omitempty"`
	Published     *string    `json:"published"`
	PublishedFrom string     `json:"published_from,omitempty"`
	Dateline      string     `json:"dateline,omitempty"`
	Language      string     `json:"language"`
	Text          string     `json:"text"`
	Blocks        []Block    `json:"blocks"`
	Sentences     []Sentence `json:"sentences"`
	Entities      []Entity   `json:"entities"`
	Places        []Place    `json:"places"`
	Times         []Time     `json:"times"`
	Quotes        []Quote    `json:"quotes"`
	Events        []Event    `json:"events"`
	Warnings      []string   `json:"warnings"`
}

// MarshalJSON writes the Document as SCHEMA.md has it: an unknown publication
// date is null, and every list is [] rather than null.
func (d Document) MarshalJSON() ([]byte, error) {
	d = d.WithEmptyLists()
	out := documentJSON{
		ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title,
		PublishedFrom: d.PublishedFrom, Dateline: d.Dateline, Language: d.Language, Text: d.Text,
		Blocks: d.Blocks, Sentences: d.Sentences, Entities: d.Entities, Places: d.Places,
		Times: d.Times, Quotes: d.Quotes, Events: d.Events, Warnings: d.Warnings,
	}
	if d.Published != "" {
		out.Published = &d.Published
	}
	return json.Marshal(out)
}

// WithEmptyLists returns d with every nil list replaced by an empty one.
func (d Document) WithEmptyLists() Document {
	d.Blocks = nonNil(d.Blocks)
	d.Sentences = nonNil(d.Sentences)
	d.Entities = nonNil(d.Entities)
	d.Places = nonNil(d.Places)
	d.Times = nonNil(d.Times)
	d.Quotes = nonNil(d.Quotes)
	d.Events = nonNil(d.Events)
	d.Warnings = nonNil(d.Warnings)
	return d
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
