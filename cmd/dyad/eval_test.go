package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	code := runEval(context.Background(), []string{"--json", "../../testdata/eval"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var r struct {
		Articles []struct{ Name string } `json:"articles"`
		Total    struct {
			Places struct {
				Recall   float64 `json:"recall"`
				Accuracy float64 `json:"accuracy_161km"`
			} `json:"places"`
			Times struct {
				ValueAccuracy float64 `json:"value_accuracy"`
			} `json:"times"`
			Entities struct {
				F1            float64 `json:"f1"`
				ActorAccuracy float64 `json:"actor_accuracy"`
			} `json:"entities"`
			Events struct {
				Gold int     `json:"gold"`
				F1   float64 `json:"f1"`
			} `json:"events"`
		} `json:"total"`
		Categories map[string]struct {
			Events *struct {
				Gold int `json:"gold"`
			} `json:"events"`
		} `json:"categories"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("--json output is not one JSON object: %v\n%s", err, out.String())
	}
	if len(r.Articles) < 12 || r.Total.Places.Recall == 0 || r.Total.Places.Accuracy == 0 || r.Total.Times.ValueAccuracy == 0 {
		t.Errorf("report lacks figures: %+v", r)
	}
	if r.Total.Entities.F1 == 0 || r.Total.Entities.ActorAccuracy == 0 || r.Total.Events.Gold == 0 || r.Total.Events.F1 == 0 {
		t.Errorf("report lacks entity or event figures: %+v", r.Total)
	}
	for _, c := range []string{"diplomacy", "war", "protest", "elections", "sanctions"} {
		if cat, ok := r.Categories[c]; !ok || cat.Events == nil || cat.Events.Gold == 0 {
			t.Errorf("category %s missing or without events: %+v", c, cat)
		}
	}
}

func TestEvalText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runEval(context.Background(), []string{"--notes", "../../testdata/eval"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"article", "≤161km", "total", "accuracy within 161 km", "value accuracy", "speaker accuracy", "place missed",
		"category", "(category)", "actor-code accuracy", "on (source country, target country, root)", "event missed", "entity "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalDispatched runs eval through the command line.
func TestEvalDispatched(t *testing.T) {
	code, out, errOut := dyad(t, "", "eval", "--json", "../../testdata/eval")
	if code != 0 || !strings.HasPrefix(out, `{"dir":`) || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, stderr %s, stdout not one JSON line:\n%s", code, errOut, out)
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("MOSCOW - Russia met Turkey.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.gold.json"), []byte("{\n \"places\": [{\"text\": \"Ankara\", \"country\": \"TUR\"}]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no directory", nil, 2, "Usage: dyad eval"},
		{"bad published", []string{"--published", "July", dir}, 2, "published date"},
		{"bad gold", []string{dir}, 1, `a.gold.json: places[0] "Ankara": not found`},
		{"missing directory", []string{filepath.Join(dir, "nope")}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runEval(context.Background(), tt.args, &out, &errOut)
			if code != tt.code || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut.String(), tt.code, tt.want)
			}
		})
	}
}
