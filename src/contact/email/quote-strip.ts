const QUOTED = /^\s*>/;
/** "-----Original Message-----" and its Dutch and French forms (Outlook): everything below is the old mail. */
const SEPARATOR =
  /^\s*-{2,}\s*(original message|oorspronkelijk bericht|origineel bericht|doorgestuurd bericht|message d'origine)\s*-{2,}\s*$/i;
/** The attribution's verb ("wrote", "schreef", "a écrit", "schrieb"), on a line ending in a colon. */
// The word and the closing colon are tested apart: one pattern `word.*:$` backtracks
// quadratically over a long line of repeated words (replies come from anyone with a token).
const ATTRIBUTION_WORD = /\b(wrote|schreef|a écrit|schrieb)\b/i;
const isAttributionEnd = (line: string) => line.trimEnd().endsWith(':') && ATTRIBUTION_WORD.test(line);
/** The attribution line's start: "On …", "Op …", "Le …", "Am …". */
const ATTRIBUTION_START = /^\s*(on|op|le|am)\s/i;

/**
 * The new part of a citizen's reply: the quoted previous message removed where that is reliable
 * — a trailing block of `>` lines (with the "On … wrote:" line above it, also when a mail program
 * wrapped it over two lines), or everything from an Outlook "Original Message" separator. Quotes
 * between the citizen's own lines (inline answers) are kept: there they carry meaning. When
 * nothing would be left, the text is returned whole (trimmed) rather than lost.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const separator = lines.findIndex((line) => SEPARATOR.test(line));
  let end = separator === -1 ? lines.length : separator;
  let start = end;
  while (start > 0 && (QUOTED.test(lines[start - 1] ?? '') || (lines[start - 1] ?? '').trim() === ''))
    start--;
  if (lines.slice(start, end).some((line) => QUOTED.test(line))) {
    end = start;
    const last = lines[end - 1] ?? '';
    if (end > 0 && isAttributionEnd(last)) {
      end--;
      if (!ATTRIBUTION_START.test(last) && end > 0 && ATTRIBUTION_START.test(lines[end - 1] ?? '')) end--;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
