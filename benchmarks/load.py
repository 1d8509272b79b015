"""Load test for `diplograph serve`: N concurrent keep-alive clients on loopback for T seconds.

    python benchmarks/load.py --store .diplograph            # starts a server on a free port
    python benchmarks/load.py --url http://127.0.0.1:8080    # an already running server
    python benchmarks/load.py --store S --clients 32 --duration 30 --uncached

Targets: /queries/acts (the stored query, JSON) and /sparql (a SELECT). With --uncached the
server started here runs with its result cache off and each SPARQL text carries a distinct
comment, so every request runs on a worker process. The client is a minimal HTTP/1.1 keep-alive client on asyncio
streams (a heavier client would eat the CPU it is trying to measure on a 2-core machine).
Only loopback addresses are accepted; every loop stops at its deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

SPARQL = ("PREFIX dg: <https://w3id.org/diplograph/ontology#> "
          "SELECT ?act ?type ?start WHERE { ?act a ?type ; dg:startDate ?start ; "
          "dg:involvesState <https://w3id.org/diplograph/id/state/aze> } ORDER BY ?start")


class Client:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v)
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def run_target(host: str, port: int, make_path, clients: int, duration: float) -> dict:
    lat: list[float] = []
    errors = 0
    deadline = time.monotonic() + duration

    async def one(i: int) -> None:
        nonlocal errors
        c = Client(host, port)
        n = 0
        try:
            while time.monotonic() < deadline:
                t = time.perf_counter()
                try:
                    status = await asyncio.wait_for(c.get(make_path(i, n)), 30)
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                    errors += 1
                    c.close()
                    c = Client(host, port)
                    continue
                lat.append(time.perf_counter() - t)
                if status != 200:
                    errors += 1
                n += 1
        finally:
            c.close()

    t0 = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(clients)))
    elapsed = time.monotonic() - t0
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [float("nan")] * 99
    return {"requests": len(lat), "rps": len(lat) / elapsed, "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000,
            "errors": errors}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = Path(sys.executable).parent / "diplograph"
    proc = subprocess.Popen([str(exe), "--store", str(store), "serve", "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited: {proc.stderr.read().decode().strip()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("server did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--url", help="a running server on loopback, e.g. http://127.0.0.1:8080")
    src.add_argument("--store", type=Path, help="start 'diplograph serve' on this store")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per target")
    ap.add_argument("--uncached", action="store_true",
                    help="make every SPARQL request distinct (and, with --store, turn the server's cache off)")
    ap.add_argument("--workers", type=int, default=None, help="server query workers (with --store)")
    a = ap.parse_args()
    proc = None
    if a.store:
        extra = (["--workers", str(a.workers)] if a.workers else []) + (["--cache-entries", "0"] if a.uncached else [])
        proc, url = start_server(a.store, extra)
    else:
        url = a.url
    u = urlsplit(url)
    host, port = u.hostname, u.port or 80
    if not host or not (host == "localhost" or host.startswith("127.") or host == "::1"):
        sys.exit("only loopback targets are allowed")

    def acts(i: int, n: int) -> str:
        return "/queries/acts?format=json"

    def sparql(i: int, n: int) -> str:
        q = SPARQL + (f" # {os.getpid()}-{i}-{n}" if a.uncached else "")
        return "/sparql?query=" + quote(q)

    targets = {"/queries/acts": acts, "/sparql": sparql}
    try:
        print(f"{a.clients} clients x {a.duration:g} s per target against {url}"
              f"{' (uncached SPARQL)' if a.uncached else ''}")
        print(f"{'target':16} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, make in targets.items():
            r = asyncio.run(run_target(host, port, make, a.clients, a.duration))
            print(f"{name:16} {r['requests']:9d} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['errors']:7d}")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
