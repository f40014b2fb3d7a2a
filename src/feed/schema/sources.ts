/**
 * Where imported items came from: the feed's `sources`. Part of the one schema (`../schema.ts`).
 */
import { doc, lax, link, list, obj, oneOf, opt, str, text } from '../shape.js';
import { SOURCE_KINDS } from '../vocabulary.js';
import { dateTime, id } from './values.js';

export const sourceSchema = obj(
  {
    id: id(),
    kind: oneOf(SOURCE_KINDS, 'a kind of source'),
    name: opt(text(doc('The source as people know it, like "Anytown Leisure timetable".'))),
    url: opt(link(doc('The address it was read from.'))),
    file: opt(str({ d: doc('The name of the file it was read from.') })),
    imported: opt(dateTime),
    licence: opt(link(doc('The licence of its data, like https://creativecommons.org/licenses/by/4.0/.'))),
    attribution: opt(
      text(doc('The credit its licence asks for, shown wherever its items appear, like "Data from Anytown Leisure".')),
    ),
  },
  undefined,
  doc('A source of imported items. Importing it again updates and removes its items, never hand-written ones.'),
);

export const sourcesField = opt(lax(list(sourceSchema)));
