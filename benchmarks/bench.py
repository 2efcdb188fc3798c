"""Throughput and memory of `newsextract extract` against bare spaCy on the same texts.

Every measurement is a separate subprocess, so model loading is included and peak RSS
(`os.wait4` rusage: the largest of the process and its workers) is per run.

    python benchmarks/bench.py [--n 240] [--repeats 5] [--no-flat]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BARE = """
import sys, spacy
from pathlib import Path
from newsextract.articles import find_article_files, read_article
from newsextract.config import DEFAULT_MODEL
nlp = spacy.load(DEFAULT_MODEL)
texts = (read_article(p).text for p in find_article_files([Path(sys.argv[1])]))
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def make_corpus(dest: Path, n: int, source: Path = CORPUS) -> list[Path]:
    """Write n articles cycled from `source`: round r rotates the body paragraphs after the
    first by r, so repeated texts differ (no cache can help) while staying realistic."""
    sources = sorted(source.glob("*.txt"))
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        header, _, body = src.read_text(encoding="utf-8").partition("\n\n")
        paras = [p for p in body.strip("\n").split("\n") if p.strip()]
        rest = paras[1:]
        shift = (i // len(sources)) % max(1, len(rest))
        paras = paras[:1] + rest[shift:] + rest[:shift]
        path = dest / f"{src.stem}-{i:05d}.txt"
        path.write_text(header + "\n\n" + "\n".join(paras) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def count_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").partition("\n\n")[2].split())
               for p in folder.glob("*.txt"))


@dataclass
class Run:
    name: str
    wall: float
    peak_mb: float
    articles: int = 0
    words: int = 0


def measure(name: str, cmd: list[str], articles: int = 0, words: int = 0) -> Run:
    """Wall time of one run; peak RSS from the child's own rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed ({proc.returncode}): {err[-2000:]}")
    return Run(name, wall, usage.ru_maxrss / 1024, articles, words)


def best_of(jobs: list[tuple[str, list[str], dict]], repeats: int) -> list[Run]:
    """The fastest of `repeats` runs of each job, run in rounds (bare, pipeline, bare, ...)
    so that a slow or fast spell of a shared machine falls on all of them alike."""
    best: dict[str, Run] = {}
    for _ in range(repeats):
        for name, cmd, size in jobs:
            run = measure(name, cmd, **size)
            if name not in best or run.wall < best[name].wall:
                best[name] = run
    return [best[name] for name, _, _ in jobs]


def newsextract_cmd(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("newsextract")
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else
            ["-m", "newsextract.cli"]), *args]


def run_all(n: int, repeats: int = 1, flat: bool = True) -> tuple[list[Run], dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="newsextract-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        make_corpus(corpus, n)
        words = count_words(corpus)
        size = dict(articles=n, words=words)
        runs = best_of([
            ("newsextract --help", newsextract_cmd("--help"), {}),
            ("bare spaCy nlp.pipe", [sys.executable, "-c", BARE, str(corpus)], size),
            ("newsextract n_process=1",
             newsextract_cmd("extract", str(corpus), "--out", str(tmp / "o1"), "--quiet"), size),
            ("newsextract n_process=2",
             newsextract_cmd("extract", str(corpus), "--out", str(tmp / "o2"), "--quiet",
                             "--n-process", "2"), size),
        ], repeats)
        by = {r.name: r for r in runs}
        one, two, bare = by["newsextract n_process=1"], by["newsextract n_process=2"], by["bare spaCy nlp.pipe"]
        ratios = {"pipeline/bare wall (target <= 1.2)": one.wall / bare.wall,
                  "n_process=2 speed-up (target >= 1.6)": one.wall / two.wall}
        if flat:
            big = tmp / "corpus10"
            make_corpus(big, 10 * n)
            run10 = measure(f"newsextract n_process=1, {10 * n} articles",
                            newsextract_cmd("extract", str(big), "--out", str(tmp / "o10"), "--quiet"),
                            10 * n, count_words(big))
            runs.append(run10)
            ratios["peak RSS 10xN / N (target <= 1.2)"] = run10.peak_mb / one.peak_mb
    return runs, ratios


def table(runs: list[Run], ratios: dict[str, float]) -> str:
    lines = [f"{'run':<38} {'words/s':>8} {'articles/s':>10} {'wall s':>7} {'peak MB':>8}",
             "-" * 75]
    for r in runs:
        rate = (f"{r.words / r.wall:>8.0f} {r.articles / r.wall:>10.1f}" if r.articles
                else f"{'':>8} {'':>10}")
        lines.append(f"{r.name:<38} {rate} {r.wall:>7.2f} {r.peak_mb:>8.0f}")
    lines.append("")
    lines += [f"{k:<45} {v:>6.2f}" for k, v in ratios.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", 240)))
    parser.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 5)))
    parser.add_argument("--no-flat", dest="flat", action="store_false",
                        help="Skip the 10xN memory-flatness run.")
    args = parser.parse_args()
    runs, ratios = run_all(args.n, args.repeats, args.flat)
    print(f"{args.n} articles from {CORPUS}, best of {args.repeats}, {os.cpu_count()} CPUs")
    print(table(runs, ratios))


if __name__ == "__main__":
    main()
