"""build/search.py's shard plan: bounded shards whose keys and members depend only on the documents."""

from __future__ import annotations

from tei_encoder.build import search


def test_a_quiet_year_is_one_shard_and_undated_documents_their_own() -> None:
    shards = search.plan_shards([("b", "1947", "10"), ("a", "1947", "01"), ("c", "", "")], size=5)
    assert shards == {"1947": ["a", "b"], "undated": ["c"]}


def test_a_busy_year_splits_by_month_and_a_busy_month_by_hash() -> None:
    documents = [(f"d{n:03}", "1950", "03") for n in range(25)] + [("x", "1950", "04"), ("y", "1950", "")]
    shards = search.plan_shards(documents, size=10)
    assert shards["1950-04"] == ["x"] and shards["1950-00"] == ["y"]
    march = {key: names for key, names in shards.items() if key.startswith("1950-03-")}
    assert sorted(march) == ["1950-03-1", "1950-03-2", "1950-03-3"]  # 25 documents in 3 buckets
    assert sorted(name for names in march.values() for name in names) == [f"d{n:03}" for n in range(25)]


def test_adding_a_document_leaves_the_other_shards_alone() -> None:
    documents = [(f"d{n}", str(1900 + n % 7), f"{n % 12 + 1:02}") for n in range(40)]
    before = search.plan_shards(documents, size=8)
    after = search.plan_shards([*documents, ("new", "1903", "05")], size=8)
    assert {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)} == {"1903"}


def test_the_shard_digest_follows_members_and_settings() -> None:
    members = [("a", "h1"), ("b", "h2")]
    digest = search.shard_digest(members, "settings")
    assert digest == search.shard_digest(list(reversed(members)), "settings")
    assert digest != search.shard_digest([("a", "h1"), ("b", "h3")], "settings")
    assert digest != search.shard_digest(members, "other settings")


def test_the_search_page_merges_every_shard() -> None:
    from lxml import etree

    text = etree.tostring(search.page_content(["1940", "1947-10"]), encoding="unicode")
    assert '["pagefind/shards/1940/", "pagefind/shards/1947-10/"]' in text and "mergeIndex" in text
