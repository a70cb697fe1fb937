package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"dyad/internal/bench"
	"dyad/internal/corpus"
	"dyad/internal/ingest"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

// benchReport is what dyad bench prints with --json.
type benchReport struct {
	bench.Result
	Input       string  `json:"input"`
	Repeat      int     `json:"repeat"`
	LoadSeconds float64 `json:"load_seconds"`
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	Cores       int     `json:"cores"`
	// CPUSeconds is the CPU time the coding run took (user and system, from
	// /proc; 0 elsewhere), and ArticlesPerCPUSec the articles coded per
	// CPU-second: unlike the wall-clock rates, not lowered by other
	// processes competing for the core.
	CPUSeconds        float64 `json:"cpu_seconds"`
	ArticlesPerCPUSec float64 `json:"articles_per_cpu_sec"`
	// Store is the run with storage (--store): every article coded again
	// and stored into a new SQLite database, on the same one core.
	Store *benchStore `json:"store,omitempty"`
}

// benchStore is the run with storage, as dyad bench --store reports it.
type benchStore struct {
	bench.StoreResult
	Ratio             float64 `json:"ratio"` // articles per CPU-second with storage ÷ without (wall-clock rates when CPU time is unknown)
	CPUSeconds        float64 `json:"cpu_seconds"`
	ArticlesPerCPUSec float64 `json:"articles_per_cpu_sec"`
	DBMB              float64 `json:"db_mb"` // the database's size on disk, WAL included
	PeakRSSMB         float64 `json:"peak_rss_mb"`
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad bench [flags]\n\nCodes a generated corpus (or --input) on one core with every stage on and reports\narticles/s, sentences/s and tokens/s, load time and peak memory; with --store,\ncodes it again storing every article into a temporary SQLite database, as dyad\ningest does, and reports the throughput with storage.\n\nFlags:")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print one JSON line")
	input := fs.String("input", "", "code these articles (any path dyad code reads) instead of a generated corpus")
	n := fs.Int("corpus", 200, "generate `N` articles when no --input is given (one in ten a syndicated copy of an earlier one)")
	write := fs.String("write", "", "write the generated corpus to `FILE` as JSON Lines (for dyad ingest) and exit")
	withStore := fs.Bool("store", false, "also code and store the articles into a temporary SQLite database and report that throughput")
	repeat := fs.Int("repeat", 1, "code the input `N` times")
	petrarch := fs.String("petrarch-dicts", "", "code events with PETRARCH dictionaries in `DIR`")
	tabari := fs.String("tabari-project", "", "code events with a TABARI .project `FILE`")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the coding run to `FILE`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one core, as reported; restored after

	var articles []news.Article
	name := fmt.Sprintf("generated:%d", *n)
	if *input != "" {
		name = *input
		err := ingest.Read(ctx, []string{*input}, nil, ingest.Options{}, func(r ingest.Record) error {
			if r.Err != nil {
				fmt.Fprintf(stderr, "dyad bench: %v\n", r.Err)
				return nil
			}
			articles = append(articles, r.Article)
			return nil
		})
		if err != nil || len(articles) == 0 {
			fmt.Fprintf(stderr, "dyad bench: no articles read from %s (%v)\n", *input, err)
			return 1
		}
	} else {
		g := corpus.New(1)
		for range *n {
			articles = append(articles, g.Next(12))
		}
		if *write != "" {
			if err := writeJSONL(*write, articles); err != nil {
				fmt.Fprintf(stderr, "dyad bench: %v\n", err)
				return 1
			}
			return 0
		}
	}

	start := time.Now()
	p, err := pipeline.New(pipeline.Config{KeepTokens: true, PetrarchDicts: *petrarch, TabariProject: *tabari})
	if err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return 2
	}
	rep := benchReport{Input: name, Repeat: *repeat, LoadSeconds: time.Since(start).Seconds(), Cores: 1}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "dyad bench: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "dyad bench: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	cpu0 := cpuSeconds()
	if rep.Result, err = bench.Run(ctx, p.Process, articles, *repeat); err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return 1
	}
	if rep.CPUSeconds = cpuSeconds() - cpu0; rep.CPUSeconds > 0 {
		rep.ArticlesPerCPUSec = float64(rep.Articles) / rep.CPUSeconds
	}
	rep.PeakRSSMB = peakRSSMB()
	if *withStore {
		without := rep.ArticlesPerSec
		if rep.ArticlesPerCPUSec > 0 {
			without = rep.ArticlesPerCPUSec
		}
		if rep.Store, err = benchWithStore(ctx, p, articles, without); err != nil {
			fmt.Fprintf(stderr, "dyad bench: %v\n", err)
			return 1
		}
	}
	if *asJSON {
		b, _ := json.Marshal(rep)
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(stdout, "%s ×%d on 1 core: %d articles, %d sentences, %d tokens, %d events in %.2fs\n",
		rep.Input, rep.Repeat, rep.Articles, rep.Sentences, rep.Tokens, rep.Events, rep.Seconds)
	fmt.Fprintf(stdout, "  %.0f articles/s  %.0f sentences/s  %.0f tokens/s  (%.0f articles per CPU-second)  load %.2fs  peak RSS %.0f MB\n",
		rep.ArticlesPerSec, rep.SentencesPerSec, rep.TokensPerSec, rep.ArticlesPerCPUSec, rep.LoadSeconds, rep.PeakRSSMB)
	if st := rep.Store; st != nil {
		fmt.Fprintf(stdout, "  with storage: %d articles (%d copies) in %.2fs, %.2fs storing: %.0f articles/s  %.0f sentences/s  (%.0f articles per CPU-second, %.2f× without)  database %.0f MB  peak RSS %.0f MB\n",
			st.Articles, st.Copies, st.Seconds, st.SaveSeconds, st.ArticlesPerSec, st.SentencesPerSec, st.ArticlesPerCPUSec, st.Ratio, st.DBMB, st.PeakRSSMB)
	}
	return 0
}

// benchWithStore codes the articles again, storing them in batches as dyad
// ingest does into a new database in a temporary directory, removed after.
func benchWithStore(ctx context.Context, p *pipeline.Pipeline, articles []news.Article, without float64) (*benchStore, error) {
	dir, err := os.MkdirTemp("", "dyad-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bench.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	save := func(ctx context.Context, docs []news.Document) (int, error) {
		for i := range docs { // stored as dyad ingest stores them: without tokens
			docs[i].Sentences = slices.Clone(docs[i].Sentences)
			for j := range docs[i].Sentences {
				docs[i].Sentences[j].Tokens, docs[i].Sentences[j].Chunks = nil, nil
			}
		}
		saved, errs := st.SaveArticles(ctx, docs, "")
		copies := 0
		for i, err := range errs {
			if err != nil {
				return copies, err
			}
			if saved[i].DuplicateOf != "" {
				copies++
			}
		}
		return copies, nil
	}
	cpu0 := cpuSeconds()
	r, err := bench.RunStore(ctx, p.Process, save, articles, saveBatch)
	if err != nil {
		return nil, err
	}
	out := &benchStore{StoreResult: r, PeakRSSMB: peakRSSMB(), CPUSeconds: cpuSeconds() - cpu0}
	rate := r.ArticlesPerSec
	if out.CPUSeconds > 0 {
		out.ArticlesPerCPUSec = float64(r.Articles) / out.CPUSeconds
		rate = out.ArticlesPerCPUSec
	}
	if without > 0 {
		out.Ratio = rate / without
	}
	for _, f := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			out.DBMB += float64(fi.Size()) / (1 << 20)
		}
	}
	return out, nil
}

// peakRSSMB reads the process's peak resident set size from /proc (Linux);
// 0 where that is not available.
func peakRSSMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// cpuSeconds is the CPU time (user and system) this process has used, read
// from /proc/self/stat (Linux, in clock ticks of 1/100 s); 0 where that is
// not available.
func cpuSeconds() float64 {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: fields count from
	// after its closing parenthesis, where field 3 (state) is the first.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	utime, err1 := strconv.ParseFloat(f[11], 64)
	stime, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return (utime + stime) / 100
}

// writeJSONL writes articles to path as JSON Lines records dyad ingest reads.
func writeJSONL(path string, articles []news.Article) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, a := range articles {
		rec := map[string]string{"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title,
			"published": a.Published, "text": string(a.Body)}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
