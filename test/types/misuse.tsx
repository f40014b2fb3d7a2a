// Must NOT type-check (test/cli/types.test.mjs): a wrong attribute value is caught.
import type {} from '../../types/jsx.js';

export const wrong = <imh-support-card urgency="soon"></imh-support-card>;
