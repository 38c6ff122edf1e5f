"""Date expressions on an article's timeline, publication dates, episode dates (own sentences)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik import Engine, RawArticle
from kronik.lang import Languages
from kronik.model import Article, DateValue, Source
from kronik.stages.temporal import DateGrammar, episode_date, resolve, resolve_all

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@cache
def grammar() -> DateGrammar:
    return DateGrammar.load(Languages.load().all())


def timeline(text: str, reference: date | None) -> list[tuple[str, str | None, str | None]]:
    found = list(grammar().find(text))
    return [(text[f.start : f.end], v, e) for f, (v, e, _) in zip(found, resolve_all(found, reference), strict=True)]


def texts(text: str) -> list[str]:
    return [text[f.start : f.end] for f in grammar().find(text)]


WED = date(2020, 8, 12)  # a Wednesday


class TestNotDates:
    @pytest.mark.parametrize("text", [
        "Mereka dijerat UU Nomor 31 Tahun 1999 tentang korupsi.",
        "Sesuai Perppu 1 Tahun 2020 dan PP No. 53 Tahun 2010, lurah diperiksa.",
        "Aturan itu tertuang dalam Peraturan Gubernur Nomor 88 tahun 2019.",
        "Kampanye Pilkada tahun 2020 dibatasi.",
        "Tersangka ditahan selama 20 hari ke depan.",
        "Dalam 3 tahun mendatang, pabrik itu dibangun.",
        "Ia tinggal di sana sejak beberapa tahun lalu.",
        "Pasar dibuka setiap Senin dan Kamis.",
        "Ia tinggal di Pasar Minggu dan rajin salat Jumat.",
        "Kantor buka Senin-Jumat.",
        "Pada minggu ketiga bulan itu hujan turun.",
        "Nilai ekspor mencapai 35 persen.",
    ])
    def test_no_date(self, text: str) -> None:
        assert [t for t in texts(text) if "lalu" not in t] == []

    def test_week_homonym_at_sentence_start_is_the_week(self) -> None:
        assert timeline("Minggu lalu, harga beras naik.", WED) == [("Minggu lalu", "2020-08-03", "2020-08-09")]

    def test_event_year_with_a_cue_is_a_date(self) -> None:
        assert timeline("Pemilihan pada tahun 2024 digelar serentak.", WED) == [("pada tahun 2024", "2024", None)]


class TestWeekdays:
    def test_weekday_with_date_is_one_expression_without_part_of_day(self) -> None:
        assert timeline("Ia ditangkap Jumat (18/12/2020) malam.", WED) == [("Jumat (18/12/2020)", "2020-12-18", None)]
        assert timeline("acara berlangsung kemarin Rabu (13/1/2021) di rumahnya", WED) == [
            ("kemarin Rabu (13/1/2021)", "2021-01-13", None)]
        assert timeline("Tiba di Solo, Minggu, 24 Mei 2020, rombongan disambut.", WED) == [
            ("Minggu, 24 Mei 2020", "2020-05-24", None)]

    def test_bare_weekday_after_an_attribution(self) -> None:
        assert timeline("“Kami siap,” kata Bupati Sleman, Senin.", WED) == [("Senin", "2020-08-10", None)]
        assert timeline("Hingga Rabu malam, hujan masih turun.", WED) == [("Hingga Rabu", "2020-08-12", None)]
        assert timeline("Banjir itu surut Kamis malam.", WED) == [("Kamis", "2020-08-06", None)]

    def test_bare_weekday_takes_the_day_the_article_names(self) -> None:
        text = ("Warga berunjuk rasa pada Selasa (11/8/2020). Polisi menangkap dua orang, Senin (10/8/2020). "
                "Pada Selasa, massa kembali datang. Kedua orang itu dibebaskan Senin malam.")
        values = [(t, v) for t, v, _ in timeline(text, None)]
        assert values == [("Selasa (11/8/2020)", "2020-08-11"), ("Senin (10/8/2020)", "2020-08-10"),
                          ("Pada Selasa", "2020-08-11"), ("Senin", "2020-08-10")]

    def test_weekday_joined_to_a_dated_weekday(self) -> None:
        text = "Laga digelar Rabu (5/8/2020) malam waktu setempat atau Kamis dini hari WIB."
        assert timeline(text, date(2020, 8, 5)) == [("Rabu (5/8/2020)", "2020-08-05", None), ("Kamis", "2020-08-06", None)]
        assert timeline("Ia diperiksa pada Senin tanggal 10 Agustus 2020.", WED) == [
            ("Senin tanggal 10 Agustus 2020", "2020-08-10", None)]

    def test_weekday_with_a_direction(self) -> None:
        assert timeline("Rapat digelar Sabtu kemarin di balai desa.", WED) == [("Sabtu kemarin", "2020-08-08", None)]
        assert timeline("Sidang dilanjutkan Senin depan.", WED) == [("Senin depan", "2020-08-17", None)]


class TestRelativeWords:
    @pytest.mark.parametrize(("text", "value", "end"), [
        ("Ia diperiksa kemarin.", "2020-08-11", None),
        ("Ia diperiksa hari ini.", "2020-08-12", None),
        ("Ia akan diperiksa besok.", "2020-08-13", None),
        ("Dua pelaku ditangkap tadi malam.", "2020-08-11", None),
        ("Banjir terjadi pekan lalu.", "2020-08-03", "2020-08-09"),
        ("Pesawat jatuh akhir pekan lalu.", "2020-08-08", "2020-08-09"),
        ("Harga naik tahun ini.", "2020", None),
        ("Tarif naik bulan depan.", "2020-09", None),
    ])
    def test_deictic_words_count_from_the_publication_date(self, text: str, value: str, end: str | None) -> None:
        (only,) = timeline(text, WED)
        assert only[1:] == (value, end)

    def test_anaphoric_words_count_from_the_date_last_named(self) -> None:
        text = ("Rumah itu digeledah pada 3 Juni 2020. Keesokan harinya, polisi menyita mobil. Selang sehari, "
                "ia menyerahkan diri. Pada hari yang sama, ia diperiksa. Sehari sebelumnya, ia menjual rumah.")
        assert [(t, v) for t, v, _ in timeline(text, WED)] == [
            ("3 Juni 2020", "2020-06-03"), ("Keesokan harinya", "2020-06-04"), ("Selang sehari", "2020-06-05"),
            ("hari yang sama", "2020-06-05"), ("Sehari sebelumnya", "2020-06-04")]

    def test_a_year_named_in_passing_is_no_anchor_for_a_day(self) -> None:
        text = "Ia ditangkap pada 14 Juli 2020. Ia buron sejak 2009. Hari itu ia ditahan."
        assert timeline(text, WED)[-1] == ("Hari itu", "2020-07-14", None)

    def test_anaphora_needs_an_anchor_as_precise_as_itself(self) -> None:
        text = "Pada pertengahan April, tiga orang ditangkap. Tiga hari kemudian, satu lagi. Pada bulan yang sama, dua lagi."
        assert timeline(text, WED) == [("pertengahan April", "2020-04", None), ("Tiga hari kemudian", None, None),
                                       ("bulan yang sama", "2020-04", None)]

    def test_no_reference_leaves_words_of_the_time_of_writing_unresolved(self) -> None:
        assert timeline("Ia diperiksa kemarin dan pekan lalu.", None) == [("kemarin", None, None),
                                                                         ("pekan lalu", None, None)]


class TestMonthsAndRanges:
    def test_month_alone_with_a_cue_or_direction(self) -> None:
        ref = date(2020, 12, 18)
        assert timeline("Ia menjadi tersangka sejak Maret lalu.", ref) == [("sejak Maret lalu", "2020-03", None)]
        assert timeline("Pada pertengahan Maret lalu, lima orang ditangkap.", ref) == [
            ("pertengahan Maret lalu", "2020-03", None)]
        assert timeline("Lagu April dinyanyikan.", ref) == []
        assert timeline("Tur berjalan sejak April hingga Desember ini.", ref) == [
            ("sejak April", "2020-04", None), ("hingga Desember", "2020-12", None)]
        assert timeline("Suku bunga turun pada Agustus.", date(2021, 1, 20)) == [("pada Agustus", "2020-08", None)]

    def test_day_month_with_a_direction(self) -> None:
        ref = date(2020, 12, 18)
        assert timeline("Ia ditetapkan tersangka 5 Maret lalu.", ref) == [("5 Maret lalu", "2020-03-05", None)]
        assert timeline("Sidang digelar 5 Januari mendatang.", ref) == [("5 Januari mendatang", "2021-01-05", None)]

    @pytest.mark.parametrize(("text", "span", "value", "end"), [
        ("Larangan berlaku sejak 24 April hingga 31 Mei mendatang.", "24 April hingga 31 Mei mendatang",
         "2020-04-24", "2020-05-31"),
        ("Operasi berjalan 14 September hingga 20 September 2020.", "14 September hingga 20 September 2020",
         "2020-09-14", "2020-09-20"),
        ("Ia menjabat bupati periode 2016-2021.", "2016-2021", "2016", "2021"),
        ("Beras diselewengkan dari tahun 2017 hingga 2018.", "2017 hingga 2018", "2017", "2018"),
        ("Pameran digelar 28 Desember hingga 3 Januari.", "28 Desember hingga 3 Januari", "2020-12-28", "2021-01-03"),
    ])
    def test_ranges(self, text: str, span: str, value: str, end: str) -> None:
        assert timeline(text, date(2020, 5, 5) if "Mei" in text else date(2020, 12, 20)) == [(span, value, end)]

    def test_year_word_between_month_and_year(self) -> None:
        assert timeline("Aksi pertama digagalkan pada 25 Januari tahun 2020.", WED) == [
            ("25 Januari tahun 2020", "2020-01-25", None)]


class TestPublicationDate:
    def analyze(self, engine: Engine, text: str, url: str | None = None) -> Article:
        return engine.analyze(RawArticle(content="Judul Berita\n\n" + text, source=Source(url=url)))

    def test_url_date(self, engine: Engine) -> None:
        article = self.analyze(engine, "Polisi menangkap pelaku kemarin.",
                               "https://www.contoh.com/news/2017/03/28/123456/polisi-menangkap-pelaku")
        assert article.published == date(2017, 3, 28) and article.published_source == "inferred"
        assert article.dates[0].value == "2017-03-27"
        cnn = self.analyze(engine, "Polisi menangkap pelaku.", "http://www.contoh.com/nasional/20161112230644-12-172253/x/")
        assert cnn.published == date(2016, 11, 12)

    def test_weekday_full_date_anywhere_in_the_body(self, engine: Engine) -> None:
        text = ("Warga mengeluhkan banjir. Air belum surut. Hal itu disampaikan Kepala Desa Suka, "
                "Rabu (12/8/2020). Sejak kemarin, warga mengungsi.")
        article = self.analyze(engine, text)
        assert article.published == date(2020, 8, 12)
        assert [d.value for d in article.dates] == ["2020-08-12", "2020-08-11"]

    def test_weekday_disagreeing_with_its_date_is_no_clue(self, engine: Engine) -> None:
        article = self.analyze(engine, "Hal itu disampaikan Jumat (12/8/2020).")  # 12 August 2020 was a Wednesday
        assert article.published is None

    def test_weekday_a_day_off_is_a_slip_that_keeps_the_year(self, engine: Engine) -> None:
        article = self.analyze(engine, "Hal itu disampaikan Kamis (29/5/2020).")  # a Friday; never a Thursday in 2019/2021
        assert article.published == date(2020, 5, 29)
        assert any("a day off" in w for w in article.warnings)
        # Thursday 6 July was 2017; "Kamis (6/7/2018)" may be a slip of the year: no date
        assert self.analyze(engine, "Hal itu disampaikan Kamis (6/7/2018).").published is None

    def test_historical_date_is_not_the_publication_date(self, engine: Engine) -> None:
        article = self.analyze(engine, "Proklamasi dibacakan pada 17 Agustus 1945 di Jakarta. Kini gedung itu museum.")
        assert article.published is None
        assert any(w.startswith("publication date unknown") for w in article.warnings)
        assert article.dates[0].value == "1945-08-17"

    def test_year_of_a_regulation_does_not_fix_the_year(self, engine: Engine) -> None:
        # 9 March fell on a Thursday in 2017 and 2023; 2017 is only the year of a regulation
        article = self.analyze(engine, "Gubernur menerbitkan aturan pada Kamis (9/3) sesuai Perda Nomor 4 Tahun 2017.")
        assert article.published is None

    def test_older_named_year_does_not_fix_a_later_text(self, engine: Engine) -> None:
        # 2 September fell on a Saturday in 2000, 2006, 2017 and 2023; the text names 2001 and 2012
        text = "Asrama terbakar pada Sabtu (2/9). Kebakaran serupa terjadi pada 2001 dan pada 2012."
        assert self.analyze(engine, text).published is None


class TestEpisodeDate:
    def article(self) -> Article:
        text = ("Polisi menangkap dua pelaku pada Senin (10/8/2020). Keduanya dibawa ke markas. "
                "Pada 2008, mereka pernah ditahan. Barang bukti disita pekan lalu.")
        sentences = [(0, 51), (52, 80), (81, 113), (114, 150)]
        dates = [DateValue("Senin (10/8/2020)", 33, 50, "2020-08-10", None, "day"),
                 DateValue("Pada 2008", 81, 90, "2008", None, "year"),
                 DateValue("pekan lalu", 139, 149, "2020-08-03", "2020-08-09", "week")]
        return Article(text=text, sentences=sentences, dates=dates, published=date(2020, 8, 11))

    def test_sources(self) -> None:
        article = self.article()
        assert (episode_date(article, 8).value, episode_date(article, 8).source) == ("2020-08-10", "sentence")
        assert (episode_date(article, 60).value, episode_date(article, 60).source) == ("2020-08-10", "article_context")
        assert (episode_date(article, 100).value, episode_date(article, 100).source) == ("2008", "sentence")
        assert (episode_date(article, 120).value, episode_date(article, 120).source) == ("2020-08-03", "sentence")

    def test_background_dates_do_not_date_the_episode(self) -> None:
        article = self.article()
        article.dates[0] = DateValue("Senin (10/8/2015)", 33, 50, "2015-08-10", None, "day")
        assert (episode_date(article, 60).value, episode_date(article, 60).source) == ("2020-08-11", "published")
        article.published = None
        assert episode_date(article, 60).value == "2015-08-10"
        article.dates = []
        assert (episode_date(article, 60).value, episode_date(article, 60).source) == (None, "unknown")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_random_text_never_crashes(text: str, reference: date | None) -> None:
    found = list(grammar().find(text))
    for item, (value, end_value, _) in zip(found, resolve_all(found, reference), strict=True):
        assert 0 <= item.start < item.end <= len(text)
        assert value is None or value[:4].isdigit() or value.startswith("XXXX")
        assert end_value is None or value is not None


words = st.sampled_from(WEEKDAYS + MONTHS + ["kemarin", "lalu", "pada", "hingga", "tahun", "Nomor", "selama",
                                             "(", ")", "/", "-", ",", ".", "2020", "12", "3", "sehari", "kemudian"])


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=25), st.dates(date(1995, 1, 1), date(2030, 12, 31)))
def test_date_words_in_any_order_never_crash(tokens: list[str], reference: date) -> None:
    text = " ".join(tokens)
    found = list(grammar().find(text))
    assert len(resolve_all(found, reference)) == len(found)


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1991, 1, 1), date(2030, 12, 31)), st.integers(0, 40))
def test_round_trip(day: date, after: int) -> None:
    weekday = WEEKDAYS[day.weekday()]
    month = MONTHS[day.month - 1]
    reference = day + timedelta(days=after)
    for written in (f"{day.day} {month} {day.year}", f"{weekday} ({day.day}/{day.month}/{day.year})",
                    f"{day.day}/{day.month:02d}/{day.year}", f"{weekday} ({day.day}/{day.month})",
                    f"{weekday}, {day.day} {month}", f"{day.day} {month} lalu"):
        (item,) = list(grammar().find(f"Peristiwa itu terjadi {written} di kota."))
        assert resolve(item, reference)[0] == day.isoformat(), written
