import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import feed from '../public/example-feed.json';
import { inEveryLanguage } from './languages.js';
import { feedStates, inEveryTheme } from './states.js';

interface Args {
  dueDate: string;
  birthDate: string;
  now: string;
  headingLevel: number;
  withFeed: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/imh-first-1001-days-timeline',
  component: 'imh-first-1001-days-timeline',
  tags: ['autodocs'],
  args: { dueDate: '', birthDate: '', now: '2026-11-23', headingLevel: 2, withFeed: false },
  render: (a) => html`<imh-first-1001-days-timeline
    .data=${a.withFeed ? feed : undefined}
    due-date=${a.dueDate || nothing}
    birth-date=${a.birthDate || nothing}
    now=${a.now}
    heading-level=${a.headingLevel}
  ></imh-first-1001-days-timeline>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The built-in timeline with no feed, and the form for a due date or date of birth. */
export const Default: Story = {};
/** A baby born five weeks ago: the current stage, the stages already passed marked Done, and the next check. */
export const Baby: Story = { args: { birthDate: '2026-10-20' } };
/** Expecting a baby in March. */
export const Pregnancy: Story = { args: { dueDate: '2027-03-01' } };
/** A baby born seven weeks early: checks follow age from birth. */
export const Premature: Story = { args: { birthDate: '2026-10-01', dueDate: '2026-11-20' } };
/** Past the due date, with no date of birth yet. */
export const Overdue: Story = { args: { dueDate: '2026-11-20' } };
/** A child past the second birthday. */
export const PastTwo: Story = { args: { birthDate: '2024-01-10' } };

/** A date of birth after today: said to be in the future, no stage marked (no pregnancy guessed from it). */
export const BirthDateInFuture: Story = { args: { birthDate: '2027-02-01' } };

/** A due date two years ago: one message asking for the date of birth, no stage marked. */
export const DueDateLongPast: Story = { args: { dueDate: '2024-11-20' } };
/** With the example feed: local wording, Wolverhampton services and the next sessions. */
export const WithLocalFeed: Story = { args: { birthDate: '2026-09-20', withFeed: true } };

/**
 * `heading-level` left out, under the page's own heading: the stages' headings go one level below it
 * (the editor's h2 "Your first 1001 days", so each stage is an h3).
 */
export const UnderThePageHeading: Story = {
  render: (a) => html`<h2>Your first 1001 days</h2>
    <imh-first-1001-days-timeline now=${a.now} birth-date="2026-10-20"></imh-first-1001-days-timeline>`,
};
/** Wide: the stages side by side. */
export const Wide: Story = {
  args: { birthDate: '2026-10-20' },
  decorators: [(story) => html`<div style="width: 80rem">${story()}</div>`],
};
/** Right to left: the element in an Arabic page (direction follows the language). */
export const RightToLeft: Story = {
  args: { birthDate: '2026-10-20' },
  decorators: [(story) => html`<div lang="ar">${story()}</div>`],
};
/**
 * Every shipped language, one after another: for translators and reviewers (Welsh, Punjabi, Urdu,
 * Polish, Arabic, Romanian and Bengali await native review).
 */
export const AllLanguages: Story = { render: (args, context) => inEveryLanguage(() => meta.render!(args, context)) };
const states = feedStates(
  (url) =>
    html`<imh-first-1001-days-timeline
      feed=${url}
      birth-date="2026-10-20"
      now="2026-11-23"
    ></imh-first-1001-days-timeline>`,
);
/** While a local feed loads (the built-in stages do not wait for it). */
export const Loading: Story = states.Loading;
/** The local feed cannot be loaded: the built-in stages still show, with a "Try again" button. */
export const FeedError: Story = states.FeedError;
/** The local feed cannot be loaded, but this browser kept a copy three days ago. */
export const StaleCopy: Story = states.StaleCopy;
/** Narrow sidebars: one stage above another. */
export const Narrow: Story = {
  args: { birthDate: '2026-10-20' },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};
/** The ready themes: NHS, GOV.UK, charity and dark. */
export const Themes: Story = {
  render: () =>
    inEveryTheme(
      (theme) =>
        html`<imh-first-1001-days-timeline
          theme=${theme}
          birth-date="2026-10-20"
          now="2026-11-23"
        ></imh-first-1001-days-timeline>`,
    ),
};
