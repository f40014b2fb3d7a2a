import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing as nothingAttr } from 'lit';
import '../src/components/session-list/session-list.js';
import { saveFeed } from '../src/feed/store.js';
import feed from '../public/example-feed.json';
import { inEveryLanguage } from './languages.js';
import { inEveryTheme, inShadow, withFetch } from './states.js';
import { BANK_HOLIDAYS, TERMS } from '../test/fixtures/terms.js';

interface Args {
  now: string;
  limit: number;
  days: number;
  category: string;
  place: string;
  audience: string;
  ageMonths?: number;
  headingLevel: number;
  layout: '' | 'compact';
  filters: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/imh-session-list',
  component: 'imh-session-list',
  tags: ['autodocs'],
  args: {
    now: '2026-11-23T08:00',
    limit: 6,
    days: 28,
    category: '',
    place: '',
    audience: '',
    headingLevel: 2,
    layout: '',
    filters: false,
  },
  argTypes: {
    layout: { control: 'inline-radio', options: ['', 'compact'] },
    audience: {
      control: 'select',
      options: ['', 'parents', 'mums', 'dads', 'co-parents', 'carers', 'pregnant', 'families', 'practitioners'],
    },
  },
  render: (a) => html`<imh-session-list
    .data=${feed}
    now=${a.now}
    limit=${a.limit}
    days=${a.days}
    category=${a.category || nothingAttr}
    place=${a.place || nothingAttr}
    audience=${a.audience || nothingAttr}
    age-months=${a.ageMonths ?? nothingAttr}
    heading-level=${a.headingLevel}
    layout=${a.layout || nothingAttr}
    ?filters=${a.filters}
  >
    <a href="https://www.wolverhampton.gov.uk/children-and-young-people/family-hubs">See what's on at our Family Hubs</a>
  </imh-session-list>`,
};
export default meta;
type Story = StoryObj<Args>;

/** This week at Wolverhampton's Family Hubs and libraries, from the example feed. */
export const Default: Story = {};

/**
 * With the filter controls: search, when, type of session, place and the baby's age, and the count.
 * Each type of session has a name of its own (built in for common category ids like
 * `baby-booktime`: "Stories and rhymes"), and practitioners' training is not offered.
 */
export const WithFilters: Story = { args: { filters: true, limit: 10 } };

/**
 * Types of session named by the feed's own `categories` (text, so translatable): "Baby massage at the
 * Hub" rather than the built-in "Baby massage", in Welsh "Tylino babanod yn yr Hyb".
 */
export const FeedCategoryNames: Story = {
  args: { filters: true, limit: 10 },
  render: (a) => html`<imh-session-list
    .data=${{
      ...feed,
      categories: [
        { id: 'baby-massage', name: { en: 'Baby massage at the Hub', cy: 'Tylino babanod yn yr Hyb' } },
        { id: 'stay-and-play', name: 'Stay and Play at the Hub' },
      ],
    }}
    now=${a.now}
    limit=${a.limit}
    days=${a.days}
    filters
  ></imh-session-list>`,
};

/**
 * `heading-level` left out, under the page's own heading: the list's headings go one level below it.
 * The editor's "What's on" is an h2, so "Today" is an h3 and each session an h4.
 */
export const UnderThePageHeading: Story = {
  render: (a) => html`<h2>What's on</h2>
    <imh-session-list .data=${feed} now=${a.now} limit=${a.limit} days=${a.days}></imh-session-list>`,
};

/** Filters chosen ("Next week", pregnancy): the count and "Clear filters". */
export const FiltersChosen: Story = {
  args: { filters: true, limit: 10 },
  play: async ({ canvasElement }) => {
    const form = await inShadow<HTMLFormElement>(canvasElement, 'imh-session-list', '[part=filters]');
    for (const [name, value] of [
      ['when', 'next-week'],
      ['age', '-20'],
    ]) {
      const select = form.elements.namedItem(name) as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  },
};

/**
 * "Add to calendar" open on the first session: "Download this date" and "Download every date" (an .ics file,
 * which the line above them describes), then Google Calendar and Outlook once the calendar code has come. A
 * closed one has no menu drawn (a list of every date has thousands); it is drawn as it opens.
 */
export const AddToCalendar: Story = {
  args: { limit: 3 },
  play: async ({ canvasElement }) => {
    const details = await inShadow<HTMLDetailsElement>(canvasElement, 'imh-session-list', 'details.calendar');
    details.open = true;
  },
};

/** A week with a cancelled Baby Massage (staff training) and a cancelled Stay and Play. */
export const CancelledAndChanged: Story = { args: { now: '2026-11-26T08:00', days: 9, limit: 20 } };

/** Infant Mental Health Awareness Week, an annual all-week event, under way. */
export const AwarenessWeek: Story = { args: { now: '2027-06-16T09:00', days: 1, limit: 20 } };

/** Only sessions suitable during pregnancy. */
export const Pregnancy: Story = { args: { ageMonths: -20, limit: 10 } };

/** For practitioners: workshops and reflective practice, listed only where the page asks with `audience`. */
export const Practitioners: Story = {
  args: { audience: 'practitioners', category: 'practitioner-workshop', days: 120, filters: true },
};

/** Narrow sidebars: the compact layout (name, time and place; the rest behind "Details and booking"). */
export const Compact: Story = {
  args: { layout: 'compact', limit: 3 },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};

/** Nothing in the window: a friendly sentence and the editor's fallback link. */
export const Empty: Story = {
  render: () => html`<imh-session-list .data=${{ version: 1, sessions: [] }} days="14">
    <a href="https://www.wolverhampton.gov.uk/children-and-young-people/family-hubs">See what's on at our Family Hubs</a>
  </imh-session-list>`,
};

/** While the feed loads: a placeholder that keeps the space. */
export const Loading: Story = {
  beforeEach: withFetch(() => new Promise(() => {})),
  render: () => html`<imh-session-list feed="/story-feeds/slow.json"></imh-session-list>`,
};

/** The feed cannot be loaded: the fallback link and a "Try again" button. */
export const FeedError: Story = {
  beforeEach: withFetch(async () => new Response('', { status: 404, statusText: 'Not Found' })),
  render: () => html`<imh-session-list feed="/story-feeds/missing.json">
    <a href="https://www.wolverhampton.gov.uk/children-and-young-people/family-hubs">See what's on at our Family Hubs</a>
  </imh-session-list>`,
};

/** The feed cannot be loaded, but this browser kept a copy three days ago. */
export const StaleCopy: Story = {
  beforeEach: () => {
    saveFeed(new URL('/story-feeds/stale.json', location.href).href, JSON.stringify(feed), Date.now() - 3 * 86_400_000);
    return withFetch(() => Promise.reject(new TypeError('Failed to fetch')))();
  },
  render: () =>
    html`<imh-session-list feed="/story-feeds/stale.json" now="2026-11-23T08:00" limit="3"></imh-session-list>`,
};

/** Right to left: the element in an Urdu page (direction follows the language). */
export const RightToLeft: Story = {
  args: { limit: 3 },
  decorators: [(story) => html`<div lang="ur">${story()}</div>`],
};

/** The filters in Welsh: the types of session by their Welsh names from the first render ("Tylino babanod"). */
export const WelshFilters: Story = {
  args: { filters: true, limit: 3 },
  decorators: [(story) => html`<div lang="cy">${story()}</div>`],
};

/** The pseudo-locale en-XA (accented, about 40% longer) for spotting untranslated text and layouts that break. */
export const PseudoLocale: Story = {
  args: { limit: 3 },
  decorators: [(story) => html`<div lang="en-XA">${story()}</div>`],
};
/**
 * Every shipped language, one after another: for translators and reviewers (Welsh, Punjabi, Urdu,
 * Polish, Arabic, Romanian and Bengali await native review).
 */
export const AllLanguages: Story = { render: (args, context) => inEveryLanguage(() => meta.render!(args, context)) };
/** The ready themes: NHS, GOV.UK, charity and dark. */
export const Themes: Story = {
  render: () =>
    inEveryTheme(
      (theme) =>
        html`<imh-session-list .data=${feed} theme=${theme} now="2026-11-23T08:00" limit="2"></imh-session-list>`,
    ),
};

/** Term dates and bank holidays held once in the feed; Baby Massage runs in term time only, not on bank holidays. */
const termFeed = {
  ...feed,
  termDates: TERMS,
  bankHolidays: BANK_HOLIDAYS,
  sources: [
    {
      id: 'anytown-leisure',
      kind: 'openactive',
      name: 'Anytown Leisure timetable',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: 'Data from Anytown Leisure',
    },
  ],
  sessions: feed.sessions.map((s) =>
    s.id == 'baby-massage-monday'
      ? {
          ...s,
          source: { ref: 'anytown-leisure', id: 'AL-BM-MON' },
          schedule: {
            ...s.schedule,
            exceptDate: undefined,
            note: undefined,
            endDate: undefined,
            termTimeOnly: true,
            notOnBankHolidays: true,
          },
        }
      : s,
  ),
};

/** Term time only: the October half term is left out, and the pattern says so. */
export const TermTime: Story = {
  args: { now: '2026-10-17T12:00', days: 21, category: 'baby-massage' },
  render: (a) =>
    html`<imh-session-list .data=${termFeed} now=${a.now} days=${a.days} category=${a.category}></imh-session-list>`,
};

/** After the last known term: no invented dates, and a note that more will be added. */
export const DatesNotYetConfirmed: Story = {
  args: { now: '2027-07-12T08:00', days: 28, category: 'baby-massage' },
  render: TermTime.render,
};

/** Imported data whose licence asks for credit (OpenActive, CC BY 4.0): shown once, linked to the licence. */
export const Attribution: Story = {
  args: { now: '2026-11-23T08:00', limit: 3 },
  render: (a) => html`<imh-session-list .data=${termFeed} now=${a.now} limit=${a.limit}></imh-session-list>`,
};

const AGES = [
  { fromMonths: 0, toMonths: 60 },
  { fromMonths: 6, toMonths: 36 },
  { fromMonths: 0, toMonths: 30 },
];
const agesFeed = {
  ...feed,
  sessions: feed.sessions.map((s, i) => ({ ...s, ageRange: AGES[i % AGES.length] })),
} as unknown as typeof feed;

/**
 * Labels parents read, at 320 px: ages from two in whole years ("0 to 5 years", "6 months to 3 years"; 30 months
 * stays in months), postcodes kept whole, email addresses broken only after "@" or before a dot, and "Add to
 * calendar" offering "Download this date" with a line saying what the file is for.
 */
export const AgesAndAddresses: Story = {
  args: { limit: 6 },
  render: (a) =>
    html`<div style="max-width: 320px">
      <imh-session-list .data=${agesFeed} now=${a.now} limit=${a.limit}></imh-session-list>
    </div>`,
};

/** Bilingual, Welsh first, stacked (`bilingual-layout="stacked"`): day headings, labels, sessions. */
export const BilingualWelsh: Story = {
  render: (a) => html`<imh-session-list lang="cy" bilingual="en" bilingual-layout="stacked" .data=${feed} now=${a.now}
    limit=${a.limit}></imh-session-list>`,
};
