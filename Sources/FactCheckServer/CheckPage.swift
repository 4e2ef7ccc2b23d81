import Hummingbird
import FactCheck

/// The page at `/`: paste a draft, see its figures highlighted and each finding beside the archived sentences
/// it contradicts. One self-contained document — inline style and script, no fonts, images or scripts to
/// fetch (its Content-Security-Policy forbids them) — that talks to `/v1/check` and works on a phone.
enum CheckPage {
  static func response() -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.contentSecurityPolicy] =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"
    headers[.cacheControl] = "no-store"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>FactCheck — check a draft</title>
    <style>
    \#(HTMLStyle.palette)
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.25rem 3rem; color: var(--fg); background: var(--bg);
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    h1 { font-size: 1.5rem; margin: .25rem 0 .75rem; }
    h2 { font-size: 1.15rem; margin: 0 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    .muted { color: var(--muted); }
    form { display: grid; gap: .5rem; }
    textarea { width: 100%; min-height: 12rem; font: inherit; padding: .6rem; border: 1px solid var(--line); border-radius: 6px;
      background: var(--panel); color: var(--fg); resize: vertical; }
    .controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
    .controls label { font-size: .9rem; }
    select, input { font: inherit; padding: .3rem .4rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
    button { font: inherit; font-weight: 600; padding: .45rem 1.2rem; border: 0; border-radius: 6px; background: var(--link); color: var(--bg); cursor: pointer; min-height: 2.75rem; }
    button:disabled { opacity: .6; }
    #status { font-weight: 600; }
    #status.error { color: var(--error); }
    .results { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); gap: 1.25rem; margin-top: 1.25rem; }
    @media (max-width: 50rem) { .results { grid-template-columns: minmax(0, 1fr); } }
    .hidden { display: none; }
    #text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
    mark.claim { background: var(--claim-bg); color: inherit; border-radius: 3px; padding: 0 .1em; position: relative; cursor: help; outline-offset: 1px; }
    mark.claim.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
    mark.claim.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px var(--warning); }
    mark.claim.sev-note { background: var(--note-bg); box-shadow: inset 0 -2px var(--note); }
    mark.claim .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; min-width: 14rem; max-width: 22rem;
      background: var(--tip-bg); color: var(--tip-fg); font-size: .85rem; line-height: 1.35; padding: .45rem .6rem; border-radius: 6px; white-space: normal; }
    mark.claim:hover .tip, mark.claim:focus .tip { display: block; }
    .badge { display: inline-block; min-width: 4.5em; text-align: center; border-radius: 999px; padding: 0 .5em; font-size: .8rem;
      font-weight: 700; text-transform: uppercase; letter-spacing: .03em; vertical-align: .1em; }
    .badge.sev-error { background: var(--error); color: var(--bg); }
    .badge.sev-warning { background: var(--warning); color: var(--bg); }
    .badge.sev-note { background: var(--note); color: var(--bg); }
    ol.findings { list-style: none; padding: 0; margin: 0; }
    li.finding { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; background: var(--panel); padding: .6rem .9rem; margin: 0 0 .75rem; }
    li.finding.sev-error { border-left-color: var(--error); }
    li.finding.sev-warning { border-left-color: var(--warning); }
    li.finding.sev-note { border-left-color: var(--note); }
    li.finding:target, li.finding.focus { outline: 2px solid var(--link); }
    .finding .message { font-weight: 600; overflow-wrap: anywhere; }
    .sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .75rem; margin-top: .5rem; }
    @media (max-width: 36rem) { .sides { grid-template-columns: minmax(0, 1fr); } }
    .side h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 .25rem; }
    .cite { margin: 0 0 .5rem; padding-left: .6rem; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
    .cite .source { font-size: .85rem; color: var(--muted); }
    .cite b { background: var(--claim-bg); border-radius: 3px; padding: 0 .1em; }
    .cite.draft b { background: var(--error-bg); }
    ul.details { margin: .4rem 0 0; padding-left: 1.2rem; color: var(--muted); font-size: .9rem; }
    a { color: var(--link); }
    </style>
    </head>
    <body>
    <h1>FactCheck</h1>
    <p class="muted">Paste a draft: its figures are checked against the articles already published (the claim archive). Nothing leaves this server.</p>
    <form id="form">
      <label for="draft" class="muted">Draft (Markdown or plain text; YAML front matter allowed)</label>
      <textarea id="draft" name="draft" placeholder="Klarna emploie aujourd’hui 3 500 personnes…" required></textarea>
      <div class="controls">
        <label>Language <select id="language"><option value="">detect</option><option value="fr">French</option><option value="en">English</option></select></label>
        <label>Published <input id="published" type="date"></label>
        <label id="token-label" class="hidden">Token <input id="token" type="password" autocomplete="off"></label>
        <button id="check" type="submit">Check</button>
        <span id="status" role="status" aria-live="polite"></span>
      </div>
    </form>
    <div id="results" class="results hidden">
      <section><h2>Draft</h2><div id="text" lang=""></div></section>
      <section><h2 id="findings-title">Findings</h2><ol id="findings" class="findings"></ol></section>
    </div>
    <script>
    "use strict";
    const $ = (id) => document.getElementById(id);
    const token = $("token");
    token.value = localStorage.getItem("factcheck-token") || "";
    if (token.value) $("token-label").classList.remove("hidden");
    const rank = { error: 3, warning: 2, note: 1 };
    function el(tag, attrs, ...children) {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(attrs || {})) {
        if (key === "class") node.className = value; else node.setAttribute(key, value);
      }
      for (const child of children) if (child != null) node.append(child);
      return node;
    }
    function number(value) { return Number.isInteger(value) ? value.toLocaleString("fr-FR") : String(value); }
    function quoted(sentence, figure) {
      const at = sentence.indexOf(figure);
      if (at < 0) return [sentence];
      return [sentence.slice(0, at), el("b", {}, figure), sentence.slice(at + figure.length)];
    }
    function render(report, text) {
      const claims = report.claims, spans = report.spans;
      const severity = new Array(claims.length).fill(null), findingOf = new Array(claims.length).fill(null);
      report.findings.forEach((finding, f) => finding.claims.forEach((c) => {
        if (!severity[c] || rank[finding.severity] > rank[severity[c]]) { severity[c] = finding.severity; findingOf[c] = f; }
      }));
      // The draft, every figure of it marked (as in the HTML report), a tooltip on hover or tap.
      const box = $("text");
      box.textContent = "";
      const marks = claims.map((claim, i) => ({ claim, i, span: spans[i] })).filter((m) => m.span).sort((a, b) => a.span.start - b.span.start);
      let at = 0;
      for (const { claim, i, span } of marks) {
        if (span.start < at) continue;
        box.append(text.slice(at, span.start));
        const tip = el("span", { class: "tip", role: "tooltip" },
          `${claim.attribute}: ${number(claim.value)}${claim.unit ? " " + claim.unit : ""}` +
          ` — ${claim.entity || "?"}, ${claim.period} (${claim.hedge}) · ${claim.rule}`);
        const mark = el("mark", { class: "claim" + (severity[i] ? " sev-" + severity[i] : ""), tabindex: "0", id: "claim-" + i,
          "data-claim": String(i) }, text.slice(span.start, span.end), tip);
        if (findingOf[i] !== null) mark.addEventListener("click", () => {
          const target = $("finding-" + findingOf[i]);
          target.scrollIntoView({ behavior: "smooth", block: "center" });
          target.classList.add("focus"); setTimeout(() => target.classList.remove("focus"), 1500);
        });
        box.append(mark);
        at = span.end;
      }
      box.append(text.slice(at));
      // The findings, each claim of the draft beside the archived sentences it disagrees with.
      const list = $("findings");
      list.textContent = "";
      const documents = Object.fromEntries(report.documents.map((d) => [d.path, d]));
      report.findings.forEach((finding, f) => {
        const draftSide = el("div", { class: "side draft-side" }, el("h3", {}, "Your draft"));
        const archiveSide = el("div", { class: "side archive-side" }, el("h3", {}, "Published"));
        for (const c of finding.claims) {
          const claim = claims[c], mine = claim.document === report.draft;
          const document = documents[claim.document] || {};
          const source = mine ? `line ${claim.line}` :
            `${document.title ? "“" + document.title + "”" : claim.document}${document.published ? ", " + document.published : ""} — ${claim.document}:${claim.line}`;
          const cite = el("blockquote", { class: "cite" + (mine ? " draft" : " archived"), "data-claim": String(c) },
            el("div", {}, ...quoted(claim.sentence || claim.quote, claim.text)), el("div", { class: "source" }, source));
          if (mine && spans[c]) cite.querySelector("div").addEventListener("click", () => $("claim-" + c).focus());
          (mine ? draftSide : archiveSide).append(cite);
        }
        const details = el("ul", { class: "details" }, ...finding.details.filter((d) => !d.startsWith("archived:")).map((d) => el("li", {}, d)));
        const sides = el("div", { class: "sides" }, draftSide);
        if (archiveSide.children.length > 1) sides.append(archiveSide);
        list.append(el("li", { class: "finding sev-" + finding.severity, id: "finding-" + f, "data-check": finding.check },
          el("span", { class: "badge sev-" + finding.severity }, finding.severity), " ",
          el("span", { class: "message" }, finding.message), sides, details.children.length ? details : null));
      });
      if (!report.findings.length) list.append(el("li", { class: "muted" }, "No figure of the draft contradicts the archive."));
      const n = report.findings.length, m = spans.filter((s) => s).length;
      $("findings-title").textContent = `Findings (${n})`;
      $("status").textContent = `${m} figure${m === 1 ? "" : "s"}, ${n} finding${n === 1 ? "" : "s"}`;
      $("results").classList.remove("hidden");
    }
    $("form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = $("draft").value, status = $("status");
      status.className = ""; status.textContent = "Checking…"; $("check").disabled = true;
      const body = { text };
      if ($("language").value) body.language = $("language").value;
      if ($("published").value) body.published = $("published").value;
      const headers = { "Content-Type": "application/json" };
      if (token.value) { headers.Authorization = "Bearer " + token.value; localStorage.setItem("factcheck-token", token.value); }
      try {
        const response = await fetch("v1/check", { method: "POST", headers, body: JSON.stringify(body) });
        const answer = await response.json();
        if (!response.ok) {
          if (response.status === 401) $("token-label").classList.remove("hidden");
          throw new Error(answer.error ? answer.error.message : response.statusText);
        }
        render(answer, text);
      } catch (error) {
        status.className = "error"; status.textContent = error.message;
      } finally {
        $("check").disabled = false;
      }
    });
    </script>
    </body>
    </html>
    """#
}
