/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so an exported item gets
 * the same id every time it is exported and a directory updates it instead of adding a copy. Uses
 * the platform's Web Crypto (browsers, Node 20+): no DOM, no Node APIs.
 */

/** The RFC 9562 namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (any version), as Open Referral's `format: uuid` checks. */
export const isUuid = (value: string | undefined): value is string => !!value && UUID_RE.test(value);

/** The version 5 UUID of `name` in `namespace` (a UUID). */
export async function uuidV5(name: string, namespace: string = URL_NAMESPACE): Promise<string> {
  const ns = namespace.replace(/-/g, '');
  const bytes = new Uint8Array(16 + new TextEncoder().encode(name).length);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(new TextEncoder().encode(name), 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes)).slice(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // the RFC variant
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
