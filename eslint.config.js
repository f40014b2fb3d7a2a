// ESLint: TypeScript, Lit templates (eslint-plugin-lit), custom-element rules (eslint-plugin-wc)
// and accessibility in templates (eslint-plugin-lit-a11y). Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      'coverage/',
      'src/generated/',
      'custom-elements.json',
      'bench/results/',
      'test/types/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Elements are registered by defineElement() in their own module, and the class lives in *.component.ts.
      'wc/tag-name-matches-class': 'off',
    },
  },
);
