// Prints an HTML page to PDF with the machine's Chromium (Debian's `chromium` package), headless and offline;
// asn-audit never downloads a browser. Without one, the caller is told how to get it, or to print the HTML.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AuditError } from '../shared/errors.js';

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const TIMEOUT_MS = 120_000;

/** `ASN_AUDIT_CHROMIUM`, else the first Chromium or Chrome on the PATH; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.ASN_AUDIT_CHROMIUM?.trim();
  if (given) return given;
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of BROWSER_NAMES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export const NO_CHROMIUM_HINT =
  'a PDF is printed by Chromium: install it (Debian/Ubuntu: apt-get install chromium) or name it with ASN_AUDIT_CHROMIUM; ' +
  'or write the dossier as .html and print it from a browser (it is laid out for A4)';

/** The PDF bytes of `html`, printed as the page's own @page rules say (A4), without the browser's header and footer. */
export async function printPdf(html: string, browser: string, forFile: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'asn-audit-pdf-'));
  try {
    const page = join(dir, 'dossier.html');
    const pdf = join(dir, 'dossier.pdf');
    await writeFile(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      // Bookmarks from the headings (each act is one), so the panel jumps to an act; older Chromiums ignore it.
      '--generate-pdf-document-outline',
      `--print-to-pdf=${pdf}`,
      // Chromium refuses to start its sandbox as root (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const { code, stderr } = await run(browser, args);
    let bytes: Buffer | null = null;
    try {
      bytes = await readFile(pdf);
    } catch {
      bytes = null;
    }
    if (bytes === null || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      throw new AuditError(
        { file: forFile, message: `${browser} did not print the PDF (exit ${code})${tail ? `: ${tail}` : ''}` },
        NO_CHROMIUM_HINT,
      );
    }
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ code: number | string; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: (error as NodeJS.ErrnoException).code ?? 'error', stderr: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', stderr });
    });
  });
}
