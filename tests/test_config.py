"""The project file (issue 11 section 1): reading and checking it, and what it changes in the TEI."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEEDS, TEI_NS
from tei_encoder.config import Config, ConfigError, KnownPerson, Vocabulary, authority_kind, load_config
from tei_encoder.header.people import registry_for
from tei_encoder.pipeline import encode_bytes

NS = {"t": TEI_NS}
SEED_004 = next(seed for seed in SEEDS if seed.name.startswith("004_"))

PROJECT = """\
[edition]
title = "Anglo-Soviet Conversations, 1940–1949"
publisher = "Example Historical Society"
licence = "CC-BY-4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
base_url = "https://example.org/edition/"
idno_prefix = "asc-"
editors = ["A. Editor", "B. Editor"]

[persons.eden]
name = "Anthony Eden"
forms = ["Iden", "A. Eden"]
authority = ["https://www.wikidata.org/wiki/Q124542"]

[persons]
file = "persons.csv"

[vocabulary]
classification = ["Eyes only"]
titles = ["Vice-Commissar"]
not_persons = ["Politburo"]
role_labels = { "MODERATOR" = "moderator" }
"""
PERSONS_CSV = "id,name,forms,authority\nmaisky,Ivan Maisky,I. M. Maisky|M. Maisky,https://viaf.org/viaf/27070936\n"


def project(folder: Path, text: str = PROJECT, name: str = "tei-encoder.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "persons.csv").write_text(PERSONS_CSV, encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, name: str = "tei-encoder.toml") -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(project(tmp_path, text, name))
    return str(caught.value)


# ---------------------------------------------------------------- reading the file


def test_the_issues_example_is_read_whole(tmp_path: Path) -> None:
    config = load_config(project(tmp_path))
    assert config.edition.publisher == "Example Historical Society"
    assert config.edition.editors == ("A. Editor", "B. Editor")
    assert [p.ident for p in config.persons] == ["eden", "maisky"]  # the table's and the CSV file's, by id
    assert config.persons[1] == KnownPerson("maisky", "Ivan Maisky", ("I. M. Maisky", "M. Maisky"),
                                            ("https://viaf.org/viaf/27070936",))
    assert config.vocabulary == Vocabulary(("Eyes only",), ("Vice-Commissar",), ("Politburo",),
                                           (("MODERATOR", "moderator"),))


def test_the_config_is_a_value_with_a_stable_digest(tmp_path: Path) -> None:
    config = load_config(project(tmp_path))
    again = pickle.loads(pickle.dumps(config))  # workers get it this way
    assert again == config and hash(again) == hash(config) and again.digest() == config.digest()
    assert len(config.digest()) == 64 and config.digest() != Config().digest()
    moved = load_config(project(tmp_path / "elsewhere"))  # where the file lies is no setting
    assert moved.digest() == config.digest()
    changed = load_config(project(tmp_path / "other", PROJECT.replace("asc-", "asd-")))
    assert changed.digest() != config.digest()


def test_no_project_file_is_the_empty_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config(None, (tmp_path,)) == Config()


def test_the_source_folder_comes_before_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path / "here", PROJECT.replace("asc-", "cwd-"))
    project(tmp_path / "source")
    monkeypatch.chdir(tmp_path / "here")
    assert load_config(None, (tmp_path / "source",)).edition.idno_prefix == "asc-"
    assert load_config(None, ()).edition.idno_prefix == "cwd-"


def test_pyproject_tool_table_works_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = PROJECT.replace("[edition]", "[tool.tei-encoder.edition]").replace(
        "[persons", "[tool.tei-encoder.persons").replace("[vocabulary]", "[tool.tei-encoder.vocabulary]")
    text = "[project]\nname = 'x'\n\n" + text
    project(tmp_path, text, "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    assert load_config().digest() == load_config(project(tmp_path / "plain")).digest()
    line = text.splitlines().index('idno_prefix = "asc-"') + 1
    message = error_of(tmp_path / "p", text.replace('idno_prefix = "asc-"', "idno_prefix = 3"), "pyproject.toml")
    assert message.endswith(f"pyproject.toml:{line}: key 'edition.idno_prefix' must be a non-empty string, not a number")


def test_a_pyproject_without_the_table_is_not_a_project_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config()


@pytest.mark.parametrize(("text", "expected"), [
    ('[edition]\ntitle = "x"\n\ntitel = "y"\n', "tei-encoder.toml:4: key 'edition.titel' is not known (did you mean 'title'?)"),
    ('[edition]\ntitle = "x"\neditors = 3\n', "tei-encoder.toml:3: key 'edition.editors' must be a list of non-empty strings, not a number"),
    ('[edition]\ntitle = "x"\n[edition\n', "tei-encoder.toml:3: not valid TOML"),
    ('title = "x"\n', "tei-encoder.toml:1: key 'title' is not known"),
    ('[persons.eden]\nname = "Anthony Eden"\nfroms = ["Iden"]\n', "tei-encoder.toml:3: key 'persons.eden.froms' is not known (did you mean 'forms'?)"),
    ('[persons.eden]\nforms = ["Iden"]\n', "tei-encoder.toml:1: key 'persons.eden.name' is missing"),
    ('[persons]\neden = "Anthony Eden"\n', "tei-encoder.toml:2: key 'persons.eden' must be a table"),
    ('[edition]\nlicence = "CC-BY-4.0"\n', "tei-encoder.toml:2: key 'edition.licence' needs 'edition.publisher'"),
    ('[edition]\npublisher = "P"\nbase_url = "example.org"\n', "tei-encoder.toml:3: key 'edition.base_url' must be an http or https URL"),
    ('[vocabulary]\nrole_labels = { "MOD" = "Mod Erator" }\n', "tei-encoder.toml:2: role 'Mod Erator' of label 'MOD'"),
    ('[persons."1x"]\nname = "N"\n', "tei-encoder.toml:1: person id '1x' must start with a letter"),
    ('[persons.tei-encoder]\nname = "N"\n', "tei-encoder.toml:1: person id 'tei-encoder' is the encoder's own id"),
])
def test_a_mistake_is_one_line_naming_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    message = error_of(tmp_path, text)
    assert message.startswith(str(tmp_path / expected.split(":")[0]))
    assert message.removeprefix(str(tmp_path) + "/").startswith(expected), message
    assert "\n" not in message


def test_a_bad_persons_file_names_its_own_line(tmp_path: Path) -> None:
    path = project(tmp_path, '[persons]\nfile = "persons.csv"\n')
    (tmp_path / "persons.csv").write_text("id,name,forms,authority\neden,Anthony Eden,Iden,\n,No id,,\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{tmp_path / 'persons.csv'}:3: expected 4 columns with an id and a name")


def test_authority_uris_are_typed_by_host() -> None:
    assert authority_kind("https://www.wikidata.org/wiki/Q124542") == "wikidata"
    assert authority_kind("https://viaf.org/viaf/27070936") == "viaf"
    assert authority_kind("https://d-nb.info/gnd/118528335") == "gnd"
    assert authority_kind("https://example.org/people/eden") == "URI"
    assert authority_kind("https://notwikidata.org/wiki/Q1") == "URI"
    assert authority_kind("https://d-nb.info/1234") == "URI"  # the national library, but not its GND


# ---------------------------------------------------------------- the names authority (rule 5)

EDEN = KnownPerson("eden", "Anthony Eden", ("Iden",), ("https://www.wikidata.org/wiki/Q124542",))


def test_an_alias_joins_two_spellings_under_the_authority_id() -> None:
    registry = registry_for((EDEN,))
    first, second = registry.mention("A. Iden"), registry.mention("Eden")
    assert first == second == "eden"
    person, = registry.persons()
    assert person.ident == "eden" and person.names[0] == "Anthony Eden" and set(person.names) >= {"A. Iden", "Eden"}
    assert person.authority == EDEN.authority
    assert registry.aliases() == (("eden", "Anthony Eden", "A. Iden"),)  # Eden is Eden by rule 4: no alias


def test_without_the_authority_the_spellings_stay_apart() -> None:
    registry = registry_for()
    assert registry.mention("A. Iden") != registry.mention("Eden")


def test_the_authority_id_is_kept_and_a_namesake_steps_aside() -> None:
    registry = registry_for((EDEN,))
    other = registry.mention("C. Eden")  # forenames conflict with Anthony: another person
    registry.mention("Eden")
    ids = {p.ident for p in registry.persons()}
    assert "eden" in ids and registry.final_id(other) != "eden"


def test_the_vocabulary_extends_the_built_in_lists() -> None:
    vocabulary = Vocabulary(titles=("Vice-Commissar",), not_persons=("Narkomindel",),
                            role_labels=(("MODERATOR", "moderator"),))
    registry, plain = registry_for((), vocabulary), registry_for()
    for each in (registry, plain):
        each.mention("Vice-Commissar Vyshinsky")
    assert registry.resolve("the Vice-Commissar") == registry.resolve("Vyshinsky")  # rule 6 knows the title
    assert plain.resolve("the Vice-Commissar") is None
    assert registry.mention("Narkomindel") is None and plain.mention("Narkomindel") is not None
    registry.mention("MODERATOR:")
    plain.mention("MODERATOR:")
    assert registry.persons()[-1].roles == ("moderator",) and registry.persons()[-1].names == ()  # rule 7
    assert plain.persons()[-1].names == ("MODERATOR",)  # without the label table: a person named so


# ---------------------------------------------------------------- the header


def tei_of(seed: Path, config: Config) -> etree._Element:
    return etree.fromstring(encode_bytes(seed.read_bytes(), seed.name, config=config))


def test_the_header_carries_what_the_file_states(tmp_path: Path) -> None:
    root = tei_of(SEED_004, load_config(project(tmp_path)))
    stem = SEED_004.stem
    publication = root.find(".//t:fileDesc/t:publicationStmt", NS)
    assert publication.findtext("t:publisher", namespaces=NS) == "Example Historical Society"
    assert publication.findtext("t:idno[@type='edition']", namespaces=NS) == f"asc-{stem}"
    assert publication.findtext("t:idno[@type='URI']", namespaces=NS) == f"https://example.org/edition/{stem}.html"
    licence = publication.find("t:availability/t:licence", NS)
    assert licence.text == "CC-BY-4.0" and licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert root.xpath("//t:titleStmt/t:editor/text()", namespaces=NS) == ["A. Editor", "B. Editor"]
    assert root.xpath("//t:seriesStmt/t:title/text()", namespaces=NS) == ["Anglo-Soviet Conversations, 1940–1949"]


def test_iden_and_eden_are_one_person_with_the_alias_stated(tmp_path: Path) -> None:
    root = tei_of(SEED_004, load_config(project(tmp_path)))
    eden = root.xpath(".//t:particDesc//t:person[@xml:id='eden']", namespaces=NS)[0]
    names = eden.xpath("t:persName/text()", namespaces=NS)
    assert names[0] == "Anthony Eden" and "A. Iden" in names and "Eden" in names
    assert eden.findtext("t:idno[@type='wikidata']", namespaces=NS) == "https://www.wikidata.org/wiki/Q124542"
    assert root.xpath("//t:head//t:persName[@ref='#eden']/text()", namespaces=NS) == ["A. Iden"]
    stated = " ".join(root.xpath("//t:editorialDecl/t:interpretation/t:p/text()", namespaces=NS))
    assert "“A. Iden” was identified as Anthony Eden (#eden)" in stated
    maisky = root.xpath(".//t:particDesc//t:person[@xml:id='maisky']", namespaces=NS)[0]  # from the CSV file
    assert maisky.findtext("t:persName", namespaces=NS) == "Ivan Maisky"
    assert maisky.findtext("t:idno[@type='viaf']", namespaces=NS) == "https://viaf.org/viaf/27070936"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem[:3])
def test_with_a_project_file_every_seed_stays_valid(tmp_path: Path, seed: Path, tei_all) -> None:
    from conftest import assert_valid
    from tei_encoder.validate import Severity, Validator

    tei = encode_bytes(seed.read_bytes(), seed.name, config=load_config(project(tmp_path)))
    assert not [d for d in Validator().validate_bytes(tei, seed.name) if d.severity is Severity.ERROR]
    assert_valid(tei_all, tei, seed.name)


def test_without_a_project_file_nothing_is_invented() -> None:
    root = tei_of(SEED_004, Config())
    assert root.find(".//t:publicationStmt/t:publisher", NS) is None
    assert root.find(".//t:seriesStmt", NS) is None and root.find(".//t:titleStmt/t:editor", NS) is None
    assert root.xpath(".//t:person[@xml:id='eden']", namespaces=NS) and not root.xpath(".//t:person/t:idno", namespaces=NS)


# ---------------------------------------------------------------- every command


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_encoder", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.mark.parametrize("command", ["convert", "validate", "render", "build"])
@pytest.mark.parametrize(("text", "expected"), [
    ('[edition]\ntitel = "y"\n', ":2: key 'edition.titel' is not known (did you mean 'title'?)"),
    ('[edition]\neditors = "A"\ntitle = 4\n', ":3: key 'edition.title' must be a non-empty string, not a number"),
    ('[edition\n', ":1: not valid TOML"),
])
def test_every_command_stops_on_a_bad_project_file(tmp_path: Path, command: str, text: str, expected: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text)
    out = tmp_path / "out"
    inputs = {"convert": [str(SEEDS[0]), "--out", str(out)], "validate": [str(SEEDS[0])],
              "render": [str(SEEDS[0]), "--out", str(out)], "build": [str(SEEDS[0].parent), "--out", str(out)]}
    result = run(command, *inputs[command], "--config", str(config))
    assert result.returncode == 2
    assert result.stderr.startswith(f"tei-encoder: {config}{expected}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*.xml"))  # nothing written


def test_a_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    result = run("convert", str(SEEDS[0]), "--out", str(tmp_path / "out"), "--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2 and result.stderr.strip() == f"tei-encoder: {tmp_path / 'none.toml'}: no such project file"


def test_convert_finds_the_project_file_in_the_current_folder(tmp_path: Path) -> None:
    project(tmp_path)
    result = run("convert", str(SEED_004), "--out", "out", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"<publisher>Example Historical Society</publisher>" in (tmp_path / "out" / f"{SEED_004.stem}.xml").read_bytes()


def test_build_with_the_project_file_done_means(tmp_path: Path, tei_all) -> None:
    """Issue 11's test: the seeds built with the issue's project file, checked in the TEI and the HTML."""
    from conftest import assert_valid

    source = tmp_path / "records"
    source.mkdir()
    for seed in SEEDS:
        (source / seed.name).write_bytes(seed.read_bytes())
    project(source)  # found in the source folder, not the current one
    result = run("build", str(source), "--out", str(tmp_path / "site"), "-q", "-j", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Anglo-Soviet Conversations, 1940–1949" in (site / "index.html").read_text(encoding="utf-8")
    tei = etree.parse(str(site / "tei" / f"{SEED_004.stem}.xml"))
    assert tei.xpath("//t:publicationStmt/t:idno[@type='URI']/text()", namespaces=NS) == [
        f"https://example.org/edition/{SEED_004.stem}.html"]
    assert tei.xpath("//t:person[@xml:id='eden']/t:persName/text()", namespaces=NS)[0] == "Anthony Eden"
    persons_xml = (site / "tei" / "persons.xml").read_bytes()
    assert_valid(tei_all, persons_xml, "persons.xml")
    persons = etree.fromstring(persons_xml)
    eden = persons.xpath(".//t:listPerson/t:person[@xml:id='eden']", namespaces=NS)[0]
    names = eden.xpath("t:persName/text()", namespaces=NS)
    assert names[0] == "Anthony Eden" and {"A. Iden", "Eden"} <= set(names)
    assert eden.findtext("t:idno[@type='wikidata']", namespaces=NS) == "https://www.wikidata.org/wiki/Q124542"
    pointers = {ptr.get("target").split("#")[0] for ptr in eden.iterfind("t:ptr", NS)}
    assert pointers == {"002_0215c096726144f6.xml", f"{SEED_004.stem}.xml"}  # #eden is Eden in both
    for target in pointers:
        assert (site / "tei" / target).is_file()
    stalin = persons.xpath(".//t:listPerson/t:person[@xml:id='stalin']", namespaces=NS)[0]
    assert len(stalin.findall("t:ptr", NS)) >= 3 and "speaker" in stalin.get("role").split()


def test_the_personography_is_the_same_bytes_every_build(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"site{jobs}"
        assert run("build", "--out", str(out), "-q", "-j", jobs, cwd=tmp_path).returncode in (0, 1)
        outputs.append((out / "tei" / "persons.xml").read_bytes())
    assert outputs[0] == outputs[1] and b"<listPerson>" in outputs[0]


def test_an_editions_own_classification_is_a_classification() -> None:
    record = b"Sovershenno sekretno\n\nMemorandum of conversation with Mr. Smith\n\nMr. Smith said that it was fine.\n"
    terms = "//t:textClass//t:term[@type='classification']/text()"
    plain = etree.fromstring(encode_bytes(record, "r.txt"))
    assert plain.xpath(terms, namespaces=NS) == []
    config = Config(vocabulary=Vocabulary(classification=("Sovershenno sekretno",)))
    marked = etree.fromstring(encode_bytes(record, "r.txt", config=config))
    assert marked.xpath(terms, namespaces=NS) == ["Sovershenno sekretno"]


def test_render_takes_the_edition_title_unless_told_otherwise(tmp_path: Path) -> None:
    from conftest import GOLDEN

    config = project(tmp_path / "project")
    tei = str(GOLDEN / f"{SEED_004.stem}.xml")
    assert run("render", tei, "--out", str(tmp_path / "a"), "--config", str(config)).returncode == 0
    assert "Anglo-Soviet Conversations, 1940–1949</a>" in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert run("render", tei, "--out", str(tmp_path / "b"), "--config", str(config), "--title", "Mine").returncode == 0
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "Mine</a>" in index and "Anglo-Soviet" not in index


def test_rendering_a_builds_tei_folder_leaves_the_personography_out(tmp_path: Path) -> None:
    import shutil

    from conftest import GOLDEN
    from tei_encoder.model import EditionStatement
    from tei_encoder.writer.personography import personography_of_files

    folder = tmp_path / "tei"
    folder.mkdir()
    for golden in sorted(GOLDEN.glob("*.xml")):
        shutil.copy(golden, folder / golden.name)
    (folder / "persons.xml").write_bytes(personography_of_files(sorted(folder.glob("*.xml")), EditionStatement()))
    result = run("render", str(folder), "--out", str(tmp_path / "site"), "-j", "1")
    assert result.returncode == 0, result.stderr
    assert f"rendered {len(SEEDS)} of {len(SEEDS)} documents" in result.stderr
    assert not list((tmp_path / "site").glob("persons-*.html"))


def test_a_project_role_label_gives_a_valid_role_person() -> None:
    from tei_encoder.validate import Severity, Validator

    record = b"Interview transcript\n\nMODERATOR: Welcome.\n\nSMITH: Thank you.\n\nMODERATOR: Tell us more.\n"
    config = Config(vocabulary=Vocabulary(role_labels=(("MODERATOR", "moderator"),)))
    tei = encode_bytes(record, "r.txt", config=config)
    root = etree.fromstring(tei)
    moderator = root.xpath("//t:person[@xml:id='moderator']", namespaces=NS)[0]
    assert "moderator" in moderator.get("role").split() and moderator.find("t:persName", NS) is None
    assert root.xpath("//t:sp/@who", namespaces=NS).count("#moderator") == 2
    assert not [d for d in Validator().validate_bytes(tei, "r.xml") if d.severity is Severity.ERROR]


def test_an_alias_the_names_table_applied_is_a_guess_in_the_trace(tmp_path: Path) -> None:
    from tei_encoder.pipeline import encode
    from tei_encoder.source import source_from_bytes

    document, _ = encode(source_from_bytes(SEED_004.read_bytes(), SEED_004.name), config=load_config(project(tmp_path)))
    aliases = [d for d in document.trace if d.rule == "names-authority-alias"]
    assert [(d.target_id, d.certain) for d in aliases] == [("eden", False)]
    assert aliases[0].detail.startswith("A. Iden = Anthony Eden") and aliases[0].first_line > 0
