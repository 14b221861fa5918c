"""Command line of the demo generator: `python -m demo sample --out DIR [--seed N] [--scale X] [--kota N]
[--per-kota]` writes a synthetic source folder (labelled synthetic) that `python -m etl load` reads.

Exit status: 0 when the folder is written, 2 when the request cannot be met (the message says why).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from demo.writer import write_sample
from settings import DEFAULT_SAMPLE_DIR

EXIT_BAD_REQUEST = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m demo", description="Data contoh (sintetis) pembinaan ASN.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_sample = sub.add_parser("sample", help="tulis folder data contoh (sintetis)")
    p_sample.add_argument("--out", type=Path, default=DEFAULT_SAMPLE_DIR)
    p_sample.add_argument("--seed", type=int, default=42)
    p_sample.add_argument("--scale", type=float, default=1.0)
    p_sample.add_argument(
        "--kota", type=int, default=4, help="jumlah kota: 4 kota contoh (bawaan) sampai 98 (seluruh kota di Indonesia)"
    )
    p_sample.add_argument(
        "--per-kota", action="store_true", help="file tersendiri per kota (peserta_pontianak.csv), seperti kiriman kota"
    )
    args = parser.parse_args(argv)
    try:
        counts = write_sample(args.out, seed=args.seed, scale=args.scale, kota=args.kota, per_kota=args.per_kota)
    except ValueError as problem:
        print(f"Data contoh tidak ditulis. {problem}", file=sys.stderr)
        return EXIT_BAD_REQUEST
    print(f"Data contoh (sintetis) ditulis ke {args.out}: {sum(counts.values())} baris di {len(counts)} file.")
    return 0
