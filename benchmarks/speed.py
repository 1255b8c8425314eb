"""Issue 13's speed targets, measured side by side in one run on this machine.

    python benchmarks/speed.py [--corpus DIR] [--quick] [--jobs N]

The corpora come from ``../shared/corpus`` (beside the repository; or
``$DOCLINT_CORPUS_DIR``, or ``--corpus DIR``): the four-locale tarball is laid
out as a doclint project, ``docs_src/`` for English and ``locales/<locale>/``
for the translations, in a temporary directory, and so is the paired corpus.
``--corpus`` may also name a directory already laid out that way (such as the
repository itself, for the shipped pages). Without any corpus the script
says so and exits 0.

Every figure is a ratio to a baseline measured in the same run, because the
machine (2 cores shared with other work) is noisy; the load average before and
after is printed so that a reader can judge a figure. Rows:

- cold ``doclint check`` (every rule, the full v1.0 CSDL, all pair rules, no
  cache) against one process of ``MarkdownIt("commonmark").enable("table").parse``
  over the same files (target at most 0.5x);
- the same check again with nothing changed, against cold (at most 0.05x), and
  after one English page changed (at most 0.1x, and the same findings as a cold
  run): these need the result cache (``--no-cache``); until ``doclint check
  --help`` lists it, the rows say so;
- the one-file pre-commit check of ``locales/ru-RU/beta/api/call-reject.md``
  from the repository root against ``python -c "import markdown_it,
  jsonschema"``, bytecode caches warm, interleaved, median (at most 1.2x);
- the peak resident memory of the largest process of a cold run (at most 400 MB),
  from ``wait4``'s resource usage, which covers the worker processes too;
- scaling: time per page on 25, 50 and 100 % of the English-page groups (the
  largest at most 1.2x the smallest), and ``--jobs 2`` against ``--jobs 1``
  (at least 1.7x);
- the paired corpus (21,162 pages, v1.0 and beta): cold against the parse, and
  the re-run.

``--quick`` takes one group in eight of the four-locale corpus, fewer
repetitions, and skips the paired corpus: a check that the script works, not
a measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOUR_LOCALES = "graph-v1.0-api-4locales.tar.gz"
PAIRED = "graph-2021-paired.tar.xz"
ENGLISH = "en-US"
ONE_FILE = "locales/ru-RU/beta/api/call-reject.md"
PARSE_SCRIPT = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
parser = MarkdownIt("commonmark").enable("table")
for name in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    parser.parse(Path(name).read_text(encoding="utf-8", errors="replace"))
"""


def corpus_directory(given: str | None) -> Path:
    """Where the tarballs (or a laid-out project) are: ``--corpus``, ``$DOCLINT_CORPUS_DIR``, ``../shared/corpus``."""
    if given:
        return Path(given)
    if os.environ.get("DOCLINT_CORPUS_DIR"):
        return Path(os.environ["DOCLINT_CORPUS_DIR"])
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


class Run:
    """One finished child process: wall and CPU seconds, peak memory of its largest process, exit status."""

    def __init__(self, wall: float, cpu: float, peak_mb: float, status: int) -> None:
        self.wall, self.cpu, self.peak_mb, self.status = wall, cpu, peak_mb, status


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command``; ``wait4`` gives its resource usage with that of the children it waited for."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode not in (0, 1):
        print(f"  ! {' '.join(command[:6])} ... exited {process.returncode}: {errors.strip()[-500:]}")
    # ru_maxrss is in KiB on Linux: the largest of the process and each descendant it waited for.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def lay_out(archive: Path, target: Path, keep: int = 1) -> int:
    """Unpack ``<locale>/api-reference/<version>/api/x.md`` as docs_src/ and locales/; return the page count.

    With ``keep`` above 1, only every ``keep``-th English page's group (the page and its translations).
    """
    count = 0
    with tarfile.open(archive) as tar:
        for member in tar:
            name = member.name.removeprefix("./")
            parts = name.split("/")
            if not member.isfile() or not name.endswith(".md") or len(parts) < 3:
                continue
            locale, relative = parts[0], "/".join(parts[2:]) if parts[1] == "api-reference" else "/".join(parts[1:])
            if keep > 1 and hash_of(relative) % keep:
                continue
            destination = target / ("docs_src" if locale == ENGLISH else f"locales/{locale}") / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            handle = tar.extractfile(member)
            if handle is not None:
                destination.write_bytes(handle.read())
                count += 1
    (target / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    return count


def hash_of(text: str) -> int:
    """A stable small hash (Python's ``hash`` of a string changes from run to run)."""
    value = 0
    for char in text:
        value = (value * 131 + ord(char)) % 1_000_003
    return value


def copy_project(source: Path, target: Path, keep: int = 1) -> int:
    """A laid-out project (docs_src/, locales/, pyproject.toml) copied, optionally one group in ``keep``."""
    count = 0
    for root in ("docs_src", "locales"):
        for path in sorted((source / root).rglob("*")):
            if not path.is_file() or path.suffix not in (".md", ".txt", ".html", ".htm", ".markdown"):
                continue
            relative = path.relative_to(source / root).as_posix()
            group = relative if root == "docs_src" else relative.split("/", 1)[-1]
            if keep > 1 and hash_of(group) % keep:
                continue
            destination = target / root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            count += 1
    shutil.copy2(source / "pyproject.toml", target / "pyproject.toml")
    return count


def subset(project: Path, target: Path, share: int) -> int:
    """Hard links to ``1/share`` of ``project``'s English-page groups: a smaller tree of the same mix."""
    count = 0
    for path in sorted(project.rglob("*.md")):
        relative = path.relative_to(project)
        parts = relative.parts
        group = "/".join(parts[1:]) if parts[0] == "docs_src" else "/".join(parts[2:])
        if hash_of(group) % share:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, destination)
        count += 1
    shutil.copy2(project / "pyproject.toml", target / "pyproject.toml")
    return count


class Bench:
    """The measurements of one corpus and the rows they give."""

    def __init__(self, python: str, jobs: int, repetitions: int, work: Path) -> None:
        self.python = python
        self.jobs = jobs
        self.repetitions = repetitions
        self.work = work
        self.env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        self.env["PYTHONPATH"] = str(REPO)  # the doclint of this checkout, whatever is installed
        self.env.pop("CI", None)
        help_text = subprocess.run(
            [python, "-m", "lint", "check", "--help"], capture_output=True, text=True, env=self.env, cwd=REPO
        ).stdout
        self.has_cache = "--no-cache" in help_text
        self.has_cache_dir = "--cache-dir" in help_text
        self.rows: list[tuple[str, str, str, str]] = []

    def check(self, project: Path, output: Path, *, cache: bool, jobs: int | None = None) -> Run:
        command = [self.python, "-m", "lint", "check", "-q", "--no-progress", "--jobs", str(jobs or self.jobs)]
        command += ["--format", "json", "--output", str(output)]
        if self.has_cache and not cache:
            command.append("--no-cache")
        if self.has_cache_dir:
            command += ["--cache-dir", str(self.work / f"cache-{project.name}")]
        return run(command, project, self.env)

    def parse(self, project: Path) -> Run:
        names = self.work / f"pages-{project.name}.txt"
        names.write_text("\n".join(str(path) for path in sorted(project.rglob("*.md"))), encoding="utf-8")
        return run([self.python, "-c", PARSE_SCRIPT, str(names)], project, self.env)

    def row(self, what: str, figure: str, ratio: float | None, target: str, holds: bool | None) -> None:
        verdict = "n/a" if holds is None else "PASS" if holds else "FAIL"
        ratio_text = "" if ratio is None else f"{ratio:.3f}x"
        self.rows.append((what, figure, ratio_text, f"{target}  {verdict}"))
        print(f"  {what:<44} {figure:<34} {ratio_text:>9}  {target:<10} {verdict}  (load {load()})", flush=True)

    def corpus(self, label: str, project: Path, pages: int, *, full: bool) -> None:
        print(f"\n{label}: {pages:,} pages in {project}", flush=True)
        parse = self.parse(project)
        cold = self.check(project, self.work / "cold.json", cache=False)
        self.row(
            "cold check vs markdown-it parse",
            f"{cold.wall:.1f} s vs {parse.wall:.1f} s (CPU {cold.cpu:.1f} s vs {parse.cpu:.1f} s)",
            cold.wall / parse.wall,
            "<= 0.5x",
            cold.wall / parse.wall <= 0.5,
        )
        self.row(
            "peak memory, largest process (cold)", f"{cold.peak_mb:.0f} MB", None, "<= 400 MB", cold.peak_mb <= 400
        )
        self.cached_rows(project, cold)
        if not full:
            return
        self.scaling_rows(project, cold, pages)

    def cached_rows(self, project: Path, cold: Run) -> None:
        if not self.has_cache:
            for what in ("re-run, nothing changed, vs cold", "re-run after one page changed, vs cold"):
                self.row(what, "no cache (--no-cache unknown)", None, "", None)
            return
        self.check(project, self.work / "fill.json", cache=True)  # fills the cache
        again = self.check(project, self.work / "again.json", cache=True)
        self.row(
            "re-run, nothing changed, vs cold",
            f"{again.wall:.2f} s vs {cold.wall:.1f} s",
            again.wall / cold.wall,
            "<= 0.05x",
            again.wall / cold.wall <= 0.05,
        )
        changed = sorted((project / "docs_src").rglob("*.md"))[len(list((project / "docs_src").rglob("*.md"))) // 2]
        with changed.open("a", encoding="utf-8") as stream:
            stream.write("\nA sentence added by the benchmark.\n")
        after = self.check(project, self.work / "after.json", cache=True)
        self.check(project, self.work / "fresh.json", cache=False)
        same = findings(self.work / "after.json") == findings(self.work / "fresh.json")
        ratio = after.wall / cold.wall
        self.row(
            "re-run after one page changed, vs cold",
            f"{after.wall:.2f} s; findings {'equal' if same else 'DIFFER from'} cold",
            ratio,
            "<= 0.1x",
            ratio <= 0.1 and same,
        )

    def scaling_rows(self, project: Path, cold: Run, pages: int) -> None:
        per_page = {100: cold.wall / pages}
        for share, percent in ((4, 25), (2, 50)):
            part = self.work / f"part-{percent}"
            count = subset(project, part, share)
            timed = self.check(part, self.work / f"part-{percent}.json", cache=False)
            per_page[percent] = timed.wall / count
            shutil.rmtree(part)
        spread = max(per_page.values()) / min(per_page.values())
        figure = ", ".join(f"{percent}%: {seconds * 1000:.2f} ms" for percent, seconds in sorted(per_page.items()))
        self.row("time per page at 25/50/100 %", figure, spread, "<= 1.2x", spread <= 1.2)
        one = self.check(project, self.work / "one-job.json", cache=False, jobs=1)
        speedup = one.wall / cold.wall
        self.row(
            f"--jobs {self.jobs} vs --jobs 1",
            f"{cold.wall:.1f} s vs {one.wall:.1f} s (CPU {cold.cpu:.1f} s vs {one.cpu:.1f} s)",
            speedup,
            ">= 1.7x",
            speedup >= 1.7,
        )
        self.row(
            "peak memory, largest process (--jobs 1)", f"{one.peak_mb:.0f} MB", None, "<= 400 MB", one.peak_mb <= 400
        )

    def one_file(self) -> None:
        """The pre-commit case, from the repository root, against importing doclint's two big dependencies."""
        if not (REPO / ONE_FILE).is_file():
            self.row("one-file pre-commit check", f"{ONE_FILE} not found", None, "", None)
            return
        budget = [self.python, "-c", "import markdown_it, jsonschema"]
        check = [self.python, "-m", "lint", "check", ONE_FILE]
        for command in (budget, check):  # warm the bytecode caches
            run(command, REPO, self.env)
        times: dict[str, list[float]] = {"budget": [], "check": []}
        for _ in range(self.repetitions):
            times["budget"].append(run(budget, REPO, self.env).wall)
            times["check"].append(run(check, REPO, self.env).wall)
        budget_median = statistics.median(times["budget"])
        check_median = statistics.median(times["check"])
        ratio = check_median / budget_median
        self.row(
            "one-file check vs import markdown_it, jsonschema",
            f"{check_median * 1000:.0f} ms vs {budget_median * 1000:.0f} ms (median of {self.repetitions})",
            ratio,
            "<= 1.2x",
            ratio <= 1.2,
        )


def findings(report: Path) -> list[tuple[object, ...]]:
    """A JSON report's findings as sorted tuples: what two runs must agree on."""
    data = json.loads(report.read_text(encoding="utf-8"))
    items = data["findings"] if isinstance(data, dict) else data
    return sorted((item["path"], item["line"], item["column"], item["code"], item["message"]) for item in items)


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--corpus", metavar="DIR", help="the tarballs' directory, or a laid-out doclint project")
    options.add_argument("--quick", action="store_true", help="one group in eight, few repetitions, no paired corpus")
    options.add_argument("--jobs", type=int, default=2, help="worker processes of the timed runs (default: 2)")
    args = options.parse_args()
    directory = corpus_directory(args.corpus)
    laid_out = (directory / "docs_src").is_dir()
    if not laid_out and not (directory / FOUR_LOCALES).is_file():
        print(f"no corpus at {directory} (neither {FOUR_LOCALES} nor docs_src/); set --corpus or DOCLINT_CORPUS_DIR")
        print("skipping the speed benchmark")
        return 0
    print(f"doclint speed benchmark: {os.cpu_count()} cores, load average {load()} (before)")
    print(f"python {sys.version.split()[0]} ({sys.executable}); corpus {directory}; jobs {args.jobs}")
    with tempfile.TemporaryDirectory(prefix="doclint-speed-") as temporary:
        work = Path(temporary)
        bench = Bench(sys.executable, args.jobs, 5 if args.quick else 21, work)
        if not bench.has_cache:
            print("(doclint check has no --no-cache option yet: the cache rows say so)")
        keep = 8 if args.quick and not laid_out else 1
        four = work / "four"
        pages = copy_project(directory, four, keep) if laid_out else lay_out(directory / FOUR_LOCALES, four, keep)
        bench.corpus("four-locale corpus" if not laid_out else "laid-out corpus", four, pages, full=True)
        shutil.rmtree(four)
        bench.one_file()
        if not args.quick and not laid_out:
            if (directory / PAIRED).is_file():
                paired = work / "paired"
                pages = lay_out(directory / PAIRED, paired)
                bench.corpus("paired corpus", paired, pages, full=False)
                shutil.rmtree(paired)
            else:
                print(f"\npaired corpus: {directory / PAIRED} not found; skipped")
    failed = [row for row in bench.rows if row[3].endswith("FAIL")]
    print(f"\n{len(bench.rows)} figures, {len(failed)} off target; load average {load()} (after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
