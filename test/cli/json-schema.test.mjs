// The published JSON Schema agrees with the validator: checked with Ajv, a real JSON Schema validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateFeed } from '../../dist/feed.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/feed.schema.json', import.meta.url), 'utf8'));
const example = JSON.parse(readFileSync(new URL('../../public/example-feed.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const ajvValid = ajv.compile(schema);

test('the example feed is valid by the JSON Schema and by the validator', () => {
  assert.equal(ajvValid(example), true, JSON.stringify(ajvValid.errors));
  assert.deepEqual(validateFeed(example).issues, []);
});

// Mutations of the example feed: whenever the JSON Schema rejects one, the validator reports it too.
// (The validator is stricter in places the schema cannot express: real calendar dates, known time
// zones, references between lists, cross-field rules.)
const mutations = {
  'wrong day': (f) => (f.sessions[0].schedule.byDay = ['Tusday']),
  'missing name': (f) => delete f.sessions[1].name,
  'number as name': (f) => (f.services[0].name = 3),
  'bad time': (f) => (f.sessions[2].schedule.startTime = '25:00'),
  'bad date': (f) => (f.sessions[2].schedule.startDate = '2026/09/01'),
  'bad link scheme': (f) => (f.sessions[0].url = 'javascript:alert(1)'),
  'relative link': (f) => (f.services[1].contact.url = '/nhs-111'),
  'bad urgency': (f) => (f.services[0].urgency = 'critical'),
  'bad kind': (f) => (f.services[0].kind = 'podcast'),
  'bad id': (f) => (f.places[0].id = 'Bob Jones'),
  'empty text': (f) => (f.sessions[0].description = ''),
  'bad language key': (f) => (f.sessions[0].name = { welsh: 'Tylino' }),
  'bad phone': (f) => (f.services[1].contact.phones[0].number = 'one one one'),
  'bad email': (f) => (f.sessions[0].booking.email = 'not-an-email'),
  'bad facility': (f) => f.places[0].facilities.push('trampoline'),
  'negative cost': (f) => (f.sessions[0].cost = { amount: -1 }),
  'month 13': (f) => (f.sessions[13].schedule.byMonth = [13]),
  'schedule not an object': (f) => (f.sessions[0].schedule = 'weekly'),
  'hours without days': (f) => (f.services[1].hours[0].byDay = []),
  'bad repeat frequency': (f) => (f.sessions[0].schedule.repeatFrequency = 'weekly'),
  'bad status': (f) => (f.sessions[0].occurrences[0].status = 'off'),
  'bad audience': (f) => (f.sessions[0].audience = ['everyone']),
  'bad geo': (f) => (f.places[0].geo.lat = 123),
  'timeline of 1,001 stages': (f) =>
    (f.timeline.stages = Array.from({ length: 1_001 }, (_, i) => ({ ...f.timeline.stages[0], id: `s${i}` }))),
  'dates past 1,000 in a session': (f) =>
    (f.sessions[0].schedule.exceptDate = Array.from({ length: 1_001 }, () => '2026-12-25')),
  'fine: a timeline of 1,000 stages': (f) =>
    (f.timeline.stages = Array.from({ length: 1_000 }, (_, i) => ({ ...f.timeline.stages[0], id: `s${i}` }))),
  'fine: unknown field': (f) => (f.sessions[0].colour = 'red'),
  'fine: translation added': (f) => (f.sessions[3].name = { en: 'Stay and Play', pl: 'Zostań i baw się' }),
};

for (const [name, mutate] of Object.entries(mutations)) {
  test(`schema and validator agree: ${name}`, () => {
    const feed = structuredClone(example);
    mutate(feed);
    const schemaSaysValid = ajvValid(feed);
    const issues = validateFeed(feed).issues;
    assert.equal(schemaSaysValid, name.startsWith('fine'), `schema: ${JSON.stringify(ajvValid.errors?.[0])}`);
    assert.equal(issues.length === 0, schemaSaysValid, JSON.stringify(issues));
  });
}
