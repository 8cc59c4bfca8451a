import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueParts, catalogues, isMessageKey, translator } from './catalogue.js';
import { locales } from './define.js';

/** The `{name}` placeholders of a message, sorted, each once. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** A readable name for a catalogue part in failure messages: its first key's area. */
function partName(part: (typeof catalogueParts)[number]): string {
  return Object.keys(part.nl)[0]?.split('.')[0] ?? '(empty part)';
}

describe('message catalogues', () => {
  it('have every key in both Dutch and English, in every part', () => {
    const problems: string[] = [];
    for (const part of catalogueParts) {
      const nl = new Set(Object.keys(part.nl));
      const en = new Set(Object.keys(part.en));
      for (const key of nl)
        if (!en.has(key)) problems.push(`${partName(part)}: "${key}" has no English text`);
      for (const key of en) if (!nl.has(key)) problems.push(`${partName(part)}: "${key}" has no Dutch text`);
    }
    assert.deepEqual(problems, []);
  });

  it('never define the same key in two parts', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const part of catalogueParts) {
      for (const key of Object.keys(part.nl)) {
        const earlier = seen.get(key);
        if (earlier) duplicates.push(`"${key}" in ${earlier} and ${partName(part)}`);
        seen.set(key, partName(part));
      }
    }
    assert.deepEqual(duplicates, []);
    const total = catalogueParts.reduce((sum, part) => sum + Object.keys(part.nl).length, 0);
    assert.equal(Object.keys(catalogues.nl).length, total);
    assert.equal(Object.keys(catalogues.en).length, total);
  });

  it('have no empty or blank messages', () => {
    const empty: string[] = [];
    for (const part of catalogueParts) {
      for (const locale of locales) {
        for (const [key, text] of Object.entries(part[locale] as Record<string, unknown>)) {
          if (typeof text !== 'string' || text.trim() === '') empty.push(`${locale} "${key}"`);
        }
      }
    }
    assert.deepEqual(empty, []);
  });

  it('use the same placeholders in Dutch and English', () => {
    const mismatches: string[] = [];
    for (const part of catalogueParts) {
      const en = part.en as Record<string, string>;
      for (const [key, text] of Object.entries(part.nl as Record<string, string>)) {
        const inDutch = placeholders(text).join(',');
        const inEnglish = placeholders(en[key] ?? '').join(',');
        if (inDutch !== inEnglish) mismatches.push(`"${key}": nl {${inDutch}} vs en {${inEnglish}}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('fill placeholders and leave unknown ones visible rather than dropping them', () => {
    const t = translator('nl');
    assert.equal(t('pagination.summary', { from: 1, to: 10, total: 25 }), 'Resultaten 1 tot 10 van 25');
    assert.equal(t('pagination.summary', { from: 1 }), 'Resultaten 1 tot {to} van {total}');
    assert.equal(translator('en')('pagination.page', { page: 3 }), 'Page 3');
  });

  it('recognise known keys only', () => {
    assert.equal(isMessageKey('error.not_found'), true);
    assert.equal(isMessageKey('error.no_such_code'), false);
    assert.equal(isMessageKey('toString'), false);
  });
});
