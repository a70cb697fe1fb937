package news

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSpanText(t *testing.T) {
	text := "Kerry met Lavrov."
	tests := []struct {
		span Span
		want string
	}{
		{Span{0, 5}, "Kerry"},
		{Span{10, 16}, "Lavrov"},
		{Span{5, 5}, ""},
		{Span{-1, 3}, ""},
		{Span{4, 2}, ""},
		{Span{10, 99}, ""},
	}
	for _, tt := range tests {
		if got := tt.span.Text(text); got != tt.want {
			t.Errorf("%v.Text() = %q, want %q", tt.span, got, tt.want)
		}
	}
}

func TestDocumentJSON(t *testing.T) {
	b, err := json.Marshal(Document{ID: "x", Text: "Hi."})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"published":null`, `"events":[]`, `"blocks":[]`, `"warnings":[]`, `"id":"x"`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON %s lacks %s", s, want)
		}
	}
	if strings.Count(s, `"published"`) != 1 {
		t.Errorf("published written twice: %s", s)
	}
	b, _ = json.Marshal(Document{Published: "2016-07-15"})
	if !strings.Contains(string(b), `"published":"2016-07-15"`) {
		t.Errorf("published lost: %s", b)
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil || back.Published != "2016-07-15" {
		t.Errorf("round trip: %v %q", err, back.Published)
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2016-07-15", "2016-07-15T09:30:00Z", "2016-07-15T09:30:00+03:00", "2016-07-15T09:30"} {
		if _, err := ParseDate(s); err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "15/07/2016", "July 15", "2016-13-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}

func TestSpanErrors(t *testing.T) {
	text := "Kerry met Lavrov.\n\nThey talked."
	good := Document{
		Text:      text,
		Blocks:    []Block{{Kind: BlockParagraph, Span: Span{0, 17}}, {Kind: BlockParagraph, Span: Span{19, 31}}},
		Sentences: []Sentence{{Span: Span{0, 17}, Block: 0, Tokens: []Token{{Text: "Kerry", Span: Span{0, 5}}}}},
		Entities:  []Entity{{Text: "Lavrov", Span: Span{10, 16}}},
	}
	if errs := good.SpanErrors(); len(errs) != 0 {
		t.Fatalf("good document: %v", errs)
	}
	tests := []struct {
		name   string
		mutate func(*Document)
	}{
		{"entity text differs", func(d *Document) { d.Entities[0].Text = "Putin" }},
		{"block out of bounds", func(d *Document) { d.Blocks[1].Span = Span{19, 99} }},
		{"blocks overlap", func(d *Document) { d.Blocks[1].Span = Span{10, 31} }},
		{"sentence outside block", func(d *Document) { d.Sentences[0].Span = Span{0, 20} }},
		{"token text differs", func(d *Document) { d.Sentences[0].Tokens[0].Text = "kerry" }},
		{"event in missing sentence", func(d *Document) { d.Events = []Event{{Sentence: 3}} }},
	}
	for _, tt := range tests {
		d := good
		d.Blocks = append([]Block(nil), good.Blocks...)
		d.Sentences = append([]Sentence(nil), good.Sentences...)
		d.Sentences[0].Tokens = append([]Token(nil), good.Sentences[0].Tokens...)
		d.Entities = append([]Entity(nil), good.Entities...)
		tt.mutate(&d)
		if errs := d.SpanErrors(); len(errs) == 0 {
			t.Errorf("%s: no error reported", tt.name)
		}
	}
}

// TestDocumentJSONFields keeps documentJSON in step with Document: the same
// JSON names in the same order.
func TestDocumentJSONFields(t *testing.T) {
	names := func(v any) []string {
		var out []string
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			out = append(out, rt.Field(i).Name+" "+rt.Field(i).Tag.Get("json"))
		}
		return out
	}
	if d, j := names(Document{}), names(documentJSON{}); !slices.Equal(d, j) {
		t.Errorf("documentJSON fields differ from Document's:\n%q\n%q", d, j)
	}
	b, _ := json.Marshal(Document{ID: "x", Title: "T", Published: "2016-07-15", Dateline: "MOSCOW"})
	s := string(b)
	if i, j := strings.Index(s, `"title"`), strings.Index(s, `"published"`); i < 0 || j < i || j > strings.Index(s, `"dateline"`) {
		t.Errorf("published is not between title and dateline: %s", s)
	}
}
