/* kronik dashboard: a small hash-routed page over the REST API (no external scripts). */
"use strict";
(function () {
  const view = document.getElementById("view");
  let lang = localStorage.getItem("kronik-lang") || ((navigator.language || "id").startsWith("id") ? "id" : "en");
  const t = (key) => (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key;
  const QUADS = ["VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"];

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }
  function applyI18n() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    document.getElementById("lang").textContent = lang === "id" ? "EN" : "ID";
  }
  const side = (actors) => actors.map((a) => a.country || a.name).filter((v, i, all) => all.indexOf(v) === i).join("+") || "–";
  const eventLine = (e) => `<span class="pill ${esc(e.quad)}">${esc(e.type)}${e.mode ? " · " + esc(e.mode) : ""}</span> ${esc(side(e.actors))} → ${esc(side(e.recipients))}`;

  function sparkline(points, width = 150, height = 34) {
    if (!points || !points.length) return "";
    const months = points.map((p) => p.month), max = Math.max(...points.map((p) => p.events));
    const first = monthIndex(months[0]), span = Math.max(1, monthIndex(months[months.length - 1]) - first);
    const bars = points.map((p) => {
      const x = 4 + ((monthIndex(p.month) - first) / span) * (width - 12), h = 4 + (p.events / max) * (height - 8);
      return `<rect x="${x.toFixed(1)}" y="${(height - h).toFixed(1)}" width="4" height="${h.toFixed(1)}" fill="#0b6e99"><title>${esc(p.month)}: ${p.events}</title></rect>`;
    }).join("");
    return `<svg class="sparkline" width="${width}" height="${height}" role="img" aria-label="sparkline">${bars}</svg>`;
  }
  const monthIndex = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

  async function home(query, actor) {
    if (query) return search(query);
    const filter = actor ? `&actor=${encodeURIComponent(actor)}` : "";
    const [stories, events] = await Promise.all([api(`/api/stories?limit=50${filter}`), api(`/api/events?limit=15${filter}`)]);
    const list = stories.items.map((s) => `
      <div class="card story" data-story="${esc(s.id)}">
        <div><a class="title" href="#/story/${encodeURIComponent(s.id)}">${esc(s.title)}</a>
          <div class="meta">${s.num_events} ${t("events")} · ${esc(s.first_date || "?")} → ${esc(s.last_date || "?")}
          ${s.terms.length ? " · " + esc(s.terms.slice(0, 6).join(", ")) : ""}</div></div>
        <div>${sparkline(s.sparkline)}</div>
      </div>`).join("");
    view.innerHTML = `<div class="grid2"><section><h1>${t("stories")}${actor ? " · " + esc(actor) : ""}</h1>
      <form class="timeline-form" id="story-actor"><label>${t("actorA")}<br><input name="actor" value="${esc(actor || "")}" placeholder="CHN, Rusia, Joko Widodo"></label><button type="submit">${t("show")}</button></form>
      ${list || `<p class="empty">${t("noStories")}</p>`}</section>
      <section><h2>${t("recentEvents")}</h2>${events.items.map((e) => `<div class="card"><div class="meta">${esc(e.date || "?")} · ${e.num_articles} ${t("articles")}</div>${eventLine(e)}<div class="meta">${esc(e.evidence.slice(0, 140))}</div></div>`).join("")}</section></div>`;
    document.getElementById("story-actor").addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.hash = `#/?actor=${encodeURIComponent(new FormData(ev.target).get("actor"))}`;
    });
  }

  async function search(query) {
    const found = await api(`/api/articles?limit=50&q=${encodeURIComponent(query)}`);
    view.innerHTML = `<h1>${t("results")}: “${esc(query)}” (${found.total})</h1>` + (found.items.map((a) => `
      <div class="card"><a href="#/article/${encodeURIComponent(a.id)}"><strong>${esc(a.title || a.id)}</strong></a>
      <div class="meta">${esc(a.published || "?")} · ${esc(a.outlet || "")} · ${esc(a.language || "")}</div></div>`).join("") || `<p class="empty">${t("noResults")}</p>`);
  }

  function storyChart(events, width = 900, height = 140) {
    const dated = events.filter((e) => e.date);
    if (!dated.length) return "";
    const days = dated.map((e) => Date.parse(e.date)), lo = Math.min(...days), hi = Math.max(...days), span = Math.max(hi - lo, 86400000);
    const dots = dated.map((e, i) => {
      const x = 30 + ((Date.parse(e.date) - lo) / span) * (width - 60), r = 5 + Math.min(10, 2 * e.num_articles);
      const conflict = (e.quad || "").includes("CONFLICT"), y = conflict ? height * 0.68 : height * 0.32;
      return `<circle cx="${x.toFixed(1)}" cy="${y}" r="${r}" fill="${conflict ? "#c0392b" : "#2e8b57"}" fill-opacity=".55"><title>${esc(e.date)} ${esc(e.type)} · ${e.num_articles} ${t("articles")}, ${e.num_sources} ${t("sources")}</title></circle>`;
    }).join("");
    const first = new Date(lo).toISOString().slice(0, 10), last = new Date(hi).toISOString().slice(0, 10);
    return `<svg width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-label="story timeline">
      <line x1="30" x2="${width - 30}" y1="${height / 2}" y2="${height / 2}" stroke="#dde3ea"/>${dots}
      <text x="30" y="${height - 4}">${first}</text><text x="${width - 30}" y="${height - 4}" text-anchor="end">${last}</text>
      <text x="30" y="12">${t("cooperation")}</text><text x="30" y="${height - 18}">${t("conflict")}</text></svg>`;
  }

  async function story(id) {
    const s = await api(`/api/stories/${encodeURIComponent(id)}`);
    const rows = s.events.map((e) => `<tr><td>${esc(e.date || "?")}</td><td>${eventLine(e)}</td>
      <td>${e.num_articles} ${t("articles")} · ${e.num_sources} ${t("sources")}</td><td class="meta">${esc(e.evidence.slice(0, 160))}</td></tr>`).join("");
    const articles = s.articles.map((a) => `<li><a href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || a.id)}</a> <span class="meta">${esc(a.published || "?")} · ${esc(a.outlet || "")}</span></li>`).join("");
    const [a, b] = s.participants;
    view.innerHTML = `<h1>${esc(s.title)}</h1><p class="meta">${s.num_events} ${t("events")} · ${esc(s.first_date || "?")} → ${esc(s.last_date || "?")}
      ${b ? ` · <a href="#/timeline?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}">${t("timelineTitle")}</a>` : ""}</p>
      <div class="card">${storyChart(s.events)}</div>
      <h2>${t("storyEvents")}</h2><table><thead><tr><th>${t("date")}</th><th>${t("type")}</th><th>${t("reports")}</th><th></th></tr></thead><tbody>${rows}</tbody></table>
      <h2>${t("storyArticles")}</h2><ul>${articles}</ul>`;
  }

  function relationChart(months, width = 900, height = 220) {
    if (!months.length) return `<p class="empty">${t("noResults")}</p>`;
    const max = Math.max(1, ...months.map((m) => Math.max(m.counts.VERBAL_COOPERATION + m.counts.MATERIAL_COOPERATION, m.counts.VERBAL_CONFLICT + m.counts.MATERIAL_CONFLICT)));
    const mid = height / 2, w = Math.max(6, Math.min(40, (width - 60) / months.length - 4));
    const bars = months.map((m, i) => {
      const x = 30 + i * ((width - 60) / months.length), coop = m.counts.VERBAL_COOPERATION + m.counts.MATERIAL_COOPERATION;
      const conf = m.counts.VERBAL_CONFLICT + m.counts.MATERIAL_CONFLICT, hc = (coop / max) * (mid - 24), hf = (conf / max) * (mid - 24);
      return `<g><rect x="${x}" y="${mid - hc}" width="${w}" height="${hc}" fill="#2e8b57"><title>${m.month}: ${coop} ${t("cooperation")}</title></rect>
        <rect x="${x}" y="${mid}" width="${w}" height="${hf}" fill="#c0392b"><title>${m.month}: ${conf} ${t("conflict")}</title></rect>
        <text x="${x}" y="${height - 2}">${m.month}</text></g>`;
    }).join("");
    return `<svg width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-label="relation timeline">
      <line x1="30" x2="${width - 30}" y1="${mid}" y2="${mid}" stroke="#999"/>${bars}
      <text x="${width - 30}" y="14" text-anchor="end">▲ ${t("cooperation")}</text><text x="${width - 30}" y="${height - 16}" text-anchor="end">▼ ${t("conflict")}</text></svg>`;
  }

  async function timeline(params) {
    const a = params.get("a") || "CHN", b = params.get("b") || "RUS";
    const data = await api(`/api/timeline?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    const rows = data.months.map((m) => `<tr><td>${esc(m.month)}</td><td>${m.counts.VERBAL_COOPERATION}/${m.counts.MATERIAL_COOPERATION}</td>
      <td>${m.counts.VERBAL_CONFLICT}/${m.counts.MATERIAL_CONFLICT}</td><td>${m.mean_intensity == null ? "–" : m.mean_intensity}</td></tr>`).join("");
    view.innerHTML = `<h1>${t("timelineTitle")}: ${esc(data.a)} – ${esc(data.b)}</h1>
      <form class="timeline-form" id="pair"><label>${t("actorA")}<br><input name="a" value="${esc(a)}"></label>
      <label>${t("actorB")}<br><input name="b" value="${esc(b)}"></label><button type="submit">${t("show")}</button></form>
      <div class="card">${relationChart(data.months)}</div>
      <table><thead><tr><th>${t("month")}</th><th>${t("cooperation")} (${t("verbal")}/${t("material")})</th><th>${t("conflict")} (${t("verbal")}/${t("material")})</th><th>${t("intensity")}</th></tr></thead><tbody>${rows}</tbody></table>
      <h2>${t("events")} (${data.events.length})</h2>${data.events.map((e) => `<div class="card"><div class="meta">${esc(e.date || "?")} · ${e.num_articles} ${t("articles")}</div>${eventLine(e)}<div class="meta">${esc(e.evidence.slice(0, 200))}</div></div>`).join("")}`;
    document.getElementById("pair").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const form = new FormData(ev.target);
      location.hash = `#/timeline?a=${encodeURIComponent(form.get("a"))}&b=${encodeURIComponent(form.get("b"))}`;
    });
  }

  /* Clean text with every extraction highlighted: spans are cut at all their boundaries. */
  function highlight(article) {
    const spans = [];
    for (const e of article.entities || []) for (const m of e.mentions) spans.push({ start: m.start, end: m.end, cls: `hl-${e.type}`, tip: `${e.name} · ${e.type}${e.country ? " · " + e.country : ""}${e.role ? " · " + e.role : ""}` });
    for (const d of article.dates || []) spans.push({ start: d.start, end: d.end, cls: "hl-date", tip: `${t("date")}: ${d.value}${d.end_value ? " → " + d.end_value : ""}` });
    for (const f of article.figures || []) spans.push({ start: f.start, end: f.end, cls: "hl-figure", tip: `${f.value} ${f.unit || ""}${f.measure ? " · " + f.measure : ""}` });
    for (const q of article.quotes || []) spans.push({ start: q.start, end: q.end, cls: "hl-quote", tip: `${t("speaker")}: ${q.speaker || "?"}` });
    for (const e of article.events || []) spans.push({ start: e.start, end: e.end, cls: "hl-event", tip: `${e.type}${e.mode ? " · " + e.mode : ""}: ${side(e.actors)} → ${side(e.recipients)} ${e.date || ""}` });
    const text = article.text, cuts = new Set([0, text.length]);
    spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
    const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
    let html = "";
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1], on = spans.filter((s) => s.start <= a && s.end >= b);
      const piece = esc(text.slice(a, b));
      html += on.length ? `<span class="${on.map((s) => s.cls).join(" ")}" title="${esc(on.map((s) => s.tip).join("\n"))}">${piece}</span>` : piece;
    }
    return html;
  }

  async function article(id) {
    const [a, related] = await Promise.all([api(`/api/articles/${encodeURIComponent(id)}`), api(`/api/articles/${encodeURIComponent(id)}/related`)]);
    const legend = [["hl-PERSON", "PERSON"], ["hl-ORG", "ORG"], ["hl-GPE", "GPE"], ["hl-LOC", "LOC"], ["hl-date", t("dates")], ["hl-figure", t("figures")], ["hl-quote", t("quotes")], ["hl-event", t("evidence")]]
      .map(([cls, label]) => `<label><span class="sw ${cls}"></span>${esc(label)}</label>`).join("");
    const removed = (a.removed || []).map((r) => `<li><strong>${esc(r.reason)}</strong>: ${esc(r.text.slice(0, 200))}</li>`).join("");
    const rel = related.items.map((r) => `<li><a href="#/article/${encodeURIComponent(r.id)}">${esc(r.title || r.id)}</a> <span class="meta">${esc(r.published || "?")} · ${esc(r.reason)}</span></li>`).join("");
    view.innerHTML = `<h1>${esc(a.title || a.id)}</h1>
      <p class="meta">${t("published")}: ${esc(a.published || "?")} · ${t("outlet")}: ${esc((a.source && a.source.outlet) || (a.dateline && a.dateline.outlet) || "–")} · ${t("language")}: ${esc(a.language || "?")}
      · ${a.entities.length} ${t("entities")} · ${a.events.length} ${t("events")} · ${a.quotes.length} ${t("quotes")}</p>
      <div class="grid2"><section><div class="legend">${t("legend")}: ${legend}</div><div class="article-text" id="article-text">${highlight(a)}</div>
      <details><summary>${t("removed")} (${(a.removed || []).length})</summary><ul>${removed}</ul></details></section>
      <aside><h2>${t("related")}</h2><ul>${rel || `<li class="empty">${t("noResults")}</li>`}</ul>
      <h2>${t("events")}</h2>${a.events.map((e) => `<div class="card"><div class="meta">${esc(e.date || "?")}</div>${eventLine(e)}</div>`).join("")}</aside></div>`;
  }

  async function route() {
    applyI18n();
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, query] = hash.split("?");
    const params = new URLSearchParams(query || "");
    try {
      if (path.startsWith("/story/")) await story(decodeURIComponent(path.slice(7)));
      else if (path.startsWith("/article/")) await article(decodeURIComponent(path.slice(9)));
      else if (path.startsWith("/timeline")) await timeline(params);
      else await home(params.get("q"), params.get("actor"));
    } catch (error) {
      view.innerHTML = `<p class="empty">${t("notFound")}: ${esc(error.message)}</p>`;
    }
    document.body.dataset.ready = "1";
  }

  document.getElementById("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/?q=${encodeURIComponent(document.getElementById("q").value)}`;
  });
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "id" ? "en" : "id";
    localStorage.setItem("kronik-lang", lang);
    route();
  });
  window.addEventListener("hashchange", route);
  route();
})();
