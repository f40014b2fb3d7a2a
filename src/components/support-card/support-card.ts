import { defineElement } from '../../internal/define-element.js';
import { ImhSupportCard } from './support-card.component.js';

export { ImhSupportCard };
defineElement('imh-support-card', ImhSupportCard);

declare global {
  interface HTMLElementTagNameMap {
    'imh-support-card': ImhSupportCard;
  }
}
