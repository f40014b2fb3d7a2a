import { html, nothing, render, type ReactiveControllerHost } from 'lit';
import type { SheetHost, SheetInput } from '../components/family-sheet/family-sheet.js';
import { both } from './feed-text.js';
import { lazy } from './lazy.js';
import type { Translator } from './localize.js';
import { ERROR, Task } from './task.js';

/**
 * The family sheet's code (components/family-sheet/, issue 15), loaded on the first "Print for a
 * family" of either list. One loader for the page: a load that failed is tried again under a fresh
 * address by whichever list asks next (Firefox keeps a failed module for good).
 */
const loadSheet = lazy(
  'the family sheet',
  'family-sheet.js',
  () => import('../components/family-sheet/family-sheet.js'),
);

/** What a list gives its sheet when the button is pressed: all of `SheetInput` but the translator and Lit. */
export type Listed = Omit<SheetInput, 't' | 'lit'>;

/**
 * "Print for a family" (issue 15), shared by the session list and the support list: the task that
 * loads the sheet's code and opens its dialog, and `button()`, which draws the button (with the
 * `family-sheet` attribute only) and the load error's "Try again" under it. The element registers
 * the task with its `retry()`, so a failed load is announced (imh-load-error) and retried.
 */
export function familySheet(host: ReactiveControllerHost & SheetHost) {
  let input: SheetInput | undefined;
  const task = new Task(host, {
    args: () => [],
    task: () => input && loadSheet().then((m) => m.openSheet(host, input!)),
  });
  return Object.assign(task, {
    /**
     * The button, and "Try again" (`error()`) when the sheet's code could not be loaded.
     * @param listed What the list shows, read when the button is pressed.
     */
    button: (t: Translator, listed: () => Listed, error: () => unknown) =>
      host.hasAttribute('family-sheet')
        ? html`<p><button part="button" class="secondary family" @click=${() => {
            input = { ...listed(), t, lit: { html, render, both } };
            task.run();
          }}>${both(t, (t) =>
            t.msg('Print for a family', {
              id: 'session-list.print',
              // eslint-disable-next-line max-len -- a description is one literal, whole, for lit-localize
              desc: 'Button for practitioners: choose sessions or services and a language, and print a sheet for a family',
            }),
          )}</button></p>${task.status == ERROR ? error() : nothing}`
        : nothing,
  });
}
