/**
 * Why text is not a feed, in a sentence of its own for the common reasons (a web page, UTF-16, a
 * file cut short). The loader imports this only when `JSON.parse` has failed; the editor tools
 * (`validate.ts`, `tools.ts`, the CLI) import it directly.
 */
import { jsonDetail } from './errors.js';
import { FeedParseError } from './failures.js';

/**
 * Whether JSON text stops part way (inside text, or with lists and objects still open) with
 * everything before that well formed as far as brackets go: a file cut short. Only read after
 * `JSON.parse` failed.
 */
function endsEarly(text: string): boolean {
  const open = new Uint8Array(text.length + 1); // the brackets still open: `[` or `{`
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c == 92) i++;
      else if (c == 34) inString = false;
    } else if (c == 34) inString = true;
    else if (c == 91 || c == 123) open[++depth] = c;
    else if (c == 93 || c == 125) {
      if (!depth || open[depth--] != c - 2) return false;
    }
  }
  return inString || depth > 0;
}

/** Why text is not a feed, in its own sentence when the reason is a common one. */
export function notJson(
  text: string,
  url: string | undefined,
  detail: string,
  cause?: unknown,
  contentType = '',
  advice?: string,
): FeedParseError {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const problem = (sentence: string) => new FeedParseError(url, detail, cause, { problem: sentence });
  if (!start) return problem('is empty: it has no text at all.');
  if (start.startsWith('<') || /^text\/html/i.test(contentType)) {
    return problem(
      'is a web page, not a feed: is it a login page, an error page or a page about the feed? ' +
        'Open the address in a private window to see what it returns.',
    );
  }
  if (text.includes('\0')) {
    return problem('is saved as UTF-16. Save it as UTF-8 (in most editors: Save As, then Encoding).');
  }
  if (endsEarly(text)) {
    return problem(
      'stops part way through, before the feed is complete. Was the file cut short, or the download interrupted?',
    );
  }
  return new FeedParseError(url, detail, cause, { advice });
}

/** Where JSON text goes wrong, as the editor tools locate it (`json-locate.ts`). */
export type Locate = (text: string) => { line: number; column: number; expected: string } | undefined;

/** `JSON.parse`, with a `FeedParseError` that says why when the text is not JSON. */
export function parseJson(text: string, url?: string, locate?: Locate, contentType?: string, advice?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = locate?.(text);
    const detail = where ? `line ${where.line}, column ${where.column}: expected ${where.expected}` : jsonDetail(e);
    throw notJson(text, url, detail, e, contentType, advice);
  }
}
