"""Build benchmark: a clean build, a build with nothing changed, and one after editing one record.

``python benchmarks/bench_build.py [--counts 2000,5000] [--jobs 2] [--work DIR]``

For each count N: generates N records with ``benchmarks/corpus.py`` (seed 1;
the first N records of a larger corpus are the N-record corpus), then runs
``tei-encoder build CORPUS --out SITE --quiet --jobs J`` three times, each as a
subprocess of a fresh helper (bench_convert.py's, so ``ru_maxrss`` is the
largest single process of that run), while a sampler adds up the RSS of the
whole process tree (workers included) every 50 ms:

1. clean: an empty output folder;
2. unchanged: the same sources again (only hashing and the manifest);
3. edit one: one record in the middle of the corpus gets a sentence more.

With ``--repeat N`` the unchanged and edit-one builds run N times each, alternating (each edit appends to
the same record again), and their medians are printed.

It prints per run the wall seconds, the CPU seconds of the build and its
children (workers, Pagefind: the figure to compare on a loaded machine), the peak RSS of the process tree and of
the largest process, and after the clean build the number of HTML files and
the largest one (bytes and name). The edit-one time is also given as a ratio
of the clean build of the same run (the machine may be shared: compare ratios).
Targets (issue 12): edit one at 10,000 records < 2 s on 2 cores; no HTML file
over 1 MB; peak memory flat as N grows. Standard library only; never fails.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_convert  # noqa: E402  (sibling module: the helper and the process-tree sampler)
import corpus  # noqa: E402
import replicate_site  # noqa: E402

MB = 1024 * 1024


def run_build(encoder: list[str], source: Path, out: Path, jobs: int,  # type: ignore[type-arg]
              extra: tuple[str, ...] = ()) -> dict:
    command = [*encoder, "build", str(source), "--out", str(out), "--quiet", "--jobs", str(jobs), *extra]
    helper = subprocess.Popen([sys.executable, "-c", bench_convert._HELPER, json.dumps(command)],
                              stdout=subprocess.PIPE)
    sampler = bench_convert.TreeSampler(helper.pid)
    sampler.start()
    stdout, _ = helper.communicate()
    sampler.stop()
    report = json.loads(stdout)
    report["tree_rss"] = sampler.peak
    return report


def largest_page(site: Path) -> tuple[int, int, str]:
    pages = [(page.stat().st_size, page.relative_to(site).as_posix()) for page in site.rglob("*.html")]
    size, name = max(pages)
    return len(pages), size, name


def ensure_corpus(folder: Path, count: int) -> None:
    have = sum(1 for _ in folder.glob("*.txt")) if folder.exists() else 0
    if have == count:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in corpus.generate(count, 1):
        (folder / name).write_bytes(data)


def edit_one(folder: Path) -> Path:
    records = sorted(folder.glob("*.txt"))
    record = records[len(records) // 2]
    record.write_bytes(record.read_bytes() + b"\n\nA sentence added for the benchmark.\n")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="2000", help="corpus sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="keep corpora and sites here (reused next time)")
    parser.add_argument("--encoder", help="the command to run (default: .venv/bin/tei-encoder)")
    parser.add_argument("--no-search", action="store_true", help="build without Pagefind")
    parser.add_argument("--from-site", type=Path, metavar="SITE",
                        help="instead of a clean build, copy this real build (with --from-source, its records) "
                             "up to each count (replicate_site.py) and time a first build over the copy (settle)")
    parser.add_argument("--from-source", type=Path, metavar="FOLDER")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run the unchanged and edit-one builds N times each (an edit appends to the same "
                             "record again) and print their medians (default: %(default)s)")
    args = parser.parse_args(argv)
    options = ("--no-search",) if args.no_search else ()
    encoder = bench_convert._encoder_command(args.encoder)
    work = args.work or Path(tempfile.mkdtemp(prefix="tei-bench-build-"))
    print(f"{'records':>8} {'run':<10} {'seconds':>8} {'vs clean':>8} {'CPU s':>7} {'tree MB':>8} {'largest MB':>10} "
          f"{'HTML files':>10} {'largest page':>12}  (jobs {args.jobs})")
    try:
        for count in (int(value) for value in args.counts.split(",")):
            source, site = work / f"corpus-{count}", work / f"site-{count}"
            first = "clean"
            if args.from_site:
                base = sum(1 for _ in args.from_source.glob("*.txt"))
                replicate_site.replicate(args.from_source, args.from_site, -(-count // base), source, site)
                if args.no_search:  # the copy of a build with search, as if built without: nothing to rebuild
                    replicate_site.without_search(site)
                first = "settle"
            else:
                ensure_corpus(source, count)
                shutil.rmtree(site, ignore_errors=True)
            clean = None
            runs: dict[str, list[tuple[float, float]]] = {}
            for label in (first, *("unchanged", "edit one") * max(1, args.repeat)):
                if label == "edit one":
                    edit_one(source)
                report = run_build(encoder, source, site, args.jobs, options)
                clean = clean or report["seconds"]
                runs.setdefault(label, []).append((report["seconds"], report["user"] + report["sys"]))
                extra = ""
                if label == first:
                    pages, size, name = largest_page(site)
                    extra = f"{pages:>10} {size / MB:>9.3f} MB {name}"
                print(f"{count:>8} {label:<10} {report['seconds']:>8.2f} {report['seconds'] / clean:>8.3f} "
                      f"{report['user'] + report['sys']:>7.2f} "
                      f"{report['tree_rss'] / MB:>8.0f} {report['maxrss'] / MB:>10.0f} {extra}"
                      + (f"  rc={report['rc']}: {report['stderr'][-300:]}" if report["rc"] not in (0, 1) else ""),
                      flush=True)
            if args.repeat > 1:
                for label in ("unchanged", "edit one"):
                    walls, cpus = zip(*runs[label])
                    print(f"{count:>8} {label:<10} median of {len(walls)}: {statistics.median(walls):.2f} s wall, "
                          f"{statistics.median(cpus):.2f} CPU s (CPU s: {', '.join(f'{cpu:.2f}' for cpu in cpus)})",
                          flush=True)
            if not args.work and not args.from_site:
                shutil.rmtree(source, ignore_errors=True)  # corpus-N is regenerated; edited once already
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
