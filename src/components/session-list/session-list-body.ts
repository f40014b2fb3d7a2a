/**
 * The session list's body: each session drawn, with its time, pattern, place, who it is for, cost,
 * booking, facilities, description and calendar menu (`session-item.ts`), and the list's own styles
 * (`session-list.styles.ts`). A lazy chunk of its own, one file, loaded by the element beside its
 * feed and the schedule engine's chunk (`internal/dates.ts`), so a page without a session list never
 * downloads it (issue 14). The element keeps its properties, its loading, error and fallback states, the
 * days' headings, "Show more" and the credit in the main bundle (the filters, the notes and the calendar
 * export are chunks of their own, loaded when used). It imports only from the main bundle (see the
 * element's `loadBody`).
 */
export { sessionItem, type ItemContext, type Kit } from './session-item.js';
/** The list's own styles, as text (the element makes them a style sheet, adopted before the body draws). */
export { styles } from './session-list.styles.js';
