import { defineElement } from '../../internal/define-element.js';
import { ImhSupportList } from './support-list.component.js';

export { ImhSupportList };
defineElement('imh-support-list', ImhSupportList);

declare global {
  interface HTMLElementTagNameMap {
    'imh-support-list': ImhSupportList;
  }
}
