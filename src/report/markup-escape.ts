// Escaping of user text for HTML, XML and Markdown output: the only way user data enters markup.
import { controlsShown } from '../shared/terminal-text.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values; controls and bidi controls shown escaped (controlsShown). */
export function escapeHtml(text: string): string {
  return controlsShown(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** Characters XML 1.0 forbids anywhere, even escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_ILLEGAL, ''));
}

/** Only http(s) URLs become links; `javascript:`, `data:` and the like stay plain text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}

/**
 * Backslash-escapes every character Markdown (CommonMark + GFM) gives meaning to inline, and breaks up the
 * sequences GFM turns into links by itself (`://`, `www.`, `@` of e-mail addresses), so user text renders as
 * the same text and never as emphasis, links, table cells or HTML. Expects text without line breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~&$]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
