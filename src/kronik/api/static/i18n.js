/* Interface text in Indonesian and English. */
"use strict";
const I18N = {
  id: {
    search: "Cari", searchPlaceholder: "Cari berita, tokoh, tempat…", stories: "Cerita", relations: "Relasi",
    footer: "Berita masuk, kronik keluar.", events: "peristiwa", articles: "artikel", sources: "sumber",
    noStories: "Belum ada cerita. Jalankan `kronik ingest` lebih dulu.", results: "Hasil pencarian",
    noResults: "Tidak ada hasil.", recentEvents: "Peristiwa terbaru", storyEvents: "Linimasa peristiwa",
    storyArticles: "Artikel dalam cerita", timelineTitle: "Linimasa relasi", show: "Tampilkan",
    cooperation: "kerja sama", conflict: "konflik", verbal: "verbal", material: "material",
    intensity: "intensitas rata-rata", removed: "Bagian yang dibuang", related: "Artikel terkait",
    entities: "entitas", dates: "tanggal", quotes: "kutipan", figures: "angka", evidence: "bukti peristiwa",
    published: "Terbit", outlet: "Media", language: "Bahasa", speaker: "penutur", notFound: "Tidak ditemukan",
    actorA: "Aktor A", actorB: "Aktor B", month: "Bulan", type: "Jenis", who: "Pelaku", whom: "Sasaran",
    date: "Tanggal", reports: "laporan", back: "Kembali", legend: "Sorotan",
  },
  en: {
    search: "Search", searchPlaceholder: "Search news, people, places…", stories: "Stories", relations: "Relations",
    footer: "News in, chronicle out.", events: "events", articles: "articles", sources: "sources",
    noStories: "No stories yet. Run `kronik ingest` first.", results: "Search results",
    noResults: "No results.", recentEvents: "Latest events", storyEvents: "Timeline of events",
    storyArticles: "Articles in this story", timelineTitle: "Relation timeline", show: "Show",
    cooperation: "cooperation", conflict: "conflict", verbal: "verbal", material: "material",
    intensity: "mean intensity", removed: "Removed boilerplate", related: "Related articles",
    entities: "entities", dates: "dates", quotes: "quotes", figures: "figures", evidence: "event evidence",
    published: "Published", outlet: "Outlet", language: "Language", speaker: "speaker", notFound: "Not found",
    actorA: "Actor A", actorB: "Actor B", month: "Month", type: "Type", who: "Actor", whom: "Recipient",
    date: "Date", reports: "reports", back: "Back", legend: "Highlights",
  },
};
