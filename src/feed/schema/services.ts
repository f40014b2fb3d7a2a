/**
 * Support services and resources (Open Referral UK concepts). Part of the one schema (`../schema.ts`).
 */
import { feedParts } from '../parts.js';
import { arr, bool, doc, lax, link, list, obj, oneOf, opt, ref, text } from '../shape.js';
import { KINDS, REFERRERS, STAGES, URGENCIES } from '../vocabulary.js';
import { organisationsField, placesField } from './places.js';
import { sourcesField } from './sources.js';
import { audience, closingTime, cost, date, email, id, lang, phone, plainDay, source, time } from './values.js';

/**
 * Weekly opening hours. An entry that closes earlier than it opens runs past midnight, as in schema.org
 * and Open Referral: 22:00 to 02:00 on Monday closes at 02:00 on Tuesday. One that closes when it opens
 * says nothing, and is a problem.
 */
export const hoursSchema = obj({ byDay: arr(plainDay, 1), opens: time(), closes: closingTime }, (h, report) => {
  if (h.closes == h.opens) report('closes', 'hours.closes');
});

export const serviceSchema = obj(
  {
    id: id(),
    name: text(),
    kind: opt(oneOf(KINDS, 'a kind of service'), 'service'),
    urgency: opt(oneOf(URGENCIES, 'an urgency'), 'routine'),
    summary: opt(text()),
    description: opt(text()),
    audience: opt(audience),
    stages: opt(arr(lax(oneOf(STAGES, 'a stage')))),
    organisation: opt(lax(ref('organisations'))),
    place: opt(lax(ref('places'))),
    contact: opt(
      obj({
        url: opt(link()),
        email: opt(email),
        phones: opt(
          arr(
            obj({
              number: phone,
              kind: opt(oneOf(['voice', 'text', 'textphone'] as const, 'a kind of phone'), 'voice'),
              note: opt(text()),
            }),
          ),
        ),
      }),
    ),
    apps: opt(obj({ ios: opt(link()), android: opt(link()) })),
    eligibility: opt(text()),
    referral: opt(
      obj({
        self: opt(bool()),
        by: opt(arr(lax(oneOf(REFERRERS, 'a referrer')))),
        how: opt(text()),
      }),
    ),
    // Bad hours are ignored, with a warning, not the service: its phone number matters more. All of them,
    // as a week with a day left out would show the service closed on that day.
    hours: opt(lax(arr(hoursSchema))),
    hoursNote: opt(text()),
    languages: opt(arr(lax(lang))),
    cost: opt(cost),
    area: opt(text(doc('The area served.'))),
    reviewed: opt(date(doc('When the information was last checked.'))),
    source,
  },
  undefined,
  doc('A support service or resource (Open Referral UK concepts).'),
);

export const servicesField = opt(lax(list(serviceSchema)));

/**
 * The support card and list: services, with the places and organisations they name (exported by
 * `../service-parts.ts`, see `../parts.ts`). Made here, beside the services' schema, so that the
 * autoloader puts it in the chunk that holds that schema, not in a file of its own that every page
 * with a support card would download besides.
 */
export const SERVICE_PARTS = feedParts('services', {
  places: placesField,
  organisations: organisationsField,
  services: servicesField,
  sources: sourcesField,
});
