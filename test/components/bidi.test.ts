/**
 * Right-to-left languages: numbers, postcodes, emails and times keep their own order, and feed
 * text in another direction (English in an Urdu element) keeps its full stop at its end. Checked
 * by reading back where the browser drew each piece (Range rectangles), not by attributes alone.
 */
import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

/** Every text node under `root`, shadow roots included. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType == Node.TEXT_NODE) out.push(n as Text);
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** The rectangle the browser drew `text` in (its first occurrence under `root`). */
function rectOf(root: Node, text: string): DOMRect {
  for (const node of textNodes(root)) {
    const i = node.data.indexOf(text);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not rendered`);
}

/** Asserts that each piece is drawn to the left of the next, on one line. */
function drawnLeftToRight(root: Node, ...pieces: string[]) {
  const rects = pieces.map((p) => rectOf(root, p));
  for (let i = 1; i < rects.length; i++) {
    expect(Math.abs(rects[i].top - rects[0].top), `"${pieces[i]}" on the same line`).to.be.below(4);
    expect(rects[i].left, `"${pieces[i - 1]}" drawn before "${pieces[i]}"`).to.be.above(rects[i - 1].left);
  }
}

async function inLanguage<T extends HTMLElement>(lang: string, el: T, width = 600): Promise<T> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: ${width}px"></div>`);
  wrap.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('.root')?.getAttribute('dir') == 'rtl', 'not right to left');
  await waitUntil(() => el.shadowRoot?.querySelector('[part=item], [part=card]'), 'never rendered');
  await elementUpdated(el);
  return el;
}

const card = async (lang: string, service: string) =>
  inLanguage(lang, Object.assign(document.createElement('imh-support-card'), { data: await exampleFeed(), service }));

const list = async (lang: string) => {
  const data = await exampleFeed();
  // The first session's description in English only (the example has an Urdu one).
  data.sessions[0].description = data.sessions[0].description.en;
  const el = Object.assign(document.createElement('imh-session-list'), { data });
  el.setAttribute('now', '2026-11-23T08:00');
  el.setAttribute('limit', '1');
  return inLanguage(lang, el, 700);
};

describe('right to left', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  for (const lang of ['ur', 'ar']) {
    describe(lang, () => {
      it('phone numbers keep their digits in order (01632 960 555, 116 123, 18001 111)', async () => {
        const visiting = await card(lang, 'health-visiting');
        drawnLeftToRight(visiting, '01632', '960', '555');
        const samaritans = await card(lang, 'samaritans');
        drawnLeftToRight(samaritans, '116', '123');
        const nhs111 = await card(lang, 'nhs-111');
        const textphone = [...nhs111.shadowRoot!.querySelectorAll('.actions a')].find((a) =>
          a.textContent!.includes('18001'),
        )!;
        drawnLeftToRight(textphone, '18001', '111');
      });

      it('bilingual="en": two English runs on how to get help never interleave', async () => {
        const el = Object.assign(document.createElement('imh-support-card'), {
          data: await exampleFeed(),
          service: 'camhs-under-5s',
        });
        el.setAttribute('bilingual', 'en');
        await inLanguage(lang, el, 320);
        await waitUntil(() => el.shadowRoot!.querySelector('.bi[lang|=en]'), 'not in English too');
        await elementUpdated(el);
        // "Ask your GP, …, midwife, social worker or Family Hub worker to refer you." (the second language),
        // then the feed's note, "A professional who knows the family completes the CAMHS referral form…".
        // Two English runs in a right-to-left line: on one line, the second was drawn left of the first and
        // their wrapped lines mixed ("A professional who worker to refer you.").
        const sentence = rectOf(el, 'to refer you.');
        const note = rectOf(el, 'A professional');
        expect(note.top, 'the note starts below the sentence').to.be.at.least(sentence.bottom - 1);
      });

      it('email addresses read left to right', async () => {
        const el = await card(lang, 'samaritans');
        drawnLeftToRight(el, 'jo', '@', 'samaritans', '.org'); // a <wbr> after "@" and before each dot
      });

      it('feed text in English is isolated with its own direction: its full stop stays at its end', async () => {
        const el = await card(lang, 'samaritans');
        const summary = el.shadowRoot!.querySelector('.summary')!;
        const span = summary.querySelector<HTMLElement>('[lang=en-GB]')!;
        expect(span.getAttribute('dir')).to.equal('ltr');
        expect(getComputedStyle(span).direction).to.equal('ltr');
        expect(getComputedStyle(span).unicodeBidi).to.equal('isolate');
        const text = span.textContent!;
        expect(text.endsWith('.')).to.equal(true);
        const lastWord = text.slice(0, -1).split(' ').pop()!;
        const stop = rectOf(summary, `${lastWord}.`);
        const word = rectOf(summary, lastWord);
        // The stop is drawn right after the last word (to its right), not at the start of the line.
        expect(stop.right).to.be.above(word.right);
        expect(stop.left).to.be.closeTo(word.left, 1);
      });

      // WebKit writes Arabic times in Arabic-Indic digits, which this test's Latin pieces do not find:
      // run there for Urdu only until the test reads the digits the browser draws.
      const inThisBrowser = lang == 'ar' && !/Chrome\/|Firefox\//.test(navigator.userAgent) ? it.skip : it;
      inThisBrowser(
        'a session: its time range, postcode, booking email and English description keep their order',
        async () => {
          const el = await list(lang);
          const item = el.shadowRoot!.querySelector('[part=item]')!;
          const time = item.querySelector('time')!;
          if (getComputedStyle(time).direction == 'ltr') drawnLeftToRight(time, '10:00', '11:00');
          // A range written with the language's own letters (Arabic's "ص") keeps the language's order:
          // the start is read first, from the right; each time is still one piece.
          else drawnLeftToRight(time, '11:00', '10:00');
          expect(rectOf(time, '10:00').width).to.be.below(rectOf(time, '10:00–11:00').width / 2);
          expect(getComputedStyle(time).direction).to.equal(lang == 'ur' ? 'ltr' : 'rtl');
          drawnLeftToRight(item, 'WV10', '8TG');
          drawnLeftToRight(item, 'fhparent', '.infantwbteam', '@', 'wolverhampton', '.gov', '.uk');
          const details = item.querySelector('details')!;
          details.open = true;
          const description = details.querySelector('p')!;
          expect(getComputedStyle(description.querySelector('[lang=en-GB]')!).direction).to.equal('ltr');
          const text = description.textContent!.trim();
          const lastWord = text.slice(0, -1).split(' ').pop()!;
          expect(rectOf(description, `${lastWord}.`).right).to.be.above(rectOf(description, lastWord).right);
        },
      );

      inThisBrowser("the timeline's sessions coming up: each time range keeps its order", async () => {
        const el = Object.assign(document.createElement('imh-first-1001-days-timeline'), { data: await exampleFeed() });
        el.setAttribute('birth-date', '2026-09-20'); // 9 weeks old: "Two to six months", with its sessions
        el.setAttribute('now', '2026-11-23');
        const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 700px"></div>`);
        wrap.append(el);
        await waitUntil(() => el.shadowRoot?.querySelector('[aria-current=step] .sessions li'), 'no sessions');
        await waitUntil(() => el.shadowRoot!.querySelector('.root')?.getAttribute('dir') == 'rtl', 'not right to left');
        const first = el.shadowRoot!.querySelector('[aria-current=step] .sessions li')!;
        // Urdu writes "10:00–11:00 AM" (read left to right); Arabic "10:00–11:00 ص" (its own letters: its own
        // order, the start read first, from the right), as in the session list above.
        if (lang == 'ur') drawnLeftToRight(first, '10:00', '11:00');
        else drawnLeftToRight(first, '11:00', '10:00');
        const time = first.querySelector('time');
        expect(time, 'the time is an element of its own').not.to.equal(null);
        expect(getComputedStyle(time!).direction).to.equal(lang == 'ur' ? 'ltr' : 'rtl');
        expect(getComputedStyle(time!).unicodeBidi).to.equal('isolate');
        // The day and the time are joined with the language's own comma ("،", not ", "), drawn between
        // them: right of the time, left of the day (read from the right).
        const before = (n: Node | null) => {
          for (n = n && n.previousSibling; n; n = n.previousSibling) if (n instanceof Text && n.data.trim()) return n;
          throw new Error('no text before');
        };
        const rect = (n: Node) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          return range.getBoundingClientRect();
        };
        const joint = before(time);
        expect(joint.data.trim()).to.equal('،');
        const [comma, day] = [rect(joint), rect(before(joint))];
        expect(comma.left, 'the comma right of the time').to.be.at.least(time!.getBoundingClientRect().right - 1);
        expect(comma.right, 'the comma left of the day').to.be.at.most(day.left + 1);
      });
    });
  }

  it('a direction control left open in feed text never reverses what follows it (a phone number)', async () => {
    const data = await exampleFeed();
    const visiting = data.services.find((s: { id: string }) => s.id == 'health-visiting');
    visiting.contact.phones[0].note = 'Duty \u202Ehealth visitor';
    visiting.name = '\u202EHealth Visiting';
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en-GB" style="width: 600px"></div>`);
    const el = Object.assign(document.createElement('imh-support-card'), { data, service: 'health-visiting' });
    wrap.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('[part=card]'));
    await elementUpdated(el);
    const call = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent!.includes('960555'))!;
    expect(call.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Call 01632 960555 (Duty health visitor)');
    drawnLeftToRight(call, 'Call', '01632', '960555', 'Duty', 'health');
    drawnLeftToRight(el.shadowRoot!.querySelector('h2, h3')!, 'Health', 'Visiting');
  });

  it('left-to-right languages are unchanged: no isolating marks in the text', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
    const el = Object.assign(document.createElement('imh-support-card'), {
      data: await exampleFeed(),
      service: 'samaritans',
    });
    wrap.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('[part=card]'));
    const call = el.shadowRoot!.querySelector('.lead')!;
    expect(call.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Call 116 123 (Free, 24 hours a day)');
  });
});
