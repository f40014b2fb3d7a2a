/**
 * The feed studio: an editor drops their spreadsheets, calendars, directory downloads and feeds (or
 * pastes an address), sees what each is and what happened to every record with where it is, sees
 * the real elements show the result, fixes the spreadsheet and drops it again, and downloads
 * feed.json. Everything happens in the page: files are never sent anywhere, and the only requests
 * are the ones the editor asks for (an address they paste, GOV.UK's bank holidays when they add
 * them).
 *
 * The same code as `imh-feed import` (src/import/): format detection, the importers (each loaded
 * only when a source needs it), the merge and its report. What a browser cannot read (an address
 * whose server does not let other sites read it) gets the command to run instead.
 *
 * An editor's tool in English, like the command line; the previews speak every shipped language.
 * Feed text is only ever rendered as text.
 *
 * @summary Turns spreadsheets, calendars, directories and feeds into a checked feed.json.
 * @tag imh-feed-studio
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { calendarsLacking, checkFeedText, GROUP_HEADINGS, GROUPS, groupOf } from '../../src/feed/tools.js';
import type { FeedIssue } from '../../src/feed/shape.js';
import { formatIssue } from '../../src/feed/validate.js';
import {
  detectFormat,
  importableFormats,
  importSource,
  isAddress,
  mergeImports,
  normaliseAddress,
  type ImportResult,
  type MergeResult,
  type ReadOptions,
  type UnreachableSource,
} from '../../src/import/index.js';
import { fetchBytes } from '../../src/import/common.js';
import { describeChange, feedCounts, problemsOf, summarise, type SourceSummary } from '../../src/import/report.js';
import { TEMPLATES } from '../../src/generated/templates.js';
import { shippedLanguages } from '../../src/languages.js';
import { themes } from '../../src/styles/themes.js';
import { studioStyles } from './feed-studio.styles.js';
import { notesView, recordsView } from './report-view.js';
import { BANK_HOLIDAYS_URL, DIVISIONS, bankHolidaysCommand, commandFor, sourceKey } from './sources.js';

type Json = Record<string, unknown>;

/** One source the editor added: a file, an address or the bank holidays, and what reading it gave. */
interface Entry {
  /** Same key, same source: dropping "sessions (1).csv" replaces sessions.csv. */
  key: string;
  /** The name the importer is given (so the source keeps its id when a fixed copy is dropped). */
  name: string;
  /** What the editor dropped or typed, when it differs from `name`. */
  shown: string;
  address?: string;
  /** Bank holidays: the division, for the command line when GOV.UK cannot be read. */
  division?: string;
  result?: ImportResult | UnreachableSource;
  /** The latest progress line while it is read. */
  reading?: string;
}

const RTL = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'ckb', 'pa-Arab']);
const ACCEPT = '.csv,.tsv,.txt,.ics,.ical,.json,text/csv,text/calendar,application/json';

export class ImhFeedStudio extends LitElement {
  static override styles = studioStyles;

  /** Where GOV.UK's bank holidays are read from (a copy on your own site works too). */
  @property({ attribute: 'bank-holidays-address' }) bankHolidaysAddress = BANK_HOLIDAYS_URL;

  /** The editor's current feed, when they added it: what the sources are merged into. */
  @state() private base?: { name: string; feed: Json };
  @state() private entries: Entry[] = [];
  /** Download even though a source failed or shrank (the editor said so). */
  @state() private force = false;
  @state() private division = 'england-and-wales';
  @state() private previewLang = 'en-GB';
  @state() private theme = '';
  @state() private dragging = false;
  /** What was said last in the polite live region. */
  @state() private announcement = '';
  /** A problem with what the editor typed or dropped as a whole. */
  @state() private notice?: string;
  @state() private copied = '';
  @state() private merge?: MergeResult;

  @query('#files') private fileInput!: HTMLInputElement;
  @query('#address') private addressInput!: HTMLInputElement;

  // -------------------------------------------------------------------------------------------
  // Reading sources

  /** Reads dropped or chosen files, one after another, in the order given. */
  async addFiles(files: Iterable<File>): Promise<void> {
    this.notice = undefined;
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const key = sourceKey(file.name);
      if (await this.takeAsBase(file.name, key, bytes)) continue;
      const name = this.nameFor(key, file.name);
      await this.read({ key, name, shown: file.name }, () =>
        importSource({ name, bytes }, this.options(key, { division: this.division })),
      );
    }
  }

  /** Reads an address: the editor's own feed becomes the feed to update; anything else a source. */
  async addAddress(text: string): Promise<void> {
    const typed = text.trim();
    this.notice = undefined;
    if (!typed) {
      this.say('Paste the address of a spreadsheet, calendar, directory or feed first.');
      return;
    }
    if (!isAddress(typed)) {
      this.say(`"${typed}" is not a web address. Paste one that starts with https://, or add the file itself above.`);
      return;
    }
    const key = sourceKey(typed);
    const address = normaliseAddress(typed);
    await this.read({ key, name: typed, shown: typed, address: typed }, async () => {
      const got = await fetchBytes(address, {
        retries: 0,
        headers: { Accept: 'text/csv, text/calendar, application/json, application/ld+json;q=0.9, */*;q=0.5' },
      });
      if (!got.ok) return { name: typed, failed: got.reason, ...(got.unreachable ? { unreachable: true } : {}) };
      if (await this.takeAsBase(typed, key, got.bytes)) return undefined;
      return importSource(
        { address: typed, bytes: got.bytes, contentType: got.contentType },
        this.options(key, { division: this.division }),
      );
    });
    if (this.entries.some((e) => e.key == key && e.result)) this.addressInput.value = '';
  }

  /** Adds (or replaces) GOV.UK's bank holidays for the chosen division. */
  async addBankHolidays(): Promise<void> {
    const division = this.division;
    const address = this.bankHolidaysAddress;
    await this.read({ key: 'bank-holidays', name: address, shown: 'Bank holidays', address, division }, () =>
      importSource({ address }, this.options('bank-holidays', { format: 'bank-holidays', division })),
    );
  }

  /** The first imh-widgets feed added is the editor's own, to update; later ones are sources. */
  private async takeAsBase(name: string, key: string, bytes: Uint8Array): Promise<boolean> {
    if (this.base && sourceKey(this.base.name) != key) return false;
    if ((await detectFormat(bytes)).format != 'feed') return false;
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const report = checkFeedText(text, undefined);
    if (!report.usable) {
      this.say(
        `${name} is an imh-widgets feed, but it cannot be used, so nothing was merged into it: ` +
          `${report.error?.message}`,
      );
      return true;
    }
    this.base = { name, feed: JSON.parse(text) as Json };
    this.announce(
      `${name} is your current feed (${feedCounts(this.base.feed)}). What you add is merged into it; ` +
        'what you wrote by hand in it is kept.',
    );
    return true;
  }

  /**
   * The name to import a file under: the one it had before (a fixed copy dropped again, or the
   * file the current feed says it came from), so its items keep their source and ids.
   */
  private nameFor(key: string, name: string): string {
    const before = this.entries.find((e) => e.key == key);
    if (before) return before.name;
    const sources = Array.isArray(this.base?.feed.sources) ? (this.base.feed.sources as Json[]) : [];
    const file = sources.map((s) => s.file).find((f): f is string => typeof f == 'string' && sourceKey(f) == key);
    return file ?? name;
  }

  private options(key: string, extra: Partial<ReadOptions> = {}): ReadOptions {
    return {
      ...extra,
      onProgress: (line: string) => {
        this.entries = this.entries.map((e) => (e.key == key && !e.result ? { ...e, reading: line } : e));
      },
    };
  }

  /** Adds an entry (or replaces the one with its key), reads it, and says what came of it. */
  private async read(entry: Entry, how: () => Promise<ImportResult | UnreachableSource | undefined>): Promise<void> {
    const at = this.entries.findIndex((e) => e.key == entry.key);
    const reading = { ...entry, reading: `Reading ${entry.shown}…` };
    this.entries = at < 0 ? [...this.entries, reading] : this.entries.map((e, i) => (i == at ? reading : e));
    this.announce(`Reading ${entry.shown}…`);
    const result = await how();
    if (!result) {
      this.entries = this.entries.filter((e) => e.key != entry.key);
      return;
    }
    this.entries = this.entries.map((e) => (e.key == entry.key ? { ...entry, result } : e));
    await this.updateComplete;
    this.announce(this.spoken(entry));
  }

  private removeSource(key: string) {
    const entry = this.entries.find((e) => e.key == key);
    this.entries = this.entries.filter((e) => e.key != key);
    if (entry) this.announce(`${entry.shown} removed. Your feed now has ${feedCounts(this.mergeNow().feed)}.`);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#files')?.focus());
  }

  private removeBase() {
    const name = this.base?.name;
    this.base = undefined;
    this.announce(`${name} is no longer your feed: a new feed is made from what you added.`);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#files')?.focus());
  }

  /** Says something that needs the editor's action, visibly and to screen readers. */
  private say(text: string) {
    this.notice = text;
    this.announce(text);
  }

  private announce(text: string) {
    // The same words twice in a row are still announced.
    this.announcement = this.announcement == text ? `${text}\u00a0` : text;
  }

  /** What just happened: "sessions.csv: a sessions spreadsheet. 12 rows: 11 imported… Your feed has 14 sessions." */
  private spoken(entry: Entry): string {
    const merge = this.merge;
    const index = this.entries.filter((e) => e.result).findIndex((e) => e.key == entry.key);
    const summary = merge ? summarise(this.results(), merge)[index] : undefined;
    const feed = merge ? ` Your feed now has ${feedCounts(merge.feed)}.` : '';
    if (!summary) return `${entry.shown} read.${feed}`;
    return `${entry.shown}: ${summary.detected ? `${summary.detected}. ` : ''}${describeChange(summary)}${feed}`;
  }

  // -------------------------------------------------------------------------------------------
  // The merge

  private results(): (ImportResult | UnreachableSource)[] {
    return this.entries.flatMap((e) => (e.result ? [e.result] : []));
  }

  private mergeNow(): MergeResult {
    return mergeImports(this.base?.feed, this.results(), { force: this.force });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['entries', 'base', 'force'].some((k) => changed.has(k as keyof ImhFeedStudio))) {
      this.merge = this.results().length || this.base ? this.mergeNow() : undefined;
    }
  }

  private download(name: string, text: string, type: string) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private downloadFeed() {
    if (!this.merge?.write) return;
    this.download('feed.json', `${JSON.stringify(this.merge.feed, null, 2)}\n`, 'application/json');
    this.announce('feed.json downloaded. Put it on your website at a fixed address, and point the elements at it.');
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    return html`
      <div class="layout">
        <div class="column">${this.renderSources()} ${this.renderReport()}</div>
        <div class="column">${this.renderPreview()} ${this.renderDownloads()}</div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    `;
  }

  private renderSources() {
    return html`<section aria-labelledby="add-heading">
      <h2 id="add-heading">1. Add what you have</h2>
      <div
        class="drop ${this.dragging ? 'over' : ''}"
        @dragenter=${this.onDrag}
        @dragover=${this.onDrag}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <label for="files">Drop files here, or choose them</label>
        <p class="hint" id="files-hint">
          Spreadsheets saved as CSV (from the templates below), calendars (.ics), term dates, a directory or
          OpenActive download (.json), and your current feed.json to update it. Files stay on your computer: they are
          read in this page and sent nowhere.
        </p>
        <input
          id="files"
          type="file"
          multiple
          accept=${ACCEPT}
          aria-describedby="files-hint"
          @change=${this.onChoose}
        />
      </div>
      <form class="row" @submit=${this.onSubmitAddress} novalidate>
        <div class="grow">
          <label for="address">Or paste an address</label>
          <input
            id="address"
            type="url"
            inputmode="url"
            spellcheck="false"
            autocomplete="url"
            aria-describedby="address-hint"
          />
        </div>
        <button type="submit">Read it</button>
        <p class="hint" id="address-hint">
          A published spreadsheet (CSV), a calendar, an Open Referral UK directory, an OpenActive feed, or your feed's
          own address. This page asks that address, and nothing else, for it.
        </p>
      </form>
      ${
        this.notice
          ? html`<div class="notice" role="alert">
            <p>${this.notice}</p>
          </div>`
          : nothing
      }
      ${importableFormats().includes('bank-holidays') ? this.renderBankHolidays() : nothing}
    </section>`;
  }

  /** GOV.UK's bank holidays, read when the editor asks for them. */
  private renderBankHolidays() {
    return html`<fieldset class="bank-holidays">
        <legend>Bank holidays, so sessions marked "not on bank holidays" skip them</legend>
        <div class="row">
          <div>
            <label for="division">Part of the UK</label>
            <select id="division" @change=${this.onDivision}>
              ${DIVISIONS.map(
                ([id, name]) => html`<option value=${id} ?selected=${this.division == id}>${name}</option>`,
              )}
            </select>
          </div>
          <button type="button" class="secondary" aria-describedby="bank-holidays-hint" @click=${this.addBankHolidays}>
            Add bank holidays
          </button>
        </div>
        <p class="hint" id="bank-holidays-hint">Reads GOV.UK's list of bank holidays (${this.bankHolidaysAddress}).</p>
      </fieldset>`;
  }

  private renderReport() {
    const merge = this.merge;
    if (!merge && !this.entries.length) return nothing;
    const results = this.results();
    const summaries = merge ? summarise(results, merge) : [];
    const problems = merge ? problemsOf(results, merge) : [];
    let index = 0;
    return html`<section aria-labelledby="report-heading">
      <h2 id="report-heading">2. What we found</h2>
      ${merge ? this.renderSummary(merge) : nothing}
      ${
        this.base
          ? html`<div class="source">
            <h3>${this.base.name}</h3>
            <p>Your current feed: ${feedCounts(this.base.feed)}. What you wrote by hand in it is kept.</p>
            <button class="secondary" type="button" @click=${this.removeBase}>Start without ${this.base.name}</button>
          </div>`
          : nothing
      }
      ${this.entries.map((entry, i) => {
        const summary = entry.result ? summaries[index++] : undefined;
        return this.renderEntry(entry, i, summary, problems);
      })}
      ${merge?.issues.length ? this.renderIssues(merge.issues) : nothing}
    </section>`;
  }

  private renderSummary(merge: MergeResult) {
    const blocked = !merge.write;
    const forceBox = html`<label class="check"
      ><input type="checkbox" id="force" .checked=${this.force} @change=${this.onForce} /> Let me download it
      anyway</label
    >`;
    return html`<div class="summary ${blocked ? 'blocked' : ''}">
      <p><strong>Your feed: ${feedCounts(merge.feed)}.</strong></p>
      ${
        blocked
          ? html`<p>It cannot be downloaded yet:</p>
            <ul>
              ${merge.blocked.map((b) => html`<li>${b}</li>`)}
            </ul>
            <p>
              Fix what is said and add the file again. If the change is right (a source really did remove those
              items), or you want the other sources' changes without the one that failed:
            </p>
            ${forceBox}`
          : this.force && merge.blocked.length
            ? html`<p>Ready to download, as you asked, despite: ${merge.blocked.join(' ')}</p>
              ${forceBox}`
            : html`<p>Ready to download.</p>`
      }
      ${
        merge.write
          ? html`<button type="button" id="download-now" @click=${this.downloadFeed}>Download feed.json</button>`
          : nothing
      }
    </div>`;
  }

  private renderEntry(
    entry: Entry,
    i: number,
    summary: SourceSummary | undefined,
    problems: ReturnType<typeof problemsOf>,
  ) {
    const id = `source-${i}`;
    if (!entry.result) {
      return html`<div class="source" aria-busy="true">
        <h3>${entry.shown}</h3>
        <p>${entry.reading ?? 'Reading…'}</p>
      </div>`;
    }
    const result = entry.result;
    const unreachable = 'unreachable' in result && result.unreachable && entry.address;
    const imported = 'report' in result ? result : undefined;
    const notes = problems.filter(
      (p) => (p.source == entry.name || p.source == imported?.report.source) && !this.isRecordProblem(p, imported),
    );
    const status = summary?.status ?? 'failed';
    return html`<div class="source ${status}">
      <h3>${entry.shown}${status == 'failed' ? ': not read' : status == 'held' ? ': held back' : nothing}</h3>
      ${
        unreachable
          ? this.renderUnreachable(entry)
          : html`${summary?.detected ? html`<p>It is ${summary.detected}.</p>` : nothing}
            <p>${summary ? describeChange(summary) : 'failed' in result ? `Not read: ${result.failed}` : ''}</p>`
      }
      ${imported && !imported.report.failed ? recordsView(imported, id) : nothing} ${notesView(notes)}
      <button class="secondary" type="button" id="remove-${i}" @click=${() => this.removeSource(entry.key)}>
        Remove ${entry.shown}
      </button>
    </div>`;
  }

  /** Problems the records view already shows (a record's own notes). */
  private isRecordProblem(p: ReturnType<typeof problemsOf>[number], result?: ImportResult) {
    return !!result && result.report.records.some((r) => r.at === p.at && r.outcome != 'imported');
  }

  private renderUnreachable(entry: Entry) {
    const command = entry.division ? bankHolidaysCommand(entry.division) : commandFor(entry.address!);
    return html`<p>
        Your browser could not read this address. Most likely its server does not let other websites read it (it
        sends no CORS permission), which is usual for Google Calendar, Outlook and most OpenActive feeds; or the
        address is wrong, or you are offline.
      </p>
      <p>
        Import it with the command line instead, which has no such limit${
          entry.division ? '' : ', or save what the address gives as a file and add the file here'
        }:
      </p>
      <code class="command">${command}</code>
      <button type="button" class="secondary" @click=${() => this.copy(command)}>Copy the command</button>
      ${this.copied == command ? html`<span>Copied.</span>` : nothing}`;
  }

  private renderIssues(issues: FeedIssue[]) {
    const can = importableFormats();
    // Advice to add a calendar the feed lacks (with one, a warning is about a session's dates).
    const lacking = calendarsLacking(issues);
    const termDates = can.includes('term-dates-csv') && 'term-dates' in TEMPLATES && lacking.includes('termDates');
    const bankHolidays = can.includes('bank-holidays') && lacking.includes('bankHolidays');
    return html`<div class="source">
      <h3>The feed's own check</h3>
      ${GROUPS.map((group) => {
        const list = issues.filter((i) => groupOf(i) == group);
        if (!list.length) return nothing;
        return html`<h4>${GROUP_HEADINGS[group]}</h4>
          <ul class="notes">
            ${list.map((i) => html`<li>${formatIssue(i)}</li>`)}
          </ul>`;
      })}
      ${
        termDates
          ? html`<p>
            To add term dates, fill in the term-dates template (under "Templates to fill in") with your council's dates
            and add it here.
          </p>`
          : nothing
      }
      ${
        bankHolidays
          ? html`<p>To add bank holidays, choose your part of the UK under "Bank holidays" above.</p>`
          : nothing
      }
    </div>`;
  }

  private renderPreview() {
    const feed = this.merge?.feed;
    const count = (list: string) => (Array.isArray(feed?.[list]) ? (feed[list] as unknown[]).length : 0);
    const sessions = count('sessions');
    const services = count('services');
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">3. See it on a page</h2>
      <div class="row">
        <div>
          <label for="preview-lang">Language</label>
          <select id="preview-lang" @change=${this.onLanguage}>
            ${shippedLanguages().map(
              (l) =>
                html`<option value=${l.code} ?selected=${l.code == this.previewLang}>
                  ${l.name}${l.name != l.english ? ` (${l.english})` : ''}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="preview-theme">Theme</label>
          <select id="preview-theme" @change=${this.onTheme}>
            <option value="" ?selected=${!this.theme}>Standard</option>
            ${themes.map((t) => html`<option value=${t} ?selected=${t == this.theme}>${t}</option>`)}
          </select>
        </div>
      </div>
      ${
        !feed
          ? html`<p class="hint">The sessions and services you add appear here, as the elements show them.</p>`
          : // The elements watch lang attributes in the page, not inside this element's shadow root:
            // a new language gets new elements.
            keyed(this.previewLang, this.renderElements(feed, sessions, services))
      }
    </section>`;
  }

  private renderElements(feed: Json, sessions: number, services: number) {
    const rtl = RTL.has(this.previewLang) || RTL.has(this.previewLang.split('-')[0]);
    return html`<div class="preview" lang=${this.previewLang} dir=${rtl ? 'rtl' : 'ltr'}>
      ${
        sessions
          ? html`<imh-session-list
            .data=${feed}
            heading-level="3"
            lang=${this.previewLang}
            theme=${this.theme || nothing}
          ></imh-session-list>`
          : nothing
      }
      ${
        services
          ? html`<imh-support-list
            .data=${feed}
            heading-level="3"
            lang=${this.previewLang}
            theme=${this.theme || nothing}
          ></imh-support-list>`
          : nothing
      }
      ${!sessions && !services ? html`<p class="hint">There are no sessions or services in it yet.</p>` : nothing}
    </div>`;
  }

  private renderDownloads() {
    const merge = this.merge;
    const ready = !!merge?.write;
    return html`<section aria-labelledby="download-heading">
      <h2 id="download-heading">4. Download</h2>
      <button
        type="button"
        id="download"
        ?disabled=${!ready}
        aria-describedby="download-hint"
        @click=${this.downloadFeed}
      >
        Download feed.json
      </button>
      <p class="hint" id="download-hint">
        ${
          !merge
            ? 'Add a file first.'
            : ready
              ? 'Put feed.json on your website at a fixed address, and point the elements at it. Next time, add ' +
                'your feed.json here with the updated files: what you wrote by hand stays.'
              : 'Not yet: see what we found, above.'
        }
      </p>
      <h3>Templates to fill in</h3>
      <p>
        Open one in Excel, Google Sheets or LibreOffice, fill in a row each, save it as "CSV UTF-8" and add it above.
      </p>
      <div class="row">
        ${Object.entries(TEMPLATES).map(
          ([name, text]) =>
            html`<button type="button" class="secondary" @click=${() => this.download(`${name}.csv`, text, 'text/csv')}>
              ${name}.csv
            </button>`,
        )}
      </div>
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  private onDrag(event: DragEvent) {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(event: DragEvent) {
    event.preventDefault();
    this.dragging = false;
    const files = event.dataTransfer?.files;
    if (files?.length) void this.addFiles([...files]);
  }

  private onChoose() {
    const files = [...(this.fileInput.files ?? [])];
    // The same file chosen again after a fix is read again.
    this.fileInput.value = '';
    if (files.length) void this.addFiles(files);
  }

  private onSubmitAddress(event: SubmitEvent) {
    event.preventDefault();
    void this.addAddress(this.addressInput.value);
  }

  private onDivision(event: Event) {
    this.division = (event.target as HTMLSelectElement).value;
  }

  private onLanguage(event: Event) {
    this.previewLang = (event.target as HTMLSelectElement).value;
  }

  private onTheme(event: Event) {
    this.theme = (event.target as HTMLSelectElement).value;
  }

  private onForce(event: Event) {
    this.force = (event.target as HTMLInputElement).checked;
  }

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = text;
      this.announce('Command copied.');
    } catch {
      this.announce('Copying is not allowed here: select the command and copy it.');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'imh-feed-studio': ImhFeedStudio;
  }
}
