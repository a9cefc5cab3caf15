// The head every HTML document of the tool opens with: a self-contained page that loads nothing (its
// Content-Security-Policy says what it may run), described as made by asn-audit.
import { escapeHtml as h } from './markup-escape.js';

export interface HtmlHead {
  lang: string;
  contentSecurityPolicy: string;
  generator: string;
  title: string;
  /** CSS, inlined as it is. */
  styles: string;
}

/** From `<!DOCTYPE html>` through `</head>`. */
export function htmlDocumentHead(head: HtmlHead): string {
  return `<!DOCTYPE html>
<html lang="${head.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${head.contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(head.generator)}">
<title>${h(head.title)}</title>
<style>${head.styles}</style>
</head>`;
}
