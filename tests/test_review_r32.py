"""Round r32: exact leftovers of round b29 (docs/rounds/cli.md "Round r32").

1. F13: text in UTF-16 or UTF-32 without a byte-order mark, and UTF-16 with its mark behind a UTF-8 one, was refused
   as binary ("file contains NUL bytes"): it is read as text now (with an ``encoding`` warning naming the encoding);
   real binaries with many NUL bytes stay binary.
2. F10: `gaiko serve --db nosuch.duckdb` made an empty store and served zeros: it is refused as `gaiko events`
   refuses it, unless `--create` asks for an empty store on purpose.
4. The pledge API's `/pledges` declares its fifteen ledger filters through `LedgerQuery`, as `/export/pledges` does.

Every sentence here is our own (none from a gold or unseen set).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import socket
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

EN = ("Japan condemned the missile launch on Tuesday and said it would raise the matter with its partners at the "
      "United Nations. China called on every side to show restraint.\n")
#: our own sentences in three other scripts, each over the 100 characters a reading without a mark needs
JA = ("日本政府は火曜日、隣国によるミサイルの発射を強く非難し、国連で問題を提起すると述べた。外務省は抗議し、"
      "関係国と緊密に連携する考えを示した。首相は記者団に対し、冷静な対応を呼びかけた。"
      "政府は来週にも閣僚会議を開き、今後の方針を協議する予定だ。")
ZH = ("外交部发言人周二表示，中方坚决反对任何在海上的挑衅行动，并已通过外交渠道提出严正交涉。发言人还说，"
      "各方应当保持克制，通过对话协商解决分歧，共同维护地区的和平与稳定。"
      "双方同意下个月在北京举行新一轮磋商。")
AR = ("أدانت الحكومة يوم الثلاثاء إطلاق الصاروخ وقالت إنها ستثير المسألة مع شركائها في الأمم المتحدة. "
      "ودعا الوزير جميع الأطراف إلى ضبط النفس والعودة إلى الحوار.")

#: the codecs tried, and the name the warning gives each
WIDE = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE"}


def _read(tmp_path: Path, name: str, data: bytes) -> list:
    from gaiko.ingest import read_inputs

    (tmp_path / name).write_bytes(data)
    return list(read_inputs([str(tmp_path / name)]))


def _article_and_note(items: list) -> tuple:
    from gaiko.types import Article, InputError

    arts = [i for i in items if isinstance(i, Article)]
    notes = [i for i in items if isinstance(i, InputError)]
    return arts, notes


# --- 1. F13: wide text without a byte-order mark --------------------------------------------------------------------

@pytest.mark.parametrize("codec", list(WIDE))
def test_english_in_utf16_or_utf32_without_a_mark_is_read_as_text(tmp_path: Path, codec: str) -> None:
    """b29 F13: `gaiko code u16be_nobom.txt` said "binary – file contains NUL bytes" of plain UTF-16BE English."""
    arts, notes = _article_and_note(_read(tmp_path, "nobom.txt", EN.encode(codec)))
    assert len(arts) == 1 and arts[0].text == EN.strip(), notes
    assert [(n.reason, n.severity) for n in notes] == [("encoding", "warning")], notes
    assert f"decoded as {WIDE[codec]} (no byte-order mark" in notes[0].detail


@pytest.mark.parametrize("mark", [b"\xff\xfe", b"\xfe\xff"], ids=["le", "be"])
def test_a_utf16_mark_behind_a_utf8_mark_is_read_as_text(tmp_path: Path, mark: bytes) -> None:
    """b29 F13: `utf8bom_u16bom.txt` (a UTF-8 BOM, then UTF-16 with its BOM) was called binary."""
    body = EN.encode("utf-16-le" if mark == b"\xff\xfe" else "utf-16-be")
    arts, notes = _article_and_note(_read(tmp_path, "two-marks.txt", b"\xef\xbb\xbf" + mark + body))
    assert len(arts) == 1 and arts[0].text == EN.strip(), notes
    assert [n.reason for n in notes] == ["encoding"] and "after a UTF-8 byte-order mark" in notes[0].detail


@pytest.mark.parametrize("codec", list(WIDE))
@pytest.mark.parametrize("text", [JA, ZH, AR, "一\u3000" + JA], ids=["ja", "zh", "ar", "ja-U+4E00-U+3000"])
def test_other_scripts_without_a_mark_decode_and_are_told_not_english(tmp_path: Path, codec: str, text: str) -> None:
    """Japanese, Chinese and Arabic without a mark decode to their own text (Chinese or Japanese alone has no NUL
    byte to tell the byte order: the other order is no clean text), then are refused as not English, as the same
    text with a mark is; on main: "binary"."""
    from gaiko.ingest_checks import decode_bytes

    got, note = decode_bytes(text.encode(codec))
    assert got == text and "no byte-order mark" in note
    items = _read(tmp_path, "other.txt", text.encode(codec))
    assert [i.reason for i in items] == ["not_english"], items


def test_records_in_utf16_without_a_mark_are_read(tmp_path: Path) -> None:
    """JSON Lines (read whole, as with a mark: its lines only split once decoded), JSON, CSV and a file of an unknown
    suffix (sniffed from the decoded text), each in UTF-16 without a mark."""
    recs = [{"id": f"r32-{i}", "text": EN.strip(), "published": f"2026-11-0{i + 1}"} for i in range(2)]
    files = {
        "recs.jsonl": "".join(json.dumps(r) + "\n" for r in recs).encode("utf-16-le"),
        "recs.json": json.dumps(recs).encode("utf-16-be"),
        "recs.csv": ("id,text,published\n" + "".join(f'{r["id"]},"{r["text"]}",{r["published"]}\n'
                                                      for r in recs)).encode("utf-16-le"),
        "recs.data": json.dumps(recs).encode("utf-16-le"),
    }
    for name, data in files.items():
        arts, notes = _article_and_note(_read(tmp_path, name, data))
        assert len(arts) == 2 and {a.published for a in arts} == {"2026-11-01", "2026-11-02"}, (name, notes)
        assert all(n.reason == "encoding" for n in notes) and notes, (name, notes)


def _png() -> bytes:
    """A PNG's signature, IHDR chunk and a deflated IDAT of noise: NUL bytes in the header, none in step."""
    rnd = random.Random(32)
    raw = bytes(rnd.getrandbits(8) for _ in range(3000))
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 40, 25, 8, 2, 0, 0, 0)
            + b"\x00" * 4 + struct.pack(">I", 3000) + b"IDAT" + zlib.compress(raw, 0))


def _parquet() -> bytes:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    buf = io.BytesIO()
    pq.write_table(pa.table({"id": list(range(200)), "n": [0] * 200}), buf)
    return buf.getvalue()


def _random(n: int, seed: int, nul_every: int = 0) -> bytes:
    rnd = random.Random(seed)
    out = bytearray(rnd.getrandbits(8) for _ in range(n))
    if nul_every:
        out[nul_every - 1::nul_every] = bytes(len(out[nul_every - 1::nul_every]))
    return bytes(out)


LOOK_ALIKES = {
    "png": _png,
    "gzip": lambda: gzip.compress(EN.encode() * 20),
    "parquet": _parquet,
    "random-2000": lambda: _random(2000, 1),
    "random-NUL-every-2nd": lambda: _random(400, 2, 2),
    "random-NUL-every-4th": lambda: _random(800, 3, 4),
    "int16-small": lambda: (lambda rnd: struct.pack("<300h", *[rnd.randint(-300, 3000) for _ in range(300)]))(
        random.Random(4)),
    "int32-ramp": lambda: struct.pack("<300i", *range(0, 30000, 100)),
    "utf8-with-a-NUL": lambda: EN.encode() * 3 + b"\x00" + EN.encode(),
    "utf16-too-short": lambda: "Japan protested.".encode("utf-16-le"),
}


@pytest.mark.parametrize("kind", list(LOOK_ALIKES))
def test_binaries_with_many_nul_bytes_stay_binary(tmp_path: Path, kind: str) -> None:
    """Look-alikes (they pass on main too): an image, a compressed file, a Parquet file, random bytes (with NULs in
    step too), arrays of small numbers, a UTF-8 file with a stray NUL, UTF-16 too short to judge."""
    from gaiko.errors import InputRejected
    from gaiko.ingest_checks import decode_bytes

    data = LOOK_ALIKES[kind]()
    with pytest.raises(InputRejected) as err:
        decode_bytes(data)
    assert err.value.reason == "binary", err.value.detail
    items = _read(tmp_path, "upload.txt", data)
    assert [i.reason for i in items] == ["binary"], items


def test_random_bytes_are_never_read_as_wide_text() -> None:
    """300 random files each of 240 and 2,000 bytes, plain and with a NUL in every second or fourth byte: none is read
    as UTF-16 or UTF-32 (measured in docs/rounds/cli.md, Round r32)."""
    from gaiko.errors import InputRejected
    from gaiko.ingest_checks import decode_bytes

    read = []
    for n in (240, 2000):
        for nul in (0, 2, 4):
            for seed in range(300):
                try:
                    _text, note = decode_bytes(_random(n, seed, nul))
                except InputRejected:
                    continue
                if note and "byte-order mark" in note:
                    read.append((n, nul, seed, note))
    assert not read, read[:5]


def test_the_thresholds_are_data() -> None:
    """The encodings and thresholds of a reading without a mark are in gaiko/data/input/file_signatures.yaml."""
    import yaml

    from gaiko import filekinds

    raw = yaml.safe_load((ROOT / "gaiko/data/input/file_signatures.yaml").read_text(encoding="utf-8"))
    cfg = raw["without_byte_order_mark"]
    got = filekinds._bomless()
    assert got["min"] == cfg["min_chars"] and got["share"] == cfg["nul_share"] and got["pages"] == cfg["pages_ratio"]
    assert [e[1] for e in got["encodings"]] == [e["name"] for e in cfg["encodings"]] == \
        ["UTF-32LE", "UTF-32BE", "UTF-16LE", "UTF-16BE"]


def test_gaiko_code_reads_utf16be_without_a_mark(tmp_path: Path, cli, code_here) -> None:
    """The real CLI on b29's file: one article coded, the encoding said, no error."""
    src = tmp_path / "u16be_nobom.txt"
    src.write_bytes(EN.encode("utf-16-be"))
    code, out, err = cli("code", src, "--db", tmp_path / "f13.duckdb")
    assert code in (0, None), err
    text = out + err
    assert "UTF-16BE" in text and "contains NUL bytes" not in text and "binary" not in text, text
    from gaiko.store import Store

    with Store(tmp_path / "f13.duckdb", read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1


# --- 2. F10: `gaiko serve` of a store that is not there ------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    """b29 F10: `gaiko serve --db nosuch.duckdb` created an empty store and served zeros. The real command now says
    what `gaiko events` says, and how to start on an empty store on purpose; no file is made."""
    db = tmp_path / "nosuch.duckdb"
    proc = subprocess.run([sys.executable, "-m", "gaiko", "serve", "--db", str(db), "--port", str(_free_port())],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(lines) == 1, (proc.returncode, proc.stderr)
    assert lines[0].startswith(f"Error: no store at {db}; create one with: gaiko code ARTICLES --db {db}")
    assert "gaiko serve --create" in lines[0] and "serving" not in proc.stderr
    assert not db.exists() and not list(tmp_path.iterdir())


def test_serve_create_starts_on_an_empty_store(tmp_path: Path, cli, monkeypatch) -> None:
    """`--create` keeps the documented way to start on an empty store (to accept articles through the API)."""
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    db = tmp_path / "new.duckdb"
    code, _out, err = cli("serve", "--db", db, "--port", _free_port(), "--create")
    assert code in (0, None) and started and db.exists(), err
    assert "serving" in err


def test_serve_of_an_existing_store_needs_no_create(tmp_path: Path, cli, monkeypatch) -> None:
    """Look-alike (passes on main too): a store that is there is served as before."""
    import uvicorn

    from gaiko.store import Store

    Store(tmp_path / "s.duckdb").close()
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    code, _out, err = cli("serve", "--db", tmp_path / "s.duckdb", "--port", _free_port())
    assert code in (0, None) and started, err


# --- 4. one declaration of the ledger filters ----------------------------------------------------------------------

def test_pledges_and_its_download_declare_the_same_ledger_filters() -> None:
    """`/pledges` declared the fifteen filters of `LedgerQuery` again, and four descriptions had drifted apart
    (made_since, made_until, kind, target_country). Now one declaration: the same names, schemas and descriptions,
    the listing's page parameters after them as before."""
    pytest.importorskip("fastapi")
    from gaiko.server import create_app

    spec = create_app(":memory:").openapi()["paths"]
    listing = [p for p in spec["/api/v1/pledges"]["get"]["parameters"] if p["in"] == "query"]
    download = {p["name"]: p for p in spec["/api/v1/export/pledges"]["get"]["parameters"] if p["in"] == "query"}
    names = [p["name"] for p in listing]
    assert names[-3:] == ["limit", "offset", "format"] and len(names) == 19  # 16 filters (r36 added changed_since)
    for p in listing[:-3]:
        assert p == download[p["name"]], p["name"]
