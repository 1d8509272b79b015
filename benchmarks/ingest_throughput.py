"""Throughput of extraction (read_document + extract) and of the full ingest into a store.

Generates N documents of ~2,000 characters from templates (random states, officials, dates,
act types), writes them to a temporary folder and prints documents per second for:
  1. read_document + extract (one core, in process);
  2. diplograph.pipeline.ingest into a fresh pyoxigraph store (all documents in one call);
  3. the same ingest again, replacing every document graph (the re-ingest / build path).

    .venv/bin/python benchmarks/ingest_throughput.py [N]      # default N = 500
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

STATES = [("Azerbaijani", "Azerbaijan", "Baku"), ("Georgian", "Georgia", "Tbilisi"), ("Turkish", "Turkey", "Ankara"),
          ("Iranian", "Iran", "Tehran"), ("Kazakh", "Kazakhstan", "Astana"), ("Egyptian", "Egypt", "Cairo"),
          ("Kenyan", "Kenya", "Nairobi"), ("Japanese", "Japan", "Tokyo"), ("Brazilian", "Brazil", "Brasilia"),
          ("Polish", "Poland", "Warsaw"), ("Indonesian", "Indonesia", "Jakarta"), ("Moroccan", "Morocco", "Rabat")]
FIRST = ["Amir", "Lena", "Tomas", "Aigerim", "Kofi", "Mariam", "Hiro", "Paulo", "Anna", "Rustam", "Sara", "Omar"]
LAST = ["Karimov", "Novak", "Demir", "Sato", "Mensah", "Silva", "Kowalski", "Haddad", "Petrova", "Aliyeva", "Rahimi"]
POSTS = ["Minister of Foreign Affairs", "Defence Minister", "President", "Prime Minister", "Deputy Foreign Minister"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
FILLER = ("Observers noted that the relationship has developed steadily over the past decade, with trade, "
          "energy and transport projects at the centre of the agenda. ")


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def document(i: int, rng: random.Random) -> str:
    (d1, s1, c1), (d2, s2, c2), (d3, s3, _) = rng.sample(STATES, 3)
    p1, p2, p3 = person(rng), person(rng), person(rng)
    post = rng.choice(POSTS)
    m = rng.randrange(1, 9)
    day = rng.randrange(1, 25)
    month = MONTHS[m - 1]
    parts = [
        f"{d1} {post} {p1} paid an official visit to {s2} on {day} {month} 2024 and held talks with "
        f"{d2} {post} {p2} in {c2}.",
        f"During the meeting, {p1.split()[1]} said that {s1} supports the territorial integrity of {s2}.",
        f"The two sides signed a memorandum of understanding on energy cooperation on {day} {month} 2024.",
        f"On {day + 1} {month}, {p1.split()[1]} had a telephone conversation with {d3} Foreign Minister {p3}.",
        f"The Steppe Eagle {2020 + i % 5} joint military exercise between {s1} and {s3} was held on "
        f"{day}-{day + 3} {MONTHS[(m) % 10]} 2024 near {c1}.",
        f"{d3} officials condemned the border incident, the {d3} Ministry of Foreign Affairs said.",
    ]
    rng.shuffle(parts)
    text = " ".join(parts)
    while len(text) < 2000:
        text += " " + FILLER
    return f"source: synthetic {i}\ntitle: unknown\npublished: 2024-{m:02d}-28\npublisher: bench\n\n{text}\n"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    from diplograph.documents import read_document
    from diplograph.extract import extract
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            p = Path(tmp) / f"doc-{i:04d}.txt"
            p.write_text(document(i, rng), encoding="utf-8")
            paths.append(p)
        chars = sum(len(p.read_text()) for p in paths) / n
        extract(read_document(paths[0]))          # warm the gazetteers once, as a CLI run would
        t = time.perf_counter()
        acts = 0
        for p in paths:
            acts += len(extract(read_document(p)).acts)
        dt = time.perf_counter() - t
        print(f"extract: {n} documents (~{chars:.0f} chars), {acts} acts, {dt:.2f} s, {n / dt:.1f} documents/s")
        try:
            from diplograph import pipeline
            from diplograph.store import Store
        except ImportError:
            print("ingest: diplograph.pipeline not available; skipped")
            return 0
        with tempfile.TemporaryDirectory() as sdir:
            store = Store(Path(sdir) / "store")
            t = time.perf_counter()
            pipeline.ingest(store, paths)
            dt = time.perf_counter() - t
            print(f"ingest into store: {n} documents, {dt:.2f} s, {n / dt:.1f} documents/s")
            t = time.perf_counter()
            pipeline.ingest(store, paths)  # every graph exists now: the replace path
            dt = time.perf_counter() - t
            print(f"ingest again (replacing): {n} documents, {dt:.2f} s, {n / dt:.1f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
