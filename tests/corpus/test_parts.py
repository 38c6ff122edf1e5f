"""Pure parts of the chronicle: sketches, coreference scores, story choice, monthly series."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kronik.corpus import Sketcher, monthly_series
from kronik.corpus.clusters import cluster_documents
from kronik.corpus.coref import ChronicleCandidate, EventMention, evidence_terms, score_mention
from kronik.corpus.sketch import shingles
from kronik.corpus.stories import (
    StoryCandidate,
    StoryEvent,
    anchored,
    best_story,
    grow,
    story_title,
)
from kronik.evaluation.metrics import bcubed, pairwise
from kronik.records import ChronicleEvent, PartyRecord


@given(st.text(max_size=400))
def test_sketch_never_crashes_and_is_deterministic(text: str) -> None:
    sketcher = Sketcher()
    a, b = sketcher.signature(text), sketcher.signature(text)
    assert len(a) == sketcher.num_perm and sketcher.similarity(a, b) == 1.0
    assert len(sketcher.band_keys(a)) == sketcher.bands
    assert (sketcher.from_bytes(sketcher.to_bytes(a)) == a).all()


def test_sketch_similarity_tracks_overlap() -> None:
    sketcher = Sketcher()
    base = " ".join(f"kata{i}" for i in range(200))
    near = base + " tambahan kecil di akhir"
    far = " ".join(f"lain{i}" for i in range(200))
    assert sketcher.similarity(sketcher.signature(base), sketcher.signature(near)) > 0.9
    assert sketcher.similarity(sketcher.signature(base), sketcher.signature(far)) < 0.1
    assert shingles("satu dua") == [b"satu dua"]


def mention(day: str, keys: set[str], mode: str | None = "visit") -> EventMention:
    return EventMention("a2", "e1", "CONSULT", mode, date.fromisoformat(day), frozenset(keys), frozenset(),
                        evidence_terms("Xi tiba di Moskwa untuk kunjungan"), "a2")


def candidate(day: str, keys: set[str]) -> ChronicleCandidate:
    return ChronicleCandidate("c1", "CONSULT", "visit", date.fromisoformat(day), None, frozenset(keys),
                              evidence_terms("kunjungan Xi ke Moskwa"), frozenset({"a1"}), frozenset({"a1"}))


def test_coreference_blocks_on_window_participants_and_type() -> None:
    near = score_mention(mention("2023-03-21", {"CHN", "RUS"}), candidate("2023-03-20", {"CHN", "RUS"}), 3)
    assert near is not None and near > 0.7
    assert score_mention(mention("2023-04-21", {"CHN", "RUS"}), candidate("2023-03-20", {"CHN", "RUS"}), 3) is None
    assert score_mention(mention("2023-03-20", {"IDN"}), candidate("2023-03-20", {"CHN", "RUS"}), 3) is None
    other_mode = score_mention(mention("2023-03-20", {"CHN", "RUS"}, "phone"), candidate("2023-03-20", {"CHN", "RUS"}), 3)
    assert other_mode is not None and other_mode < near


KPK = PartyRecord("org:IDN-KPK", "Komisi Pemberantasan Korupsi", "organisation", "IDN", "GOV")
BUPATI = PartyRecord("name:rahmat_hidayat", "Rahmat Hidayat", "person", "IDN", "GOV")
INDONESIA = PartyRecord("IDN", "Indonesia", "country", "IDN", "GOV")
BRIBE = {"suap": 3.0, "bupati": 2.0, "tersangka": 2.0, "proyek": 1.0}


def story_event(*parties: PartyRecord, terms: dict[str, float] = BRIBE) -> StoryEvent:
    return StoryEvent({p.key: p for p in parties}, terms, date(2023, 3, 20))


def test_story_choice_needs_a_named_party_and_the_subject() -> None:
    case = StoryCandidate("s1", frozenset({KPK.key, BUPATI.key}), date(2023, 3, 1), BRIBE, {KPK.key: 2, BUPATI.key: 2})
    country = StoryCandidate("s2", frozenset({"IDN"}), date(2023, 3, 1), BRIBE, {"IDN": 5})
    found = best_story(story_event(KPK), [case, country], 1830)
    assert found is not None and found[0].id == "s1"
    # one shared country is never a link, however alike the words
    assert best_story(story_event(INDONESIA), [country, case], 1830) is None
    # the same party on another subject opens another story
    assert best_story(story_event(KPK, terms={"gempa": 3.0, "pengungsi": 2.0}), [case], 1830) is None
    assert best_story(story_event(KPK), [case], 10) is None  # past the gap
    assert anchored({"CHN", "RUS"}) and anchored(set(), {"CHN", "RUS"}) and not anchored({"IDN"}, {"IDN"})


def test_story_title_names_parties_and_subject_not_a_country() -> None:
    names = {KPK.key: KPK.name, BUPATI.key: BUPATI.name, "IDN": "Indonesia"}
    title = story_title({KPK.key: 3, BUPATI.key: 2, "IDN": 4}, names, {"kpk": 9.0, **BRIBE, "@org:IDN-KPK": 8.0})
    assert title == "Komisi Pemberantasan Korupsi, Rahmat Hidayat: suap, bupati, tersangka"
    assert story_title({"RUS": 1, "CHN": 1}, {"CHN": "China", "RUS": "Russia"}, {"kremlin": 1.0}) == "China, Russia: kremlin"


def test_a_story_stays_narrow() -> None:
    counts = {f"name:p{i}": 1 for i in range(12)}
    assert len(grow(counts, ["name:new"], 12)) == 12 and "name:new" not in grow(counts, ["name:new"], 12)
    assert grow({"name:a": 1}, ["name:a", "name:b"], 12) == {"name:a": 2, "name:b": 1}


def chronicle_event(event_id: str, day: date | None, quad: str, intensity: float) -> ChronicleEvent:
    return ChronicleEvent(event_id, "CONSULT", None, day, None, None, [], [], [], quad, intensity, None, "", None,
                          1, 1, 1, None, None)


def test_monthly_series() -> None:
    points = monthly_series([
        chronicle_event("a", date(2023, 3, 20), "VERBAL_COOPERATION", 4.0),
        chronicle_event("b", date(2023, 3, 2), "MATERIAL_CONFLICT", -8.0),
        chronicle_event("c", None, "VERBAL_CONFLICT", -2.0),
    ])
    assert len(points) == 1 and points[0].total == 2 and points[0].mean_intensity == -2.0
    assert points[0].counts["MATERIAL_CONFLICT"] == 1 and points[0].events == ["a", "b"]


def test_clustering_separates_topics_and_scores() -> None:
    texts = [
        "Earthquake of magnitude 6 strikes Indonesia island, buildings collapse, rescue teams search rubble",
        "Rescue teams search rubble after magnitude 6 earthquake strikes Indonesian island, buildings collapse",
        "Actress checks into rehab clinic in Malibu, her representative told the magazine",
        "Her representative said the actress entered a Malibu rehab clinic this week, the magazine reported",
    ]
    clusters = cluster_documents(texts)
    assert clusters.events[0] == clusters.events[1] != clusters.events[2] == clusters.events[3]
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"])["f1"] == 1.0
    assert pairwise([1, 1, 1, 1], ["a", "a", "b", "b"])["precision"] == round(2 / 6, 4)
