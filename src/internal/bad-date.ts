/**
 * The console line for a date attribute the element cannot read: a file of its own, loaded only when
 * a page has such a value (`now.ts`), or with the timeline's body.
 */

/** Date attributes already said to be unreadable: one console line per attribute and value per page. */
const said = new Set<string>();

/**
 * A date attribute the element cannot read (`now="31/12/2026"`, `due-date="2026-02-30"`): one console
 * line per attribute and value per page, as for other attribute mistakes, with the form it needs.
 */
export const badDate = (name: string, value: string, time?: boolean): void => {
  if (said.size < said.add(name + value).size)
    console.warn(
      `imh-widgets: ${name}="${value.length > 40 ? `${value.slice(0, 39)}…` : value}" is not a date: write ${
        time
          ? 'YYYY-MM-DD or YYYY-MM-DDTHH:MM, like 2026-12-31T09:30; the current time is used'
          : 'YYYY-MM-DD, like 2026-12-31; it is ignored'
      } until then.`,
    );
};
