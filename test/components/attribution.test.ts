// Credit for imported data: wherever items from a source whose licence asks for attribution
// appear (OpenActive data is CC BY 4.0), each element shows the credit once, linked to the licence.
import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const OGL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** The example feed with Baby Massage and its hub from an OpenActive feed, and health visiting from a directory. */
async function sourced() {
  const data = await exampleFeed();
  data.sources = [
    {
      id: 'anytown-leisure',
      kind: 'openactive',
      name: 'Anytown Leisure timetable',
      url: 'https://opendata.anytown-leisure.example/feeds/session-series',
      licence: CC_BY,
      attribution: { en: 'Data from Anytown Leisure', cy: 'Data gan Hamdden Anytown' },
    },
    { id: 'anytown-directory', kind: 'oruk', name: 'Anytown Family Directory', licence: OGL },
    { id: 'hand-kept', kind: 'spreadsheet', name: 'Our own spreadsheet' },
  ];
  const byId = (list: { id: string }[], id: string) => list.find((x) => x.id == id) as Record<string, unknown>;
  byId(data.sessions, 'baby-massage-monday').source = { ref: 'anytown-leisure', id: 'AL-BM-MON' };
  byId(data.places, 'bob-jones-hub').source = { ref: 'anytown-leisure', id: 'AL-BJH' };
  byId(data.sessions, 'bop-around-bantock').source = { ref: 'hand-kept' };
  byId(data.services, 'health-visiting').source = { ref: 'anytown-directory', id: '42' };
  return data;
}

async function make(tag: string, attrs: Record<string, string>, data: unknown) {
  const el = document.createElement(tag) as HTMLElement & { data: unknown };
  el.data = data;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: 48rem"></div>`)).append(el);
  await elementUpdated(el);
  await waitUntil(
    () => el.shadowRoot!.querySelector('[part=item], [part=card], [part=stage]'),
    `${tag} never rendered`,
  );
  return el;
}

describe('attribution of imported data', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  it('<imh-session-list>: once, linked to the licence, for the sources of the sessions and places shown', async () => {
    const el = await make('imh-session-list', { now: '2026-11-23T08:00', limit: '3' }, await sourced());
    const credit = $$(el, '[part=attribution]');
    expect(credit.length).to.equal(1);
    expect(textOf(credit[0])).to.equal('Data from Anytown Leisure (CC BY 4.0)');
    const link = credit[0].querySelector('a')!;
    expect(link.href).to.equal(CC_BY);
    expect(link.rel).to.equal('license');
    // after the sessions, small but readable
    expect(credit[0].compareDocumentPosition($(el, '[part=item]')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
    const size = parseFloat(getComputedStyle(credit[0]).fontSize);
    expect(size)
      .to.be.at.least(13)
      .and.below(parseFloat(getComputedStyle($(el, '.root')!).fontSize));
    await expect(el).to.be.accessible();
  });

  it('not when none of the items shown asks for credit', async () => {
    const el = await make(
      'imh-session-list',
      { now: '2026-11-23T08:00', category: 'babywearing-walk' },
      await sourced(),
    );
    expect($$(el, '[part=item]').length).to.be.greaterThan(0);
    expect($$(el, '[part=attribution]').length).to.equal(0);
  });

  it('in the element’s language: the words around the credit, and a translated credit', async () => {
    const data = await sourced();
    data.sources[0].attribution = undefined;
    const el = await make('imh-session-list', { now: '2026-11-23T08:00', limit: '3', lang: 'cy' }, data);
    expect(textOf($(el, '[part=attribution]'))).to.equal('Data gan Anytown Leisure timetable (CC BY 4.0)');
    const translated = await make(
      'imh-session-list',
      { now: '2026-11-23T08:00', limit: '3', lang: 'cy' },
      await sourced(),
    );
    expect(textOf($(translated, '[part=attribution]'))).to.equal('Data gan Hamdden Anytown (CC BY 4.0)');
  });

  it('right to left, in Urdu', async () => {
    const data = await sourced();
    data.sources[0].attribution = undefined;
    const urdu = await make('imh-session-list', { now: '2026-11-23T08:00', limit: '3', lang: 'ur' }, data);
    expect(textOf($(urdu, '[part=attribution]'))).to.equal('ڈیٹا بشکریہ Anytown Leisure timetable (CC BY 4.0)');
    await expect(urdu).to.be.accessible();
  });

  it('<imh-support-card>: the service’s source', async () => {
    const card = await make('imh-support-card', { service: 'health-visiting' }, await sourced());
    expect(textOf($(card, '[part=attribution]'))).to.equal('Data from Anytown Family Directory (OGL v3.0)');
    expect($(card, '[part=attribution] a')!.getAttribute('href')).to.equal(OGL);
    await expect(card).to.be.accessible();
    const other = await make('imh-support-card', { service: 'dadpad' }, await sourced());
    expect($$(other, '[part=attribution]').length).to.equal(0);
  });

  it('never shows imported data without its credit, not for a frame: nothing moves when the credit comes', async () => {
    for (const tag of ['imh-support-card', 'imh-support-list', 'imh-session-list']) {
      const el = document.createElement(tag) as HTMLElement & { data: unknown };
      el.setAttribute('service', 'health-visiting');
      el.setAttribute('now', '2026-11-23T08:00');
      el.data = await sourced();
      const seen: boolean[] = [];
      const look = () => {
        const root = el.shadowRoot;
        if (root?.querySelector('[part=card], [part=item]')) seen.push(!!root.querySelector('[part=attribution]'));
      };
      const observer = new MutationObserver(look);
      const box = await fixture(html`<div style="max-width: 48rem"></div>`);
      box.append(el); // its shadow root is made here; its first render comes later
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      await waitUntil(() => el.shadowRoot!.querySelector('[part=attribution]'), `${tag}: no credit`);
      look();
      observer.disconnect();
      expect(seen.length, tag).to.be.greaterThan(0);
      expect(seen.every(Boolean), `${tag}: items shown without their credit`).to.equal(true);
    }
  });

  it('<imh-support-list>: the sources of the services listed', async () => {
    const list = await make('imh-support-list', {}, await sourced());
    expect($$(list, '[part=attribution]').map(textOf)).to.deep.equal(['Data from Anytown Family Directory (OGL v3.0)']);
    await expect(list).to.be.accessible();
  });

  it('<imh-first-1001-days-timeline>: the sessions and services of the open stages', async () => {
    // No date given: no stage is current, so every stage starts closed.
    const el = await make('imh-first-1001-days-timeline', { now: '2026-11-23' }, await sourced());
    const stage = $$(el, '[part=stage]').find(
      (li) => textOf(li.querySelector('[part=stage-heading]')) == 'Two to six months in Wolverhampton',
    )!;
    expect($$(el, '[part=attribution]').length).to.equal(0); // nothing from a source shows while closed
    stage.querySelector('button')!.click();
    await elementUpdated(el);
    expect($$(el, '[part=attribution]').map(textOf)).to.deep.equal([
      'Data from Anytown Leisure (CC BY 4.0) · Data from Anytown Family Directory (OGL v3.0)',
    ]);
    await expect(el).to.be.accessible();
  });
});
