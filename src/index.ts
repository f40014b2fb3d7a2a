/**
 * imh-widgets' public API for npm users: element classes, event classes, the feed's types, loader
 * and validation, and the locale switch. Importing it registers nothing; import
 * `imh-widgets/define` (or one element's module) for that.
 */
export * from './feed/index.js';
export { ImhFeedLoadEvent, type ImhFeedLoadDetail } from './events/feed-load.js';
export { ImhFeedErrorEvent, type ImhFeedErrorDetail } from './events/feed-error.js';
export { ImhLoadError, ImhLoadErrorEvent, type ImhLoadErrorDetail } from './events/load-error.js';
export { getLocale, setLocale, allLocales, resolveLocale } from './localization.js';
export { ImhSessionList } from './components/session-list/session-list.component.js';
export { ImhSessionSelectEvent, type ImhSessionSelectDetail } from './events/session-select.js';
export type { SessionOccurrence } from './schedule/occurrences.js';
export { ImhSupportCard } from './components/support-card/support-card.component.js';
export { ImhSupportList } from './components/support-list/support-list.component.js';
export { ImhSupportActionEvent, type ImhSupportActionDetail } from './events/support-action.js';
export { ImhReviewDueEvent, type ImhReviewDueDetail, type ImhReviewDueService } from './events/review-due.js';
export { ImhFirst1001DaysTimeline } from './components/first-1001-days-timeline/first-1001-days-timeline.component.js';
export { shippedLanguages } from './languages.js';
export { themes } from './styles/themes.js';
