// Compiled by test/cli/types.test.mjs: the JSON-LD exporter's output against schema.org's
// vocabulary (the schema-dts types). Compiling this compiles src/export/jsonld.ts, whose every
// object literal is typed with schema-dts, so a property schema.org does not have, or a value of
// the wrong kind, fails here.
import type { Event, EventSeries, GovernmentService, Graph, Service, Thing } from 'schema-dts';
import { feedJsonLd, type JsonLdResult } from '../../src/export/jsonld.js';
import type { Feed } from '../../src/feed/types.js';

declare const feed: Feed;
const result: JsonLdResult = feedJsonLd(feed, { now: new Date(), days: 28, lang: 'cy', translations: ['en'] });
const graph: Graph = result.data;

// The nodes are schema.org Things, not `any`.
type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<(typeof graph)['@graph'][number]> = false;

// What the exporter writes can be read back as the types it claims.
const events = graph['@graph'].filter((n): n is Event => typeof n == 'object' && n['@type'] == 'Event');
const series = graph['@graph'].filter((n): n is EventSeries => typeof n == 'object' && n['@type'] == 'EventSeries');
const services = graph['@graph'].filter(
  (n): n is Service | GovernmentService =>
    typeof n == 'object' && (n['@type'] == 'Service' || n['@type'] == 'GovernmentService'),
);
export const used: unknown[] = [notAny, events, series, services, [] as Thing[]];
