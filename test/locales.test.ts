import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';
import '../src/define.js';
import { intlDataOf, loadLocale } from '../src/localization.js';
import { Translator } from '../src/internal/localize.js';
import {
  formatAgo,
  formatDay,
  formatLanguage,
  formatList,
  formatTime,
  formatTimeRange,
  formatUnit,
} from '../src/internal/format.js';
import { formatFrom } from '../src/internal/cldr-format.js';
import { formatDayRange } from '../src/components/first-1001-days-timeline/stage.js';
import { sessionsFound } from '../src/components/session-list/filter-controls.js';
import { servicesFound } from '../src/components/support-list/support-list.component.js';
import { inDaysText } from '../src/components/first-1001-days-timeline/journey-view.js';
import { shippedLanguages } from '../src/languages.js';
import { exampleFeed } from './fixtures/example.js';
import { expectQuietConsole } from './fixtures/quiet.js';

/** The shipped languages (the pseudo-locale en-XA is for testing only). */
const SHIPPED = shippedLanguages().map((l) => l.code);

/** Every piece of text an element shows or announces: text nodes, and names given by attributes. */
function texts(root: Node, out = new Set<string>()): Set<string> {
  for (const node of root.childNodes) {
    if (node.nodeType == Node.TEXT_NODE) {
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) out.add(t);
    } else if (node instanceof Element) {
      if (node.localName == 'style' || node.localName == 'slot') continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = node.getAttribute(a)?.trim();
        if (v) out.add(v);
      }
      texts(node, out);
      if (node.shadowRoot) texts(node.shadowRoot, out);
    }
  }
  return out;
}

type Case = { name: string; ready: (el: Element) => boolean; render: (lang: string, data: unknown) => TemplateResult };
const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel);
const CASES: Case[] = [
  {
    name: 'imh-session-list with filters',
    ready: (el) => !!$(el, '[part~=item]') && !!$(el, '[part~=filters] select'),
    render: (lang, data) =>
      html`<imh-session-list lang=${lang} filters now="2026-11-23T09:00" .data=${data}></imh-session-list>`,
  },
  {
    name: 'imh-support-card',
    ready: (el) => !!$(el, '[part~=heading]'),
    render: (lang, data) =>
      html`<imh-support-card
        lang=${lang}
        service="camhs-under-5s"
        now="2026-11-23T09:00"
        .data=${data}
      ></imh-support-card>`,
  },
  {
    name: 'imh-support-list',
    ready: (el) => !!$(el, '[part~=card]'),
    render: (lang, data) =>
      html`<imh-support-list lang=${lang} now="2026-11-23T09:00" .data=${data}></imh-support-list>`,
  },
  {
    name: 'imh-first-1001-days-timeline',
    ready: (el) => !!$(el, '[part~=summary]') && !!$(el, '[part~=stage]'),
    render: (lang, data) =>
      html`<imh-first-1001-days-timeline
        lang=${lang}
        birth-date="2026-09-01"
        now="2026-11-23"
        .data=${data}
      ></imh-first-1001-days-timeline>`,
  },
  {
    name: 'imh-support-card, error state',
    ready: (el) => !!$(el, '[part~=notice]'),
    render: (lang) => html`<imh-support-card lang=${lang} service="gp" .data=${{ not: 'a feed' }}></imh-support-card>`,
  },
];

async function renderCase(c: Case, lang: string): Promise<Element> {
  const el = await fixture(c.render(lang, await exampleFeed()));
  await waitUntil(() => c.ready(el), `${c.name} in ${lang} did not render`, { timeout: 5000 });
  await (el as ReactiveElement).updateComplete; // all drawn (a long list is drawn a few sessions an update)
  return el;
}

describe('every element in every shipped language', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  for (const c of CASES) {
    describe(c.name, () => {
      // Interface text is what English and the pseudo-locale render differently; the rest is feed content.
      let english: string[] = [];
      before(async () => {
        const en = texts((await renderCase(c, 'en-GB')).shadowRoot!);
        const pseudo = texts((await renderCase(c, 'en-XA')).shadowRoot!);
        english = [...en].filter((t) => !pseudo.has(t) && /\p{L}/u.test(t)); // times like 10:00–11:00 may rightly match
        fixtureCleanup();
      });

      for (const lang of SHIPPED) {
        it(`${lang}: no untranslated interface text, and passes axe`, async () => {
          expect(english.length, 'the English rendering has interface text').to.be.above(0);
          const el = await renderCase(c, lang);
          const root = el.shadowRoot!.querySelector('.root')!;
          expect(root.getAttribute('lang')).to.equal(lang);
          expect(root.getAttribute('dir') ?? 'ltr').to.equal(['ar', 'ur', 'pa-Arab'].includes(lang) ? 'rtl' : 'ltr');
          if (lang != 'en-GB') {
            // A translation may equal the English (a brand, "Online"): only text no translation gave is missing.
            const own = await templatesOf(lang);
            const shown = texts(el.shadowRoot!);
            const untranslated = english.filter((t) => shown.has(t) && !own(t));
            expect(untranslated, `English left in ${lang}`).to.deep.equal([]);
          }
          await expect(el).to.be.accessible();
        });
      }
    });
  }
});

/**
 * Whether a text is one a translation into `lang` gave (all three parts of its messages): a message
 * as translated, or a message with values as translated with its values in place (": NHS 111" from a
 * translation ": {0}" that is the same as the English, as a translation may rightly be). A message
 * whose words around its values have no letters counts only with one value and some punctuation
 * (": {0}", "({0})"): "{0}, {1}" would take any English sentence with a comma for a translation.
 */
async function templatesOf(lang: string): Promise<(text: string) => boolean> {
  const parts = await Promise.all(
    ['ui', 'timeline', 'stages'].map((part) => import(`../src/generated/locales/${lang}.${part}.js`)),
  );
  const all: Record<string, string | (string | number)[]> = Object.assign({}, ...parts.map((p) => p.default));
  const strings = new Set(Object.values(all).filter((v): v is string => typeof v == 'string'));
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  const patterns = Object.values(all)
    .filter((v): v is (string | number)[] => typeof v != 'string')
    .filter((v) => {
      const words = v.filter((p) => typeof p == 'string').join('');
      return /\p{L}/u.test(words) || (words.trim() != '' && v.filter((p) => typeof p == 'number').length == 1);
    })
    .map((v) => new RegExp(`^\\s*${v.map((p) => (typeof p == 'number' ? '.+' : literal(p))).join('')}\\s*$`, 's'));
  return (text) => strings.has(text) || patterns.some((p) => p.test(text));
}

it('the shipped languages are the nine of the issues, named in themselves (English, then by code)', () => {
  expect(shippedLanguages().map((l) => `${l.code} ${l.name}`)).to.deep.equal([
    'en-GB English',
    'ar العربية',
    'bn বাংলা',
    'cy Cymraeg',
    'pa ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ)',
    'pa-Arab پنجابی (شاہ مکھی)',
    'pl Polski',
    'ro Română',
    'ur اردو',
  ]);
});

describe('plural forms', () => {
  // n: 0, 1, 2, 3, 6, 11, 100 — every category of these languages, in their own grammar.
  const N = [0, 1, 2, 3, 6, 11, 100];
  const table: Record<string, Record<string, string[]>> = {
    cy: {
      services: [
        "0 gwasanaeth wedi'u canfod",
        "1 gwasanaeth wedi'i ganfod",
        "2 wasanaeth wedi'u canfod",
        "3 gwasanaeth wedi'u canfod",
        "6 gwasanaeth wedi'u canfod",
        "11 gwasanaeth wedi'u canfod",
        "100 gwasanaeth wedi'u canfod",
      ],
      days: [
        'mewn 0 diwrnod',
        'mewn 1 diwrnod',
        'mewn 2 ddiwrnod',
        'mewn 3 diwrnod',
        'mewn 6 diwrnod',
        'mewn 11 diwrnod',
        'mewn 100 diwrnod',
      ],
    },
    ar: {
      sessions: [
        'تم العثور على 0 جلسة',
        'تم العثور على 1 جلسة',
        'تم العثور على 2 جلستين',
        'تم العثور على 3 جلسات',
        'تم العثور على 6 جلسات',
        'تم العثور على 11 جلسة',
        'تم العثور على 100 جلسة',
      ],
      days: ['خلال 0 يوم', 'خلال 1 يوم', 'خلال 2 يومين', 'خلال 3 أيام', 'خلال 6 أيام', 'خلال 11 يومًا', 'خلال 100 يوم'],
    },
    pl: {
      services: [
        'Znaleziono 0 usług',
        'Znaleziono 1 usługę',
        'Znaleziono 2 usługi',
        'Znaleziono 3 usługi',
        'Znaleziono 6 usług',
        'Znaleziono 11 usług',
        'Znaleziono 100 usług',
      ],
      days: ['za 0 dni', 'za 1 dzień', 'za 2 dni', 'za 3 dni', 'za 6 dni', 'za 11 dni', 'za 100 dni'],
    },
    // Punjabi's "one" is 0 and 1 (CLDR), in Shahmukhi as in Gurmukhi.
    'pa-Arab': {
      sessions: ['0 سیشن ملیا', '1 سیشن ملیا', '2 سیشن ملے', '3 سیشن ملے', '6 سیشن ملے', '11 سیشن ملے', '100 سیشن ملے'],
      days: ['0 دن وچ', '1 دن وچ', '2 دناں وچ', '3 دناں وچ', '6 دناں وچ', '11 دناں وچ', '100 دناں وچ'],
    },
    ro: {
      sessions: [
        '0 sesiuni găsite',
        '1 sesiune găsită',
        '2 sesiuni găsite',
        '3 sesiuni găsite',
        '6 sesiuni găsite',
        '11 sesiuni găsite',
        '100 de sesiuni găsite',
      ],
      days: ['în 0 zile', 'în 1 zi', 'în 2 zile', 'în 3 zile', 'în 6 zile', 'în 11 zile', 'în 100 de zile'],
    },
  };
  const say = { sessions: sessionsFound, services: servicesFound, days: inDaysText };
  for (const [lang, sets] of Object.entries(table)) {
    for (const [what, expected] of Object.entries(sets)) {
      it(`${lang}: ${what} at ${N.join(', ')}`, async () => {
        await loadLocale(lang, ['ui', 'timeline']);
        // Numbers are in the locale's digits: some browsers' Arabic uses ٠١٢… (compared as 0 1 2…).
        const latin = (t: string) => t.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
        const said = N.map((n) => latin(say[what as keyof typeof say](n, new Translator(lang))));
        expect(said).to.deep.equal(expected);
      });
    }
  }

  it('English has no "1 sessions"', () => {
    expect(sessionsFound(1, new Translator('en-GB'))).to.equal('1 session found');
    expect(sessionsFound(2, new Translator('en-GB'))).to.equal('2 sessions found');
  });
});

describe('dates, times, lists and units in every language, even where the browser lacks it', () => {
  // Wednesday 25 November 2026, 09:30–11:00 in London. Debian's Chromium has no Welsh or Punjabi
  // date data: these come from the CLDR data shipped with the locale (see internal/format.ts).
  const DAY = 20_417 + 365;
  const start = new Date('2026-11-25T09:30:00Z');
  const end = new Date('2026-11-25T11:00:00Z');
  const cases: [string, RegExp[]][] = [
    ['cy', [/Dydd Mercher/, /25 Tachwedd/, /09:30/, /3 diwrnod/, /ddoe/, /mamau, tadau,? a gofalwyr/]],
    ['pa', [/ਬੁੱਧਵਾਰ/, /25 ਨਵੰਬਰ/, /0?9:30/, /3 ਦਿਨ/, /ਕੱਲ੍ਹ/, /ਅਤੇ/]],
    ['pl', [/środa/, /25 listopada?/, /09:30/, /3 dni/, /wczoraj/, / i /]],
    ['ro', [/miercuri/, /25 noiembrie/, /09:30/, /3 zile/, /ieri/, / și /]],
    ['ur', [/بدھ/, /نومبر/, /3 دن/, /کل/, /اور/]],
    // Shahmukhi Punjabi: CLDR has only its day and month names; the rest is locales/intl/pa-Arab.json.
    ['pa-Arab', [/^بُدھ، 25 نومبر/, /25 نومبر 2026/, / 09:30–11:00 /, /3 دن/, /کل/, /mamau، tadau تے gofalwyr/]],
    ['ar', [/الأربعاء/, /نوفمبر/, /أيام/, /أمس/, /و/]],
    ['bn', [/বুধবার/, /নভেম্বর/, /দিন/, /গতকাল/, /এবং/]],
  ];
  for (const [lang, patterns] of cases) {
    it(lang, async () => {
      await loadLocale(lang);
      const shown = [
        formatDay(DAY, lang),
        formatDay(DAY, lang, { day: 'numeric', month: 'long', year: 'numeric' }),
        formatTimeRange(start, end, lang, 'Europe/London'),
        formatUnit(3, 'day', lang),
        formatAgo(-1, 'day', lang),
        formatList(['mamau', 'tadau', 'gofalwyr'], lang),
      ].join(' | ');
      for (const p of patterns) expect(shown).to.match(p);
      expect(shown, 'no English names').not.to.match(/Wednesday|November|days|yesterday/);
      expect(shown, 'no ICU placeholders').not.to.match(/\bM11\b/);
      if (lang == 'pa-Arab') expect(shown, 'Latin digits, as in our Urdu').not.to.match(/[۰-۹]/);
    });
  }

  it('days are not zero-padded in any language, and Welsh and Punjabi match CLDR exactly', async () => {
    const FRIDAY_4_DECEMBER = DAY + 9;
    const options: Intl.DateTimeFormatOptions[] = [
      { weekday: 'long', day: 'numeric', month: 'long' },
      { day: 'numeric', month: 'long', year: 'numeric' },
      { day: 'numeric', month: 'short', year: 'numeric' },
    ];
    // CLDR's own output (Node's full ICU) for the languages this browser's Intl lacks.
    const cldr: Record<string, string[]> = {
      cy: ['Dydd Gwener, 4 Rhagfyr', '4 Rhagfyr 2026', '4 Rhag 2026'],
      pa: ['ਸ਼ੁੱਕਰਵਾਰ, 4 ਦਸੰਬਰ', '4 ਦਸੰਬਰ 2026', '4 ਦਸੰ 2026'],
    };
    for (const lang of ['en-GB', ...cases.map(([l]) => l)]) {
      await loadLocale(lang);
      const shown = options.map((o) => formatDay(FRIDAY_4_DECEMBER, lang, o));
      for (const s of shown) expect(s, `${lang}: ${s}`).not.to.match(/(^|[^0-9০-৯۰-۹٠-٩])[0০۰٠][4৪۴٤]/);
      if (cldr[lang]) expect(shown).to.deep.equal(cldr[lang]);
    }
  });

  it('days, dates, times and their ranges match CLDR exactly in every language, from our own data too', async () => {
    // CLDR's own output (CLDR 48, as Node's ICU 78 formats with Intl.DateTimeFormat's format and
    // formatRange, the data cldr-dates-full publishes) on Friday 4 December 2026: with the weekday,
    // day and month, with the year (long and short month), 09:05 (its hour two digits on a 24-hour
    // clock, as CLDR's HH:mm, and one on a 12-hour clock, as its h:mm a), 00:05, 12:30, 09:05–15:30,
    // 09:05–11:30, 4 Dec 2026–1 Mar 2027, 27 Nov–3 Dec 2026 and 4–17 Dec 2026. Shahmukhi has no
    // patterns in CLDR: its row is locales/intl/pa-Arab.json's (24-hour, Latin digits, as our Urdu).
    const CLDR: Record<string, string[]> = {
      cy: [
        'Dydd Gwener, 4 Rhagfyr',
        'Rhagfyr 4',
        '4 Rhagfyr 2026',
        '4 Rhag 2026',
        '09:05',
        '00:05',
        '12:30',
        '09:05\u2009–\u200915:30',
        '09:05\u2009–\u200911:30',
        '4 Rhag, 2026\u2009–\u20091 Maw 2027',
        '27 Tach\u2009–\u20093 Rhag 2026',
        '4–17 Rhag 2026',
      ],
      pa: [
        'ਸ਼ੁੱਕਰਵਾਰ, 4 ਦਸੰਬਰ',
        'ਦਸੰਬਰ 4',
        '4 ਦਸੰਬਰ 2026',
        '4 ਦਸੰ 2026',
        '9:05 AM',
        '12:05 AM',
        '12:30 PM',
        '9:05 AM\u2009–\u20093:30 PM',
        '9:05–11:30 AM',
        '4 ਦਸੰ 2026 – 1 ਮਾਰਚ 2027',
        '27 ਨਵੰ – 3 ਦਸੰ 2026',
        '4–17 ਦਸੰ 2026',
      ],
      pl: [
        'piątek, 4 grudnia',
        '4 grudnia',
        '4 grudnia 2026',
        '4 gru 2026',
        '09:05',
        '00:05',
        '12:30',
        '09:05–15:30',
        '09:05–11:30',
        '4 gru 2026–1 mar 2027',
        '27 lis–3 gru 2026',
        '4–17 gru 2026',
      ],
      ro: [
        'vineri, 4 decembrie',
        '4 decembrie',
        '4 decembrie 2026',
        '4 dec. 2026',
        '09:05',
        '00:05',
        '12:30',
        '09:05–15:30',
        '09:05–11:30',
        '4 dec. 2026\u2009–\u20091 mar. 2027',
        '27 nov.\u2009–\u20093 dec. 2026',
        '4–17 dec. 2026',
      ],
      ur: [
        'جمعہ، 4 دسمبر',
        '4 دسمبر',
        '4 دسمبر، 2026',
        '4 دسمبر، 2026',
        '9:05 AM',
        '12:05 AM',
        '12:30 PM',
        '9:05 AM\u2009–\u20093:30 PM',
        '9:05–11:30 AM',
        '4 دسمبر، 2026 – 1 مارچ، 2027',
        '27 نومبر – 3 دسمبر، 2026',
        '4–17 دسمبر 2026',
      ],
      ar: [
        'الجمعة، 4 ديسمبر',
        '4 ديسمبر',
        '4 ديسمبر 2026',
        '4 ديسمبر 2026',
        '9:05 ص',
        '12:05 ص',
        '12:30 م',
        '9:05 ص\u2009–\u20093:30 م',
        '9:05–11:30 ص',
        '4 ديسمبر 2026 – 1 مارس 2027',
        '27 نوفمبر – 3 ديسمبر 2026',
        '4–17 ديسمبر 2026',
      ],
      bn: [
        'শুক্রবার ৪ ডিসেম্বর',
        '৪ ডিসেম্বর',
        '৪ ডিসেম্বর, ২০২৬',
        '৪ ডিসে, ২০২৬',
        '৯:০৫ AM',
        '১২:০৫ AM',
        '১২:৩০ PM',
        '৯:০৫ AM\u2009–\u2009৩:৩০ PM',
        '৯:০৫–১১:৩০ AM',
        '৪ ডিসে, ২০২৬ – ১ মার্চ, ২০২৭',
        '২৭ নভে – ৩ ডিসে, ২০২৬',
        '৪–১৭ ডিসে, ২০২৬',
      ],
      'en-GB': [
        'Friday 4 December',
        '4 December',
        '4 December 2026',
        '4 Dec 2026',
        '09:05',
        '00:05',
        '12:30',
        '09:05–15:30',
        '09:05–11:30',
        '4 Dec 2026\u2009–\u20091 Mar 2027',
        '27 Nov\u2009–\u20093 Dec 2026',
        '4\u2009–\u200917 Dec 2026',
      ],
      'pa-Arab': [
        'جمعہ، 4 دسمبر',
        '4 دسمبر',
        '4 دسمبر 2026',
        '4 دسمبر 2026',
        '09:05',
        '00:05',
        '12:30',
        '09:05–15:30',
        '09:05–11:30',
        '4 دسمبر 2026 – 1 مارچ 2027',
        '27 نومبر – 3 دسمبر 2026',
        '4–17 دسمبر 2026',
      ],
    };
    const FRIDAY = DAY + 9;
    const Z = 'Europe/London'; // on UTC in December
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 11, 4, h, m));
    type Day = (day: number, options: Intl.DateTimeFormatOptions) => string;
    const shown = (
      day: Day,
      time: (t: Date) => string,
      times: (a: Date, b: Date) => string,
      days: (a: number, b: number) => string,
    ) => [
      day(FRIDAY, { weekday: 'long', day: 'numeric', month: 'long' }),
      day(FRIDAY, { day: 'numeric', month: 'long' }),
      day(FRIDAY, { day: 'numeric', month: 'long', year: 'numeric' }),
      day(FRIDAY, { day: 'numeric', month: 'short', year: 'numeric' }),
      time(at(9, 5)),
      time(at(0, 5)),
      time(at(12, 30)),
      times(at(9, 5), at(15, 30)),
      times(at(9, 5), at(11, 30)),
      days(FRIDAY, FRIDAY + 87),
      days(FRIDAY - 7, FRIDAY - 1),
      days(FRIDAY, FRIDAY + 13),
    ];
    for (const lang of cases.map(([l]) => l)) {
      await loadLocale(lang);
      // The formatter a browser without the language uses, from the data shipped with the locale.
      const own = formatFrom(intlDataOf(lang)!, lang);
      expect(
        shown(
          own.day,
          (t) => own.time(t, Z),
          (a, b) => own.range(a, b, Z),
          own.days,
        ),
        `${lang}, from its CLDR data`,
      ).to.deep.equal(CLDR[lang]);
    }
    // What the elements show in Chromium (full ICU where it has the language, else the data). Other
    // browsers' ICU may be older than CLDR 48 (WebKit's en-GB writes "Friday, 4 December"): there the
    // data half above is what is held to CLDR.
    if (!/Chrome\//.test(navigator.userAgent)) return;
    for (const lang of ['en-GB', ...cases.map(([l]) => l)]) {
      const out = shown(
        (d, o) => formatDay(d, lang, o),
        (t) => formatTime(t, lang, Z),
        (a, b) => formatTimeRange(a, b, lang, Z),
        (a, b) => formatDayRange(a, b, lang),
      );
      // Browsers' ICU may predate CLDR 48's thin spaces around a range's dash; nothing else may differ.
      const spaces = (xs: string[]) => xs.map((x) => x.replace(/[\u2009\u202f ]/g, ' '));
      expect(spaces(out), `${lang}, as shown`).to.deep.equal(spaces(CLDR[lang]));
    }
  });

  it('a time on a 12-hour clock has no leading zero ("5:00 PM"), on a 24-hour clock it has ("09:00")', async () => {
    const Z = 'Europe/London';
    const at = (h: number) => new Date(Date.UTC(2026, 11, 4, h));
    // Before: "05:00 PM", "٠٥:٠٠ م"-style padding in every 12-hour language.
    // Spaces as one, and digits as ASCII: the browser's data chooses them, and the words for am and pm
    // (Bengali's own digits in each; Arabic's in WebKit, Latin in Chromium and Firefox; Punjabi's "ਪੂ.ਦੁ."
    // in WebKit, which has Punjabi, "AM" from our own data elsewhere), where this test is about the hour.
    const hm = (s: string) =>
      s
        .replace(/[\u2009\u202f ]/g, ' ')
        .replace(/[\u0660-\u0669\u06f0-\u06f9\u09e6-\u09ef]/g, (d) =>
          String('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹০১২৩৪৫৬৭৮৯'.indexOf(d) % 10),
        );
    const nine = /^9:00 \S/;
    const five = /^5:00 \S/;
    for (const lang of ['en-US', 'ur', 'ar', 'bn', 'pa']) {
      if (lang != 'en-US') await loadLocale(lang);
      expect(hm(formatTime(at(9), lang, Z)), lang).to.match(nine);
      expect(hm(formatTime(at(17), lang, Z)), lang).to.match(five);
      expect(hm(formatTimeRange(at(9), at(17), lang, Z)), lang).to.match(/^9:00 \S+ – 5:00 \S/);
      if (intlDataOf(lang)) expect(hm(formatFrom(intlDataOf(lang)!, lang).time(at(17), Z)), lang).to.match(five);
    }
    expect(hm(formatTime(at(17), 'en-US', Z))).to.equal('5:00 PM');
    for (const lang of ['en-GB', 'cy', 'pl', 'ro', 'pa-Arab']) {
      if (lang != 'en-GB') await loadLocale(lang);
      expect(formatTime(at(9), lang, Z), lang).to.equal('09:00');
      expect(formatTime(at(17), lang, Z), lang).to.equal('17:00');
      if (intlDataOf(lang)) expect(formatFrom(intlDataOf(lang)!, lang).time(at(9), Z), lang).to.equal('09:00');
    }
  });

  it("names the languages a service offers in the reader's language", async () => {
    await Promise.all(['cy', 'pa', 'pl', 'pa-Arab'].map((l) => loadLocale(l)));
    expect(formatLanguage('pl', 'cy')).to.equal('Pwyleg');
    expect(formatLanguage('ur', 'pa')).to.equal('ਉਰਦੂ');
    expect(formatLanguage('ur', 'pa-Arab')).to.equal('اردو');
    expect(formatLanguage('pl', 'pa-Arab')).to.equal('پولش');
    expect(formatLanguage('cy', 'pl')).to.equal('walijski');
    expect(formatLanguage('en', 'en-GB')).to.equal('English');
    // A code no language list knows, or text that is not a language code, is shown as written.
    expect(formatLanguage('qaa', 'cy')).to.equal('qaa');
    expect(formatLanguage('not a code', 'cy')).to.equal('not a code');
  });

  it('Welsh "and" is "ac" before a vowel and "a" before a consonant', async () => {
    await loadLocale('cy');
    expect(formatList(['mamau', 'tadau'], 'cy')).to.equal('mamau a tadau');
    expect(formatList(['tadau', 'ymarferwyr'], 'cy')).to.equal('tadau ac ymarferwyr');
  });
});

describe('Nastaliq: Urdu and Shahmukhi Punjabi get room between lines', () => {
  afterEach(() => fixtureCleanup());
  const lineHeight = (el: Element) => {
    const style = getComputedStyle(el);
    return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
  };
  for (const lang of ['ur', 'pa-Arab']) {
    it(`${lang}: the card's text and its heading at twice the font size`, async () => {
      const el = await renderCase(CASES[1], lang);
      const summary = el.shadowRoot!.querySelector('.summary')!;
      const heading = el.shadowRoot!.querySelector('[part~=heading]')!;
      expect(lineHeight(summary)).to.be.closeTo(2, 0.01);
      expect(lineHeight(heading), 'the heading too, though the card sets 1.3 for other languages').to.be.closeTo(
        2,
        0.01,
      );
    });
  }
  it('other languages keep their line height, and Urdu feed text in a Welsh card gets its own', async () => {
    const data = structuredClone(await exampleFeed()) as { services: { id: string; summary: unknown }[] };
    const service = data.services.find((s) => s.id == 'camhs-under-5s')!;
    service.summary = { ur: 'پانچ سال سے کم عمر بچوں کے لیے' };
    const el = await renderCase({ ...CASES[1], render: (lang) => CASES[1].render(lang, data) }, 'cy');
    expect(lineHeight(el.shadowRoot!.querySelector('[part~=heading]')!)).to.be.closeTo(1.3, 0.01);
    const urdu = el.shadowRoot!.querySelector('.summary [lang=ur]')!;
    expect(urdu, 'the Urdu text is marked as Urdu').not.to.equal(null);
    expect(lineHeight(urdu)).to.be.closeTo(2, 0.01);
  });
});
