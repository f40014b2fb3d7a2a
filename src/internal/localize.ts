/**
 * The translator: every message an element shows or announces goes through its own `Translator`,
 * bound to the element's language, so text made in a render, an event handler, `updated()`, after
 * an `await` or in an announcement is in the element's language alike.
 *
 * Messages are written as lit-localize expects them, and `lit-localize extract` finds them: it
 * recognises a msg call by the type of the function called (the `_LIT_LOCALIZE_MSG_` marker below)
 * and a `str` template by its tag's type (`_LIT_LOCALIZE_STR_`), not by an import, so
 *
 *     t.msg('Show more sessions', { id: 'session-list.show-more', desc: 'For translators' })
 *     t.msg(str`${n} sessions found`, { id: 'session-list.count.other', desc: '…' })
 *
 * are extracted into the XLIFF files with their ids and descriptions (test/node/messages.test.ts
 * holds the extractor to every call in src/). Nothing from @lit/localize runs in the browser.
 */
import { messagesOf } from '../localization.js';
import { sourceLocale } from '../generated/locale-codes.js';

/** A message with values: its text around them, and the values. */
export interface StrResult {
  strings: readonly string[];
  values: readonly unknown[];
}

/** Tags a message with values: `` str`${n} sessions found` ``. */
export const str = ((strings: TemplateStringsArray, ...values: unknown[]): StrResult => ({ strings, values })) as ((
  strings: TemplateStringsArray,
  ...values: unknown[]
) => StrResult) & { _LIT_LOCALIZE_STR_?: never };

export interface MsgOptions {
  /** The message's id in the XLIFF files: `<folder>.<key>`. */
  id: string;
  /** What translators need to know: where it shows, what a placeholder stands for. */
  desc?: string;
}

/** The message in the translator's language (the source text where there is no translation). */
export type Msg = ((template: string | StrResult, options: MsgOptions) => string) & { _LIT_LOCALIZE_MSG_?: never };

const join = (strings: readonly string[], values: readonly unknown[]) =>
  strings.reduce((text, s, i) => text + String(values[i - 1]) + s);

/** Translates into one locale: an element's (`ImhElement.t`), or any locale for tools and tests. */
export class Translator {
  /** The locale messages are translated into (an element sets it from its `lang`). */
  locale: string;
  /**
   * On a bilingual element (`bilingual="en"`), a translator into its second language, once that
   * language's messages are here: `both()` (`internal/feed-text.ts`) shows interface text in both.
   */
  also?: Translator;

  /**
   * Set when a message had no translation into `locale` (a translation pack may lack some), so the
   * source text was given: `both()` then shows that message once, in the first language, never
   * English marked as the second. Cleared by whoever reads it.
   */
  untranslated?: boolean;

  constructor(locale: string = sourceLocale) {
    this.locale = locale;
  }

  /** A message in `locale`: its translation if loaded, else the source text. */
  msg: Msg = (template, { id }) => {
    const values = typeof template == 'string' ? [] : template.values;
    const translated = messagesOf(this.locale)?.[id];
    if (typeof translated == 'string') return translated;
    if (translated) return translated.map((p) => (typeof p == 'number' ? String(values[p]) : p)).join('');
    if (this.locale != sourceLocale) this.untranslated = true;
    return typeof template == 'string' ? template : join(template.strings, values);
  };
}
