/**
 * Names for the feed's session categories (`session.category`). Part of the one schema (`../schema.ts`).
 */
import { doc, lax, list, obj, opt, text } from '../shape.js';
import { id } from './values.js';

export const categorySchema = obj(
  {
    id: id(doc('The id sessions give as their `category`, like "baby-yoga".')),
    name: text(doc('What parents call it, as a choice in "Type of session": "Baby yoga".')),
  },
  undefined,
  doc('A name for a session category. Common ones have built-in names in every shipped language; name your own here.'),
);

export const categoriesField = opt(lax(list(categorySchema)));
