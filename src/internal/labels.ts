/**
 * Words for the feed's fixed vocabularies, shared by the elements, in the language of the
 * translator given (the element's).
 */
import type { Translator } from './localize.js';

export const audienceLabel = (t: Translator, a: string): string =>
  (
    ({
      parents: () =>
        t.msg('parents', {
          id: 'audience.parents',
          desc: 'Who a session or service is for; used in a list like "parents, carers and dads"',
        }),
      mums: () => t.msg('mums', { id: 'audience.mums', desc: 'Who a session or service is for' }),
      dads: () => t.msg('dads', { id: 'audience.dads', desc: 'Who a session or service is for' }),
      'co-parents': () =>
        t.msg('co-parents', {
          id: 'audience.co-parents',
          desc: 'Who a session or service is for: partners who share parenting',
        }),
      carers: () =>
        t.msg('carers', {
          id: 'audience.carers',
          desc: 'Who a session or service is for: people who look after a baby',
        }),
      pregnant: () =>
        t.msg('parents-to-be', {
          id: 'audience.pregnant',
          desc: 'Who a session or service is for: people expecting a baby',
        }),
      families: () => t.msg('families', { id: 'audience.families', desc: 'Who a session or service is for' }),
      practitioners: () =>
        t.msg('practitioners', {
          id: 'audience.practitioners',
          desc: 'Who a session or service is for: professionals who work with families',
        }),
    }) as Record<string, () => string>
  )[a]?.() ?? a;

export const stageLabel = (t: Translator, s: string): string =>
  (
    ({
      pregnancy: () =>
        t.msg('pregnancy', {
          id: 'stage.pregnancy',
          desc: 'A stage a service is for; used in a list like "pregnancy and babies under 1"',
        }),
      '0-12m': () =>
        t.msg('babies under 1', { id: 'stage.0-12m', desc: 'A stage a service is for: the first year after birth' }),
      '12-24m': () =>
        t.msg('children aged 1 to 2', { id: 'stage.12-24m', desc: 'A stage a service is for: the second year' }),
    }) as Record<string, () => string>
  )[s]?.() ?? s;

export const kindLabel = (t: Translator, k: string): string =>
  (
    ({
      app: () => t.msg('Apps', { id: 'kind.app', desc: 'A kind of support, as a filter choice' }),
      helpline: () => t.msg('Helplines', { id: 'kind.helpline', desc: 'A kind of support, as a filter choice' }),
      service: () => t.msg('Services', { id: 'kind.service', desc: 'A kind of support, as a filter choice' }),
      group: () => t.msg('Groups', { id: 'kind.group', desc: 'A kind of support, as a filter choice' }),
      website: () => t.msg('Websites', { id: 'kind.website', desc: 'A kind of support, as a filter choice' }),
    }) as Record<string, () => string>
  )[k]?.() ?? k;

export const referrerLabel = (t: Translator, r: string): string =>
  (
    ({
      gp: () =>
        t.msg('GP', {
          id: 'referrer.gp',
          desc: 'Who can refer someone to a service; used in "Ask your GP, health visitor or midwife"',
        }),
      'health-visitor': () =>
        t.msg('health visitor', { id: 'referrer.health-visitor', desc: 'Who can refer someone to a service' }),
      midwife: () => t.msg('midwife', { id: 'referrer.midwife', desc: 'Who can refer someone to a service' }),
      'social-worker': () =>
        t.msg('social worker', { id: 'referrer.social-worker', desc: 'Who can refer someone to a service' }),
      'family-hub': () =>
        t.msg('Family Hub worker', { id: 'referrer.family-hub', desc: 'Who can refer someone to a service' }),
      'any-professional': () =>
        t.msg('any professional who knows you', {
          id: 'referrer.any-professional',
          desc: 'Who can refer someone to a service',
        }),
    }) as Record<string, () => string>
  )[r]?.() ?? r;

/** The cost of something free. */
export const freeLabel = (t: Translator): string =>
  t.msg('Free', { id: 'cost.free', desc: 'The cost of a session or service that costs nothing' });

/** The first choice of a filter: no filtering. */
export const anyLabel = (t: Translator): string =>
  t.msg('Any', { id: 'filters.any', desc: 'The first choice of a filter: no filtering' });
