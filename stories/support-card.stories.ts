import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/support-card/support-card.js';
import feed from '../public/example-feed.json';
import { inEveryLanguage } from './languages.js';
import { feedStates, inEveryTheme } from './states.js';

interface Args {
  service: string;
  now: string;
  headingLevel: number;
  layout: '' | 'compact';
}

const meta: Meta<Args> = {
  title: 'Elements/imh-support-card',
  component: 'imh-support-card',
  tags: ['autodocs'],
  args: { service: 'health-visiting', now: '2026-11-23T12:00', headingLevel: 2, layout: '' },
  argTypes: {
    service: { control: 'select', options: feed.services.map((s) => s.id) },
    layout: { control: 'inline-radio', options: ['', 'compact'] },
  },
  render: (a) => html`<imh-support-card
    .data=${feed}
    service=${a.service}
    now=${a.now}
    heading-level=${a.headingLevel}
    layout=${a.layout || nothing}
  ></imh-support-card>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A routine service: health visiting, open now. */
export const Routine: Story = {};
/** An urgent service: NHS 111. */
export const Urgent: Story = { args: { service: 'nhs-111' } };
/** The emergency card: call 999 now. */
export const Emergency: Story = { args: { service: 'emergency-999' } };
/** A specialist service with referral criteria, closed in the evening. */
export const ReferralOnly: Story = { args: { service: 'camhs-under-5s', now: '2026-11-23T19:00' } };
/** An app, with App Store and Google Play links. */
export const App: Story = { args: { service: 'dadpad' } };

/**
 * `heading-level` left out, in a sidebar under its own heading: the card's name goes one level below
 * it (the sidebar's h2 "Get help", so the service's name is an h3).
 */
export const UnderThePageHeading: Story = {
  render: (a) => html`<aside style="max-width: 300px">
    <h2>Get help</h2>
    <imh-support-card .data=${feed} service=${a.service} now=${a.now}></imh-support-card>
  </aside>`,
};
/** Narrow sidebars. */
export const Compact: Story = {
  args: { layout: 'compact' },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};
/** An editor's own card, written in the page with no feed. */
export const EditorCard: Story = {
  render:
    () => html`<imh-support-card name="Wolverhampton Family Hubs" phone="01632960214" link="https://www.wolverhampton.gov.uk/children-and-young-people/family-hubs">
    Drop in to any Family Hub for Stay and Play, parenting support and infant feeding help.
  </imh-support-card>`,
};
/** The page names a service the feed does not have. */
export const NotFound: Story = { args: { service: 'no-such-service' } };
/** Right to left: the element in an Arabic page (direction follows the language). */
export const RightToLeft: Story = {
  args: { service: 'nhs-111' },
  decorators: [(story) => html`<div lang="ar">${story()}</div>`],
};
/**
 * Bilingual, Welsh first (`lang="cy" bilingual="en"`), as Welsh public bodies publish: labels and
 * buttons in both languages after a slash; the service's name in both, as the feed has both.
 */
export const BilingualWelsh: Story = {
  render: (a) => html`<imh-support-card lang="cy" bilingual="en" .data=${feed} service=${a.service} now=${a.now}
  ></imh-support-card>`,
};
/** Bilingual, the English on a smaller line below the Welsh (`bilingual-layout="stacked"`), at 320 px. */
export const BilingualStacked: Story = {
  render: (a) => html`<div style="max-width: 320px">
    <imh-support-card lang="cy" bilingual="en" bilingual-layout="stacked" .data=${feed} service=${a.service}
      now=${a.now}></imh-support-card>
  </div>`,
};
/** Bilingual in two columns, Welsh on the left (`bilingual-layout="columns"`), an urgent card. */
export const BilingualColumns: Story = {
  render: (a) => html`<imh-support-card lang="cy" bilingual="en" bilingual-layout="columns" .data=${feed}
    service="samaritans" now=${a.now}></imh-support-card>`,
};
/** Urdu with English: right to left, the English parts marked left to right (stacked, GOV.UK theme). */
export const BilingualUrduEnglish: Story = {
  render: (a) => html`<imh-support-card lang="ur" bilingual="en" bilingual-layout="stacked" theme="govuk"
    .data=${feed} service="emergency-999" now=${a.now}></imh-support-card>`,
};
/**
 * Every shipped language, one after another: for translators and reviewers (Welsh, Punjabi, Urdu,
 * Polish, Arabic, Romanian and Bengali await native review).
 */
export const AllLanguages: Story = { render: (args, context) => inEveryLanguage(() => meta.render!(args, context)) };
const states = feedStates(
  (url) => html`<imh-support-card feed=${url} service="health-visiting" now="2026-11-23T12:00">
  <p><a href="https://www.nhs.uk/conditions/baby/support-and-services/services-and-support-for-parents/">Services and support for parents (NHS)</a></p>
</imh-support-card>`,
);
/** While the feed loads: a placeholder that keeps the space. */
export const Loading: Story = states.Loading;
/** The feed cannot be loaded: the page's fallback link and a "Try again" button. */
export const FeedError: Story = states.FeedError;
/** The feed cannot be loaded, but this browser kept a copy three days ago. */
export const StaleCopy: Story = states.StaleCopy;
/** The ready themes: NHS, GOV.UK, charity and dark, on routine, urgent and emergency cards. */
export const Themes: Story = {
  render: () =>
    inEveryTheme(
      (theme) =>
        html`${['health-visiting', 'nhs-111', 'emergency-999'].map(
          (s) =>
            html`<imh-support-card
              .data=${feed}
              theme=${theme}
              service=${s}
              now="2026-11-23T12:00"
              layout="compact"
              style="margin-block-end: 1rem"
            ></imh-support-card>`,
        )}`,
    ),
};
