"""``doclint serve``: build, serve the site on localhost, and rebuild when a source changes.

What writers expect from ``mkdocs serve`` or sphinx-autobuild, with nothing
more than the standard library: an HTTP server in a thread over the output
folder, and a loop that polls the sources' modification times. Polling needs
no platform watcher and sees edits, new and deleted files alike; the build
itself is incremental (only changed pages are re-read), so a rebuild after one
edit costs about a second on the shipped corpus.

The server reads files by path on every request, so it goes on serving across
the build's swap of the output folder. A failing rebuild (a Sphinx error, bad
configuration) is reported and the previous site stays served; Ctrl-C stops the
loop and the server cleanly.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from lint.check import configure, configured_roots
from lint.errors import ToolError
from lint.site.build import BuildOptions, run_build

Snapshot = dict[str, int]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; logs only errors (a request line per page would drown the build's output)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def log_error(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"doclint: serve: {format % args}\n")


def serve(
    options: BuildOptions,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    interval: float = 1.0,
    stop: threading.Event | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> int:
    """Build, then serve ``options.out`` (default ``build/html``) until ``stop`` is set or Ctrl-C.

    ``port`` 0 takes a free port; ``on_ready`` is told the site's URL once it is served.
    """
    config = configure(options.check)
    out = (options.out if options.out is not None else config.root / "build" / "html").resolve()
    options = replace(options, out=out)
    watched = [Path(path).resolve() for path in options.check.paths or configured_roots(config)]
    if options.check.config_file is not None:
        watched.append(options.check.config_file.resolve())
    elif (config.root / "pyproject.toml").is_file():
        watched.append((config.root / "pyproject.toml").resolve())
    stop = stop or threading.Event()
    seen = snapshot(watched, out)
    _rebuild(options)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, name="doclint-serve", daemon=True)
    thread.start()
    url = f"http://{host}:{server.server_address[1]}/"
    print(f"doclint: serving {out} at {url} (Ctrl-C stops)", file=sys.stderr)
    if on_ready is not None:
        on_ready(url)
    try:
        while not stop.wait(interval):
            now = snapshot(watched, out)
            if now != seen:
                seen = now
                print("doclint: sources changed, rebuilding", file=sys.stderr)
                _rebuild(options)
    except KeyboardInterrupt:
        print("doclint: stopped", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    return 0


def _rebuild(options: BuildOptions) -> None:
    """Build; a failure is reported and leaves the previous site served (the build never half-replaces it)."""
    try:
        run_build(options)
    except ToolError as error:
        print(f"doclint: build failed, still serving the previous site: {error}", file=sys.stderr)


def snapshot(paths: list[Path], out: Path) -> Snapshot:
    """Every file under ``paths`` (the output's own folders left out) with its modification time in ns."""
    skip = {out, out.parent / ".doclint-site"}
    files: Snapshot = {}
    for path in paths:
        if path.is_file():
            files[str(path)] = path.stat().st_mtime_ns
            continue
        for folder, folders, names in os.walk(path):
            here = Path(folder)
            folders[:] = [name for name in folders if here / name not in skip and not name.startswith(".")]
            for name in names:
                with_path = here / name
                try:
                    files[str(with_path)] = with_path.stat().st_mtime_ns
                except OSError:  # deleted between the listing and the stat: the next poll sees it gone
                    continue
    return files
