// `--format html`: one self-contained page (inline CSS and SVG, no network) to read on screen or print.
import type { Report, ReportPerson } from '../schemas/report-schema.js';
import { uiLabels } from '../shared/labels/index.js';
import type { FormatOptions } from './format-options.js';
import { closingSection, flaggedTable, provenanceFooter } from './html-lists.js';
import { personArticle } from './html-person.js';
import { htmlDocumentHead } from './html-document.js';
import { HTML_STYLES } from './html-styles.js';
import { breakdownSection, summarySection, timelineSection } from './html-summary.js';
import { escapeHtml as h } from './markup-escape.js';
import { personsWithFindings } from './report-view.js';
import { hasReviewInput } from '../aggregate/acts.js';
import { triageBar } from './html-review.js';
import { REVIEW_SCRIPT, REVIEW_SCRIPT_HASH } from './html-review-script.js';

/**
 * Nothing from the network, no plugins, no forms, no <base>; the one inline script allowed by its hash (it holds no
 * report data, so the hash is the same in every report). Styles stay inline: the bars and swatches set widths and
 * colours in style attributes, and all user text is escaped before it reaches markup.
 */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${REVIEW_SCRIPT_HASH}; base-uri 'none'; form-action 'none'`;

export function formatHtml(report: Report, options: FormatOptions): string {
  const labels = uiLabels(options.lang);
  const detailed = personsWithFindings(report);
  const openFirst = hasReviewInput(report);
  const anchors = new Map<ReportPerson, string>(detailed.map((person, i) => [person, `person-${i + 1}`]));
  const title = `${labels.reportTitle}: ${report.election.name}`;
  const persons =
    detailed.length === 0
      ? ''
      : `<section id="persons">
<h2>${h(labels.section.findingsPerPerson)}</h2>
${triageBar(report, labels)}
${openFirst ? `<p class="note">${h(labels.acts.openFirstNote)}</p>\n` : ''}${detailed.map((person, i) => personArticle(person, i, labels, report.election, openFirst)).join('\n')}
</section>`;
  const head = htmlDocumentHead({
    lang: options.lang,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    generator: `${report.tool.name} ${report.tool.version}`,
    title,
    styles: HTML_STYLES,
  });
  return `${head}
<body>
<header class="masthead">
<h1>${h(labels.reportTitle)}</h1>
<p class="election">${h(report.election.name)}</p>
<p class="disclaimer">${h(labels.leadDisclaimer)}</p>
</header>
<main>
${summarySection(report, labels)}
${breakdownSection(report, labels)}
${timelineSection(report, labels)}
<section id="flagged" class="panel">
<h2>${h(labels.section.flaggedPersons)}</h2>
${flaggedTable(detailed, (person) => anchors.get(person) ?? '', labels)}
</section>
${persons}
${closingSection(report, labels)}
${provenanceFooter(report, labels)}
</main>
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}
