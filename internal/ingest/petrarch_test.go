package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// petrSentences is PETRARCH sentence input written for these tests.
const petrSentences = `<!-- sentences written for dyad's tests -->
<Sentences>
<Sentence date = "20080804" id ="T1_1" source = "TW" sentence = "True">
<Text>
The harbour board of Estevan
   met the fishers' union on Monday.
</Text>
<Parse>
(ROOT (S (NP (DT The) (NN harbour) (NN board)) (VP (VBD met))))
</Parse>
</Sentence>

<Sentence date="20080805" id="T1_2">
<Text>Talks went on &amp; on.</Text>
</Sentence>
</Sentences>
`

// petrValidation is a unit-test file in PETRARCH's form, written for these tests.
const petrValidation = `<Validation>
<!-- header -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Config option="require_dyad" value="True"></Config>
</Environment>
<Sentences>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="19950101" id="DEMO-01" category="DEMO" valid="true">
<EventCoding sourcecode="EST" targetcode="LOR" eventcode="051"></EventCoding>
<Text>
Estevan praised Lorvan.
</Text>
<Parse>(ROOT (S (NP (NNP Estevan)) (VP (VBD praised) (NP (NNP Lorvan)))))</Parse>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrarch(t *testing.T) {
	art := func(origin, id, pub, source, body string) got {
		return got{Origin: origin, ID: id, Published: pub, Source: source, Format: news.FormatText, Body: body}
	}
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		opts  Options
		want  []got
	}{
		{
			name:  "sentences",
			files: map[string]string{"s.xml": petrSentences},
			paths: []string{"s.xml"},
			want: []got{
				art("s.xml:3", "T1_1", "2008-08-04", "TW", "The harbour board of Estevan met the fishers' union on Monday."),
				art("s.xml:13", "T1_2", "2008-08-05", "", "Talks went on & on."),
			},
		},
		{
			name:  "validation file",
			files: map[string]string{"unit.xml": petrValidation},
			paths: []string{"unit.xml"},
			want:  []got{art("unit.xml:9", "DEMO-01", "1995-01-01", "", "Estevan praised Lorvan.")},
		},
		{
			name:  "sniffed without an extension, and gzipped",
			files: map[string]string{"sentences": petrSentences, "v.gz": gz(petrValidation)},
			paths: []string{"sentences", "v.gz"},
			want: []got{
				art("sentences:3", "T1_1", "2008-08-04", "TW", "The harbour board of Estevan met the fishers' union on Monday."),
				art("sentences:13", "T1_2", "2008-08-05", "", "Talks went on & on."),
				art("v.gz:9", "DEMO-01", "1995-01-01", "", "Estevan praised Lorvan."),
			},
		},
		{
			name: "bad sentences are reported and the next read",
			files: map[string]string{"b.xml": "<Sentences>\n<Sentence date=\"2008\" id=\"a\"><Text>A.</Text></Sentence>\n" +
				"<Sentence id=\"b\"><Parse>(S)</Parse></Sentence>\n<Sentence id=\"c\"><Text>  C.\n</Text></Sentence>\n</Sentences>\n"},
			paths: []string{"b.xml"},
			want: []got{
				{Err: `b.xml:2: sentence "a": date "2008" is not YYYYMMDD`},
				{Err: `b.xml:3: sentence "b" has no text`},
				art("b.xml:4", "c", "", "", "C."),
			},
		},
		{
			name: "malformed XML ends the file after the sentences before it",
			files: map[string]string{"m.xml": "<Sentences>\n<Sentence date=\"20080804\" id=\"a\"><Text>A.</Text></Sentence>\n" +
				"<Sentence id=\"b\"><Text>B & C</Text></Sentence>\n<Sentence id=\"c\"><Text>C.</Text></Sentence>\n</Sentences>\n",
				"ok.txt": "After."},
			paths: []string{"m.xml", "ok.txt"},
			want: []got{
				art("m.xml:2", "a", "2008-08-04", "", "A."),
				{Err: "m.xml:3: malformed XML: invalid character entity & (no semicolon)"},
				{Origin: "ok.txt", Format: news.FormatText, Body: "After."},
			},
		},
		{
			name:  "unclosed",
			files: map[string]string{"u.xml": "<Sentences>\n<Sentence id=\"a\"><Text>A.</Text></Sentence>\n<Sentence id=\"b\"><Text>B."},
			paths: []string{"u.xml"},
			want:  []got{art("u.xml:2", "a", "", "", "A."), {Err: "u.xml:3: malformed XML: unexpected EOF"}},
		},
		{
			name:  "declared encoding",
			files: map[string]string{"l.xml": "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Sentences><Sentence id=\"l\"><Text>Caf\xe9 talks.</Text></Sentence></Sentences>"},
			paths: []string{"l.xml"},
			want:  []got{art("l.xml:2", "l", "", "", "Café talks.")},
		},
		{
			name:  "unknown encoding",
			files: map[string]string{"k.xml": "<?xml version=\"1.0\" encoding=\"klingon\"?>\n<Sentences></Sentences>"},
			paths: []string{"k.xml"},
			want:  []got{{Err: `k.xml:1: malformed XML: xml: opening charset "klingon": unknown encoding "klingon"`}},
		},
		{
			name:  "sentence over the size limit",
			files: map[string]string{"big.xml": "<Sentences>\n<Sentence id=\"big\"><Text>" + strings.Repeat("word ", 20) + "</Text></Sentence>\n<Sentence id=\"s\"><Text>Small.</Text></Sentence></Sentences>"},
			paths: []string{"big.xml"},
			opts:  Options{MaxBytes: 50},
			want:  []got{{Err: "big.xml:2: sentence is 99 bytes, over the limit of 50 bytes"}, art("big.xml:3", "s", "", "", "Small.")},
		},
		{
			name:  "no sentences",
			files: map[string]string{"e.xml": "<Validation><Environment/></Validation>"},
			paths: []string{"e.xml"},
			want:  []got{{Err: "e.xml: PETRARCH XML holds no <Sentence>"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			if diff := cmp.Diff(tt.want, collect(t, dir, tt.paths, nil, tt.opts)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadPetrarchLarge streams a file far larger than the size limit.
func TestReadPetrarchLarge(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<Sentences>\n")
	const n = 2000
	for i := 0; i < n; i++ {
		b.WriteString("<Sentence date=\"20080804\" id=\"s\"><Text>Ferries resumed between the islands.</Text><Parse>" +
			strings.Repeat("(NP (NN x)) ", 20) + "</Parse></Sentence>\n")
	}
	b.WriteString("</Sentences>\n")
	path := filepath.Join(t.TempDir(), "large.xml")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := readFile(t, path, nil, Options{MaxBytes: 1 << 10})
	if len(recs) != n {
		t.Fatalf("%d records, want %d", len(recs), n)
	}
	checkRecords(t, path, n+2, recs)
}

func FuzzReadPetrarchXML(f *testing.F) {
	for _, s := range []string{
		petrSentences,
		petrValidation,
		"<Sentences><Sentence date=\"2008\"><Text>x</Text><Sentence><Text>y</Text></Sentence></Sentence></Sentences>",
		"<Sentences>\n<Sentence id=\"a\"><Text>A &amp; B</Text></Sentence>\n<Sentence><Text>B & C",
		"<?xml version=\"1.0\" encoding=\"utf-16\"?><Sentences/>",
		"<Validation><Text>not in a sentence</Text></Validation>",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "in.xml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			lines = 1 << 30 // converted or compressed: lines are not those of data
		}
		recs := readFile(t, path, nil, Options{MaxBytes: 256})
		if len(recs) == 0 {
			t.Fatal("no record and no error")
		}
		checkRecords(t, path, lines, recs)
	})
}
