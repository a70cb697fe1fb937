package suite

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dyad/internal/dictfile"
)

// petrarchFile is what a PETRARCH unit-test file holds besides its records.
type petrarchFile struct {
	records []Record
	// env maps a lower-case <Environment> tag to its text; config holds
	// the <Config> switches of the <Environment>.
	env    map[string]string
	config map[string]string
	// envLine is the line of <Environment>, 0 when there is none.
	envLine int
}

// loadPetrarch reads a PETRARCH unit-test file and its dictionaries.
func (s *Suite) loadPetrarch(path string, data []byte, ps *problems) {
	f := parsePetrarch(path, bytes.NewReader(data), ps)
	s.Records = f.records
	for _, m := range []map[string]string{f.env, f.config} {
		for k, v := range m {
			s.Options[k] = v
		}
	}
	if f.envLine == 0 {
		ps.errorf(path, 1, "no <Environment> names the dictionaries")
		return
	}
	dir := filepath.Dir(path)
	files := func(tag string) []string {
		var out []string
		for _, n := range strings.Split(f.env[tag], ",") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, filepath.Join(dir, n))
			}
		}
		return out
	}
	verbs, actors := files("verbfile"), files("actorfile")
	if len(verbs) == 0 || len(actors) == 0 {
		ps.errorf(path, f.envLine, "<Environment> needs a <Verbfile> and an <Actorfile>")
	}
	set, err := dictfile.LoadFiles(verbs, actors, files("agentfile"), files("discardfile"), files("issuefile"))
	s.Dicts = set
	ps.dictErr(err, path, f.envLine)
}

// parsePetrarch reads the records of a PETRARCH unit-test file: a
// <Validation> holding an <Environment> and <Sentences>, or <Sentences>
// alone. It reads every form the published suite uses:
//
//   - <Sentence date="YYYYMMDD" id category valid> (valid defaults to true;
//     other attributes are ignored);
//   - <EventCoding sourcecode targetcode eventcode>, several per record;
//     one whose line starts with '#' is taken as commented out (with a
//     warning; PETRARCH-1 reads it);
//   - <EventCoding noevents="True"> (any value; it wins over codings, as
//     in PETRARCH-1) and <EventCoding error="...">;
//   - <Config option value> in <Environment> (global), between records
//     (from the next record on) or inside one (from the next, with a
//     warning);
//   - <Text>; <Parse> is skipped; <Skip> and <Stop> inside a record are
//     ignored as PETRARCH-1 ignores them (it tests the empty element for
//     truth); a <Stop> between records makes the records after it not Valid.
//
// A malformed file ends at the XML error, which is reported with its line;
// the records before it are kept, the one it cuts off is dropped.
func parsePetrarch(name string, r io.Reader, ps *problems) petrarchFile {
	f := petrarchFile{env: map[string]string{}, config: map[string]string{}}
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var (
		stack    []string // open element names
		sw       switches
		rec      *Record
		text     strings.Builder // of the current <Text>
		hasText  bool
		envText  strings.Builder // of the current <Environment> child
		prevData string          // the character data just before the current token
		stopped  string          // where a <Stop> was met
		root     bool
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				err = errors.New(se.Msg)
			}
			ps.errorf(name, line, "XML: %v", err)
			break
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		data := ""
		switch t := tok.(type) {
		case xml.StartElement:
			el := t.Name.Local
			stack = append(stack, el)
			if !root {
				root = true
				if el != "Validation" && el != "Sentences" {
					ps.errorf(name, line, "root element is <%s>, want <Validation> or <Sentences>", el)
					return f
				}
			}
			switch {
			case el == "Environment" && len(stack) == 2:
				f.envLine = line
			case parent == "Environment" && el == "Config":
				k, v, ok := configAttrs(t, name, line, ps)
				if ok {
					f.config[k] = v
					sw.set(k, v)
				}
			case parent == "Environment":
				envText.Reset()
			case el == "Sentence" && rec == nil:
				rec = startSentence(t, name, line, ps)
				rec.Config = sw.now()
				if stopped != "" && rec.Valid {
					rec.Valid, rec.Skip = false, "after the <Stop> at "+stopped
				}
				text.Reset()
				hasText = false
			case el == "Sentence":
				ps.errorf(name, line, "<Sentence> inside a <Sentence>")
			case el == "EventCoding" && rec != nil:
				if lastLine(prevData) == "#" {
					ps.warnf(name, line, "<EventCoding> after '#' is taken as commented out")
					break
				}
				eventCoding(t, rec, name, line, ps)
			case el == "EventCoding":
				ps.errorf(name, line, "<EventCoding> outside a <Sentence>")
			case el == "Config":
				k, v, ok := configAttrs(t, name, line, ps)
				if !ok {
					break
				}
				if rec != nil {
					ps.warnf(name, line, "<Config> inside a <Sentence> applies from the next record on")
				}
				sw.set(k, v)
			case el == "Text" && rec != nil:
				if hasText {
					text.WriteByte('\n')
				}
				hasText = true
			case el == "Stop" && rec == nil && stopped == "":
				stopped = pos(name, line)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			el := t.Name.Local
			switch {
			case len(stack) == 2 && stack[1] == "Environment" && el != "Config":
				f.env[strings.ToLower(el)] = strings.TrimSpace(envText.String())
			case el == "Sentence" && rec != nil && !slices.Contains(stack, "Sentence"):
				rec.Text = joinLines(text.String())
				if !hasText || rec.Text == "" {
					ps.errorf(name, lineOf(rec.Pos), "record %s has no <Text>", rec.ID)
				}
				if rec.NoEvents && len(rec.Expect) > 0 {
					ps.warnf(name, lineOf(rec.Pos), "record %s has both codings and noevents; noevents wins, as in PETRARCH", rec.ID)
					rec.Expect = nil
				}
				f.records = append(f.records, *rec)
				rec = nil
			}
		case xml.CharData:
			data = string(t)
			switch {
			case parent == "Text" && rec != nil:
				text.Write(t)
			case len(stack) == 3 && stack[1] == "Environment":
				envText.Write(t)
			}
		}
		prevData = data
	}
	return f
}

// startSentence reads the attributes of a <Sentence>.
func startSentence(t xml.StartElement, name string, line int, ps *problems) *Record {
	rec := &Record{Valid: true, Pos: pos(name, line)}
	var date string
	hasDate, hasID := false, false
	for _, a := range t.Attr {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "date":
			date, hasDate = v, true
		case "id":
			rec.ID, hasID = v, true
		case "category":
			rec.Category = v
		case "valid":
			switch strings.ToLower(v) {
			case "true":
			case "false":
				rec.Valid, rec.Skip = false, `valid="false"`
			default:
				ps.errorf(name, line, "valid=%q: want true or false", v)
				rec.Valid, rec.Skip = false, "bad valid attribute"
			}
		}
	}
	if !hasID || rec.ID == "" {
		ps.errorf(name, line, "<Sentence> has no id")
	}
	switch d, err := time.Parse("20060102", date); {
	case !hasDate:
		ps.errorf(name, line, "record %s has no date", rec.ID)
	case err != nil || len(date) != 8:
		ps.errorf(name, line, "record %s: date %q is not YYYYMMDD", rec.ID, date)
	default:
		rec.Date = d
	}
	return rec
}

// eventCoding reads one <EventCoding> into rec.
func eventCoding(t xml.StartElement, rec *Record, name string, line int, ps *problems) {
	var c Coding
	var has [3]bool
	for _, a := range t.Attr {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "noevents":
			rec.NoEvents = true
			return
		case "error":
			if v == "" {
				ps.errorf(name, line, "<EventCoding error> is empty")
			}
			rec.NoEvents, rec.ExpectError = true, v
			return
		case "sourcecode":
			c.Source, has[0] = v, v != ""
		case "targetcode":
			c.Target, has[1] = v, v != ""
		case "eventcode":
			c.Code, has[2] = v, v != ""
		}
	}
	if !has[0] || !has[1] || !has[2] {
		ps.errorf(name, line, "<EventCoding> needs sourcecode, targetcode and eventcode, or noevents or error")
		return
	}
	rec.Expect = append(rec.Expect, c)
}

// configAttrs reads a <Config option value>.
func configAttrs(t xml.StartElement, name string, line int, ps *problems) (k, v string, ok bool) {
	for _, a := range t.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "option":
			k = strings.TrimSpace(a.Value)
		case "value":
			v = strings.TrimSpace(a.Value)
		}
	}
	if k == "" {
		ps.errorf(name, line, "<Config> has no option")
		return "", "", false
	}
	return k, v, true
}

// lastLine returns the last line of s, trimmed of blanks.
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimSpace(s)
}

// joinLines joins the lines of s, each trimmed, with single blanks.
func joinLines(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lineOf returns the line of a "file:line" position.
func lineOf(p string) int {
	i := strings.LastIndexByte(p, ':')
	n := 0
	for _, c := range p[i+1:] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
