import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define.js';

// Docs tables (attributes, properties, parts, events, CSS properties) come from the manifest,
// which is generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

/** Every shipped language, and the pseudo-locale that shows untranslated text and long strings. */
const LANGUAGES = [
  { value: 'en-GB', title: 'English' },
  { value: 'cy', title: 'Cymraeg (Welsh)' },
  { value: 'pa', title: 'ਪੰਜਾਬੀ (Punjabi)' },
  { value: 'ur', title: 'اردو (Urdu, right to left)' },
  { value: 'pl', title: 'Polski (Polish)' },
  { value: 'ar', title: 'العربية (Arabic, right to left)' },
  { value: 'ro', title: 'Română (Romanian)' },
  { value: 'bn', title: 'বাংলা (Bengali)' },
  { value: 'en-XA', title: 'Pseudo-locale (testing)' },
];

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
  globalTypes: {
    lang: {
      description: 'The language the elements speak (the lang of a wrapping element)',
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'en-GB' },
  // Each story renders inside an element with the chosen language, as on a page with <div lang="cy">.
  decorators: [(story, { globals }) => html`<div lang=${globals.lang ?? 'en-GB'}>${story()}</div>`],
};
export default preview;
