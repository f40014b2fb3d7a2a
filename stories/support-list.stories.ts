import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/support-list/support-list.js';
import { clearFeedCache } from '../src/feed/load.js';
import feed from '../public/example-feed.json';
import { inEveryLanguage } from './languages.js';
import { feedStates, inEveryTheme } from './states.js';

interface Args {
  stage: string;
  audience: string;
  kind: string;
  noControls: boolean;
  headingLevel: number;
  now: string;
}

const meta: Meta<Args> = {
  title: 'Elements/imh-support-list',
  component: 'imh-support-list',
  tags: ['autodocs'],
  args: { stage: '', audience: '', kind: '', noControls: false, headingLevel: 2, now: '2026-11-23T12:00' },
  argTypes: {
    stage: { control: 'select', options: ['', 'pregnancy', '0-12m', '12-24m'] },
    audience: {
      control: 'select',
      options: ['', 'parents', 'mums', 'dads', 'co-parents', 'carers', 'pregnant', 'families', 'practitioners'],
    },
    kind: { control: 'select', options: ['', 'app', 'helpline', 'service', 'group', 'website'] },
  },
  render: (a) => html`<imh-support-list
    .data=${feed}
    stage=${a.stage || nothing}
    audience=${a.audience || nothing}
    kind=${a.kind || nothing}
    ?no-controls=${a.noControls}
    heading-level=${a.headingLevel}
    now=${a.now}
  ></imh-support-list>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Every service in the example feed, with urgent help first. */
export const Default: Story = {};
/** Preset for dads, with the controls hidden. */
export const ForDads: Story = { args: { audience: 'dads', noControls: true } };
/** Apps only. */
export const Apps: Story = { args: { kind: 'app' } };

/**
 * `heading-level` left out, under the page's own heading: the list's headings go one level below it
 * (the editor's h2 "Where to get help", so its sections are h3 and each service an h4).
 */
export const UnderThePageHeading: Story = {
  render: (a) => html`<h2>Where to get help</h2>
    <imh-support-list .data=${feed} now=${a.now}></imh-support-list>`,
};
/** No services match the presets. */
export const Empty: Story = { args: { kind: 'website', noControls: true } };
/** The feed cannot be loaded. */
export const FeedError: Story = {
  beforeEach: () => {
    const original = window.fetch;
    clearFeedCache();
    window.fetch = async () => new Response('', { status: 500 });
    return () => {
      window.fetch = original;
      clearFeedCache();
    };
  },
  render: () =>
    html`<imh-support-list feed="/story-feeds/broken.json"><a href="https://www.nhs.uk">Find support on the NHS website</a></imh-support-list>`,
};
/**
 * Every shipped language, one after another: for translators and reviewers (Welsh, Punjabi, Urdu,
 * Polish, Arabic, Romanian and Bengali await native review).
 */
export const AllLanguages: Story = { render: (args, context) => inEveryLanguage(() => meta.render!(args, context)) };
const states = feedStates(
  (url) => html`<imh-support-list feed=${url} now="2026-11-23T12:00">
  <p>
    <a href="https://www.nhs.uk/conditions/baby/support-and-services/services-and-support-for-parents/"
      >Services and support for parents (NHS)</a
    >
  </p>
</imh-support-list>`,
);
/** While the feed loads: a placeholder that keeps the space. */
export const Loading: Story = states.Loading;
/** The feed cannot be loaded, but this browser kept a copy three days ago. */
export const StaleCopy: Story = states.StaleCopy;
/** Narrow sidebars. */
export const Compact: Story = {
  render: () =>
    html`<div style="max-width: 20rem">
      <imh-support-list .data=${feed} layout="compact" now="2026-11-23T12:00"></imh-support-list>
    </div>`,
};
/** The ready themes: NHS, GOV.UK, charity and dark. */
export const Themes: Story = {
  render: () =>
    inEveryTheme(
      (theme) =>
        html`<imh-support-list
          .data=${feed}
          theme=${theme}
          no-controls
          stage="pregnancy"
          now="2026-11-23T12:00"
        ></imh-support-list>`,
    ),
};

/** Bilingual, Welsh first (`bilingual="en"`): headings, skip link and filter labels in both; search finds either. */
export const BilingualWelsh: Story = {
  render: (a) => html`<imh-support-list lang="cy" bilingual="en" .data=${feed} now=${a.now}></imh-support-list>`,
};
