"""Synthetic article extractions at scale, and the time and peak memory of merging them.

    python bench/synthetic.py                      # 10,000 articles in a temporary folder
    python bench/synthetic.py --articles 500 --out /tmp/syn    # kept in /tmp/syn

The extractions come from tests/support/synthetic.py. The merge runs as `python -m armstrace
merge --out DIR` in a child process, so its wall time and peak resident memory (ru_maxrss of
the child) are the command's own.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the helpers' package, support

from support.synthetic import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, help="Folder to write to and keep (default: a temporary one).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch) / "synthetic"
        started = time.perf_counter()
        generate(out, args.articles)
        print(f"generated {args.articles} extractions in {time.perf_counter() - started:.1f} s: {out}")
        started = time.perf_counter()
        merged = subprocess.run([sys.executable, "-m", "armstrace", "merge", "--out", str(out)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if merged.returncode != 0:
            sys.exit(merged.stderr)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        print(merged.stderr.strip())
        print(f"merge: {seconds:.1f} s wall, peak resident memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
