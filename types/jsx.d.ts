/**
 * JSX types for the imh elements, for TypeScript users of React, Preact, Solid and other JSX:
 *   import type {} from 'imh-widgets/jsx';
 * (React 19, whose JSX namespace lives in the 'react' module, also: import type {} from 'imh-widgets/jsx-react';)
 * Attributes are written as in HTML (`heading-level`, `birth-date`); see custom-elements.json.
 */
export interface ImhBaseAttributes {
  /** Address of the shared JSON feed (else the page's `<meta name="imh-feed">`). */
  feed?: string;
  /** The language the element speaks (else its ancestors', else the page's). */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** `nhs`, `govuk`, `charity`, `dark` or `auto` (space-separated). */
  theme?: string;
  'heading-level'?: 1 | 2 | 3 | 4 | 5 | 6 | `${1 | 2 | 3 | 4 | 5 | 6}`;
  /** Show when the feed was last updated. */
  'last-checked'?: boolean;
  /** For editors: warn about services not reviewed within this period (`''` is 12 months, `6 months`, `P6M`). */
  'review-after'?: string;
  /** A Share button for each session or service. */
  share?: boolean;
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  slot?: string;
  hidden?: boolean;
  children?: unknown;
  ref?: unknown;
  key?: string | number;
  /** React 19 event props for the elements' events. */
  'onimh-feed-load'?: (event: CustomEvent) => void;
  'onimh-feed-error'?: (event: CustomEvent) => void;
  'onimh-load-error'?: (event: CustomEvent) => void;
  'onimh-review-due'?: (event: CustomEvent) => void;
}
type Time = string;
export interface ImhSessionListAttributes extends ImhBaseAttributes {
  now?: Time;
  limit?: number | `${number}`;
  days?: number | `${number}`;
  category?: string;
  place?: string;
  audience?: string;
  'age-months'?: number | `${number}`;
  layout?: 'compact';
  filters?: boolean;
  'onimh-session-select'?: (event: CustomEvent) => void;
}
interface ImhSupportActions {
  'onimh-support-action'?: (event: CustomEvent) => void;
}
export interface ImhSupportCardAttributes extends ImhBaseAttributes, ImhSupportActions {
  service?: string;
  name?: string;
  link?: string;
  phone?: string;
  urgency?: 'routine' | 'urgent' | 'emergency';
  layout?: 'compact';
  now?: Time;
}
export interface ImhSupportListAttributes extends ImhBaseAttributes, ImhSupportActions {
  stage?: string;
  audience?: string;
  kind?: string;
  'no-controls'?: boolean;
  layout?: 'compact';
  now?: Time;
}
export interface ImhTimelineAttributes extends ImhBaseAttributes, ImhSupportActions {
  'due-date'?: string;
  'birth-date'?: string;
  now?: Time;
}
export interface ImhIntrinsicElements {
  'imh-session-list': ImhSessionListAttributes;
  'imh-support-card': ImhSupportCardAttributes;
  'imh-support-list': ImhSupportListAttributes;
  'imh-first-1001-days-timeline': ImhTimelineAttributes;
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into JSX's own interface
    interface IntrinsicElements extends ImhIntrinsicElements {}
  }
}
