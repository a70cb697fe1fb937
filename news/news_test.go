package news

import (
	"encoding/json"
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
