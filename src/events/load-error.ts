/** A file of the element's own could not be loaded: a language's messages, or code it loads on first use. */
export class ImhLoadError extends Error {
  override name = 'ImhLoadError';
  /** The file, as the browser named it when it said so (else the piece's name, like `filter-controls`). */
  file: string;
  constructor(what: string, file: string, cause?: unknown) {
    super(
      `Could not load ${what} (${file}): publish every imh-widgets file beside the script, and check ` +
        'that the visitor is online.',
      { cause },
    );
    this.file = file;
  }
}

export interface ImhLoadErrorDetail {
  error: ImhLoadError;
}

/**
 * A file the element loads on first use (a language's messages, the filter controls, the calendar
 * export, the built-in timeline) could not be loaded. The element shows what it can without it
 * (English, its fallback content, a "Try again" button) and loads it again when asked.
 */
export class ImhLoadErrorEvent extends CustomEvent<ImhLoadErrorDetail> {
  constructor(detail: ImhLoadErrorDetail) {
    super('imh-load-error', { bubbles: true, composed: true, detail });
  }
}

/**
 * Load failures already written to the console: one line per file, however many elements it stops
 * and however often they try (the saved-copy code is tried by each element that reads a feed).
 */
const said = new Set<string>();
/** The event for a file that could not be loaded, and the console's one line naming it. */
export const loadFailed = (error: ImhLoadError): ImhLoadErrorEvent => {
  // The set grows only with a message it did not hold yet.
  if (said.size < said.add(error.message).size) console.warn(`imh-widgets: ${error.message}`);
  return new ImhLoadErrorEvent({ error });
};

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-load-error': ImhLoadErrorEvent;
  }
}
