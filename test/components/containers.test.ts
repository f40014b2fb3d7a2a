/**
 * Every element takes the width its container gives it in the layouts CMS pages are made of,
 * shrink-to-fit ones included (a float, an inline-block, a table cell, a column flexbox with
 * align-items: flex-start, a grid auto column), measured in each browser. Before the fix the
 * elements were inline-size query containers and measured 0 px wide in all of these.
 */
import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

const COLUMN = 300;

/** Each container, as the element's parent inside a 300 px column. */
const containers: Record<string, (column: HTMLElement) => HTMLElement> = {
  float: (column) => {
    const box = Object.assign(document.createElement('div'), { style: 'float: left' });
    column.append(box);
    return box;
  },
  'inline-block': (column) => {
    const box = Object.assign(document.createElement('div'), { style: 'display: inline-block' });
    column.append(box);
    return box;
  },
  'table cell': (column) => {
    const table = document.createElement('table');
    const cell = table.insertRow().insertCell();
    column.append(table);
    return cell;
  },
  'column flexbox, align-items: flex-start': (column) => {
    const box = Object.assign(document.createElement('div'), {
      style: 'display: flex; flex-direction: column; align-items: flex-start',
    });
    column.append(box);
    return box;
  },
  'grid auto column': (column) => {
    const box = Object.assign(document.createElement('div'), {
      style: 'display: grid; grid-template-columns: auto; justify-items: start',
    });
    column.append(box);
    return box;
  },
};

const elements: Record<string, (data: Record<string, unknown>) => HTMLElement> = {
  'imh-support-card': (data) => Object.assign(document.createElement('imh-support-card'), { data, service: 'dadpad' }),
  'imh-support-card (editor card)': () => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('name', 'Samaritans');
    el.setAttribute('phone', '116 123');
    return el;
  },
  'imh-session-list': (data) => {
    const el = Object.assign(document.createElement('imh-session-list'), { data });
    el.setAttribute('now', '2026-11-23T08:00');
    el.setAttribute('limit', '1');
    return el;
  },
  'imh-support-list': (data) => Object.assign(document.createElement('imh-support-list'), { data }),
  'imh-first-1001-days-timeline': () => document.createElement('imh-first-1001-days-timeline'),
};

const rendered = (el: HTMLElement) =>
  waitUntil(() => el.shadowRoot?.querySelector('.root *:not([part=status]):not(.placeholder)'), 'never rendered');

describe('every element in shrink-to-fit containers', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  for (const [kind, make] of Object.entries(elements)) {
    for (const [name, contain] of Object.entries(containers)) {
      it(`${kind} in a ${name} takes the column's width`, async () => {
        const column = await fixture<HTMLDivElement>(html`<div style="width: ${COLUMN}px"></div>`);
        const parent = contain(column);
        const el = make(await exampleFeed());
        parent.append(el);
        await elementUpdated(el);
        await rendered(el);
        const box = el.getBoundingClientRect();
        const col = column.getBoundingClientRect();
        // A table cell keeps its own padding and border spacing (a few px); nothing else takes any.
        expect(box.width, 'width').to.be.within(COLUMN - 8, COLUMN + 0.5);
        expect(box.right, 'right edge').to.be.at.most(col.right + 0.5);
        expect(box.height, 'height').to.be.above(40);
        // and its content is as wide as the element (not a sliver inside it)
        const root = el.shadowRoot!.querySelector('.root')!.getBoundingClientRect();
        expect(root.width).to.be.closeTo(box.width, 0.5);
      });
    }
  }

  it('never makes a narrow table wider than its column (min-content stays small)', async () => {
    const column = await fixture<HTMLDivElement>(html`<div style="width: 200px"></div>`);
    const table = document.createElement('table');
    const row = table.insertRow();
    row.insertCell().textContent = 'A label';
    const cell = row.insertCell();
    column.append(table);
    const el = Object.assign(document.createElement('imh-support-card'), {
      data: await exampleFeed(),
      service: 'dadpad',
    });
    cell.append(el);
    await elementUpdated(el);
    await rendered(el);
    expect(table.getBoundingClientRect().width).to.be.at.most(200.5);
    expect(el.getBoundingClientRect().width).to.be.above(100);
  });
});
