/**
 * Words for the feed's fixed vocabularies, shared by the elements. Functions, so each call
 * returns the words of the locale active at render time.
 */
import { msg } from '@lit/localize';

export const audienceLabel = (a: string): string =>
  (
  ({
    parents: () => msg('parents', { id: 'audience.parents', desc: 'Who a session or service is for; used in a list like "parents, carers and dads"' }),
    mums: () => msg('mums', { id: 'audience.mums', desc: 'Who a session or service is for' }),
    dads: () => msg('dads', { id: 'audience.dads', desc: 'Who a session or service is for' }),
    'co-parents': () => msg('co-parents', { id: 'audience.co-parents', desc: 'Who a session or service is for: partners who share parenting' }),
    carers: () => msg('carers', { id: 'audience.carers', desc: 'Who a session or service is for: people who look after a baby' }),
    pregnant: () => msg('parents-to-be', { id: 'audience.pregnant', desc: 'Who a session or service is for: people expecting a baby' }),
    families: () => msg('families', { id: 'audience.families', desc: 'Who a session or service is for' }),
    practitioners: () => msg('practitioners', { id: 'audience.practitioners', desc: 'Who a session or service is for: professionals who work with families' }),
  }) as Record<string, () => string>)[a]?.() ?? a;

export const facilityLabel = (f: string): string =>
  (
  ({
    'step-free': () => msg('Step-free access', { id: 'facility.step-free', desc: 'A facility at a place' }),
    'baby-changing': () => msg('Baby changing', { id: 'facility.baby-changing', desc: 'A facility at a place' }),
    'buggy-parking': () => msg('Buggy parking', { id: 'facility.buggy-parking', desc: 'A facility at a place: space to leave pushchairs' }),
    'car-parking': () => msg('Car parking', { id: 'facility.car-parking', desc: 'A facility at a place' }),
    'accessible-toilet': () => msg('Accessible toilet', { id: 'facility.accessible-toilet', desc: 'A facility at a place' }),
    'breastfeeding-space': () => msg('Breastfeeding space', { id: 'facility.breastfeeding-space', desc: 'A facility at a place' }),
    'hearing-loop': () => msg('Hearing loop', { id: 'facility.hearing-loop', desc: 'A facility at a place: an induction loop for hearing aids' }),
    refreshments: () => msg('Refreshments', { id: 'facility.refreshments', desc: 'A facility at a place: drinks and snacks' }),
  }) as Record<string, () => string>)[f]?.() ?? f;
