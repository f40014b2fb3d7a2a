/**
 * Words for the feed's fixed vocabularies, shared by the elements. Functions, so each call
 * returns the words of the locale active at render time.
 */
import { msg } from '@lit/localize';

export const audienceLabel = (a: string): string =>
  (
    ({
      parents: () =>
        msg('parents', {
          id: 'audience.parents',
          desc: 'Who a session or service is for; used in a list like "parents, carers and dads"',
        }),
      mums: () => msg('mums', { id: 'audience.mums', desc: 'Who a session or service is for' }),
      dads: () => msg('dads', { id: 'audience.dads', desc: 'Who a session or service is for' }),
      'co-parents': () =>
        msg('co-parents', {
          id: 'audience.co-parents',
          desc: 'Who a session or service is for: partners who share parenting',
        }),
      carers: () =>
        msg('carers', { id: 'audience.carers', desc: 'Who a session or service is for: people who look after a baby' }),
      pregnant: () =>
        msg('parents-to-be', {
          id: 'audience.pregnant',
          desc: 'Who a session or service is for: people expecting a baby',
        }),
      families: () => msg('families', { id: 'audience.families', desc: 'Who a session or service is for' }),
      practitioners: () =>
        msg('practitioners', {
          id: 'audience.practitioners',
          desc: 'Who a session or service is for: professionals who work with families',
        }),
    }) as Record<string, () => string>
  )[a]?.() ?? a;

export const facilityLabel = (f: string): string =>
  (
    ({
      'step-free': () => msg('Step-free access', { id: 'facility.step-free', desc: 'A facility at a place' }),
      'baby-changing': () => msg('Baby changing', { id: 'facility.baby-changing', desc: 'A facility at a place' }),
      'buggy-parking': () =>
        msg('Buggy parking', {
          id: 'facility.buggy-parking',
          desc: 'A facility at a place: space to leave pushchairs',
        }),
      'car-parking': () => msg('Car parking', { id: 'facility.car-parking', desc: 'A facility at a place' }),
      'accessible-toilet': () =>
        msg('Accessible toilet', { id: 'facility.accessible-toilet', desc: 'A facility at a place' }),
      'breastfeeding-space': () =>
        msg('Breastfeeding space', { id: 'facility.breastfeeding-space', desc: 'A facility at a place' }),
      'hearing-loop': () =>
        msg('Hearing loop', {
          id: 'facility.hearing-loop',
          desc: 'A facility at a place: an induction loop for hearing aids',
        }),
      refreshments: () =>
        msg('Refreshments', { id: 'facility.refreshments', desc: 'A facility at a place: drinks and snacks' }),
    }) as Record<string, () => string>
  )[f]?.() ?? f;

export const stageLabel = (s: string): string =>
  (
    ({
      pregnancy: () =>
        msg('pregnancy', {
          id: 'stage.pregnancy',
          desc: 'A stage a service is for; used in a list like "pregnancy and babies under 1"',
        }),
      '0-12m': () =>
        msg('babies under 1', { id: 'stage.0-12m', desc: 'A stage a service is for: the first year after birth' }),
      '12-24m': () =>
        msg('children aged 1 to 2', { id: 'stage.12-24m', desc: 'A stage a service is for: the second year' }),
    }) as Record<string, () => string>
  )[s]?.() ?? s;

export const kindLabel = (k: string): string =>
  (
    ({
      app: () => msg('Apps', { id: 'kind.app', desc: 'A kind of support, as a filter choice' }),
      helpline: () => msg('Helplines', { id: 'kind.helpline', desc: 'A kind of support, as a filter choice' }),
      service: () => msg('Services', { id: 'kind.service', desc: 'A kind of support, as a filter choice' }),
      group: () => msg('Groups', { id: 'kind.group', desc: 'A kind of support, as a filter choice' }),
      website: () => msg('Websites', { id: 'kind.website', desc: 'A kind of support, as a filter choice' }),
    }) as Record<string, () => string>
  )[k]?.() ?? k;

export const referrerLabel = (r: string): string =>
  (
    ({
      gp: () =>
        msg('GP', {
          id: 'referrer.gp',
          desc: 'Who can refer someone to a service; used in "Ask your GP, health visitor or midwife"',
        }),
      'health-visitor': () =>
        msg('health visitor', { id: 'referrer.health-visitor', desc: 'Who can refer someone to a service' }),
      midwife: () => msg('midwife', { id: 'referrer.midwife', desc: 'Who can refer someone to a service' }),
      'social-worker': () =>
        msg('social worker', { id: 'referrer.social-worker', desc: 'Who can refer someone to a service' }),
      'family-hub': () =>
        msg('Family Hub worker', { id: 'referrer.family-hub', desc: 'Who can refer someone to a service' }),
      'any-professional': () =>
        msg('any professional who knows you', {
          id: 'referrer.any-professional',
          desc: 'Who can refer someone to a service',
        }),
    }) as Record<string, () => string>
  )[r]?.() ?? r;

/** The cost of something free. */
export const freeLabel = (): string =>
  msg('Free', { id: 'cost.free', desc: 'The cost of a session or service that costs nothing' });

/** The first choice of a filter: no filtering. */
export const anyLabel = (): string =>
  msg('Any', { id: 'filters.any', desc: 'The first choice of a filter: no filtering' });
