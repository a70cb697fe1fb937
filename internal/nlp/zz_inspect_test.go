package nlp

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

func TestZZInspect(t *testing.T) {
	var classes []string
	var tags map[string]string
	var w map[string]map[string]float64
	for name, v := range map[string]any{"classes.gob": &classes, "tags.gob": &tags, "weights.gob": &w} {
		b, err := prose.Asset("model/AveragedPerceptron/" + name)
		if err != nil { t.Fatal(err) }
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil { t.Fatal(err) }
	}
	fmt.Println(len(classes), classes)
	fmt.Println(len(tags), len(w))
	n := 0
	prefixes := map[string]int{}
	for k, m := range w { n += len(m); 
		for _, p := range []string{"bias","i suffix","i pref1","i-1 tag+i word","i-1 tag","i-2 tag","i tag+i-2 tag","i word","i-1 word","i-1 suffix","i-2 word","i+1 word","i+1 suffix","i+2 word"} {
			if strings.HasPrefix(k, p+" ") || k == p { prefixes[p]++; break }
		}
	}
	fmt.Println("entries", n, prefixes)
	for _, k := range []string{"``", "''", "\"", "n't", "'s", "'", "(", ")", "-LRB-", "--", "-", ":", "...", ",", ".", "$", "%", "said", "the", "'re", "'ll", "ca", "wo", "'m", "'ve", "'d", "...", "…", "—", "–", "“", "”", "&", "?", "!", ";", "#", "{", "[", "-RRB-"} {
		fmt.Printf("%q tag=%q iword=%v\n", k, tags[k], w["i word "+k])
	}
	var ks []string
	for k := range w { if strings.HasPrefix(k, "i word ") && !strings.ContainsAny(k[7:], "abcdefghijklmnopqrstuvwxyz0123456789") { ks = append(ks, k) } }
	sort.Strings(ks); fmt.Printf("%q\n", ks)
	fmt.Println(w["bias"])
	var ks2 []string
	for k := range w { if strings.HasPrefix(k, "i pref1 ") { ks2 = append(ks2, k) } }
	sort.Strings(ks2); fmt.Printf("%q\n", ks2)
}
