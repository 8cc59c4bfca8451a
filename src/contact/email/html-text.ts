const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/**
 * Plain text from the HTML of an e-mail that has no text part (mailparser converts only an HTML
 * body that stands alone). Deliberately small: block elements become line breaks, quoted
 * blocks (`<blockquote>`, where mail programs put the previous message) are left out, scripts and
 * styles dropped, every other tag removed and entities decoded. Never throws.
 */
export function htmlToPlainText(html: string): string {
  // Linear in the input (it comes from anyone holding a reply token): spans are cut by searching
  // forward once, and tag patterns stop at the next `<`, so unclosed tags cannot backtrack.
  let text = html;
  for (const name of ['script', 'style', 'head', 'title']) {
    text = removeSpans(text, new RegExp(`<${name}\\b[^<>]*>`, 'gi'), new RegExp(`<\\/${name}\\s*>`, 'gi'));
  }
  text = removeQuoted(text);
  text = removeSpans(text, /<!--/g, /-->/g);
  return decodeEntities(
    text
      .replace(/\s+/g, ' ')
      .replace(/<br\b[^<>]*>/gi, '\n')
      .replace(/<\/?(p|div|h[1-6]|ul|ol|table|section|article|header|footer)\b[^<>]*>/gi, '\n\n')
      .replace(/<\/?(li|tr)\b[^<>]*>/gi, '\n')
      .replace(/<[^<>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Removes each match of `open` together with everything up to the next match of `close` (both
 * global). An unclosed span is kept (its tag is stripped later): no text of the sender is lost
 * to broken markup, and since no later span can close either, the search stops there.
 */
function removeSpans(text: string, open: RegExp, close: RegExp): string {
  let out = '';
  let pos = 0;
  for (;;) {
    open.lastIndex = pos;
    const opened = open.exec(text);
    if (!opened) break;
    close.lastIndex = opened.index + opened[0].length;
    const closed = close.exec(text);
    if (!closed) break;
    out += text.slice(pos, opened.index);
    pos = closed.index + closed[0].length;
  }
  return out + text.slice(pos);
}

/** Leaves out everything from the first `<blockquote>` to the last `</blockquote>` (quoted mail). */
function removeQuoted(text: string): string {
  const first = /<blockquote\b[^<>]*>/i.exec(text);
  if (!first) return text;
  const close = /<\/blockquote\s*>/gi;
  close.lastIndex = first.index + first[0].length;
  let end = -1;
  for (let m = close.exec(text); m; m = close.exec(text)) end = m.index + m[0].length;
  return end === -1 ? text : text.slice(0, first.index) + text.slice(end);
}
