// The helpers importers of machine sources share (src/import/common.ts): lossless JSON, fetching,
// ids from source systems' ids, HTML to text, placeholders and machine-written times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compactId,
  fetchText,
  htmlToText,
  mapLimit,
  parseJson,
  placeholderEmail,
  placeholderPhone,
  sourceId,
  wallTime,
} from '../../../src/import/common.js';
import { fakeFetch } from './fake-fetch.js';

test('parseJson keeps whole numbers beyond 2^53 exact, as their digits; other numbers stay numbers', () => {
  const got = parseJson(
    '{"modified": 18446744073709551615, "small": 1521565719, "lat": 54.543964, "neg": -9007199254740993}',
  );
  assert.deepEqual(got, {
    modified: '18446744073709551615',
    small: 1521565719,
    lat: 54.543964,
    neg: '-9007199254740993',
  });
  assert.notEqual(
    String(JSON.parse('{"m": 18446744073709551615}').m),
    '18446744073709551615',
    'JSON.parse would lose it',
  );
});

test('parseJson says where JSON breaks, and recognises a web page', () => {
  assert.throws(() => parseJson('{\n  "a": 1,\n  "b": ]\n}'), /not valid JSON at line 3, column 8/);
  assert.throws(() => parseJson('{"a": ['), /stops part way, at line 1 \(it was cut off\)/);
  assert.throws(() => parseJson('<!doctype html><title>Log in</title>'), /It is a web page \("Log in"\), not data/);
  assert.throws(() => parseJson('  '), /It is empty/);
});

test('placeholderPhone and placeholderEmail catch what forms leave in, and pass real-looking values', () => {
  assert.match(placeholderPhone('0777 777 7777')!, /"0777 777 7777" looks like a placeholder/);
  assert.match(placeholderPhone('01234 567890')!, /placeholder/);
  assert.match(placeholderPhone('+44 0000 000000')!, /placeholder/);
  assert.equal(placeholderPhone('01632 960101'), undefined);
  assert.match(placeholderEmail('email@email.com')!, /placeholder/);
  assert.match(placeholderEmail('someone@example.org')!, /placeholder/);
  assert.equal(placeholderEmail('hubs@anytown.gov.uk'), undefined);
});

test('htmlToText gives plain text: paragraphs, list items and character references', () => {
  assert.equal(
    htmlToText('<p>Hello &amp; welcome</p><ul><li>One</li><li>Two &pound;1</li></ul><script>x()</script>Bye<br>now'),
    'Hello & welcome\n\n• One\n• Two £1\n\nBye\nnow',
  );
  assert.equal(htmlToText('  No markup at all. '), 'No markup at all.');
});

test('compactId and sourceId are the same on every run; long ids are shortened with a hash of the whole', () => {
  assert.equal(compactId('PB-SWIM-MON'), 'pb-swim-mon');
  assert.equal(compactId('ac148810-d857-441c-9679-408f346de14b'), 'ac148810-d857-441c-9679-408f346de14b');
  assert.equal(compactId('1402'), '1402');
  const long = compactId(`https://example.org/sessions/${'x'.repeat(100)}/a`);
  assert.ok(long.length <= 64, long);
  assert.equal(long, compactId(`https://example.org/sessions/${'x'.repeat(100)}/a`));
  assert.notEqual(long, compactId(`https://example.org/sessions/${'x'.repeat(100)}/b`));
  assert.match(compactId('!!!'), /^id-[0-9a-z]+$/);
  assert.equal(sourceId('oruk', 'https://api.example.org/v1/services?page=2'), 'oruk-api-example-org-v1-services');
  assert.equal(sourceId('openactive', '/home/editor/feeds/sessions.json'), 'openactive-sessions-json');
});

test('wallTime keeps the wall-clock time and says what it dropped', () => {
  assert.deepEqual(wallTime('09:30:00Z'), { time: '09:30', seconds: undefined, zone: 'Z' });
  assert.deepEqual(wallTime('15:00+01:00'), { time: '15:00', seconds: undefined, zone: '+01:00' });
  assert.deepEqual(wallTime('2023-03-17T10:42:11.246Z'), { time: '10:42', seconds: true, zone: 'Z' });
  assert.deepEqual(wallTime('9:30'), { time: '09:30', seconds: undefined, zone: undefined });
  assert.equal(wallTime('25:00'), undefined);
});

test('fetchText retries a 503 politely, honours Retry-After, and gives a sentence for what fails', async () => {
  const flaky = fakeFetch((_url, n) => (n == 1 ? { status: 503, headers: { 'retry-after': '0' } } : { body: 'ok' }));
  assert.deepEqual(await fetchText('https://a.example/x', { fetch: flaky, retryDelayMs: 0 }), {
    ok: true,
    text: 'ok',
    url: 'https://a.example/x',
    contentType: 'application/json',
  });
  const locked = fakeFetch(() => ({ status: 401 }));
  const got = await fetchText('https://a.example/x', { fetch: locked, what: 'page 1', retryDelayMs: 0 });
  assert.deepEqual(got, {
    ok: false,
    status: 401,
    reason:
      'The server at a.example answered 401 for page 1. ' +
      'The address needs a login or a key; ask the publisher for an open address.',
  });
  assert.equal(locked.calls.length, 1, 'a 401 is not retried');
});

test('mapLimit keeps order and never runs more than the limit at once', async () => {
  let now = 0;
  let most = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    most = Math.max(most, ++now);
    await new Promise((r) => setTimeout(r, n));
    now--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30]);
  assert.equal(most, 2);
});
