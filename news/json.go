package news

import "encoding/json"

// MarshalJSON writes the Document as SCHEMA.md has it: an unknown publication
// date is null, and every list is [] rather than null.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document // plain has no methods, so this does not recurse
	out := struct {
		plain
		Published *string `json:"published"`
	}{plain: plain(d.WithEmptyLists())}
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
