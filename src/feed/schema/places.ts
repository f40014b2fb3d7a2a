/**
 * Places and organisations, written once and referred to by id. Part of the one schema (`../schema.ts`).
 */
import { arr, doc, lax, link, list, num, obj, oneOf, opt, str, text } from '../shape.js';
import { FACILITIES } from '../vocabulary.js';
import { email, id, phone, source } from './values.js';

export const placeSchema = obj(
  {
    id: id(),
    name: text(doc('The place as people know it.')),
    address: opt(
      obj({
        street: opt(str()),
        locality: opt(str()),
        region: opt(str()),
        postcode: opt(str()),
        country: opt(str()),
      }),
    ),
    geo: opt(obj({ lat: num({ min: -90, max: 90 }), lng: num({ min: -180, max: 180 }) })),
    facilities: opt(arr(lax(oneOf(FACILITIES, 'a known facility')))),
    directions: opt(text(doc('How to find it: the entrance, parking, buses.'))),
    url: opt(link()),
    source,
  },
  undefined,
  doc('A place where sessions happen, written once and referred to by id.'),
);

export const organisationSchema = obj({
  id: id(),
  name: text(),
  url: opt(link()),
  email: opt(email),
  phone: opt(phone),
  source,
});

export const placesField = opt(lax(list(placeSchema)));
export const organisationsField = opt(lax(list(organisationSchema)));
