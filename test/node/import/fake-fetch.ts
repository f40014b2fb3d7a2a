// A fetch for importer tests: serves fixture files by address, with paging and faults, and
// records every request (and how many were in flight at once). Tests never touch the network.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixture = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

export interface Answer {
  status?: number;
  body?: string;
  contentType?: string;
  /** Throw a network error instead of answering. */
  error?: string;
  /** Milliseconds before the answer (to see concurrent requests overlap). */
  delayMs?: number;
  headers?: Record<string, string>;
}

export interface FakeFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  calls: string[];
  maxInFlight: number;
}

/** `route` answers a request (a URL object); undefined is a 404. */
export function fakeFetch(route: (url: URL, n: number) => Answer | undefined): FakeFetch {
  let inFlight = 0;
  const f = (async (input: string | URL | Request) => {
    const url = new URL(typeof input == 'string' ? input : input instanceof URL ? input.href : input.url);
    f.calls.push(url.href);
    inFlight++;
    f.maxInFlight = Math.max(f.maxInFlight, inFlight);
    try {
      const a = route(url, f.calls.length) ?? { status: 404, body: 'Not found', contentType: 'text/plain' };
      await new Promise((r) => setTimeout(r, a.delayMs ?? 1));
      if (a.error) throw new TypeError(a.error);
      return new Response(a.body ?? '', {
        status: a.status ?? 200,
        statusText: a.status == 500 ? 'Internal Server Error' : a.status == 404 ? 'Not Found' : undefined,
        headers: { 'content-type': a.contentType ?? 'application/json', ...a.headers },
      });
    } finally {
      inFlight--;
    }
  }) as FakeFetch;
  f.calls = [];
  f.maxInFlight = 0;
  return f;
}

/** A JSON answer from a fixture file. */
export const json = (path: string, extra: Answer = {}): Answer => ({ body: fixture(path), ...extra });
