export interface PackProblem {
  /**
   * `pack`: the whole pack is unusable (not found, not JSON, another language's); `missing`: a
   * message has no translation; `refused`: a translation drops or adds a placeholder; `unknown`: a
   * message this version does not have, or a plural form the language does not use; `intl`: the
   * pack's date and list patterns are malformed.
   */
  kind: 'pack' | 'missing' | 'refused' | 'unknown' | 'intl';
  /** The message's id, for a problem with one message. */
  id?: string;
  /** What is wrong, for the page's editor. */
  message: string;
}

export interface ImhTranslationPackDetail {
  /** The language the pack is for, as the elements use it. */
  locale: string;
  /** The pack's absolute address. */
  url: string;
  /** Whether the pack is used (false: the elements speak English, or our own translation). */
  used: boolean;
  /** How many of its messages are used. */
  messages: number;
  /** Everything wrong with it; empty when the pack is complete and correct. */
  problems: PackProblem[];
}

/**
 * A translation pack was loaded (see README "For translators"), fired on `document` once per pack,
 * with every problem found in it (also summed up in one console line).
 */
export class ImhTranslationPackEvent extends CustomEvent<ImhTranslationPackDetail> {
  constructor(detail: ImhTranslationPackDetail) {
    super('imh-translation-pack', { detail });
  }
}

declare global {
  interface DocumentEventMap {
    'imh-translation-pack': ImhTranslationPackEvent;
  }
}
