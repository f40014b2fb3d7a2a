/**
 * The feed's own fields (its version, publisher, language and time zone), which every element reads.
 * Part of the one schema (`../schema.ts`).
 */
import { doc, lax, link, num, obj, opt, text } from '../shape.js';
import { dateTime, email, lang, phone, zone } from './values.js';

export const feedHead = {
  version: num({ min: 1, lt: 2, d: doc('The major version of this format the file follows: 1.') }),
  publisher: opt(lax(obj({ name: text(), url: opt(link()), email: opt(email), phone: opt(phone) }))),
  updated: opt(lax(dateTime)),
  language: opt(lax(lang), 'en-GB'),
  timeZone: opt(lax(zone), 'Europe/London'),
};
