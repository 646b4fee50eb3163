"""One CLI convention (issue 11 §3): the same options, exit codes and refusals on every command.

0 all good, 1 some input failed or is invalid (or warned, with --strict), 2 a usage error or a
path that names nothing. Each refusal is one line naming the file; the rest of a batch still runs.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import SEEDS
from tei_encoder.cli import main
from tei_encoder.sniff import not_plain_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "render"
TEI_FILE = FIXTURES / "000_cable.xml"
VALID_TEI = next((ROOT / "tests" / "golden").glob("000_*.xml"))  # the encoder's own, valid
# A record whose second footnote anchor has no body: converted, with one warning.
WARNED = "Talks went on.\n\nThe talks [footnoteRef:1] and [footnoteRef:2] ended.\n\n[1: A note.]\n"


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


NOT_RECORDS = {  # file name → (bytes, what the refusal says)
    "tei.txt": (TEI_FILE.read_bytes(), "already XML (a TEI document): use validate or render"),
    "other.xml": (b'<?xml version="1.0"?>\n<catalogue><item/></catalogue>\n',
                  "already XML (an XML document): use validate or render"),
    "letter.docx": (zipped("[Content_Types].xml", "word/document.xml"),
                    "a Word document (.docx), not a plain-text record: export it as plain text first"),
    "memo.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
                   "a Word (.doc) or other Microsoft Office file, not a plain-text record: export it as plain text first"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                 "a PDF file, not a plain-text record: export it as plain text first"),
    "page.txt": (b"<!DOCTYPE html>\n<html lang=en><body><p>A record saved as a web page.</p></body></html>\n",
                 "an HTML page, not a plain-text record: export it as plain text first"),
    "records.txt": (zipped("a.txt", "b.txt"), "a zip archive, not a plain-text record: export it as plain text first"),
}


# ---------------------------------------------------------------- what convert refuses

@pytest.mark.parametrize("name", NOT_RECORDS)
def test_sniffing_names_what_a_file_is(name: str) -> None:
    data, reason = NOT_RECORDS[name]
    assert not_plain_text(data) == reason


@pytest.mark.parametrize("text", ["A plain record.\n", "<Untitled>\nA record whose first line is in brackets.\n",
                                  "Minutes < 5 and > 3.\n", "\ufeffA record with a byte-order mark.\n"])
def test_sniffing_leaves_plain_text_alone(text: str) -> None:
    assert not_plain_text(text.encode("utf-8")) is None


def test_sniffing_sees_xml_in_utf16() -> None:
    assert not_plain_text(TEI_FILE.read_text(encoding="utf-8").encode("utf-16")) == (
        "already XML (a TEI document): use validate or render")


def test_convert_refuses_what_is_not_a_record_and_converts_the_rest(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.txt").write_text("A good record.\n")
    named = []
    for name, (data, _) in NOT_RECORDS.items():
        (source / name).write_bytes(data)
        named.append(str(source / name))
    # The folder brings good.txt, tei.txt, scan.txt and records.txt; the others are named.
    status = main(["convert", str(source), *[n for n in named if not n.endswith(".txt")],
                   "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert status == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if "converted" not in line]
    assert sorted(lines) == sorted(f"tei-encoder: {source / name}: {reason}" for name, (_, reason) in NOT_RECORDS.items())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.xml"]


# ---------------------------------------------------------------- what render refuses

def test_render_on_plain_text_says_run_convert_first(tmp_path: Path, capsys) -> None:
    record = tmp_path / "record.txt"
    record.write_text("Comrade Stalin said that the talks went well.\n")
    status = main(["render", str(record), str(TEI_FILE), "-o", str(tmp_path / "site"), "-j", "1"])
    assert status == 1
    (line,) = [line for line in capsys.readouterr().err.splitlines() if "record.txt" in line]
    assert line == f"{record}: error [render] not TEI: this is plain text, not XML; run convert first"
    assert (tmp_path / "site" / "000_cable.html").is_file()  # the rest of the batch still ran


# ---------------------------------------------------------------- TEI never mixes with the sources

def test_build_into_the_source_folder_is_refused(tmp_path: Path, capsys) -> None:
    source = tmp_path / "records" / "tei"
    source.mkdir(parents=True)
    shutil.copy(SEEDS[0], source / SEEDS[0].name)
    assert main(["build", str(source), "-o", str(tmp_path / "records"), "-q"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "holds the sources" in line
    assert sorted(p.name for p in source.iterdir()) == [SEEDS[0].name]


def test_convert_of_a_file_into_its_own_folder_is_refused(tmp_path: Path, capsys) -> None:
    record = tmp_path / "r.txt"
    record.write_text("A record.\n")
    assert main(["convert", str(record), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "r.xml").exists()


# ---------------------------------------------------------------- exit codes

def test_validate_of_a_folder_without_xml_is_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("no TEI here\n")
    assert main(["validate", str(tmp_path)]) == 2
    assert "no *.xml or *.tei files in this folder" in capsys.readouterr().out


def test_a_missing_path_is_exit_2_on_every_command(tmp_path: Path, capsys) -> None:
    missing = str(tmp_path / "missing")
    assert main(["convert", missing, str(SEEDS[0]), "-o", str(tmp_path / "tei"), "-q"]) == 2
    assert (tmp_path / "tei" / f"{SEEDS[0].stem}.xml").is_file()  # the rest still ran
    assert main(["render", missing, str(TEI_FILE), "-o", str(tmp_path / "site"), "-q", "-j", "1"]) == 2
    assert (tmp_path / "site" / "000_cable.html").is_file()
    assert main(["validate", missing, str(VALID_TEI)]) == 2
    assert main(["build", missing, "-o", str(tmp_path / "built"), "-q"]) == 2
    assert capsys.readouterr().err.count(missing) >= 3


def test_usage_errors_are_exit_2(capsys) -> None:
    for argv in (["render", "x.xml"], ["validate", "x.xml", "--format", "yaml"], ["convert", "x.txt", "-o", "o", "-j", "0"],
                 ["build", "--nonsense"]):
        with pytest.raises(SystemExit) as error:
            main(argv)
        assert error.value.code == 2, argv


# ---------------------------------------------------------------- the same options everywhere

def test_out_short_and_long_on_every_command_that_writes(tmp_path: Path) -> None:
    assert main(["convert", str(SEEDS[0]), "-o", str(tmp_path / "a"), "-q", "-j", "1"]) == 0
    assert main(["convert", str(SEEDS[0]), "--out", str(tmp_path / "b"), "-q", "-j", "1"]) == 0
    assert (tmp_path / "a" / f"{SEEDS[0].stem}.xml").read_bytes() == (tmp_path / "b" / f"{SEEDS[0].stem}.xml").read_bytes()
    assert main(["render", str(TEI_FILE), "-o", str(tmp_path / "site"), "-q", "-j", "1"]) == 0
    assert (tmp_path / "site" / "000_cable.html").is_file()
    for spelling in ("-o", "--out", "--output"):  # --output: validate's older spelling, kept
        report = tmp_path / f"report{spelling}.json"
        assert main(["validate", str(VALID_TEI), spelling, str(report), "--format", "json", "-j", "1"]) == 0
        assert report.read_text().startswith("{")


def test_render_quiet_prints_nothing_on_success(tmp_path: Path, capsys) -> None:
    assert main(["render", str(TEI_FILE), "-o", str(tmp_path / "site"), "--quiet", "-j", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert main(["render", str(TEI_FILE), "-o", str(tmp_path / "site"), "-j", "1"]) == 0
    assert "rendered 1 of 1" in capsys.readouterr().err


# ---------------------------------------------------------------- --strict

def test_convert_strict_makes_warnings_fail(tmp_path: Path, capsys) -> None:
    record = tmp_path / "in" / "notes.txt"
    record.parent.mkdir()
    record.write_text(WARNED)
    out = str(tmp_path / "out")
    assert main(["convert", str(record), "-o", out, "-j", "1"]) == 0
    assert main(["convert", str(record), "-o", out, "-j", "1", "--strict"]) == 1
    assert "warning [note-anchor-without-body]" in capsys.readouterr().err
    assert main(["convert", str(SEEDS[0]), "-o", out, "-j", "1", "--strict", "-q"]) == 0


def test_validate_strict_makes_warnings_fail(tmp_path: Path, capsys) -> None:
    document = tmp_path / "doc.xml"
    document.write_text('<?xml-model href="nowhere.rng"?>\n' + VALID_TEI.read_text(encoding="utf-8").split("\n", 1)[1],
                        encoding="utf-8")
    assert main(["validate", str(document), "--xml-model", "-j", "1"]) == 0
    assert "warning [xml-model-missing]" in capsys.readouterr().out
    assert main(["validate", str(document), "--xml-model", "-j", "1", "--strict"]) == 1
    assert main(["validate", str(VALID_TEI), "-j", "1", "--strict"]) == 0


def test_validate_quiet_shows_errors_only(tmp_path: Path, capsys) -> None:
    document = tmp_path / "doc.xml"
    document.write_text('<?xml-model href="nowhere.rng"?>\n' + VALID_TEI.read_text(encoding="utf-8").split("\n", 1)[1],
                        encoding="utf-8")
    assert main(["validate", str(document), "--xml-model", "-j", "1", "-q"]) == 0
    out = capsys.readouterr().out
    assert "xml-model-missing" not in out and out.startswith("1 file(s) checked")
