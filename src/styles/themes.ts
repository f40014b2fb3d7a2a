import { css } from 'lit';

/** The values of the elements' `theme` attribute. */
export const themes = ['nhs', 'govuk', 'charity', 'dark', 'auto'] as const;

/** The dark scheme, for `dark` always and for `auto` when the device prefers dark. */
const dark = css`
  --imh-color-text: #f0f4f5;
  --imh-color-text-secondary: #c5ced3;
  --imh-color-surface: #1b1f23;
  --imh-color-border: #5c6770;
  --imh-color-link: #8cc8ff;
  --imh-color-focus: #ffeb3b;
  --imh-color-focus-text: #1b1f23;
  --imh-color-button: #1d7d3f;
  --imh-color-button-text: #ffffff;
  --imh-color-routine: #1760b0;
  --imh-color-urgent: #c1271a;
  --imh-color-emergency: #c1271a;
  --imh-color-emergency-surface: #000000;
  --imh-color-current: #8cc8ff;
  --imh-color-cancelled: #ff9b91;
  --imh-color-error: #ff9b91;
  color-scheme: dark;
  background: var(--imh-color-surface);
`;

/**
 * The ready themes, chosen with the `theme` attribute (space-separated): `nhs` (the default
 * colours, after NHS.UK Frontend), `govuk` (after the GOV.UK Design System), `charity` (a neutral
 * purple), and `dark` (a dark colour scheme; `auto` follows the visitor's `prefers-color-scheme`).
 * Each only sets the documented `--imh-*` custom properties, so a page can still override any of
 * them on the element. Every text and control colour pair meets WCAG AA (test/themes.test.ts).
 */
export const themeStyles = css`
  :host([theme~='govuk']) {
    --imh-color-text: #0b0c0c;
    --imh-color-text-secondary: #505a5f;
    --imh-color-surface: #ffffff;
    --imh-color-border: #b1b4b6;
    --imh-color-link: #1d70b8;
    --imh-color-focus: #ffdd00;
    --imh-color-focus-text: #0b0c0c;
    --imh-color-button: #00703c;
    --imh-color-button-text: #ffffff;
    --imh-color-routine: #1d70b8;
    --imh-color-urgent: #d4351c;
    --imh-color-emergency: #d4351c;
    --imh-color-emergency-surface: #0b0c0c;
    --imh-color-current: #1d70b8;
    --imh-color-cancelled: #d4351c;
    --imh-color-error: #d4351c;
    --imh-radius: 0;
  }
  :host([theme~='charity']) {
    --imh-color-text: #1f2328;
    --imh-color-text-secondary: #57606a;
    --imh-color-surface: #ffffff;
    --imh-color-border: #d0d7de;
    --imh-color-link: #5a2d82;
    --imh-color-focus: #ffbf47;
    --imh-color-focus-text: #1f2328;
    --imh-color-button: #5a2d82;
    --imh-color-button-text: #ffffff;
    --imh-color-routine: #5a2d82;
    --imh-color-urgent: #b3261e;
    --imh-color-emergency: #b3261e;
    --imh-color-emergency-surface: #1f2328;
    --imh-color-current: #5a2d82;
    --imh-color-cancelled: #b3261e;
    --imh-color-error: #b3261e;
    --imh-radius: 8px;
  }
  :host([theme~='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme~='auto']) {
      ${dark}
    }
  }
`;
