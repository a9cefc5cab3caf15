// Encoding detection: UTF-8 with or without BOM, Windows-1252 as Indonesian Excel writes it, and damaged UTF-8.
import { describe, expect, it } from 'vitest';
import { detectEncoding, firstInvalidUtf8 } from '../../src/load/encoding.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('detectEncoding', () => {
  it.each([
    ['plain ASCII', utf8('nip,name\n1,Budi\n'), 'utf-8'],
    ['UTF-8 with accents and emoji', utf8('name\nJosé Hérnandez ☝️\n'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('name\n')]), 'utf-8-bom'],
    ['Windows-1252 (é as one byte)', cp1252('name\nJosé Hérnandez\n'), 'windows-1252'],
    [
      'UTF-8 with one damaged byte among good accents',
      Buffer.concat([utf8('name\nJosé Müller Hérnandez\n'), Buffer.from([0xe9, 0x0a])]),
      'utf-8',
    ],
    ['a sample cut inside a character', utf8('Jos\u00e9').subarray(0, 4), 'utf-8'],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid', utf8('aé☝'), -1],
    ['lone continuation byte', Buffer.from([0x61, 0x80]), 1],
    ['overlong encoding', Buffer.from([0xc0, 0xaf]), 0],
    ['surrogate half', Buffer.from([0xed, 0xa0, 0x80]), 0],
    ['truncated at the end', Buffer.from([0x61, 0xe2, 0x98]), 1],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected);
  });
});
