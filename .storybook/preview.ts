import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define.js';
import { shippedLanguages } from '../src/languages.js';
import { themes } from '../src/styles/themes.js';

// Docs tables (attributes, properties, parts, events, CSS properties) come from the manifest,
// which is generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

/** Every shipped language, and the pseudo-locale that shows untranslated text and long strings. */
const LANGUAGES = [
  ...shippedLanguages().map(({ code, name, english }) => ({
    value: code,
    title: name == english ? name : `${name} (${english})`,
  })),
  { value: 'en-XA', title: 'Pseudo-locale (testing)' },
];

// The Theme toolbar sets the theme attribute on every imh element in the story.
const TAGS = 'imh-session-list, imh-support-card, imh-support-list, imh-first-1001-days-timeline';
new MutationObserver(() => {
  for (const wrap of document.querySelectorAll<HTMLElement>('[data-story-theme]:not([data-story-theme=""])')) {
    for (const el of wrap.querySelectorAll(TAGS)) el.setAttribute('theme', wrap.dataset.storyTheme!);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
  globalTypes: {
    theme: {
      description: 'A ready theme (the theme attribute) for every element in the story',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: '', title: 'none (NHS colours)' },
          ...themes.filter((t) => t != 'auto').map((t) => ({ value: t, title: t })),
        ],
        dynamicTitle: true,
      },
    },
    lang: {
      description: 'The language the elements speak (the lang of a wrapping element)',
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'en-GB', theme: '' },
  // Each story renders inside an element with the chosen language, as on a page with <div lang="cy">,
  // and the chosen theme's custom properties (the same values as the elements' theme attribute).
  decorators: [
    (story, { globals }) =>
      html`<div lang=${globals.lang ?? 'en-GB'} data-story-theme=${globals.theme ?? ''}>${story()}</div>`,
  ],
};
export default preview;
