// Compiled by test/cli/types.test.mjs, and must fail: schema-dts rejects a property that
// schema.org's Event does not have, and a misspelt status, as it would in src/export/jsonld.ts.
import type { Event } from 'schema-dts';

export const unknownProperty: Event = {
  '@type': 'Event',
  name: 'Baby Massage',
  startDate: '2026-11-23T10:00:00+00:00',
  bookingUrl: 'https://example.org/book',
};

export const misspeltStatus: Event = {
  '@type': 'Event',
  name: 'Baby Massage',
  startDate: '2026-11-23T10:00:00+00:00',
  eventStatus: 'https://schema.org/EventCanceled',
};
