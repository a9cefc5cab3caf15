// `rules test` says why an example fails and gives its counts in the language of --lang (default Indonesian), and
// fails with exit 1; the rule, its file and the example are named the same way in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../faults/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-rules-test-'));
const pack = join(dir, 'rules.yaml');
writeFileSync(
  pack,
  `rules:
  - id: uji-coblos
    category: endorsement_post
    basis: kode_etik
    severity: medium
    title: { id: Judul, en: Title }
    message: { id: "Pesan {candidate}", en: "Message {candidate}" }
    legal:
      kode_etik: { skb: KE1, sanction: sanksi_moral, refs: ["SKB 2/2022"] }
      disiplin: { skb: DS1, sanction: hukuman_disiplin_berat, refs: ["PP 94/2021"] }
    when:
      terms: [coblos]
    examples:
      match:
        - { text: "ayo coblos" }
        - { text: "selamat pagi" }
      no_match:
        - { text: "coblos sekarang" }
        - { text: "rapat dinas" }
`,
);

describe('rules test', () => {
  it('speaks Indonesian by default', async () => {
    const run = await runMain(['rules', 'test', pack]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `FAIL uji-coblos (${pack}) match[1]: tidak cocok padahal harus cocok\n     "selamat pagi"\n` +
        `FAIL uji-coblos (${pack}) no_match[0]: cocok padahal tidak boleh (kandidat -; bukti: coblos)\n     "coblos sekarang"\n` +
        'aturan: 1, contoh: 4\n2 lulus, 2 gagal\n',
    );
  });

  it('speaks English with --lang en', async () => {
    const run = await runMain(['rules', 'test', pack, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `FAIL uji-coblos (${pack}) match[1]: did not match but must\n     "selamat pagi"\n` +
        `FAIL uji-coblos (${pack}) no_match[0]: matched but must not (candidate -; evidence: coblos)\n     "coblos sekarang"\n` +
        'rules: 1, examples: 4\n2 passed, 2 failed\n',
    );
  });
});
