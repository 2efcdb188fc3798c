"""The `newsextract` command: a thin layer over the library (extract, score)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import DEFAULT_MODEL

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Actors, gifts, dates and claims from news articles, as JSON.")



def fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of .txt files.")],
    out: Annotated[Optional[Path], typer.Option(help="Folder for one <doc_id>.json each.")] = None,
    jsonl: Annotated[Optional[str], typer.Option(help="Write JSON lines to FILE ('-': stdout).")] = None,
    model: Annotated[str, typer.Option(help="Installed spaCy English pipeline.")] = DEFAULT_MODEL,
    published: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD for files without one.")] = None,
    n_process: Annotated[int, typer.Option(min=1, help="Parallel processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1)] = 16,
    skip_existing: Annotated[bool, typer.Option(help="Skip articles already in --out.")] = False,
    errors: Annotated[Optional[Path], typer.Option(help="Write failures as JSON lines.")] = None,
    quiet: Annotated[bool, typer.Option(help="No progress bar or per-article lines.")] = False,
) -> None:
    """Extract every article in PATHS to --out DIR and/or --jsonl FILE."""
    from tqdm import tqdm

    from .articles import find_article_files
    from .batch import Failure, process, read_all, result_json, write_atomic
    from .errors import NewsExtractError
    from .pipeline import load

    if out is None and jsonl is None:
        fail("give --out DIR or --jsonl FILE (or both)")
    missing = [str(p) for p in paths if not p.exists()]
    files = find_article_files([p for p in paths if p.exists()])
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            probe = out / ".newsextract-write-test"
            probe.write_text("")
            probe.unlink()
        except OSError as exc:
            fail(f"cannot write to output folder {out}: {exc.strerror or exc}")
        if skip_existing:
            files = [f for f in files if not (out / f"{f.stem}.json").exists()]
    try:
        nlp = load(model)
    except NewsExtractError as exc:
        fail(str(exc))
    failures = [Failure(p, "no such file or folder") for p in missing]
    sink = None
    if jsonl is not None:
        sink = sys.stdout if jsonl == "-" else open(jsonl, "w", encoding="utf-8")
    ok = 0
    results = process(nlp, read_all(files, published, failures), failures, batch_size, n_process)
    progress = tqdm(results, total=len(files), unit="article", disable=quiet or len(files) < 2,
                    file=sys.stderr)
    try:
        for result in progress:
            ok += 1
            if out is not None:
                write_atomic(out / f"{result.doc_id}.json", result_json(result))
            if sink is not None:
                sink.write(result.model_dump_json() + "\n")
            if not quiet and jsonl != "-":
                progress.write(f"{result.doc_id}: {len(result.actors)} actors, "
                               f"{len(result.gifts)} gifts, {len(result.dates)} dates, "
                               f"{len(result.claims)} claims"
                               + (f" (warning: {'; '.join(result.warnings)})" if result.warnings else ""))
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    for failure in failures:
        typer.secho(f"failed: {failure.source}: {failure.reason}", fg=typer.colors.YELLOW, err=True)
    if errors is not None:
        write_atomic(errors, "".join(f.to_json() + "\n" for f in failures))
    where = f" -> {out}/" if out is not None else ""
    typer.echo(f"{ok} ok, {len(failures)} failed{where}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def score(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <doc_id>.json files.")],
    pred_dir: Annotated[Path, typer.Argument(help="Folder of predicted <doc_id>.json files.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the full report here.")] = None,
    baseline: Annotated[Optional[Path], typer.Option(
        help="Corpus folder of the gold: also score the off-the-shelf baseline on it.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline for the baseline.")] = DEFAULT_MODEL,
    by_rule: Annotated[bool, typer.Option(
        "--by-rule", help="Also count true and false positives by the rule that made them.")] = False,
) -> None:
    """Score predictions against gold (EXTRACTION_SPEC §4) and print the table."""
    from .errors import NewsExtractError
    from .scoring import format_by_rule, format_table, score_dirs, score_results

    try:
        report = score_dirs(gold_dir, pred_dir)
    except NewsExtractError as exc:
        fail(str(exc))
    typer.echo(f"newsextract on {gold_dir}")
    typer.echo(format_table(report))
    if by_rule:
        typer.echo("\n" + format_by_rule(report))
    if json_out is not None:
        from .batch import write_atomic
        write_atomic(json_out, report.to_json())
    if baseline is not None:
        from .articles import find_article_files
        from .baseline import baseline_results
        from .batch import read_all
        from .pipeline import load
        from .scoring import load_dir

        articles = list(read_all(find_article_files([baseline]), None, []))
        base = score_results(load_dir(gold_dir), baseline_results(load(model), articles))
        typer.echo(f"\nbaseline (raw {model} entities + textacy direct_quotations) on {gold_dir}")
        typer.echo(format_table(base))


@app.command()
def show(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of .txt files.")],
    out: Annotated[Path, typer.Option(help="The HTML page to write.")] = Path("report.html"),
    gold: Annotated[Optional[Path], typer.Option(help="Gold folder: mark rows and show scores.")] = None,
    model: Annotated[str, typer.Option(help="Installed spaCy English pipeline.")] = DEFAULT_MODEL,
) -> None:
    """Write one self-contained HTML page to review the extractions of PATHS."""
    from .articles import find_article_files
    from .batch import Failure, process, read_all, write_atomic
    from .errors import NewsExtractError
    from .pipeline import load
    from .review import render_page

    failures: list[Failure] = []
    try:
        nlp = load(model)
        articles = list(read_all(find_article_files(paths), None, failures))
        results = list(process(nlp, articles, failures))
        report = None
        if gold is not None:
            from .scoring import load_dir, score_results
            shown = {r.doc_id for r in results}
            report = score_results([g for g in load_dir(gold) if g.doc_id in shown], results)
    except NewsExtractError as exc:
        fail(str(exc))
    by_id = {r.doc_id: r for r in results}
    pairs = [(a, by_id[a.doc_id]) for a in articles if a.doc_id in by_id]
    try:
        write_atomic(out, render_page(pairs, report))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    for failure in failures:
        typer.secho(f"failed: {failure.source}: {failure.reason}", fg=typer.colors.YELLOW, err=True)
    typer.echo(f"{len(pairs)} articles -> {out}", err=True)
    if failures:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
