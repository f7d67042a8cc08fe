package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A sample is one timed run: wall time, CPU time (user + system) and the
// peak resident set of the process and the children it waited for (go list,
// or the compiler and vet tool under go vet), as wait4 reports them. CPU time
// suffers less than wall time from other load on the machine.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

// measure runs name with args in dir (extra environment appended) and
// returns its sample and standard output; a non-zero exit is an error.
func measure(dir string, env []string, name string, args ...string) (sample, []byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, nil, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(shorten(args), " "), err, lastLines(stderr.String(), 20))
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	if runtime.GOOS == "darwin" { // bytes there, KiB on Linux
		rss /= 1024
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return sample{wall, cpu, rss}, stdout.Bytes(), nil
}

// shorten elides a long package list in an error message.
func shorten(args []string) []string {
	if len(args) <= 8 {
		return args
	}
	return append(slices.Clip(args[:6]), fmt.Sprintf("... (%d more)", len(args)-6))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// A series is the samples of one tool on one set of packages.
type series struct {
	tool    string
	samples []sample
}

func (s series) minWall() time.Duration {
	return slices.Min(s.durations(func(x sample) time.Duration { return x.wall }))
}

func (s series) medianWall() time.Duration {
	return median(s.durations(func(x sample) time.Duration { return x.wall }))
}

func (s series) minCPU() time.Duration {
	return slices.Min(s.durations(func(x sample) time.Duration { return x.cpu }))
}

func (s series) medianRSS() int64 {
	rss := make([]int64, len(s.samples))
	for i, x := range s.samples {
		rss[i] = x.rssKB
	}
	return median(rss)
}

func (s series) durations(of func(sample) time.Duration) []time.Duration {
	d := make([]time.Duration, len(s.samples))
	for i, x := range s.samples {
		d[i] = of(x)
	}
	return d
}

// paired returns the median, over repetitions, of the ratio of s's sample
// to o's sample of the same repetition. Both ran within one repetition, a
// minute apart at most, so a load from other processes that lasts longer
// than that weighs on both: the ratio varies less than a ratio of minima.
func (s series) paired(o *series, of func(sample) float64) float64 {
	var ratios []float64
	for i := range min(len(s.samples), len(o.samples)) {
		if d := of(o.samples[i]); d > 0 {
			ratios = append(ratios, of(s.samples[i])/d)
		}
	}
	if len(ratios) == 0 {
		return 0
	}
	slices.Sort(ratios)
	n := len(ratios)
	if n%2 == 1 {
		return ratios[n/2]
	}
	return (ratios[n/2-1] + ratios[n/2]) / 2
}

func median[T time.Duration | int64](xs []T) T {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
