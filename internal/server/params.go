package server

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"dyad/internal/store"
)

// params reads a request's query parameters, keeping the first problem.
type params struct {
	v    url.Values
	used map[string]bool
	err  error
}

// parseParams parses the query; on a malformed one it answers 400 and
// returns false.
func parseParams(w http.ResponseWriter, r *http.Request) (*params, bool) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, "malformed query string: "+err.Error())
		return nil, false
	}
	return &params{v: v, used: map[string]bool{}}, true
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("parameter %s: %s", name, fmt.Sprintf(format, args...))
	}
}

// str is the parameter's value ("" when absent), checked for length and,
// when re is not nil, for form (what says what form, for the message).
func (p *params) str(name string, re *regexp.Regexp, what string) string {
	p.used[name] = true
	vs, ok := p.v[name]
	if !ok {
		return ""
	}
	if len(vs) > 1 {
		p.fail(name, "given %d times, want once", len(vs))
		return ""
	}
	s := strings.TrimSpace(vs[0])
	switch {
	case len(s) > maxValue:
		p.fail(name, "too long: at most %d bytes", maxValue)
		return ""
	case s != "" && re != nil && !re.MatchString(s):
		p.fail(name, "%q is not %s", s, what)
		return ""
	}
	return s
}

// integer is the parameter as an integer within lo..hi, def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	s := p.str(name, nil, "")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail(name, "%q is not an integer", s)
		return def
	}
	if n < lo || n > hi {
		p.fail(name, "%d is out of range %d..%d", n, lo, hi)
		return def
	}
	return n
}

// limit is the limit parameter, capped at store.MaxLimit.
func (p *params) limit() int {
	n := p.integer("limit", store.DefaultLimit, 1, math.MaxInt32)
	return min(n, store.MaxLimit)
}

// bbox is the bbox parameter (minLon,minLat,maxLon,maxLat), nil when absent.
func (p *params) bbox() *store.BBox {
	s := p.str("bbox", nil, "")
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		p.fail("bbox", "%q: want minLon,minLat,maxLon,maxLat", s)
		return nil
	}
	var f [4]float64
	for i, part := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			p.fail("bbox", "%q is not a number", part)
			return nil
		}
		f[i] = v
	}
	b := store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
	if err := b.Check(); err != nil {
		p.fail("bbox", "%v", err)
		return nil
	}
	return &b
}

// done answers 400 and returns false when a parameter was bad or unknown.
func (p *params) done(w http.ResponseWriter) bool {
	if p.err == nil {
		var unknown []string
		for name := range p.v {
			if !p.used[name] {
				unknown = append(unknown, name)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			known := make([]string, 0, len(p.used))
			for name := range p.used {
				known = append(known, name)
			}
			sort.Strings(known)
			p.err = fmt.Errorf("unknown parameter %q (this endpoint takes: %s)", unknown[0], strings.Join(known, ", "))
			if len(known) == 0 {
				p.err = fmt.Errorf("unknown parameter %q (this endpoint takes none)", unknown[0])
			}
		}
	}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return false
	}
	return true
}

// Forms of parameter values.
var (
	actorCode   = regexp.MustCompile(`^[A-Za-z0-9]{1,40}$`)
	countryCode = regexp.MustCompile(`^[A-Za-z]{3}$`)
	cameoCode   = regexp.MustCompile(`^[0-9]{2,4}[0-9A-Z]?$`)
	cameoRoot   = regexp.MustCompile(`^[0-9]{2}$`)
	isoDate     = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	sortOrder   = regexp.MustCompile(`^(date|-date|mentions)$`)
	modality    = regexp.MustCompile(`^(asserted|negated|hypothetical|future)$`)
	interval    = regexp.MustCompile(`^(day|week|month)$`)
)
