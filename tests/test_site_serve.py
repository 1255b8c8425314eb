"""``doclint serve``: the site on localhost, rebuilt when a source changes, stopped cleanly."""

from __future__ import annotations

import os
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from lint.check import CheckOptions
from lint.site.build import BuildOptions
from lint.site.serve import serve, snapshot
from tests.test_site_build import HOSTILE, _cwd

PAGE = "en-US/v1.0/api/hostile.html"


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_serve_rebuilds_a_changed_page_and_stops(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(HOSTILE, root)
    stop, ready = threading.Event(), threading.Event()
    urls: list[str] = []
    done: list[int] = []

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    def run() -> None:
        options = BuildOptions(CheckOptions(paths=[], jobs=1), fail_on_warning=True)
        done.append(serve(options, port=0, interval=0.1, stop=stop, on_ready=on_ready))

    with _cwd(root):
        thread = threading.Thread(target=run)
        thread.start()
        try:
            assert ready.wait(120), "the first build and the server did not come up"
            (url,) = urls
            assert url.startswith("http://127.0.0.1:")
            assert "Language" in _fetch(url + "index.html")
            assert "A page edited while served" not in _fetch(url + PAGE)
            source = root / "docs_src" / "v1.0" / "api" / "hostile.md"
            source.write_text(source.read_text(encoding="utf-8") + "\nA page edited while served.\n", encoding="utf-8")
            deadline = time.monotonic() + 60
            while "A page edited while served" not in _fetch(url + PAGE):
                assert time.monotonic() < deadline, "the edited page was not rebuilt"
                time.sleep(0.2)
        finally:
            stop.set()
            thread.join(60)
    assert not thread.is_alive() and done == [0]
    with pytest.raises(OSError):  # the server is closed
        _fetch(urls[0] + "index.html")


def test_snapshot_sees_edits_new_files_and_deletions_but_not_the_output(tmp_path: Path) -> None:
    sources, out = tmp_path / "docs_src", tmp_path / "build" / "html"
    sources.mkdir()
    out.mkdir(parents=True)
    page = sources / "a.md"
    page.write_text("a", encoding="utf-8")
    before = snapshot([tmp_path], out)
    (out / "index.html").write_text("built", encoding="utf-8")
    (tmp_path / "build" / ".doclint-site").mkdir()
    (tmp_path / "build" / ".doclint-site" / "x.md").write_text("state", encoding="utf-8")
    assert snapshot([tmp_path], out) == before  # the build's own writes trigger no rebuild
    os.utime(page, ns=(before[str(page)] + 10**9, before[str(page)] + 10**9))
    assert snapshot([tmp_path], out) != before
    (sources / "b.md").write_text("b", encoding="utf-8")
    assert str(sources / "b.md") in snapshot([tmp_path], out)
    page.unlink()
    assert str(page) not in snapshot([tmp_path], out)
