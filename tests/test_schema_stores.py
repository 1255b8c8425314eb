"""Where schema stores come from: carried by doclint, configured, or built from CSDL into the user's cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from msgspec.structs import replace

from lint.cli import main
from lint.config import Config, build_config
from lint.errors import ToolError
from lint.schemas import build as build_module
from lint.schemas import store as store_module
from lint.schemas.bundled import BUNDLED
from lint.schemas.packed import PackedDefs, read_packed
from lint.schemas.store import cache_directory, store_for
from lint.schemas.validate import SchemaStore, is_store

CSDL = Path(__file__).resolve().parent / "fixtures" / "csdl" / "example.csdl"

REJECT_PAGE = """# call: reject

## HTTP request
```http
POST /communications/calls/{id}/reject
```

## Example

```http
POST https://graph.microsoft.com/v1.0/communications/calls/57dab8b1/reject
Content-Type: application/json

{
  "reasn": "busy"
}
```
"""


def test_a_repository_of_its_own_gets_the_schema_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's repository has no stores: the ones doclint carries judge its pages (was: "All clear")."""
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    page = tmp_path / "docs" / "v1.0" / "api" / "call-reject.md"
    page.parent.mkdir(parents=True)
    page.write_text(REJECT_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--jobs", "1", "--select", "DL5", "--format", "json", "docs/v1.0/api/call-reject.md"]) == 1
    found = [(item["line"], item["column"], item["name"]) for item in json.loads(capsys.readouterr().out)]
    assert found == [(15, 3, "unknown-parameter")]
    assert list(tmp_path.iterdir()) == [tmp_path / "pyproject.toml", tmp_path / "docs"]


def test_the_carried_stores_load_only_the_shards_a_check_needs() -> None:
    store = SchemaStore(BUNDLED / "v1.0")
    defs = store.defs
    assert isinstance(defs, PackedDefs)
    assert store.validate("action:microsoft.graph.reject(microsoft.graph.call)", {"reason": "busy"}) == []
    assert 0 < len(defs._shards) <= 3
    assert defs._keys is None  # the key list is read only to search names
    assert "microsoft.graph.call" in defs and "microsoft.graph.nonesuch" not in defs
    assert store.resolve_ref("commsNotification") == "microsoft.graph.commsNotification"
    assert defs._keys is not None


def test_the_configured_schemas_directory_wins_over_the_carried_store(tmp_path: Path) -> None:
    own = tmp_path / "stores" / "v1.0"
    build_module.build(CSDL, own, None)
    config = build_config({"schemas": "stores"}, root=tmp_path, file=None)
    chosen = store_for(config, "v1.0")
    assert chosen is not None and chosen.directory == own
    beta = store_for(config, "beta")  # not configured: the carried one
    assert beta is not None and beta.directory == BUNDLED / "beta"
    assert store_for(config, "v2.0") is None


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"DOCLINT_CACHE_DIR": "/x/mine", "XDG_CACHE_HOME": "/x/xdg", "HOME": "/x/home"}, "/x/mine"),
        ({"XDG_CACHE_HOME": "/x/xdg", "HOME": "/x/home"}, "/x/xdg/doclint"),
        ({"HOME": "/x/home"}, "/x/home/.cache/doclint"),
    ],
)
def test_cache_directory(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str) -> None:
    for name in ("DOCLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cache_directory() == Path(expected)


def _metadata_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Config]:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(cache))
    repository = tmp_path / "repository"
    repository.mkdir()
    # A CSDL outside the repository, as ``--metadata`` gives it (a config file may not name one).
    config = replace(build_config({}, root=repository, file=None), metadata={"v1.0": str(CSDL)})
    return cache / "schemas", config


def test_metadata_is_built_into_the_cache_directory_not_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schemas, config = _metadata_config(tmp_path, monkeypatch)
    store = store_module._locate(config, "v1.0")
    assert store is not None
    assert [path.name for path in schemas.iterdir()] == [store.directory.name]  # no staging directory left
    assert is_store(store.directory) and isinstance(read_packed(store.directory)["$defs"], PackedDefs)
    assert list((tmp_path / "repository").iterdir()) == []


def test_a_concurrent_build_that_finished_first_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs build the same store: the second rename fails, and its copy is dropped without an error."""
    schemas, config = _metadata_config(tmp_path, monkeypatch)
    real_build = build_module.build

    def build_while_another_run_finishes(metadata: Path, out: Path, roots: object, packed: bool = False) -> object:
        winner = schemas / out.name[1:].rsplit("-", 1)[0]  # the staging directory is ".<target>-<random>"
        real_build(metadata, winner, None, packed=True)
        return real_build(metadata, out, None, packed=packed)

    monkeypatch.setattr(build_module, "build", build_while_another_run_finishes)
    store = store_module._locate(config, "v1.0")
    assert store is not None and is_store(store.directory)
    assert [path.name for path in schemas.iterdir()] == [store.directory.name]


def test_a_failed_build_leaves_no_half_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schemas, config = _metadata_config(tmp_path, monkeypatch)

    def half_then_fail(metadata: Path, out: Path, roots: object, packed: bool = False) -> object:
        (out / "operations.json").write_text("{}", encoding="utf-8")
        raise ValueError("cut short")

    monkeypatch.setattr(build_module, "build", half_then_fail)
    with pytest.raises(ToolError, match="not usable OData CSDL metadata: cut short"):
        store_module._locate(config, "v1.0")
    assert list(schemas.iterdir()) == []


def test_an_unwritable_cache_is_a_tool_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schemas, config = _metadata_config(tmp_path, monkeypatch)
    schemas.parent.write_text("a file, not a directory", encoding="utf-8")
    with pytest.raises(ToolError, match=r"cannot create the schema cache.*DOCLINT_CACHE_DIR"):
        store_module._locate(config, "v1.0")


def test_a_page_without_a_store_says_so_once_per_page_and_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No version in the path or the URLs: `schema-unavailable` on each page, one note on stderr."""
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    pages = tmp_path / "docs" / "api"
    pages.mkdir(parents=True)
    unversioned = REJECT_PAGE.replace("https://graph.microsoft.com/v1.0", "")
    for name in ("call-reject.md", "call-answer.md"):
        (pages / name).write_text(unversioned, encoding="utf-8")
    (pages / "prose.md").write_text("# Prose only\n\nNothing to check against a schema.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--jobs", "2", "--select", "DL5", "--format", "json", "docs"]) == 0
    out, err = capsys.readouterr()
    found = [(item["path"], item["line"], item["column"], item["name"], item["severity"]) for item in json.loads(out)]
    assert found == [
        ("docs/api/call-answer.md", 5, 1, "schema-unavailable", "info"),
        ("docs/api/call-reject.md", 5, 1, "schema-unavailable", "info"),
    ]
    assert json.loads(out)[0]["message"] == (
        "the page's API version is unknown: neither the page's path nor its requests name v1.0 or beta, "
        "so its examples and paths are not checked against the API's schema"
    )
    assert err == (
        "doclint: note: the schema rules did not check 2 pages: no schema store for API version unknown "
        "(see the schema-unavailable findings)\n"
    )


def test_a_version_doclint_does_not_carry_names_itself(tmp_path: Path) -> None:
    from lint.engine import check_page
    from lint.parse.detect import parse_source
    from lint.rules.schema import unavailable_note
    from lint.source import decode_source

    config = build_config({"select": ["DL5"]}, root=tmp_path, file=None)
    text = REJECT_PAGE.replace("https://graph.microsoft.com/v1.0", "")
    page = replace(parse_source(decode_source("docs/v2.0/api/call-reject.md", text.encode())), version="v2.0")
    found = check_page(page, config)
    assert [(item.line, item.name) for item in found] == [(5, "schema-unavailable")]
    assert found[0].message == (
        "no schema store for API version `v2.0`: its examples and paths are not checked against the API's schema "
        "(name its CSDL in `[tool.doclint] metadata`)"
    )
    assert unavailable_note(found) == (
        "doclint: note: the schema rules did not check 1 page: no schema store for API version v2.0 "
        "(see the schema-unavailable findings)"
    )


def _damage_by_truncation(store: Path) -> None:
    data = (store / "defs.bin").read_bytes()
    (store / "defs.bin").write_bytes(data[: len(data) // 2])


def _damage_by_garbling(store: Path) -> None:
    data = bytearray((store / "head.json").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (store / "head.json").write_bytes(bytes(data))


def _damage_by_a_flipped_bit(store: Path) -> None:
    data = bytearray((store / "defs.bin").read_bytes())
    data[-1] ^= 0x01  # still the same size: only the checksum tells
    (store / "defs.bin").write_bytes(bytes(data))


def _damage_by_emptying(store: Path) -> None:
    (store / "operations.json").write_bytes(b"")


def _damage_by_another_stamp_version(store: Path) -> None:
    stamp = json.loads((store / "stamp.json").read_text(encoding="utf-8"))
    (store / "stamp.json").write_text(json.dumps({**stamp, "stamp": stamp["stamp"] + 1}), encoding="utf-8")


def _damage_by_another_packed_format(store: Path) -> None:
    stamp = json.loads((store / "stamp.json").read_text(encoding="utf-8"))
    (store / "stamp.json").write_text(json.dumps({**stamp, "packed": stamp["packed"] + 1}), encoding="utf-8")


def _damage_the_stamp(store: Path) -> None:
    (store / "stamp.json").write_text('{"stamp": ', encoding="utf-8")


def _remove_the_stamp(store: Path) -> None:
    (store / "stamp.json").unlink()  # a store written by a doclint before stamps, or a kill before the stamp


def _replace_by_an_empty_file(store: Path) -> None:
    import shutil

    shutil.rmtree(store)
    store.write_bytes(b"")


def _replace_by_an_empty_directory(store: Path) -> None:
    import shutil

    shutil.rmtree(store)
    store.mkdir()


DAMAGES = [
    _damage_by_truncation,
    _damage_by_garbling,
    _damage_by_a_flipped_bit,
    _damage_by_emptying,
    _damage_by_another_stamp_version,
    _damage_by_another_packed_format,
    _damage_the_stamp,
    _remove_the_stamp,
    _replace_by_an_empty_file,
    _replace_by_an_empty_directory,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=[damage.__name__.lstrip("_") for damage in DAMAGES])
def test_a_damaged_cached_store_is_detected_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    """Never trusted, never a hard error: the next run rebuilds the store whole, in place, atomically."""
    from lint.schemas.cache_stamp import stamp_problem

    schemas, config = _metadata_config(tmp_path, monkeypatch)
    built = store_module._locate(config, "v1.0")
    assert built is not None and stamp_problem(built.directory) is None
    pristine = {path.name: path.read_bytes() for path in built.directory.iterdir()}
    assert callable(damage)
    damage(built.directory)
    assert not (built.directory.is_dir() and stamp_problem(built.directory) is None)
    rebuilt = store_module._locate(config, "v1.0")
    assert rebuilt is not None and rebuilt.directory == built.directory
    assert {path.name: path.read_bytes() for path in rebuilt.directory.iterdir()} == pristine
    assert [path.name for path in schemas.iterdir()] == [rebuilt.directory.name]  # nothing damaged left aside
    assert "example.api.meeting" in rebuilt.defs


def test_a_run_on_a_damaged_cache_reports_as_a_run_on_a_fresh_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    schemas, _ = _metadata_config(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path / "repository")
    page = Path("docs_src/v1.0/api/meeting-get.md")
    page.parent.mkdir(parents=True)
    page.write_text(
        "# meeting: get\n\n## HTTP request\n```http\nGET /meetings/{id}\n```\n\n## Response\n"
        '<!-- {\n  "blockType": "response",\n  "@odata.type": "example.api.meeting"\n} -->\n'
        '```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{"subject": 7}\n```\n',
        encoding="utf-8",
    )
    args = ["check", "--jobs", "1", "--format", "json", "--metadata", f"v1.0={CSDL}", str(page)]
    store_module._STORES.clear()
    first = (main(args), capsys.readouterr())
    (store,) = schemas.iterdir()
    _damage_by_truncation(store)
    store_module._STORES.clear()
    second = (main(args), capsys.readouterr())
    store_module._STORES.clear()
    assert second == first
    assert first[1].err == ""
    assert [item["code"] for item in json.loads(first[1].out) if item["code"].startswith("DL5")] != []


def test_projects_share_the_packaged_store_and_a_long_lived_process_remembers_few_configurations(
    tmp_path: Path,
) -> None:
    """A server or the fuzzer checks many roots: one loaded copy of doclint's store, a bounded memo."""
    stores = {
        id(store_for(build_config({}, root=tmp_path / f"project-{index}", file=None), "v1.0")) for index in range(100)
    }
    assert len(stores) == 1
    assert len(store_module._STORES) <= store_module._MAX_REMEMBERED
