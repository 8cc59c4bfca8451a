import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripQuotedReply } from './quote-strip.js';

describe('stripQuotedReply', () => {
  it('removes a trailing quoted block and its "On … wrote:" line', () => {
    const text =
      'Thank you, that helps.\n\nOn Tue, 1 Dec 2026 at 10:00, 1700 <1700+abc@example.org> wrote:\n> Dear Anna,\n> the answer.\n';
    assert.equal(stripQuotedReply(text), 'Thank you, that helps.');
  });

  it('removes an attribution wrapped over two lines and a Dutch one', () => {
    assert.equal(
      stripQuotedReply(
        'Dank u.\r\n\r\nOp di 1 dec. 2026 om 10:00 schreef 1700 <1700+abc@example.org>:\r\n> Beste\r\n',
      ),
      'Dank u.',
    );
    assert.equal(
      stripQuotedReply(
        'Thanks.\n\nOn Tue, 1 Dec 2026 at 10:00, 1700\n<1700+abc@example.org> wrote:\n\n> old\n>\n> text',
      ),
      'Thanks.',
    );
  });

  it('cuts at an Outlook "Original Message" separator', () => {
    assert.equal(
      stripQuotedReply('Mijn antwoord\n\n-----Oorspronkelijk bericht-----\nVan: 1700\nOnderwerp: x\n\nOud'),
      'Mijn antwoord',
    );
  });

  it("keeps inline quotes between the citizen's own lines", () => {
    const text = '> question one\nanswer one\n> question two\nanswer two';
    assert.equal(stripQuotedReply(text), text);
  });

  it('keeps a line that merely mentions "wrote:" when nothing is quoted below it', () => {
    assert.equal(
      stripQuotedReply('My colleague wrote:\nthe form is broken'),
      'My colleague wrote:\nthe form is broken',
    );
  });

  it('returns the whole text rather than nothing', () => {
    assert.equal(stripQuotedReply('> only a quote\n'), '> only a quote');
  });

  it('checks a hostile attribution line of the largest accepted size in linear time', () => {
    // Replies come from anyone holding a reply token; one long line must not stall the process.
    for (const line of ['wrote '.repeat(40_000), `${'schreef:'.repeat(30_000)}x`]) {
      const started = performance.now();
      stripQuotedReply(`${line}\n> quoted`);
      const ms = performance.now() - started;
      assert.ok(ms < 500, `${line.slice(0, 8)}: ${Math.round(ms)} ms`);
    }
    assert.equal(stripQuotedReply('Ja.\n\nOp di 1 dec. schreef 1700 :  \n> vraag'), 'Ja.');
  });
});
