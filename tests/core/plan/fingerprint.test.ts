import { fingerprint } from '../../../src/core/plan/fingerprint';

/** FNV-1a over UTF-16 code units as first written: saved settings hold fingerprints made this way. */
function reference(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}:${text.length}`;
}

describe('fingerprint', () => {
  it('is the one saved settings hold, for any text', () => {
    const texts = [
      '',
      'Met',
      'On target',
      'Q1 2024/25: 96.0% against a target of 95% (+1.1%). Target met.',
      '😀 émoji\u0000\uffff',
      'x'.repeat(5000),
    ];
    for (let i = 0; i < 200; i++)
      texts.push(String.fromCharCode(...Array.from({ length: i % 37 }, (_, j) => (i * 7919 + j * 104729) % 65536)));
    for (const text of texts) expect(fingerprint(text)).toBe(reference(text));
    expect(fingerprint('')).toBe('811c9dc5:0');
  });
});
