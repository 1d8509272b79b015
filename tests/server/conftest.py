"""Server fixtures: a closed store directory per test (the server's writer process takes the
lock), an in-process client, and a real `diplograph serve` process on a loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

with warnings.catch_warnings():  # Starlette 1.x nudges towards httpx2; httpx is what we have
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from diplograph import model
from diplograph.server import create_app
from diplograph.store import Store


def _root_conftest():
    """tests/conftest.py's helpers (conftest modules cannot import each other by name)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_diplograph_tests_root", Path(__file__).parents[1] / "conftest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_root = _root_conftest()
FOUNDING, RUN_TIME, _extractor_ready, founding_records = (_root.FOUNDING, _root.RUN_TIME, _root._extractor_ready,
                                                          _root.founding_records)

TOKEN = "test-write-token-0123"
BIN = Path(sys.executable).parent / "diplograph"


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory, base_graphs) -> Path:
    """Ontology + reference + the hand-made founding-document graph, built once."""
    path = tmp_path_factory.mktemp("server-sample") / "store"
    r = founding_records()
    with Store(path) as s:
        s.replace_graphs(base_graphs)
        s.replace_graphs({model.document_graph(r): model.document_triples(r, RUN_TIME)})
    return path


@pytest.fixture
def store_path(sample_template, tmp_path) -> Path:
    dst = tmp_path / "store"
    shutil.copytree(sample_template, dst)
    return dst


@pytest.fixture
def make_client(store_path):
    """make_client(**create_app options) -> a started TestClient over a private store copy."""
    clients = []

    def make(**kw) -> TestClient:
        c = TestClient(create_app(store_path, **kw))
        c.__enter__()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client(write_token=TOKEN, timeout=5.0)


# -- the real thing ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def founding_store_dir(tmp_path_factory, sample_template) -> Path:
    """`diplograph ingest data/documents/avim-2025-37.txt` through the CLI, into a fresh store.

    Until the extractor lands, the hand-made founding records stand in (said on stderr)."""
    path = tmp_path_factory.mktemp("server-founding") / "store"
    why = _extractor_ready()
    if why:
        sys.stderr.write(f"\n[server tests] {why}; using the hand-made founding records\n")
        shutil.copytree(sample_template, path)
        return path
    r = subprocess.run([str(BIN), "--store", str(path), "ingest", str(FOUNDING)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, store: Path, *extra: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, DIPLOGRAPH_WRITE_TOKEN=TOKEN)
        self.proc = subprocess.Popen([str(BIN), "--store", str(store), "serve", "--port", str(self.port), *extra],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()}")
            try:
                if httpx.get(self.url + "/sparql", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not come up in 60 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def live(founding_store_dir, tmp_path_factory):
    """A real server process on loopback with a write token and a 2 s time limit."""
    store = tmp_path_factory.mktemp("live") / "store"
    shutil.copytree(founding_store_dir, store)
    srv = LiveServer(store, "--timeout", "2")
    yield srv
    srv.stop()
