// Type-checked by test/cli/types.test.mjs: JSX usage of the elements, as a TypeScript app writes it
// (with no framework's own JSX types here, only the elements').
import type {} from '../../types/jsx.js';

export const list = (
  <imh-session-list
    feed="/feed.json"
    limit={5}
    filters
    heading-level="3"
    lang="cy"
    theme="govuk"
    onimh-session-select={(e) => e.preventDefault()}
  ></imh-session-list>
);
export const card = <imh-support-card service="nhs-111" urgency="urgent" layout="compact"></imh-support-card>;
export const services = <imh-support-list no-controls stage="pregnancy"></imh-support-list>;
export const timeline = <imh-first-1001-days-timeline birth-date="2026-10-20"></imh-first-1001-days-timeline>;
