/**
 * The support list's printed sheet of services (issue 15): each service's urgency in words, its phone
 * numbers large and left to right, its web address and email. Loaded when a sheet of services first
 * opens, so the session list's sheet never downloads it. Imports no Lit and none of the elements'
 * helpers (see family-sheet.ts): what it draws with comes from the sheet.
 */
import type { html as litHtml } from 'lit';
import type { Service, Text } from '../../feed/types.js';
import type { Translator } from '../../internal/localize.js';

/** What the sheet gives a service card to draw with. */
export interface Drawing {
  html: typeof litHtml;
  /** The sheet's language. */
  t: Translator;
  /** English, the messages' own language (a feed note may be only in English). */
  en: Translator;
  /** Feed text in its language and own direction. */
  text: (v: Text | undefined) => unknown;
  /** A feed note, in brackets. */
  note: (v: Text | undefined) => unknown;
  /** A value that reads left to right wherever it is. */
  ltr: (value: unknown, cls?: string) => unknown;
  /** Feed text's words in the sheet's language (else the feed's). */
  words: (v: Text | undefined) => string;
}

/** "Emergency" or "Urgent", for a service's urgency. */
export const urgencyWord = (t: Translator, urgency: string) =>
  urgency == 'emergency'
    ? t.msg('Emergency', { id: 'family-sheet.emergency', desc: 'Printed sheet and its dialog: an emergency service' })
    : t.msg('Urgent', { id: 'family-sheet.urgent', desc: 'Printed sheet and its dialog: a service for urgent help' });

/** A service: its urgency said in words (and a thicker border), its phone numbers large and left to right. */
export const service = (s: Service, { html, t, en, text, note, ltr, words }: Drawing) => {
  const { phones = [], url, email } = s.contact ?? {};
  return html`<li class="card ${s.urgency}">
    <h2>${text(s.name)}</h2>
    ${s.urgency == 'routine' ? '' : html`<p class="urgency">${urgencyWord(t, s.urgency!)}</p>`}
    ${s.summary ? html`<p>${text(s.summary)}</p>` : ''}
    ${phones.map((p) => {
      const word = (t: Translator) =>
        p.kind == 'text'
          ? t.msg('Text', {
              id: 'family-sheet.text',
              desc: 'Printed sheet: before a number to send a text message to',
            })
          : p.kind == 'textphone'
            ? t.msg('Textphone', {
                id: 'family-sheet.textphone',
                desc: 'Printed sheet: before a textphone number',
              })
            : t.msg('Phone', { id: 'family-sheet.phone', desc: 'Printed sheet: before a phone number' });
      // A note that already names the way to use the number ("Textphone (relay)") takes the word's
      // place, as on the card: "Textphone (relay) 18001 111", not "Textphone 18001 111 (Textphone (relay))".
      // The word is looked for, whole, in the sheet's language, and for a textphone in English too (a note
      // the feed gives only in English): "Texts cost your usual rate" does not take the place of "Text".
      const said = words(p.note).toLowerCase();
      const named = (p.kind == 'textphone' ? [t, en] : [t]).some((t) => {
        const w = word(t).toLowerCase();
        return said.startsWith(w) && !/\p{L}/u.test(said.charAt(w.length));
      });
      return html`<p>${named ? text(p.note) : word(t)} ${ltr(p.number, 'phone')}${named ? '' : note(p.note)}</p>`;
    })}
    ${url ? html`<p>${ltr(url, 'url')}</p>` : ''}
    ${email ? html`<p>${ltr(email)}</p>` : ''}
  </li>`;
};
