// The HTML report's stylesheet: inline, system fonts only (no network), readable on screen and on paper.

export const HTML_STYLES = `
:root {
  --ink: #1d2939; --muted: #667085; --line: #e4e7ec; --paper: #ffffff; --wash: #f5f7fa; --brand: #123b6d;
  --high: #b42318; --high-bg: #fef3f2; --medium: #b54708; --medium-bg: #fffaeb; --low: #175cd3; --low-bg: #eff8ff;
  --sup: #98a2b3; --sup-bg: #f2f4f7;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
.masthead { background: var(--brand); color: #fff; padding: 28px 40px 24px; }
.masthead h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
.masthead .election { margin: 0; font-size: 16px; opacity: 0.92; }
.masthead .disclaimer { margin: 12px 0 0; font-size: 13px; opacity: 0.8; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 40px 48px; }
section { margin: 0 0 28px; }
h2 { font-size: 18px; margin: 0 0 12px; font-weight: 650; }
h3 { font-size: 16px; margin: 0; font-weight: 650; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 12px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.card .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.card.sev-high .value { color: var(--high); } .card.sev-medium .value { color: var(--medium); } .card.sev-low .value { color: var(--low); }
.window { color: var(--muted); margin: 0; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 860px) { .grid2 { grid-template-columns: 1fr; } main, .masthead { padding-left: 16px; padding-right: 16px; } }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar-row { display: grid; grid-template-columns: minmax(140px, 1.2fr) 2fr 44px; gap: 10px; align-items: center; margin: 6px 0; }
.bar-track { background: var(--wash); border-radius: 4px; height: 12px; overflow: hidden; display: flex; }
.bar-fill { background: var(--brand); height: 100%; }
.bar-fill.sup { background: var(--sup); opacity: 0.6; }
.bar-count { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sup-count { color: var(--muted); font-size: 12px; }
.chart svg { width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 8px; color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.swatch.line { width: 16px; height: 0; border-radius: 0; border-top: 2px solid #475467; vertical-align: 3px; }
.note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.sev-high .badge, .badge.sev-high { color: var(--high); background: var(--high-bg); }
.sev-medium .badge, .badge.sev-medium { color: var(--medium); background: var(--medium-bg); }
.sev-low .badge, .badge.sev-low { color: var(--low); background: var(--low-bg); }
.badge[hidden], [data-count][hidden] { display: none; }
.badge.suppressed { color: #475467; background: var(--sup-bg); }
.filter { margin: 0 0 12px; }
.filter input { width: 100%; max-width: 420px; padding: 8px 12px; font: inherit; border: 1px solid var(--line); border-radius: 8px; }
.triage-bar { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; position: sticky; top: 0; z-index: 2; }
.triage-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 8px; }
.triage-row input, .triage-row select, .triage input { padding: 6px 10px; font: inherit; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.triage-row #filter { flex: 1 1 260px; max-width: none; width: auto; }
button { font: inherit; padding: 5px 12px; border: 1px solid #d0d5dd; border-radius: 8px; background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: var(--wash); }
button[aria-pressed="true"] { background: var(--brand); border-color: var(--brand); color: #fff; }
#download { background: var(--brand); border-color: var(--brand); color: #fff; }
.triage { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 10px 0 0; }
.triage[hidden], .triage-bar[hidden] { display: none; }
.triage .triage-reason { flex: 1 1 240px; }
.triage-say { color: var(--high); font-size: 12px; }
.finding.is-decided-here { background: #f6fef9; }
.badge.review-confirmed { color: #fff; background: #344054; }
.badge.review-dismissed { color: #344054; background: var(--sup-bg); }
.badge.review-needs_evidence { color: var(--medium); background: var(--medium-bg); }
.person { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin: 0 0 16px; overflow: hidden; }
.person > header { padding: 14px 20px; border-bottom: 1px solid var(--line); display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
.person .meta { color: var(--muted); margin: 2px 0 0; }
.findings { list-style: none; margin: 0; padding: 0; }
.act-head { margin: 0; padding: 8px 20px; font-size: 13px; font-weight: 600; color: var(--muted); background: var(--sup-bg); border-bottom: 1px solid var(--line); break-after: avoid; }
.badge.review { color: #344054; background: var(--sup-bg); }
.finding { padding: 14px 20px 14px 17px; border-left: 3px solid transparent; border-bottom: 1px solid var(--line); }
.finding:last-child { border-bottom: 0; }
.finding.sev-high { border-left-color: var(--high); } .finding.sev-medium { border-left-color: var(--medium); } .finding.sev-low { border-left-color: var(--low); }
.finding.is-suppressed { border-left-color: var(--sup); background: #fcfcfd; }
.finding.is-suppressed .finding-title { color: var(--muted); }
.finding-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.finding-title { font-weight: 600; }
.finding .when { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.category { color: var(--muted); }
.message { margin: 6px 0; }
blockquote { margin: 8px 0; padding: 8px 12px; background: var(--wash); border-left: 3px solid var(--line); border-radius: 0 6px 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote .quote-label { display: block; color: var(--muted); font-size: 12px; white-space: normal; }
dl.facts { display: grid; grid-template-columns: 150px 1fr; gap: 4px 16px; margin: 8px 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts ul { margin: 0; padding-left: 18px; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); padding: 1px 4px; border-radius: 4px; }
.refs { color: var(--muted); font-size: 12px; }
.suppression { margin: 8px 0 0; padding: 6px 10px; background: var(--sup-bg); border-radius: 6px; color: #344054; }
.empty { color: var(--muted); font-style: italic; }
a { color: var(--low); }
ul.plain { margin: 0; padding-left: 18px; }
footer { color: var(--muted); font-size: 12px; }
footer code { font-size: 11px; }
@page { size: A4; margin: 12mm 10mm 14mm; }
@media print {
  /* Compact on paper: a panel reads a finding at arm's length, and 140 findings should not take a hundred pages. */
  body { background: #fff; font-size: 9pt; line-height: 1.35; }
  .finding { padding: 6px 10px 6px 9px; }
  .person > header { padding: 6px 10px; }
  .act-head { padding: 3px 10px; font-size: 8.5pt; }
  .message { margin: 2px 0; }
  blockquote { margin: 3px 0; padding: 3px 8px; }
  dl.facts { grid-template-columns: 90px 1fr; gap: 0 10px; margin: 3px 0 0; }
  code { font-size: 8pt; }
  .refs { font-size: 8pt; }
  .person { margin: 0 0 8px; }
  h2, h3, h4, .act-head, header { break-after: avoid; page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .masthead { background: #fff; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--ink); }
  main { max-width: none; padding: 12px 0 0; }
  .filter, .triage, .triage-bar { display: none; }
  .panel, .card { border-color: #d0d5dd; break-inside: avoid-page; }
  .person { border-color: #d0d5dd; }
  .finding { break-inside: avoid; }
  .person[hidden], .act[hidden] { display: block; }
  .finding[hidden] { display: list-item; }
  .grid2 { grid-template-columns: 1fr 1fr; }
}
`;
