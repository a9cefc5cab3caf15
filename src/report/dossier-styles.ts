// The dossier's stylesheet: A4 paper first (compact, so about three acts fit a page; no heading left alone at a
// page's foot; an act never split unless it is longer than a page), readable on screen too. System fonts only.

export const DOSSIER_STYLES = `
@page { size: A4; margin: 13mm 12mm 15mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }
@page { @bottom-left { font: 8pt system-ui, sans-serif; color: #555; } }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #eef0f3; }
body {
  max-width: 210mm; margin: 0 auto; padding: 12mm; background: #fff; color: #111;
  font: 8.5pt/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
}
@media print { html { background: #fff; } body { max-width: none; margin: 0; padding: 0; } }
header { border-bottom: 1.5pt solid #111; padding-bottom: 2mm; margin-bottom: 3mm; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 8pt; color: #444; }
h1 { margin: 0.5mm 0 0; font-size: 15pt; }
h2 { font-size: 10.5pt; margin: 3mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9pt; margin: 0 0 1mm; break-after: avoid; page-break-after: avoid; }
.disclaimer { margin: 1mm 0 0; font-size: 8pt; color: #444; }
dl { display: grid; grid-template-columns: 30mm 1fr; gap: 0.5mm 4mm; margin: 0; }
dt { color: #555; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 1.2mm; border: 0.5pt solid #c8cdd3; }
th { background: #f1f3f5; font-weight: 600; font-size: 8pt; }
caption { text-align: left; font-size: 8pt; color: #555; padding: 0 0 0.5mm; }
.act { border: 0.75pt solid #aab1b9; border-left: 3pt solid #98a2b3; padding: 1.5mm 2.5mm; margin: 0 0 2mm; break-inside: avoid; page-break-inside: avoid; }
.act.sev-high { border-left-color: #b42318; } .act.sev-medium { border-left-color: #b54708; } .act.sev-low { border-left-color: #175cd3; }
.act p { margin: 0.4mm 0; }
blockquote { margin: 0.8mm 0; padding: 1mm 2mm; background: #f5f6f8; border-left: 1.5pt solid #c8cdd3; white-space: pre-wrap; overflow-wrap: anywhere; }
table.grounds td:nth-child(1) { width: 29%; } table.grounds td:nth-child(2) { width: 20%; }
table.grounds td:nth-child(3) { width: 36%; } table.grounds td:nth-child(4) { width: 15%; }
table.grounds th { font-size: 7pt; padding: 0.2mm 1.2mm; }
table.grounds tr { break-inside: avoid; }
.timing { font-size: 8pt; }
.sev { display: inline-block; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; padding: 0 1.2mm; border-radius: 1mm; background: #eef0f3; }
tr.sev-high .sev { color: #b42318; background: #fef3f2; } tr.sev-medium .sev { color: #b54708; background: #fffaeb; } tr.sev-low .sev { color: #175cd3; background: #eff8ff; }
.k { color: #555; }
.small { font-size: 7.5pt; color: #555; }
.url, .source { font-size: 8pt; overflow-wrap: anywhere; }
code { font: 7.5pt/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: #123b6d; text-decoration: none; }
.timeline { break-inside: avoid; page-break-inside: avoid; }
.timeline svg { display: block; width: 100%; height: auto; }
.custody { break-inside: avoid; page-break-inside: avoid; }
.custody th { width: 34mm; }
.custody td, .custody th { font-size: 7.5pt; }
`;
