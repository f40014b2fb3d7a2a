import { defineElement } from '../../internal/define-element.js';
import { ImhSessionList } from './session-list.component.js';

export { ImhSessionList };
defineElement('imh-session-list', ImhSessionList);

declare global {
  interface HTMLElementTagNameMap {
    'imh-session-list': ImhSessionList;
  }
}
