import { defineElement } from '../../internal/define-element.js';
import { ImhFirst1001DaysTimeline } from './first-1001-days-timeline.component.js';

export { ImhFirst1001DaysTimeline };
defineElement('imh-first-1001-days-timeline', ImhFirst1001DaysTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'imh-first-1001-days-timeline': ImhFirst1001DaysTimeline;
  }
}
