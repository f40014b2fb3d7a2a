import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define.js';

// Docs tables (attributes, properties, parts, events, CSS properties) come from the manifest,
// which is generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
};
export default preview;
