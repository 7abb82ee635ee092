"""Round r30: exact leftovers of round r29 (docs/rounds/cli.md "Round r30").

2. Random bytes behind a UTF-16 byte-order mark that decode without control characters (CJK-looking garbage) were
   judged text, then `not_english`: they are `binary`; real UTF-16 Japanese, Chinese, Korean and Arabic stay text.
3. A second SIGTERM while the first is on its way to its message (after the handler raised, before the code that
   tells it deferred): `gaiko import` said "nothing ... was stored" of an import rolled back (the importer re-armed
   the handler on its way out), `gaiko code` died without a message (the run had restored the default action).
   Both tried with real processes and real signals.
1. The `--out` name tables and the binary signatures are data files, read once (no behaviour change).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


# --- 2. binary bytes behind a UTF-16 byte-order mark ----------------------------------------------------------------

def _garbage(units: int, seed: int, big_endian: bool = False) -> bytes:
    """Random UTF-16 code units behind a byte-order mark, none a surrogate or a control character: bytes that decode
    as UTF-16 into CJK-looking text (what r29 left)."""
    rnd = random.Random(seed)
    out: list[int] = []
    while len(out) < units:
        u = rnd.randrange(0x10000)
        if not (0xD800 <= u < 0xE000 or u < 0x20 or 0x7F <= u < 0xA0):
            out.append(u)
    order = "big" if big_endian else "little"
    return (b"\xfe\xff" if big_endian else b"\xff\xfe") + b"".join(u.to_bytes(2, order) for u in out)


@pytest.mark.parametrize("units, seed, big", [(2048, 1, False), (2048, 2, True), (200, 3, False), (60, 4, False)],
                         ids=["4KiB-le", "4KiB-be", "400B", "120B"])
def test_random_bytes_behind_a_utf16_mark_are_binary(tmp_path: Path, units: int, seed: int, big: bool) -> None:
    """r29 left: such bytes decoded (no surrogate, no control character) and the article was refused as
    `not_english`, which tells the user to translate a file that is no text. One `binary` error now."""
    from gaiko.ingest import read_inputs
    from gaiko.ingest_checks import decode_bytes
    from gaiko.types import InputError

    data = _garbage(units, seed, big)
    with pytest.raises(Exception) as err:
        decode_bytes(data)
    assert getattr(err.value, "reason", None) == "binary" and "unassigned, private-use" in str(err.value)
    (tmp_path / "upload.txt").write_bytes(data)
    got = list(read_inputs([str(tmp_path / "upload.txt")]))
    assert len(got) == 1 and isinstance(got[0], InputError) and got[0].reason == "binary", got


#: our own sentences (none from a gold or unseen set): a minister's words on talks, in four scripts
_WIDE_TEXTS = {
    "japanese": "外務省は月曜日、両国が漁業問題について協議を続けると発表した。東京で記者団に語った。",
    "chinese": "外交部发言人周一表示，双方将继续就渔业问题进行磋商，并欢迎对方的提议。",
    "korean": "외교부는 월요일 양국이 어업 문제에 대한 협의를 계속할 것이라고 밝혔다.",
    "arabic": "قال وزير الخارجية يوم الاثنين إن المحادثات بشأن الصيد ستستمر الأسبوع المقبل في القاهرة.",
}


@pytest.mark.parametrize("lang", sorted(_WIDE_TEXTS))
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_real_wide_text_stays_text(lang: str, codec: str) -> None:
    """Look-alikes (pass on main too): Japanese, Chinese, Korean and Arabic text with a UTF-16 (LE, BE) or UTF-32
    mark decode as before; so does text with one or two private-use icons."""
    from gaiko.ingest_checks import decode_bytes

    text = _WIDE_TEXTS[lang] * 3
    data = b"\xfe\xff" + text.encode(codec) if codec == "utf-16-be" else text.encode(codec)
    name = "UTF-32" if codec == "utf-32" else "UTF-16"
    assert decode_bytes(data) == (text, f"decoded as {name} (byte-order mark)")
    icons = text[:20] + "\ue001" + text[20:60] + "\uf8ff" + text[60:]
    assert decode_bytes(icons.encode("utf-16")) == (icons, "decoded as UTF-16 (byte-order mark)")


# --- 3. a second SIGTERM while the first is told (real processes) --------------------------------------------------

def _run_two_sigterms(script: str, args: list[str], first_by_parent: bool) -> tuple[int, str, str]:
    """Run ``script`` in a Python process; it prints "ready" when the first SIGTERM may be sent (sent here when
    ``first_by_parent``) and "telling" when the first stop is on its way to its message (a second is sent then).
    Returns (exit status, stdout, stderr)."""
    p = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=ROOT, text=True, env={"PYTHONPATH": f"{ROOT}:{TESTS}", "PATH": "/usr/bin:/bin"})
    assert p.stdout is not None
    seen = []
    for line in p.stdout:
        seen.append(line)
        if line.strip() == "ready" and first_by_parent:
            p.send_signal(signal.SIGTERM)
        if line.strip() == "telling":
            p.send_signal(signal.SIGTERM)
            break
    out, err = p.communicate(timeout=120)
    return p.returncode, "".join(seen) + out, err


def test_gaiko_code_second_sigterm_while_the_first_is_told(tmp_path: Path) -> None:
    """`gaiko code` stopped by SIGTERM: the run restored the default action when it ended, so a second SIGTERM
    before the CLI's message killed the process with no word (on main: exit -15, stderr empty). The message of the
    first is written, exit 143."""
    script = textwrap.dedent("""
        import functools, sys, time
        from helpers import FakeCoder
        import gaiko.cli.code as cli_code
        import gaiko.coding as coding

        class Slow(FakeCoder):
            def code_articles(self, arts):
                print("ready", flush=True)
                time.sleep(0.5)
                return super().code_articles(arts)

        coding.run_code = functools.partial(coding.run_code, coder=Slow())
        real_fail = cli_code._fail

        def slow_fail(*a, **k):  # the CLI on its way to its message: the window is widened to a second
            print("telling", flush=True)
            time.sleep(1.0)
            return real_fail(*a, **k)

        cli_code._fail = slow_fail
        from gaiko.cli import main
        main(["code", sys.argv[1], "--db", sys.argv[2], "--no-ledger", "--quiet", "--batch-size", "1"])
    """)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(f'{{"text": "Japan protested to China over the boats, report {i}.", '
                           f'"published": "2025-11-03"}}\n' for i in range(20)))
    code, out, err = _run_two_sigterms(script, [str(src), str(tmp_path / "c.duckdb")], first_by_parent=True)
    assert code == 143, (code, out, err)
    assert err.startswith("Error: terminated (SIGTERM): every batch written before it is stored"), err
    assert "Traceback" not in err


def test_gaiko_import_second_sigterm_while_the_first_is_told(tmp_path: Path) -> None:
    """`gaiko import` stopped by SIGTERM inside its insert: the importer re-armed the handler on its way out, so a
    second SIGTERM while the store closed raised a bare stop and the CLI said "nothing of ... was stored (it was
    stopped before the import began)" (on main). The first's answer is given: rolled back, unchanged; exit 143."""
    from test_newcomer_r28 import _parts

    parts = _parts(tmp_path)
    script = textwrap.dedent("""
        import os, signal, sys, time
        import gaiko.importer as importer
        from gaiko.store import Store

        real_insert = importer._insert_new

        def insert(*a, **k):  # the first SIGTERM lands inside the import's transaction
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(2.0)
            return real_insert(*a, **k)

        real_close = Store.close

        def close(self):  # the store closed as the stop unwinds to the CLI: the window widened to a second
            if importer._insert_new is insert:
                importer._insert_new = real_insert
                print("telling", flush=True)
                time.sleep(1.0)
            return real_close(self)

        importer._insert_new = insert
        Store.close = close
        from gaiko.cli import main
        main(["import", sys.argv[1], "--db", sys.argv[2], "--no-ledger"])
    """)
    code, out, err = _run_two_sigterms(script, [str(parts), str(tmp_path / "i.duckdb")], first_by_parent=False)
    assert code == 143, (code, out, err)
    assert err.startswith("Error: terminated (SIGTERM): the import of") and "was rolled back" in err, err
    assert "nothing of" not in err and "Traceback" not in err


def test_a_second_sigterm_is_noted_until_the_handler_is_armed_again() -> None:
    """The handler raises once per arming: a SIGTERM after the first is noted (whichever handler a caller put back),
    and the next arming raises again."""
    from gaiko import runner_signals as rs

    undo = rs.catch_sigterm()
    try:
        with pytest.raises(rs.Terminated):
            rs._on_sigterm(15, None)
        try:
            rs._on_sigterm(15, None)  # noted, not raised
        except rs.Terminated:  # (a KeyboardInterrupt: told as a failure, not let through to stop pytest)
            pytest.fail("a second SIGTERM was raised in place of the first's message")
        assert rs.terminating()
        again = rs.catch_sigterm()
        with pytest.raises(rs.Terminated):
            rs._on_sigterm(15, None)
        again()
    finally:
        undo()
        rs.catch_sigterm()()  # leave the flags cleared for later tests


# --- 1. data files --------------------------------------------------------------------------------------------------

def test_export_name_tables_and_signatures_are_data_read_once() -> None:
    """The tables r27-r29 wrote as Python literals are read from gaiko/data, once; the old names still answer."""
    import gaiko.export as export
    from gaiko.export_names import out_names
    from gaiko.filekinds import binary_kind, wide_boms

    assert out_names() is out_names()
    assert export.OTHER_FORMAT_SUFFIXES is out_names().other and ".json" in export.OTHER_FORMAT_SUFFIXES
    assert export.FOREIGN_SUFFIXES[".xlsx"] == "an Excel workbook" and export.SUFFIX_FORMATS[".pq"] == "parquet"
    assert "/dev/stdout" in export.STDOUT_NAMES
    assert wide_boms()[0] == (b"\xff\xfe\x00\x00", "utf-32", "UTF-32") and wide_boms() is wide_boms()
    assert binary_kind(b"\x1f\x8b\x08\x00").startswith("a gzip-compressed file, not text: decompress it first")
    assert binary_kind(b"BZh91AY&SY...").startswith("a bzip2-compressed file") and binary_kind(b"BZh0") is None
