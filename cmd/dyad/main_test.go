package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/news"
)

// dyad runs the command with args and stdin, returning exit status, stdout and stderr.
func dyad(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// docs decodes JSON Lines output.
func docs(t *testing.T, out string) []news.Document {
	t.Helper()
	var ds []news.Document
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d news.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("output line is not a JSON document: %v\n%s", err, sc.Text())
		}
		ds = append(ds, d)
	}
	return ds
}

func TestCodeFile(t *testing.T) {
	code, out, errOut := dyad(t, "", "code", "../../testdata/articles/01_moscow_talks.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ds := docs(t, out)
	if len(ds) != 1 {
		t.Fatalf("got %d documents, want 1", len(ds))
	}
	d := ds[0]
	if !strings.Contains(d.Text, "Lavrov") || len(d.Blocks) == 0 || len(d.Sentences) == 0 {
		t.Errorf("document lacks text, blocks or sentences: %+v", d)
	}
	for _, key := range []string{`"events":[{`, `"entities":[{`, `"quotes":[{`, `"places":[{`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks %s", key)
		}
	}
}

func TestCodeDirectoryInOrder(t *testing.T) {
	code, out, errOut := dyad(t, "", "code", "--workers", "3", "../../testdata/articles")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ds := docs(t, out)
	var ids []string
	for _, d := range ds {
		ids = append(ids, d.ID)
	}
	// 08_wires.jsonl holds three records with these ids, in this order.
	joined := strings.Join(ids, ",")
	if !strings.Contains(joined, "beirut-2019-10-29,caracas-1,2,addis-3") {
		t.Errorf("ids out of input order: %s", joined)
	}
	if len(ds) != 11 {
		t.Errorf("got %d documents, want 11", len(ds))
	}
}

func TestCodeStdinWithFlags(t *testing.T) {
	text := "LONDON - Britain expelled two Russian diplomats on Monday, the Foreign Office said.\n"
	code, out, errOut := dyad(t, text, "code", "--published", "2018-03-12", "--source", "Test Wire", "--url", "https://example.test/a", "--pretty", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "{\n  \"id\"") {
		t.Errorf("--pretty output not indented: %.60s", out)
	}
	var d news.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Published != "2018-03-12" || d.PublishedFrom != "flag" || d.Source != "Test Wire" || d.URL != "https://example.test/a" {
		t.Errorf("flags not applied: published %q from %q source %q url %q", d.Published, d.PublishedFrom, d.Source, d.URL)
	}
	if d.Dateline != "LONDON" {
		t.Errorf("dateline %q, want LONDON", d.Dateline)
	}
}

func TestCodeBadInputGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a_good.txt", "PARIS - France recalled its ambassador to Italy on Thursday.\n")
	write("b_empty.txt", "")
	write("c_records.jsonl", `{"id":"r1","text":"Chad closed its border with Sudan."}`+"\n"+`{"id": broken`+"\n"+`{"id":"r3","text":"Mali expelled the French ambassador."}`+"\n")
	write("d_junk.txt", "\x00\x01\x02\x03binary\x00\x00\x00")
	write("e_nobody.html", "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>")
	write("f_latin1.txt", "ROME - Italy's premier met the Pope in Vatican City on Sunday, caf\xe9 owners said.\n")
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(`{"id":"z1","text":"Peru recalled its envoy to Mexico."}` + "\n" + `{"id":"z2","text":"Chile and Peru signed a border accord."}` + "\n"))
	zw.Close()
	write("g_cut.jsonl.gz", string(zipped.Bytes()[:zipped.Len()-12]))

	code, out, errOut := dyad(t, "", "code", dir)
	if code != 0 {
		t.Errorf("exit %d with some good records, want 0; stderr:\n%s", code, errOut)
	}
	var ids []string
	for _, d := range docs(t, out) {
		ids = append(ids, d.ID)
	}
	ds := docs(t, out)
	if len(ids) != 6 || ids[1] != "r1" || ids[2] != "r3" || !strings.Contains(ds[3].Text, "caf\uFFFD owners") || len(ds[3].Warnings) == 0 {
		t.Errorf("coded %v, want the good file, r1, r3, the Latin-1 file repaired with a warning, z1 and z2 (read before the gzip broke)", ids)
	}
	for _, want := range []string{"b_empty.txt", "c_records.jsonl:2", "d_junk.txt", "e_nobody.html", "g_cut.jsonl.gz:3: truncated gzip", "6 coded, 5 failed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not name %q:\n%s", want, errOut)
		}
	}
	if code, _, _ := dyad(t, "", "code", "--strict", dir); code != 1 {
		t.Errorf("--strict exit %d, want 1", code)
	}
	if code, _, _ := dyad(t, "", "code", filepath.Join(dir, "b_empty.txt")); code != 1 {
		t.Errorf("nothing coded: exit %d, want 1", code)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"code"},
		{"code", "--format", "pdf", "x.txt"},
		{"code", "--published", "last Tuesday", "x.txt"},
	}
	for _, args := range tests {
		if code, _, errOut := dyad(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("dyad %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := dyad(t, "", "version", "--json")
	var v versionInfo
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Version == "" || v.Go == "" || !strings.HasPrefix(v.GoldsteinTable, "gdelt") || v.CAMEOCodes < 300 {
		t.Errorf("version --json: exit %d, %q", code, out)
	}
	if code, out, _ := dyad(t, "", "version"); code != 0 || !strings.HasPrefix(out, "dyad ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.verbs.txt")
	good := filepath.Join(dir, "good.verbs.txt")
	if err := os.WriteFile(bad, []byte("--- ATTACK [190] ---\nATTACK\n- * POLICE [191\n- $ * + [192]\n- * TROOPS [193\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("--- ATTACK [190] ---\nATTACK\n- * POLICE [191]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := dyad(t, "", "dict", "check", bad)
	if code != 1 {
		t.Errorf("bad dictionary: exit %d, want 1", code)
	}
	for _, want := range []string{bad + ":3: ", bad + ":5: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not report %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "2 errors") {
		t.Errorf("summary: %q", errOut)
	}
	if code, out, errOut := dyad(t, "", "dict", "check", good); code != 0 || out != "" || !strings.Contains(errOut, "ok") {
		t.Errorf("good dictionary: exit %d, out %q, err %q", code, out, errOut)
	}
	if code, _, _ := dyad(t, "", "dict", "check", filepath.Join(dir, "missing.verbs.txt")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code, _, _ := dyad(t, "", "dict"); code != 2 {
		t.Errorf("no subcommand: exit %d, want 2", code)
	}
}

const miniSuite = "../../internal/validate/testdata/mini.xml"

func TestValidate(t *testing.T) {
	code, out, errOut := dyad(t, "", "validate", "--diffs", miniSuite)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "total") || !strings.Contains(out, "4 /") || !strings.Contains(out, "BASIC-04") {
		t.Errorf("report lacks the total or the failing record:\n%s", out)
	}
	code, out, _ = dyad(t, "", "validate", "--json", miniSuite)
	var rep struct {
		Suite      string           `json:"suite"`
		From       string           `json:"from"`
		Records    int              `json:"records"`
		Passed     int              `json:"passed"`
		ByCategory map[string][]int `json:"by_category"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.From != "text" || rep.Records != 5 || rep.Passed != 4 || len(rep.ByCategory["BASIC"]) != 2 {
		t.Errorf("validate --json: exit %d, %s", code, out)
	}
	if code, _, _ := dyad(t, "", "validate", "no-such-suite.xml"); code != 1 {
		t.Errorf("missing suite: exit %d, want 1", code)
	}
}

func TestCodeAndExplainWithDictionaries(t *testing.T) {
	dicts := "../../internal/validate/testdata"
	code, out, errOut := dyad(t, "Valmora attacked Orinth on Monday.", "code", "--petrarch-dicts", dicts, "--published", "2010-03-03", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ds := docs(t, out)
	if len(ds) != 1 || len(ds[0].Events) != 1 {
		t.Fatalf("want one event, got %s", out)
	}
	e := ds[0].Events[0]
	if e.Source == nil || e.Source.Code != "VAL" || e.Target == nil || e.Target.Code != "ORI" || e.Code != "190" ||
		e.Root != "19" || e.QuadClass != 4 || e.Goldstein == nil || e.Date != "2010-03-01" || e.DateGrain != "day" ||
		!strings.Contains(e.Rule, "mini.verbs.txt:") {
		t.Errorf("event %+v", e)
	}
	code, out, errOut = dyad(t, "", "explain", "--petrarch-dicts", dicts, "Valmora did not praise Orinth.")
	if code != 0 {
		t.Fatalf("explain exit %d: %s", code, errOut)
	}
	for _, want := range []string{"VALMORA", "mini.actors.txt:1", "praise"} {
		if !strings.Contains(strings.ToUpper(out), strings.ToUpper(want)) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	// Without --petrarch-dicts, the built-in dictionaries explain real news.
	code, out, errOut = dyad(t, "", "explain", "Russia accused Ukraine of shelling the plant.")
	if code != 0 || !strings.Contains(out, "dyad.verbs.txt:") || !strings.Contains(out, "RUS") {
		t.Errorf("explain with the built-in dictionaries: exit %d, %s%s", code, out, errOut)
	}
	if code, _, _ := dyad(t, "", "explain", "--sentence", "5", "One sentence."); code != 1 {
		t.Errorf("explain of a missing sentence: exit %d, want 1", code)
	}
}

func TestBench(t *testing.T) {
	code, out, errOut := dyad(t, "", "bench", "--json", "--corpus", "5", "--repeat", "2", "--petrarch-dicts", "../../internal/validate/testdata")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Articles != 10 || r.Sentences == 0 || r.Tokens == 0 || r.SentencesPerSec <= 0 || r.LoadSeconds <= 0 || r.Repeat != 2 {
		t.Errorf("bench report %+v", r)
	}
	code, out, _ = dyad(t, "", "bench", "--input", "../../testdata/articles/04_gaza_talks.txt")
	if code != 0 || !strings.Contains(out, "sentences/s") {
		t.Errorf("bench --input: exit %d, %q", code, out)
	}
}

func TestCodeWithGazetteerDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "geo"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A directory that is not a gazetteer is a clear start-up error.
	code, _, errOut := dyad(t, "Text.", "code", "--gazetteer", dir, "-")
	if code != 2 || !strings.Contains(errOut, "gazetteer") {
		t.Errorf("bad gazetteer dir: exit %d, %q", code, errOut)
	}
}

// TestCodeSkipsOtherLanguages: an article in French is read, skipped with a
// warning and counted as skipped, not failed; the English one beside it is
// coded; --any-language codes both.
func TestCodeSkipsOtherLanguages(t *testing.T) {
	dir := t.TempDir()
	french := "Le ministre des Affaires étrangères a rencontré son homologue à Paris mardi. " +
		"Les deux pays ont signé un accord sur la coopération dans le domaine de l'énergie et des transports."
	english := "Russia and China held talks on energy in Moscow on Tuesday, officials said."
	for name, body := range map[string]string{"a_fr.txt": french, "b_en.txt": english} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := dyad(t, "", "code", "--strict", dir)
	if code != 0 {
		t.Fatalf("exit %d (a skip is not a failure): %s", code, errOut)
	}
	if n := len(docs(t, out)); n != 1 {
		t.Errorf("got %d documents, want the English one only", n)
	}
	for _, want := range []string{"a_fr.txt: skipped: written in \"fr\"", "1 coded, 0 failed, 1 skipped (not English)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	code, out, errOut = dyad(t, "", "code", "--any-language", dir)
	if code != 0 || len(docs(t, out)) != 2 {
		t.Errorf("--any-language: exit %d, %d documents, want 0 and 2: %s", code, len(docs(t, out)), errOut)
	}
}
