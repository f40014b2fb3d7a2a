/** The schemes a feed link may use. */
const ALLOWED_SCHEMES = ['https:', 'http:', 'tel:', 'mailto:'];

/**
 * `href` value for a feed link, or `undefined` when it is not an absolute address with one of the
 * allowed schemes. Every link reaches the DOM through this.
 */
export const safeUrl = (value: unknown): string | undefined => {
  if (typeof value != 'string') return;
  try {
    const url = new URL(value.trim());
    if (ALLOWED_SCHEMES.includes(url.protocol) && (url.hostname || !url.protocol.startsWith('http'))) return url.href;
  } catch {
    // not an absolute URL
  }
  return;
};
