/**
 * Links from the feed: the one check every link passes before it reaches the DOM. Plain code with
 * no other imports, so elements can use it without loading the schema.
 */

/** Longest link, in characters. */
export const MAX_LINK = 2_000;

const EMAIL = String.raw`[^\s@?&#%,;:<>"()[\]\\]+@[^\s@?&#%,;:<>"()[\]\\.]+(?:\.[^\s@?&#%,;:<>"()[\]\\.]+)+`;
/**
 * An email address with nothing a `mailto:` link would read as more than the address: no `?`, `&`,
 * `#`, `%`, spaces, commas or angle brackets. Linear: each part is one character class.
 */
export const EMAIL_RE = new RegExp(`^${EMAIL}$`);
/**
 * Every link as written: `https://` or `http://` and a host with no user name or password, then
 * no spaces; `tel:` and a phone number; `mailto:` and one address, with at most a subject. Schemes
 * in any case. No flags, so the published JSON Schema uses the same pattern.
 */
export const LINK_RE = new RegExp(
  String.raw`^(?:[hH][tT][tT][pP][sS]?://[^\s/?#@\\]+(?:[/?#]\S*)?` +
    String.raw`|[tT][eE][lL]:\+?[0-9][0-9 ()./-]{0,30}` +
    String.raw`|[mM][aA][iI][lL][tT][oO]:${EMAIL}(?:\?[sS][uU][bB][jJ][eE][cC][tT]=[^&#\s]*)?)$`,
);

/**
 * `href` value for a feed link, or `undefined` when it is not a safe absolute address: `https:` or
 * `http:` with a host and no user name or password (`https://www.nhs.uk@evil.example/` is refused),
 * `tel:` with a phone number, or `mailto:` with one address and at most a `subject`. Every link
 * reaches the DOM through this.
 */
export const safeUrl = (value: unknown): string | undefined => {
  if (typeof value != 'string' || value.length > MAX_LINK) return;
  const v = value.trim();
  if (!LINK_RE.test(v)) return;
  try {
    const url = new URL(v);
    // The parser agrees: no credentials slipped through (it reads some hosts differently).
    if (!url.username && !url.password) return url.href;
  } catch {
    // a host the URL parser refuses (a port over 65535, a character no host may have)
  }
  return;
};
