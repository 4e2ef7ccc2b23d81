import FactCheckModel
import FactCheckRules
import FactCheckExtraction

/// The HTML report's style sheet, inlined in the page so that the file stands alone: no fonts, images or
/// scripts to fetch, the same look offline, in a mail attachment or in a CI artefact.
///
/// Severity colours follow the text report (red error, amber warning, blue note). Claims are `<mark>`s
/// whose tooltip opens on hover and on focus, so a tap shows it on a phone. Print hides the tooltips and
/// navigation, keeps the highlight colours and starts each article on a new page.
package enum HTMLStyle {
  /// The colours, light and dark, shared with the check page of `factcheck serve`.
  package static let palette = """
    :root {
      --fg: #1d2433; --muted: #5b6474; --bg: #ffffff; --panel: #f6f7f9; --line: #d8dde5; --link: #1849a9;
      --error: #b42318; --error-bg: #fde2e1; --warning: #a15c07; --warning-bg: #fef0c7;
      --note: #175cd3; --note-bg: #dfe9ff; --claim-bg: #e9edf2; --tip-bg: #1d2433; --tip-fg: #ffffff;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --fg: #e6e9ef; --muted: #a3acba; --bg: #14171c; --panel: #1c2028; --line: #333a46; --link: #8fb3ff;
        --error: #ff8a80; --error-bg: #4a1f1c; --warning: #ffc46b; --warning-bg: #46361a;
        --note: #8fb3ff; --note-bg: #1f2d4d; --claim-bg: #2a303b; --tip-bg: #e6e9ef; --tip-fg: #14171c;
      }
    }
    """

  package static let css = palette + "\n" + """
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0 auto; max-width: 64rem; padding: 1rem 1.25rem 3rem;
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--fg); background: var(--bg);
    }
    a { color: var(--link); }
    h1 { font-size: 1.6rem; margin: .5rem 0; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
    code { font: .85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    .muted { color: var(--muted); }
    .summary { font-weight: 600; }
    nav.toc ul { padding-left: 1.2rem; }
    .badge {
      display: inline-block; min-width: 4.5em; text-align: center; border-radius: 999px; padding: 0 .5em;
      font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; vertical-align: .1em;
    }
    .badge.sev-error { background: var(--error); color: var(--bg); }
    .badge.sev-warning { background: var(--warning); color: var(--bg); }
    .badge.sev-note { background: var(--note); color: var(--bg); }
    ol.findings { list-style: none; padding: 0; margin: 0; }
    li.finding {
      border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; background: var(--panel);
      padding: .6rem .9rem; margin: .75rem 0;
    }
    li.finding.sev-error { border-left-color: var(--error); }
    li.finding.sev-warning { border-left-color: var(--warning); }
    li.finding.sev-note { border-left-color: var(--note); }
    .finding .message { font-weight: 600; overflow-wrap: anywhere; }
    .finding ul.details { margin: .25rem 0; padding-left: 1.2rem; color: var(--muted); }
    dl.groups { margin: .4rem 0 0; }
    dl.groups dt { font-weight: 700; margin-top: .35rem; }
    dl.groups dd { margin: .1rem 0 .1rem 1rem; overflow-wrap: anywhere; }
    .excerpt { color: var(--muted); }
    .excerpt b { color: var(--fg); }
    ul.problems li { overflow-wrap: anywhere; }
    section.article { margin-top: 2.5rem; }
    .meta { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
    .article-head h2 { margin-bottom: .2rem; }
    .byline { margin: 0 0 .2rem; font-weight: 600; }
    .byline .author { font-weight: 400; font-style: italic; }
    .meta { margin: 0 0 .6rem; }
    .text {
      overflow-wrap: anywhere; font-family: ui-serif, Georgia, Cambria, "Times New Roman", serif;
      font-size: 1.02rem; line-height: 1.7; background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
      padding: .25rem 1rem;
    }
    .text p, .text ul, .text ol, .text blockquote { margin: .7rem 0; }
    .text .md { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.1rem 0 .4rem; border: none; }
    .text h3.md { font-size: 1.15rem; } .text h4.md { font-size: 1.05rem; } .text h5.md, .text h6.md { font-size: 1rem; }
    .text blockquote { border-left: 3px solid var(--line); padding-left: .8rem; color: var(--muted); }
    .text .comment { color: var(--muted); font-size: .85rem; }
    .text div.table { overflow-x: auto; }
    .text table { border-collapse: collapse; font-size: .95rem; }
    .text td, .text th { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
    .text hr { border: none; border-top: 1px solid var(--line); }
    mark.claim {
      position: relative; color: inherit; background: var(--claim-bg); border-radius: 3px; padding: 0 .08em;
      cursor: help; box-shadow: inset 0 -2px var(--muted);
    }
    mark.claim.sev-error { background: var(--error-bg); box-shadow: inset 0 -3px var(--error); font-weight: 600; }
    mark.claim.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -3px var(--warning); font-weight: 600; }
    mark.claim.sev-note { background: var(--note-bg); box-shadow: inset 0 -3px var(--note); }
    mark.claim:focus { outline: 2px solid var(--link); outline-offset: 1px; }
    .tip {
      display: none; position: absolute; left: 0; top: calc(100% + 4px); z-index: 10;
      width: max-content; max-width: min(24rem, 85vw); padding: .45rem .6rem; border-radius: 5px;
      background: var(--tip-bg); color: var(--tip-fg); white-space: normal; font: 400 13px/1.45 system-ui, sans-serif;
      box-shadow: 0 4px 14px rgba(0, 0, 0, .25);
    }
    .tip b { font-weight: 700; }
    .tip .sep { display: block; border-top: 1px solid currentColor; opacity: .4; margin: .35rem 0; }
    mark.claim:hover > .tip, mark.claim:focus > .tip { display: block; }
    sup.refs { font: 700 .7rem/1 system-ui, sans-serif; margin-left: .1em; }
    sup.refs a { text-decoration: none; padding: 0 .15em; }
    :target { scroll-margin-top: 1rem; }
    mark.claim:target, li.finding:target { outline: 3px solid var(--link); outline-offset: 2px; }
    table.claims { border-collapse: collapse; width: 100%; font-size: .9rem; }
    table.claims td, table.claims th { border-top: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
    .top { font-size: .85rem; }
    @media (max-width: 40rem) {
      body { padding: .6rem .7rem 2rem; font-size: 15px; }
      h1 { font-size: 1.3rem; }
      .text { padding: .1rem .6rem; font-size: 1rem; }
      li.finding { padding: .5rem .6rem; }
      dl.groups dd { margin-left: .5rem; }
      .tip { position: fixed; left: .5rem; right: .5rem; top: auto; bottom: .5rem; max-width: none; width: auto; }
    }
    @media print {
      :root { --fg: #000; --muted: #444; --bg: #fff; --panel: #fff; --line: #999; --link: #000; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      .tip, nav.toc, .top { display: none !important; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a { text-decoration: none; }
      li.finding { break-inside: avoid; }
      section.article { break-before: page; }
      .text { border: none; padding: 0; }
    }
    """
}
