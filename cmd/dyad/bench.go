package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"dyad/internal/bench"
	"dyad/internal/corpus"
	"dyad/internal/ingest"
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
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad bench [flags]\n\nCodes a generated corpus (or --input) on one core with every stage on and reports\narticles/s, sentences/s and tokens/s, load time and peak memory.\n\nFlags:")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print one JSON line")
	input := fs.String("input", "", "code these articles (any path dyad code reads) instead of a generated corpus")
	n := fs.Int("corpus", 200, "generate `N` articles when no --input is given")
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
			articles = append(articles, g.Article(12))
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
	if rep.Result, err = bench.Run(ctx, p.Process, articles, *repeat); err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return 1
	}
	rep.PeakRSSMB = peakRSSMB()
	if *asJSON {
		b, _ := json.Marshal(rep)
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(stdout, "%s ×%d on 1 core: %d articles, %d sentences, %d tokens, %d events in %.2fs\n",
		rep.Input, rep.Repeat, rep.Articles, rep.Sentences, rep.Tokens, rep.Events, rep.Seconds)
	fmt.Fprintf(stdout, "  %.0f articles/s  %.0f sentences/s  %.0f tokens/s  load %.2fs  peak RSS %.0f MB\n",
		rep.ArticlesPerSec, rep.SentencesPerSec, rep.TokensPerSec, rep.LoadSeconds, rep.PeakRSSMB)
	return 0
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
