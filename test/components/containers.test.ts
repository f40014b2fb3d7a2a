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
/** The narrowest an element makes itself where a page asks for its smallest width: 9em (host.ts). */
const READABLE = 9 * 16;

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

describe('every element where the page asks for its smallest or its widest width', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  for (const [kind, make] of Object.entries(elements)) {
    it(`${kind} in a min-content grid column is readable: ${READABLE} px wide, not a sliver`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 800px">
        <div style="display: grid; grid-template-columns: min-content min-content; align-items: start">
          <p>Words beside it</p>
        </div>
        <div style="width: ${READABLE}px"></div>
      </div>`);
      const [grid, column] = wrap.children as unknown as HTMLElement[];
      const data = await exampleFeed();
      const el = make(data);
      const same = make(structuredClone(data));
      grid.append(el);
      column.append(same);
      // both drawn whole (a long list is drawn in parts: elementUpdated settles once all are there)
      await Promise.all([el, same].map(async (e) => (await rendered(e), elementUpdated(e))));
      const box = el.getBoundingClientRect();
      expect(box.width, 'width').to.be.within(READABLE - 0.5, READABLE + 0.5);
      // as tall as it is in a column of that width (once both have drawn all they load): its own
      // narrow layout, nothing wider than it
      const height = (e: HTMLElement) => e.getBoundingClientRect().height;
      await waitUntil(() => Math.abs(height(el) - height(same)) < 1, 'never as tall as in a column as wide');
      const root = el.shadowRoot!.querySelector('.root')!;
      expect(root.scrollWidth, 'content overflow').to.be.at.most(root.clientWidth);
    });
  }
});

/**
 * A page of its own (a frame: its own viewport) with these elements' scripts, the example feed, `head`
 * and `body`, added to the test page: once every element in it drew something.
 */
async function framePage(tags: string[], head: string, body: string, style: string): Promise<HTMLIFrameElement> {
  const here = location.origin;
  const scripts = tags
    .map((tag) => tag.slice(4))
    .map((name) => `<script type="module" src="${here}/src/components/${name}/${name}.ts"></script>`);
  const frame = document.createElement('iframe');
  frame.style.cssText = style;
  frame.srcdoc = `<!doctype html><html lang="en-GB"><head>
    <meta name="imh-feed" content="${here}/public/example-feed.json">${scripts.join('')}${head}</head>
    <body>${body}</body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  await waitUntil(
    () =>
      [...frame.contentDocument!.querySelectorAll<HTMLElement>(tags.join())].every((el) =>
        el.shadowRoot?.querySelector('.root *:not([part=status]):not(.placeholder)'),
      ),
    'never rendered',
    { timeout: 25_000 },
  );
  return frame;
}

/**
 * In a page of its own (a frame: its own viewport, so 100vw is the frame's width), every element
 * in a box as wide as its content (width: max-content, a flex item that is flex: none) is as wide
 * as the page lets it be, and no wider: the page never scrolls sideways; nor does a row that cannot
 * wrap, of a sidebar and two elements. The page keeps the
 * browser's 8 px body margin and its scrollbar always shows, a classic one that 100vw counts in
 * where the browser draws one: 17 px as on Windows in WebKit (styled), 12 px in Firefox (Linux);
 * headless Chromium draws none.
 */
describe('every element in a box as wide as its content, at 320 and 1280 px', () => {
  const tags = ['imh-support-card', 'imh-support-list', 'imh-session-list', 'imh-first-1001-days-timeline'];
  const attrs: Record<string, string> = {
    'imh-support-card': 'service="nhs-111"',
    'imh-support-list': 'no-controls',
    'imh-session-list': 'now="2026-11-23T08:00" limit="1"',
    'imh-first-1001-days-timeline': 'now="2026-11-23"',
  };
  const boxes: Record<string, (el: string) => string> = {
    'width: max-content': (el) => `<div style="width: max-content; border: 1px solid">${el}</div>`,
    'a flex: none item': (el) =>
      `<div style="display: flex; border: 1px solid"><div style="flex: none">${el}</div></div>`,
    // two elements in a row that cannot wrap, beside a sidebar: they share what is left
    'a row that cannot wrap, beside a sidebar': (el) =>
      `<div style="display: flex; gap: 8px; border: 1px solid"><div style="flex: none; inline-size: 120px">Menu</div>` +
      `${el}${el}</div>`,
    // the dark theme pads the element: no wider for it
    'width: max-content, dark theme': (el) => boxes['width: max-content'](el.replace(/^<[\w-]+/, '$& theme="dark"')),
  };
  let frame: HTMLIFrameElement;

  before(async function () {
    this.timeout(30_000);
    const element = (tag: string) => `<${tag} ${attrs[tag]}></${tag}>`;
    const cases = Object.entries(boxes).flatMap(([box, wrap]) =>
      tags.map((tag) => `<section hidden data-case="${box} ${tag}">${wrap(element(tag))}</section>`),
    );
    frame = await framePage(
      tags,
      '<style>html { overflow-y: scroll } ::-webkit-scrollbar { width: 17px; background: #ccc }</style>',
      cases.join(''),
      'height: 600px; border: 0',
    );
  });
  after(() => frame.remove());

  for (const width of [320, 1280])
    for (const box of Object.keys(boxes))
      for (const tag of tags)
        it(`${tag} in ${box} at ${width} px does not make the page scroll sideways`, async () => {
          frame.style.width = `${width}px`;
          const doc = frame.contentDocument!;
          const section = doc.querySelector<HTMLElement>(`[data-case="${box} ${tag}"]`)!;
          section.hidden = false;
          try {
            const page = doc.documentElement;
            const [el, other] = [...section.querySelectorAll(tag)].map((e) => e.getBoundingClientRect());
            expect(page.scrollWidth, 'page width').to.be.at.most(page.clientWidth);
            if (other) {
              // two in a row share what the sidebar leaves, in half each
              const left = section.firstElementChild!.clientWidth - 2 - 120 - 16;
              expect(el.width, 'width').to.be.closeTo(left / 2, 1);
              expect(other.width, 'width').to.be.closeTo(left / 2, 1);
            }
            // else it still takes nearly the whole width of the page
            else expect(el.width, 'width').to.be.above(page.clientWidth * 0.8);
          } finally {
            section.hidden = true;
          }
        });
});

/**
 * Where the page gives an element very little room, its content still fits in it: what it draws
 * never sticks out of its box. At 320 px, a row that cannot wrap (a 120 px sidebar and two elements
 * side by side) leaves each element 83 px, and a 144 px column its smallest readable width (9em;
 * the dark theme's padding inside that). Every box and every line of text in the element (its
 * shadow roots walked, what is visually hidden left out) stays inside the element's border box,
 * phone numbers are never broken inside, and a date field shows its whole date from 144 px.
 */
describe('every element with its controls, at 83 and 144 px wide on a 320 px page', () => {
  /** What each element draws once it has drawn all: its controls and a result. */
  const ready: Record<string, string[]> = {
    'imh-session-list': ['[part=filters] select', '[part=item]'],
    'imh-support-list': ['[part=filters] select', '[part=list] .card'],
    'imh-support-card': ['.card'],
    'imh-first-1001-days-timeline': ['input[type=date]'],
  };
  const tags: Record<string, string> = {
    'imh-session-list': 'filters now="2026-11-23T08:00" limit="6"',
    'imh-support-list': 'now="2026-11-23T08:00"',
    'imh-support-card': 'service="nhs-111"',
    'imh-first-1001-days-timeline': '',
  };
  const boxes: Record<string, (el: string) => string> = {
    '83 px': (el) =>
      `<div style="display: flex; gap: 8px"><div style="flex: none; inline-size: 120px">Menu</div>${el}${el}</div>`,
    '144 px': (el) => `<div style="inline-size: 144px">${el}</div>`,
  };
  const looks: Record<string, string> = { default: '', 'dark theme': ' theme="dark"', Arabic: ' lang="ar"' };
  let frame: HTMLIFrameElement;

  before(async function () {
    this.timeout(60_000);
    const cases = Object.entries(boxes).flatMap(([box, wrap]) =>
      Object.entries(looks).flatMap(([look, attr]) =>
        Object.entries(tags).map(
          ([tag, attrs]) =>
            `<section hidden data-case="${box} ${look} ${tag}">${wrap(`<${tag} ${attrs}${attr}></${tag}>`)}</section>`,
        ),
      ),
    );
    frame = await framePage(Object.keys(tags), '', cases.join(''), 'width: 320px; height: 600px; border: 0');
  });
  after(() => frame.remove());

  /** How many nodes the elements draw, in every shadow root. */
  const drawn = (roots: (Element | ShadowRoot)[]): number =>
    roots.reduce((n, root) => {
      const all = [...root.querySelectorAll('*')];
      return n + all.length + drawn(all.flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : [])));
    }, 0);
  /** Once shown, the elements draw what they held back while hidden (lists drawn in parts, the filters): until done. */
  const settled = async (els: HTMLElement[]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let was = -1;
    await waitUntil(
      () => els.every((el) => ready[el.localName].every((what) => el.shadowRoot!.querySelector(what))),
      'never drew its controls and results',
      { timeout: 10_000 },
    );
    for (let tries = 0; tries < 50; tries++) {
      await Promise.all(els.map((el) => elementUpdated(el)));
      await frame();
      await new Promise((r) => setTimeout(r, 50));
      const now = drawn(els.map((el) => el.shadowRoot!));
      if (now == was) return;
      was = now;
    }
  };
  /** Whether a node is inside a box of at most 1 px (visually hidden text), in its own shadow root. */
  const hiddenAway = (node: Node) => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };
  const name = (el: Element) =>
    `<${el.localName}${el.className && typeof el.className == 'string' ? `.${el.className.replace(/ /g, '.')}` : ''}` +
    `${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}>`;
  /** What sticks out of `host` sideways: each box and line of text, named, with how far. */
  const outside = (host: HTMLElement) => {
    const { left, right } = host.getBoundingClientRect();
    const out: string[] = [];
    const check = (what: string, r: DOMRect) => {
      const by = Math.max(left - r.left, r.right - right);
      if (by > 0.5 && (r.width || r.height)) out.push(`${what} by ${by.toFixed(1)} px`);
    };
    const walk = (root: ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!hiddenAway(el) && el.getBoundingClientRect().width > 1) check(name(el), el.getBoundingClientRect());
      }
      const texts = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (!text.textContent!.trim() || hiddenAway(text)) continue;
        const range = root.ownerDocument.createRange();
        range.selectNodeContents(text);
        const what = `"${text.textContent!.trim()}" in ${name(text.parentElement!)}`;
        for (const r of range.getClientRects()) check(what, r);
      }
    };
    walk(host.shadowRoot!);
    return out;
  };
  /**
   * Phone numbers (the digits and spaces a tel: or sms: link shows), in any shadow root, broken across
   * lines or with their digits in the wrong order (the last left of the first, in a right-to-left line).
   */
  const brokenNumbers = (root: ShadowRoot): string[] =>
    [...root.querySelectorAll('*')].flatMap((el) => [
      ...(el.shadowRoot ? brokenNumbers(el.shadowRoot) : []),
      ...(el.matches('a[href^="tel:"], a[href^="sms:"]')
        ? [...(el.textContent!.matchAll(/\d[\d\s\u00a0]*\d/g) ?? [])].flatMap((m) => {
            const texts = root.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
              const at = text.textContent!.indexOf(m[0]);
              if (at < 0) continue;
              const range = root.ownerDocument.createRange();
              range.setStart(text, at);
              range.setEnd(text, at + m[0].length);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom)));
              const digit = (i: number) => (
                range.setStart(text, i),
                range.setEnd(text, i + 1),
                range.getBoundingClientRect()
              );
              const reversed = digit(at).left > digit(at + m[0].length - 1).left;
              return [
                ...(tops.size > 1 ? [`${m[0]} on ${tops.size} lines`] : []),
                ...(reversed ? [`${m[0]} reversed`] : []),
              ];
            }
            return [];
          })
        : []),
    ]);

  for (const box of Object.keys(boxes))
    for (const look of Object.keys(looks))
      for (const tag of Object.keys(tags))
        it(`${tag} at ${box}, ${look}: its content fits in it`, async () => {
          const doc = frame.contentDocument!;
          const section = doc.querySelector<HTMLElement>(`[data-case="${box} ${look} ${tag}"]`)!;
          section.hidden = false;
          try {
            const page = doc.documentElement;
            const els = [...section.querySelectorAll<HTMLElement>(tag)];
            await settled(els);
            // 83 px less half a classic scrollbar, where the browser draws one (12 px in Firefox: 78 px)
            const row = section.firstElementChild!.clientWidth;
            const width = box == '83 px' ? (row - 120 - 16) / 2 : 144;
            expect(width, 'width').to.be.within(76, 144);
            expect(els[0].getBoundingClientRect().width, 'width').to.be.closeTo(width, 1);
            expect(page.scrollWidth, 'page width').to.be.at.most(page.clientWidth);
            for (const el of els) expect(outside(el), 'sticking out').to.deep.equal([]);
            for (const el of els) expect(brokenNumbers(el.shadowRoot!), 'phone numbers').to.deep.equal([]);
            const date = els[0].shadowRoot!.querySelector<HTMLInputElement>('input[type=date]');
            if (date && box == '144 px') {
              // its whole date shows: as wide as the field is where it has all the room it wants
              const free = date.cloneNode() as HTMLInputElement;
              free.style.cssText = 'position: absolute; inline-size: auto; max-inline-size: none';
              date.after(free);
              const wants = free.getBoundingClientRect().width;
              free.remove();
              expect(date.getBoundingClientRect().width, 'date field').to.be.at.least(wants - 0.5);
            }
          } finally {
            section.hidden = true;
          }
        });
});
