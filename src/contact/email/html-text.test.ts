import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToPlainText } from './html-text.js';

describe('htmlToPlainText', () => {
  it('turns paragraphs and breaks into lines, drops tags, scripts and quoted blocks', () => {
    const html =
      '<html><head><style>p{}</style></head><body><p>Hallo <b>1700</b>,</p><p>regel&nbsp;1<br>regel 2 &amp; 3 &#8364; &lt;x&gt;</p>' +
      '<script>alert(1)</script><div class="gmail_quote">Op di schreef 1700:<blockquote><p>oud</p></blockquote></div></body></html>';
    assert.equal(htmlToPlainText(html), 'Hallo 1700,\n\nregel 1\nregel 2 & 3 € <x>\n\nOp di schreef 1700:');
  });

  it('survives broken markup and bad entities', () => {
    assert.equal(
      htmlToPlainText('<p>open <b>never closed &#0; &#xD800; &bogus;'),
      'open never closed &bogus;',
    );
  });

  it('converts hostile markup of the largest accepted size in linear time (no event-loop stall)', () => {
    // HTML-only replies reach this function from anyone holding a reply token (any sender of the
    // form gets one): unclosed tags, comments and scripts must not make it quadratic.
    const size = 250_000;
    for (const piece of ['<p ', '<a', '<br', '<script ', '<script>', '<blockquote>', '<!--', '<title>x']) {
      const start = performance.now();
      htmlToPlainText(piece.repeat(Math.ceil(size / piece.length)));
      const ms = performance.now() - start;
      assert.ok(ms < 500, `${piece}: ${Math.round(ms)} ms`);
    }
  });

  it('keeps the text around unclosed scripts and comments, and drops closed ones', () => {
    assert.equal(htmlToPlainText('a<script>x</SCRIPT >b<!-- c -->d<style>e'), 'abde');
    assert.equal(htmlToPlainText('a <!-- open'), 'a <!-- open');
    assert.equal(
      htmlToPlainText('vraag<BLOCKQUOTE type="cite">oud<blockquote>ouder</blockquote></blockquote>'),
      'vraag',
    );
  });
});
