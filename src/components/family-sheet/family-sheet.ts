/**
 * "Print for a family" (issue 15): a dialog where a practitioner chooses sessions (on the session
 * list) or services (on the support list) and the family's language, then a printed A4 sheet in that
 * language: sessions with their next dates (cancelled and changed ones said), places and how to book;
 * services with their urgency and phone numbers large; the date printed and a QR code that opens the
 * page. Loaded on the first click of the button (`family-sheet` attribute, internal/family-sheet-button.ts);
 * the QR encoder is a chunk of its own, loaded when printing.
 *
 * The sheet is rendered into `<imh-family-sheet>`, a shadow host appended to the page's body, with a
 * constructed style sheet on the document that, on paper only, hides the body's other children:
 * no frame, no window and no markup from strings, so it works under the strict CSP with Trusted
 * Types the README documents. It stays, hidden on screen, until the visitor's next key or pointer
 * press on the page, or the next sheet (see `print`).
 */
import type { html as litHtml, render as litRender } from 'lit';
import type { both as bothFn } from '../../internal/feed-text.js';
import { ImhLoadErrorEvent } from '../../events/load-error.js';
import type { Feed, Place, Service, Session, Text } from '../../feed/types.js';
import { formatDay, formatTimeRange, numberFormat } from '../../internal/format.js';
import { lazy } from '../../internal/lazy.js';
import { str, Translator } from '../../internal/localize.js';
import { shippedLanguages } from '../../languages.js';
import { directionOf, loadLocale } from '../../localization.js';
import type { SessionOccurrence } from '../../schedule/occurrences.js';

const loadQr = lazy('the QR code', 'qr.js', () => import('./qr.js'));
const loadServices = lazy('the family sheet of services', 'services.js', () => import('./services.js'));

/**
 * Lit's `html` and `render`, from the element that opens the sheet: this chunk does not import Lit
 * itself, since a lazy chunk importing Lit splits it out of the autoloader's shared chunk, one more
 * file for every page. The styles are constructed style sheets (allowed under a strict CSP).
 */
let html: typeof litHtml;
let render: typeof litRender;
let both: typeof bothFn;
const nothing = '';
/**
 * A constructed style sheet from a css`` template (without values). Named `css`, as Lit's tag is, so
 * the build minifies its text as it does the elements' styles (scripts/strip-docs.mjs).
 */
const css = ([text]: TemplateStringsArray) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
};

/** What a list gives the sheet: its feed and what it lists now (sessions, or services). */
export interface SheetInput {
  /** The element's translator: the dialog is in the page's language (and its second, if bilingual). */
  t: Translator;
  feed: Feed;
  /** The session list's places. */
  places?: Map<string, Place>;
  /** The session list: every occurrence it has for its filters and window, soonest first. */
  occurrences?: readonly SessionOccurrence[];
  /**
   * The support list: the services it shows, urgent help first (chosen at first); the dialog offers
   * the feed's other services after them.
   */
  services?: readonly Service[];
  /** The session list: how many of the occurrences it shows now (those chosen at first). */
  shown?: number;
  /** Today, in the feed's time zone (the date printed). */
  today: number;
  /** Lit's `html` and `render`, and `both()` for a bilingual dialog, as the element has them. */
  lit: { html: typeof litHtml; render: typeof litRender; both: typeof bothFn };
}

/** The dialog's own styles, added to the element's shadow root when the dialog first opens. */
const dialogStyles = css`
  .family-dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 2px solid var(--_fg);
    border-radius: var(--_radius);
    padding: var(--_gap);
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    box-sizing: border-box;
  }
  /* The choices scroll, so the language and the buttons stay in view (the whole dialog scrolls
     only on a very short screen). */
  .family-dialog .choices {
    overflow: auto;
    max-block-size: 45vh;
    padding: 4px;
  }
  .family-dialog .name {
    font-weight: 600;
  }
  .family-dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .family-dialog h2 {
    margin-block: 0 var(--_gap);
    font-size: 1.375rem;
    line-height: 1.3;
  }
  .family-dialog fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_gap);
    min-inline-size: 0;
  }
  .family-dialog legend,
  .family-dialog .language {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .family-dialog ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .family-dialog li label {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding-block: 0.5rem;
    min-block-size: 24px;
  }
  .family-dialog input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_fg);
  }
  .family-dialog .when {
    display: block;
    color: var(--_muted);
    font-weight: normal;
  }
  .family-dialog .language {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--_gap);
  }
  .family-dialog .problem {
    font-weight: 700;
    border-inline-start: 4px solid var(--_fg);
    padding-inline-start: 0.75rem;
  }
  .family-dialog .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  @media print {
    .family-dialog {
      display: none;
    }
  }
`;

/**
 * The sheet on paper: A4, black on white, every card whole. Never on screen, whatever the page's own
 * rules say (an !important rule of a shadow tree's own wins over the page's).
 */
const sheetStyles = css`
  :host {
    display: block;
    color: #000;
    background: #fff;
    font: 11pt/1.4 system-ui, sans-serif;
  }
  @media not print {
    :host {
      display: none !important;
    }
  }
  .sheet:lang(ur),
  .sheet:lang(pa-Arab) {
    line-height: 1.7;
  }
  header {
    display: flex;
    gap: 8mm;
    justify-content: space-between;
    align-items: flex-start;
    border-block-end: 2pt solid #000;
    padding-block-end: 4mm;
    margin-block-end: 5mm;
  }
  h1 {
    font-size: 20pt;
    line-height: 1.2;
    margin: 0 0 2mm;
  }
  header p {
    margin: 0 0 1mm;
  }
  figure {
    margin: 0;
    flex: none;
    inline-size: 38mm;
    font-size: 9pt;
    text-align: center;
  }
  .qr-code {
    display: block;
    inline-size: 34mm;
    block-size: 34mm;
    margin-inline: auto;
  }
  .url {
    display: block;
    overflow-wrap: anywhere;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 4mm;
  }
  .card {
    break-inside: avoid;
    border: 1pt solid #000;
    border-radius: 2mm;
    padding: 2mm 4mm;
  }
  h2 {
    font-size: 13pt;
    line-height: 1.25;
    margin: 0 0 2mm;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 700;
    margin-block-start: 1mm;
  }
  dd {
    margin: 0;
  }
  .dates {
    margin: 0;
    padding-inline-start: 5mm;
  }
  .time {
    font-weight: 700;
    white-space: nowrap;
    margin-inline-start: 1.5mm;
  }
  .phone {
    font-size: 15pt;
    font-weight: 700;
    white-space: nowrap;
  }
  .card p {
    margin: 1mm 0;
  }
  .urgent,
  .emergency {
    border-width: 3pt;
  }
  .emergency {
    border-style: double;
    border-width: 5pt;
  }
  .urgency {
    display: inline-block;
    border: 2pt solid;
    padding: 0 2mm;
    margin: 0 0 1mm;
    font-weight: 700;
  }
`;

/** On paper, only the sheet; on screen, never the sheet. */
const pageRules = css`
  @media print {
    body > :not(imh-family-sheet) {
      display: none !important;
    }
  }
  @media not print {
    imh-family-sheet {
      display: none !important;
    }
  }
  @page {
    size: A4;
    margin: 12mm;
  }
`;

/** The events that end a printed sheet's stay on the page (see `print`). */
const PRINT_END = ['keydown', 'pointerdown'];
/** Takes the printed sheet off the page, with its page rules (see `print`). */
let removeSheet = () => {};

/**
 * Feed text in a language, where the feed has it (else in the feed's own language, else any), with
 * its language and its own direction (`dir="auto"`). The sheet imports none of the elements' own
 * helpers (internal/feed-text.ts picks the same way): a lazy chunk that shares a module with some
 * elements splits the autoloader's shared chunks, and a page with one card would load more files.
 */
const feedWords = (value: Text | undefined, locale: string, feedLanguage: string) => {
  if (value == null) return ['', feedLanguage] as const;
  if (typeof value == 'string') return [value, feedLanguage] as const;
  const lang = [locale, locale.split('-')[0], feedLanguage].find((l) => value[l]) ?? Object.keys(value)[0];
  return [value[lang] ?? '', lang] as const;
};

/** A value that reads left to right wherever it is (a phone number, a web address). */
const ltr = (value: unknown, cls = '') => html`<bdi dir="ltr" class=${cls}>${value}</bdi>`;

/** The dialog and the printing for one element: see `openSheet`. */
class FamilySheet {
  input!: SheetInput;
  /** The ids of the sessions, or services, chosen. */
  chosen = new Set<string>();
  /** The family's language. */
  locale = '';
  /** The code for services (the support list's sheet), loaded when it first opens. */
  private services?: typeof import('./services.js');
  private problem?: 'none' | 'load';
  /** Where the dialog is rendered: after the element's content, in its shadow root. */
  private readonly box = document.createElement('div');

  constructor(private readonly host: SheetHost) {
    host.adopt(dialogStyles);
  }

  private get dialogEl() {
    return this.box.querySelector('dialog')!;
  }

  /** Renders the dialog again (after a change of its own). */
  private update() {
    render(this.dialog(this.input), this.box, { host: this });
  }

  /**
   * The sessions the list has, each once, with its next date that is not cancelled, in that order
   * (a session with none is left out).
   */
  private sessions(): [Session, SessionOccurrence][] {
    const seen = new Map<string, [Session, SessionOccurrence]>();
    for (const o of this.input.occurrences ?? [])
      if (!seen.has(o.session.id) && o.status != 'cancelled') seen.set(o.session.id, [o.session, o]);
    return [...seen.values()];
  }

  /** A file that could not be loaded: said as the element says it (its other lazy files' way). */
  private announce(error: unknown) {
    if ((error as Error)?.name == 'ImhLoadError') {
      console.warn(`imh-widgets: ${(error as Error).message}`);
      this.host.dispatchEvent(new ImhLoadErrorEvent({ error: error as never }));
    }
  }

  /** Opens the dialog with the sessions, or services, the list shows chosen. */
  async open(input: SheetInput) {
    const { t, shown, feed } = input;
    // Cannot be loaded: openSheet rejects with the ImhLoadError, which the list says (Try again).
    if (input.services) this.services ??= await loadServices();
    const services = input.services && [...new Set([...input.services, ...feed.services!])];
    this.input = { ...input, services };
    this.chosen = new Set(
      (services ?? input.occurrences!.map((o) => o.session))
        .slice(0, shown ?? input.services!.length)
        .map((item) => item.id),
    );
    this.locale ||= t.locale;
    this.problem = undefined;
    // The dialog's words in the page's language, and in its second on a bilingual element (English if
    // they cannot be loaded: said with imh-load-error).
    await Promise.all(
      [t, t.also].map((t) => t && loadLocale(t.locale, ['sheet']).catch((e: unknown) => this.announce(e))),
    );
    if (!this.box.isConnected) this.host.shadowRoot!.append(this.box);
    this.update();
    this.dialogEl.showModal();
  }

  private closed() {
    // Back to "Print for a family" (the browser may not restore focus into a shadow root).
    this.host.shadowRoot!.querySelector<HTMLElement>('.family')?.focus();
  }

  private toggle(id: string, on: boolean) {
    if (on) this.chosen.add(id);
    else this.chosen.delete(id);
    this.problem = undefined;
    this.update();
  }

  /** Prints the sheet: its language's messages and the QR code first, then the page's print. */
  async print() {
    const input = this.input;
    const dialog = this.dialogEl;
    if (!this.chosen.size) {
      this.problem = 'none';
      this.update();
      dialog.querySelector('input')?.focus();
      return;
    }
    let qr: typeof import('./qr.js');
    try {
      [, qr] = await Promise.all([loadLocale(this.locale, ['ui', 'sheet']), loadQr()]);
    } catch (e) {
      this.problem = 'load';
      this.announce(e);
      this.update();
      return;
    }
    this.problem = undefined;
    dialog.close();
    const page = document.createElement('imh-family-sheet');
    const shadow = page.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheetStyles];
    render(
      this.sheet(input, (text, label) => qr.qrCode(html, text, label)),
      shadow,
    );
    // One sheet on the page: the last one printed goes first.
    removeSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageRules];
    document.body.append(page);
    // It stays (hidden on screen) until the visitor's next key or pointer press on the page, or the
    // next sheet. Not taken away at afterprint, nor at a beforeprint after it: WebKit has fired
    // afterprint before its print dialog had read the page (iOS Safari fires it at once), and Safari's
    // panel may begin printing more than once (to count pages, then to print).
    const end = () => {
      page.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s != pageRules);
      for (const type of PRINT_END) removeEventListener(type, end, true);
      removeSheet = () => {};
    };
    removeSheet = end;
    for (const type of PRINT_END) addEventListener(type, end, true);
    print();
  }

  /** The dialog, in the page's language (and its second, on a bilingual element). */
  private dialog(input: SheetInput) {
    const { t, services } = input;
    const lang = this.locale || t.locale;
    // The date in the page's language, then the time as one left-to-right run (never reordered).
    const day = (o: SessionOccurrence) => {
      const time = o.startTime ? formatTimeRange(o.start, o.endTime ? o.end : undefined, t.locale, o.timeZone) : '';
      return html`${formatDay(o.day, t.locale)} <span dir="ltr">${time}</span>`;
    };
    // Each choice: its id, its name and what shows under it (a session's next date, a service's urgency).
    const choices: [string, Text, unknown][] = services
      ? services.map((s) => [
          s.id,
          s.name,
          s.urgency == 'routine' ? '' : both(t, (t) => this.services!.urgencyWord(t, s.urgency!)),
        ])
      : this.sessions().map(([s, o]) => [s.id, s.name, day(o)]);
    const problem =
      this.problem == 'none'
        ? both(t, (t) =>
            services
              ? t.msg('Choose at least one service.', {
                  id: 'family-sheet.choose-service',
                  desc: 'Print for a family: shown when Print is pressed with no service chosen',
                })
              : t.msg('Choose at least one session.', {
                  id: 'family-sheet.choose',
                  desc: 'Print for a family: shown when Print is pressed with no session chosen',
                }),
          )
        : this.problem == 'load'
          ? both(t, (t) =>
              t.msg('The sheet could not be prepared just now. Check the connection and press Print again.', {
                id: 'family-sheet.failed',
                desc: 'Print for a family: the sheet’s language or QR code could not be loaded',
              }),
            )
          : '';
    return html`<dialog class="family-dialog" aria-labelledby="family-title" lang=${t.locale}
      dir=${directionOf(t.locale)} @close=${this.closed}>
      <h2 id="family-title">
        ${both(t, (t) =>
          t.msg('Print for a family', { id: 'family-sheet.title', desc: 'Title of the dialog that prints a sheet' }),
        )}
      </h2>
      <form @submit=${(e: Event) => (e.preventDefault(), void this.print())}>
        <fieldset>
          <legend>
            ${both(t, (t) =>
              services
                ? t.msg('Services to print', {
                    id: 'family-sheet.services',
                    desc: 'Print for a family: the choices of services',
                  })
                : t.msg('Sessions to print', { id: 'family-sheet.sessions', desc: 'Print for a family: the choices' }),
            )}
          </legend>
          <ul class="choices">
            ${choices.map(
              ([id, name, detail], i) =>
                html`<li>
                  <label
                    ><input
                      type="checkbox"
                      ?autofocus=${!i}
                      .checked=${this.chosen.has(id)}
                      @change=${(e: Event) => this.toggle(id, (e.target as HTMLInputElement).checked)}
                    /><span
                      ><span class="name" dir="auto">${feedWords(name, t.locale, input.feed.language)[0]}</span>
                      <span class="when">${detail}</span></span
                    ></label
                  >
                </li>`,
            )}
          </ul>
        </fieldset>
        <label class="language"
          >${both(t, (t) =>
            t.msg('The family’s language', {
              id: 'family-sheet.language',
              desc: 'Print for a family: the language the sheet is printed in',
            }),
          )}
          <select @change=${(e: Event) => (this.locale = (e.target as HTMLSelectElement).value)}>
            ${shippedLanguages().map(
              (l) =>
                html`<option value=${l.code} ?selected=${l.code == lang}>
                  ${l.name == l.english ? l.name : `${l.name} – ${l.english}`}
                </option>`,
            )}
          </select></label
        >
        <p class="problem" role="alert" ?hidden=${!problem}>${problem}</p>
        <div class="actions">
          <button type="submit">
            ${both(t, (t) =>
              t.msg('Print', { id: 'family-sheet.print', desc: 'Print for a family: prints the sheet' }),
            )}
          </button>
          <button class="secondary" type="button" @click=${() => this.dialogEl?.close()}>
            ${both(t, (t) =>
              t.msg('Cancel', { id: 'family-sheet.cancel', desc: 'Print for a family: closes without printing' }),
            )}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  /** The printed sheet, in the family's language. */
  private sheet(input: SheetInput, qrCode: (text: string, label: string) => unknown) {
    const { feed, places, today, services } = input;
    const t = new Translator(this.locale);
    const { locale } = t;
    /** Feed text in its language and own direction; in brackets inside that isolate, so they never mirror. */
    const text = (v: Text | undefined, brackets?: 1) => {
      const [words, lang] = feedWords(v, locale, feed.language);
      return html`<span lang=${lang} dir="auto">${brackets ? `(${words})` : words}</span>`;
    };
    /** A feed note after a date or a number, in brackets. */
    const note = (v: Text | undefined) => (v ? html` ${text(v, 1)}` : nothing);
    // The page's address, without a fragment (a link to one item, say): the sheet is about several.
    const address = location.href.split('#')[0];
    const date = formatDay(today, locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const time = (o: SessionOccurrence) =>
      o.startTime ? formatTimeRange(o.start, o.endTime ? o.end : undefined, locale, o.timeZone) : '';
    const fact = (label: string, value: unknown) => html`<dt>${label}</dt>
      <dd>${value}</dd>`;
    const item = (s: Session) => {
      const all = input.occurrences!.filter((o) => o.session.id == s.id);
      // The next three dates that will happen (a changed one at its new time, marked), and the
      // cancelled ones among them, said as such: a cancelled date is never printed as a next date.
      const dates = all.filter((o) => o.status != 'cancelled').slice(0, 3);
      const off = all.filter((o) => o.status == 'cancelled' && o.day < dates.at(-1)!.day);
      const at = (dates.find((o) => o.status == 'scheduled') ?? dates[0]).place;
      const place = at ? places!.get(at) : undefined;
      const lines = Object.values(place?.address ?? {}).filter(Boolean) as string[];
      const { booking, cost, online } = s;
      // Written out as text, never a link (the validator has checked it is a web address).
      const bookUrl = booking?.url;
      const price =
        cost &&
        (cost.free || cost.amount === 0
          ? t.msg('Free', { id: 'family-sheet.free', desc: 'Printed sheet: the cost of a session that costs nothing' })
          : cost.amount != null
            ? numberFormat(locale, { style: 'currency', currency: cost.currency ?? 'GBP' }).format(cost.amount)
            : '');
      return html`<li class="card">
        <h2>${text(s.name)}</h2>
        <dl>
          ${fact(
            t.msg('Next dates', { id: 'family-sheet.next', desc: 'Printed sheet: label before the next dates' }),
            html`<ul class="dates">
              ${dates.map(
                (o) =>
                  html`<li>
                    ${formatDay(o.day, locale)} <span class="time" dir="ltr">${time(o)}</span>
                    ${
                      o.status == 'changed'
                        ? html`<strong
                            >${t.msg('Changed', {
                              id: 'family-sheet.changed',
                              desc: 'Printed sheet: after a date whose time or place has changed (printed as changed)',
                            })}</strong
                          >${
                            // Moved to another place: its name.
                            o.place != at && o.place ? html` ${text(places!.get(o.place)?.name)}` : nothing
                          }${note(o.note)}`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>
            ${off.map((o) => {
              const day = formatDay(o.day, locale);
              return html`<p class="cancelled">
                  <strong
                    >${t.msg(str`No session on ${day}`, {
                      id: 'family-sheet.cancelled',
                      desc: 'Printed sheet: a cancelled date, like "Monday 30 November", before the next dates printed',
                    })}</strong
                  >${note(o.note)}
                </p>`;
            })}`,
          )}
          ${
            place || online
              ? fact(
                  t.msg('Where', { id: 'family-sheet.where', desc: 'Printed sheet: label before a session’s place' }),
                  place
                    ? html`<bdi>${text(place.name)}${lines.length ? `, ${lines.join(', ')}` : ''}</bdi>`
                    : t.msg('Online', { id: 'family-sheet.online', desc: 'Printed sheet: a session held online' }),
                )
              : nothing
          }
          ${
            booking
              ? fact(
                  t.msg('How to book', {
                    id: 'family-sheet.book',
                    desc: 'Printed sheet: label before how to book a session',
                  }),
                  html`${
                    booking.required
                      ? t.msg('Book first.', { id: 'family-sheet.book-first', desc: 'Printed sheet: you must book' })
                      : t.msg('Just come along, no need to book.', {
                          id: 'family-sheet.drop-in',
                          desc: 'Printed sheet: a session you can just turn up to',
                        })
                  }
                  ${booking.phone ? html`<br />${ltr(booking.phone, 'phone')}` : nothing}
                  ${bookUrl ? html`<br />${ltr(bookUrl, 'url')}` : nothing}
                  ${booking.email ? html`<br />${ltr(booking.email)}` : nothing}`,
                )
              : nothing
          }
          ${
            price
              ? fact(t.msg('Cost', { id: 'family-sheet.cost', desc: 'Printed sheet: label before the cost' }), price)
              : nothing
          }
        </dl>
      </li>`;
    };
    const chosen = services
      ? services
          .filter((s) => this.chosen.has(s.id))
          .map((s) =>
            this.services!.service(s, {
              html,
              t,
              en: new Translator(),
              text,
              note,
              ltr,
              words: (v) => feedWords(v, locale, feed.language)[0],
            }),
          )
      : this.sessions()
          .filter(([s]) => this.chosen.has(s.id))
          .map(([s]) => item(s));
    return html`<article class="sheet" lang=${locale} dir=${directionOf(locale)}>
      <header>
        <div>
          <h1>
            ${
              services
                ? t.msg('Support for you and your baby', {
                    id: 'family-sheet.heading-services',
                    desc: 'Printed sheet: its title, above the services a practitioner chose for a family',
                  })
                : t.msg('Sessions for you and your baby', {
                    id: 'family-sheet.heading',
                    desc: 'Printed sheet: its title, above the sessions a practitioner chose for a family',
                  })
            }
          </h1>
          ${feed.publisher ? html`<p>${text(feed.publisher.name)}</p>` : nothing}
          <p>
            ${t.msg(str`Printed on ${date}`, {
              id: 'family-sheet.printed',
              desc: 'Printed sheet: the date it was printed, like "4 December 2026"',
            })}
          </p>
        </div>
        <figure>
          ${qrCode(
            address,
            t.msg('QR code for the web page', {
              id: 'family-sheet.qr',
              desc: 'Printed sheet: the accessible name of the QR code that opens the page',
            }),
          )}
          <figcaption>
            ${
              services
                ? t.msg('Scan with a phone camera for the latest information:', {
                    id: 'family-sheet.scan-services',
                    desc: 'Printed sheet of services: under the QR code, before the web address written out',
                  })
                : t.msg('Scan with a phone camera for the latest dates:', {
                    id: 'family-sheet.scan',
                    desc: 'Printed sheet of sessions: under the QR code, before the web address written out',
                  })
            }
            ${ltr(address, 'url')}
          </figcaption>
        </figure>
      </header>
      <ul class="cards">
        ${chosen}
      </ul>
    </article>`;
  }
}

/** The element a sheet is for, which adopts the dialog's styles after its own (ImhElement's `adopt`). */
export type SheetHost = HTMLElement & { adopt(styles: CSSStyleSheet): void };

const sheets = new WeakMap<SheetHost, FamilySheet>();
/**
 * Opens "Print for a family" for an element (the session list or the support list) with what it
 * lists now: a dialog in its shadow root, one per element, which keeps the family's language chosen last.
 */
export const openSheet = (host: SheetHost, input: SheetInput): Promise<void> => {
  ({ html, render, both } = input.lit);
  let sheet = sheets.get(host);
  if (!sheet) sheets.set(host, (sheet = new FamilySheet(host)));
  return sheet.open(input);
};
