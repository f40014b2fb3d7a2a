/**
 * The built-in timeline, drawn from the Healthy Child Programme and the 1001 days messages of
 * infant-mental-health campaigns. Loaded only by pages that show the timeline. Every string is a
 * message, so it is translated like the rest of the interface; a feed's `timeline` can extend it
 * (same ids: local wording and timings win, local messages are added) or replace it.
 *
 * Services are named by the ids the example feed uses (`health-visiting`, `maternity-services`,
 * `gp`…); a feed with services of those ids shows them inside the stages.
 */
import type { Text, TimelineStage } from '../../feed/types.js';
import type { Translator } from '../../internal/localize.js';

/** The built-in stages, in the translator's language. */
export const defaultStages = (t: Translator): TimelineStage[] => [
  {
    id: 'pregnancy-first-trimester',
    from: { week: -40 },
    to: { week: -27 },
    title: t.msg('Pregnancy: weeks 1 to 13', { id: 'timeline.t1.title', desc: 'Stage title: the first trimester' }),
    summary: t.msg("Your baby's brain and body begin to form. Looking after yourself is looking after your baby.", {
      id: 'timeline.t1.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg("Eating well, resting, and avoiding smoking and alcohol give your baby's growing brain the best start.", {
        id: 'timeline.t1.m1',
        desc: 'Key message: brain development in early pregnancy',
      }),
      t.msg(
        // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
        'Pregnancy can bring worry as well as joy. How you feel matters: talk to your midwife about it, from the first appointment.',
        { id: 'timeline.t1.m2', desc: "Key message: the parent's own wellbeing" },
      ),
    ],
    checks: [
      {
        name: t.msg('First appointment with a midwife (by 10 weeks)', {
          id: 'timeline.check.booking',
          desc: 'A check in pregnancy',
        }),
        at: { week: -31 },
      },
      {
        name: t.msg('Dating scan (around 12 weeks)', {
          id: 'timeline.check.dating-scan',
          desc: 'A check in pregnancy',
        }),
        at: { week: -28 },
      },
    ],
    ifWorried: t.msg(
      'Talk to your midwife or GP. You can refer yourself to maternity services as soon as you know you are pregnant.',
      { id: 'timeline.t1.worried', desc: 'What to do if worried in early pregnancy' },
    ),
    services: ['maternity-services', 'gp'],
  },
  {
    id: 'pregnancy-second-trimester',
    from: { week: -27 },
    to: { week: -13 },
    title: t.msg('Pregnancy: weeks 14 to 27', { id: 'timeline.t2.title', desc: 'Stage title: the second trimester' }),
    summary: t.msg('Begin before birth: your baby can hear you, and the bond between you is already growing.', {
      id: 'timeline.t2.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg('Talking, reading and singing to your bump help your baby know your voice. Partners can do this too.', {
        id: 'timeline.t2.m1',
        desc: 'Key message: bonding before birth',
      }),
      t.msg('Stress is normal, but long-lasting stress can affect you both. Ask for support early.', {
        id: 'timeline.t2.m2',
        desc: "Key message: the parent's own wellbeing",
      }),
    ],
    checks: [
      {
        name: t.msg('Anomaly scan (18 to 21 weeks)', {
          id: 'timeline.check.anomaly-scan',
          desc: 'A check in pregnancy',
        }),
        at: { week: -22 },
      },
    ],
    ifWorried: t.msg(
      // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
      "Talk to your midwife. If you are pregnant and worried about your baby's movements, bleeding or pain, call maternity triage at once.",
      { id: 'timeline.t2.worried', desc: 'What to do if worried in mid pregnancy' },
    ),
    services: ['maternity-services', 'maternity-triage'],
  },
  {
    id: 'pregnancy-third-trimester',
    from: { week: -13 },
    to: { week: 0 },
    title: t.msg('Pregnancy: week 28 to birth', { id: 'timeline.t3.title', desc: 'Stage title: the third trimester' }),
    summary: t.msg('Your baby recognises your voice and heartbeat, and is getting ready to meet you.', {
      id: 'timeline.t3.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg('Think about how you will feed, hold and comfort your baby, and who will support you in the first weeks.', {
        id: 'timeline.t3.m1',
        desc: 'Key message: preparing for responsive care',
      }),
      t.msg('Many parents feel anxious or low in pregnancy. You are not alone, and help works.', {
        id: 'timeline.t3.m2',
        desc: 'Key message: perinatal mental health',
      }),
    ],
    checks: [
      {
        name: t.msg('Antenatal contact with your health visitor (from 28 weeks)', {
          id: 'timeline.check.antenatal',
          desc: 'A Healthy Child Programme contact in pregnancy',
        }),
        at: { week: -12 },
      },
    ],
    ifWorried: t.msg('Talk to your midwife or health visitor, or your GP. In an emergency call 999.', {
      id: 'timeline.t3.worried',
      desc: 'What to do if worried late in pregnancy',
    }),
    services: ['health-visiting', 'maternity-services', 'perinatal-mental-health'],
    sessionCategories: ['antenatal'],
  },
  {
    id: 'newborn',
    from: { week: 0 },
    to: { week: 2 },
    title: t.msg('Birth and the first two weeks', { id: 'timeline.newborn.title', desc: 'Stage title' }),
    summary: t.msg('Skin to skin, cuddles and feeds: you and your baby are getting to know each other.', {
      id: 'timeline.newborn.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg("You cannot spoil a newborn with love. Answering your baby's cries helps them feel safe.", {
        id: 'timeline.newborn.m1',
        desc: 'Key message: responsive care',
      }),
      t.msg('Rest when you can and accept help. The first weeks are tiring for every parent.', {
        id: 'timeline.newborn.m2',
        desc: "Key message: the parent's own wellbeing",
      }),
    ],
    checks: [
      {
        name: t.msg('Newborn physical examination (within 72 hours)', {
          id: 'timeline.check.newborn-exam',
          desc: 'A check after birth',
        }),
        at: { day: 0 },
      },
      {
        name: t.msg('Blood spot (heel prick) test (around day 5)', {
          id: 'timeline.check.blood-spot',
          desc: 'A check after birth',
        }),
        at: { day: 5 },
      },
      {
        name: t.msg('New birth visit from your health visitor (10 to 14 days)', {
          id: 'timeline.check.new-birth',
          desc: 'A Healthy Child Programme contact',
        }),
        at: { day: 10 },
      },
    ],
    ifWorried: t.msg('Call your midwife or health visitor. If your baby is seriously unwell, call 999.', {
      id: 'timeline.newborn.worried',
      desc: 'What to do if worried after birth',
    }),
    services: ['health-visiting', 'maternity-services'],
    sessionCategories: ['feeding'],
  },
  {
    id: 'early-weeks',
    from: { week: 2 },
    to: { week: 8 },
    title: t.msg('Two to eight weeks', { id: 'timeline.early.title', desc: 'Stage title' }),
    summary: t.msg('Your baby is learning your face and your voice, and watching how you respond.', {
      id: 'timeline.early.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg('Watch for your baby\'s cues: looking at you means "play with me", turning away means "I need a rest".', {
        id: 'timeline.early.m1',
        desc: 'Key message: reading cues, bonding',
      }),
      t.msg(
        // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
        'Feeling low, anxious or not yourself after a birth is common, for mums and dads. Tell your health visitor or GP.',
        { id: 'timeline.early.m2', desc: 'Key message: postnatal mental health' },
      ),
    ],
    checks: [
      {
        name: t.msg('6 to 8 week review with your health visitor', {
          id: 'timeline.check.6-8-week',
          desc: 'A Healthy Child Programme contact',
        }),
        at: { week: 6 },
      },
      {
        name: t.msg('6 to 8 week check for your baby with your GP', {
          id: 'timeline.check.gp-6-8-week',
          desc: 'A check after birth',
        }),
        at: { week: 6 },
      },
    ],
    ifWorried: t.msg('Talk to your health visitor or GP. For urgent advice call 111.', {
      id: 'timeline.early.worried',
      desc: 'What to do if worried in the early weeks',
    }),
    services: ['health-visiting', 'gp', 'dadpad'],
    sessionCategories: ['baby-massage', 'feeding'],
  },
  {
    id: 'two-to-six-months',
    from: { week: 8 },
    to: { month: 6 },
    title: t.msg('Two to six months', { id: 'timeline.2-6m.title', desc: 'Stage title' }),
    summary: t.msg('Smiles, babbles and "conversations": every back-and-forth builds your baby\'s brain.', {
      id: 'timeline.2-6m.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg(
        'When your baby coos and you answer, then wait for their reply, you are building connections in their brain.',
        { id: 'timeline.2-6m.m1', desc: 'Key message: brain development, serve and return' },
      ),
      t.msg('Sharing books, songs and rhymes from the early months helps language and closeness.', {
        id: 'timeline.2-6m.m2',
        desc: 'Key message: bonding and language',
      }),
    ],
    checks: [
      {
        name: t.msg('Vaccinations at 8, 12 and 16 weeks', {
          id: 'timeline.check.vaccinations',
          desc: 'Baby vaccinations',
        }),
        at: { week: 8 },
      },
    ],
    ifWorried: t.msg('Talk to your health visitor, at a clinic or by phone.', {
      id: 'timeline.2-6m.worried',
      desc: 'What to do if worried',
    }),
    services: ['health-visiting'],
    sessionCategories: ['baby-massage', 'baby-booktime', 'babywearing-walk', 'play-and-talk'],
  },
  {
    id: 'six-to-twelve-months',
    from: { month: 6 },
    to: { month: 12 },
    title: t.msg('Six months to one year', { id: 'timeline.6-12m.title', desc: 'Stage title' }),
    summary: t.msg('Your baby explores, and comes back to you for comfort: you are their secure base.', {
      id: 'timeline.6-12m.summary',
      desc: 'Stage summary',
    }),
    messages: [
      t.msg(
        'Being wary of strangers and upset when you leave are signs of a healthy attachment. Goodbyes and hellos help.',
        { id: 'timeline.6-12m.m1', desc: 'Key message: attachment' },
      ),
      t.msg('Trying new foods, sitting and crawling: let your baby explore while you stay close.', {
        id: 'timeline.6-12m.m2',
        desc: 'Key message: responsive care',
      }),
    ],
    checks: [
      {
        name: t.msg('1 year review with your health visitor (9 to 12 months)', {
          id: 'timeline.check.1-year',
          desc: 'A Healthy Child Programme contact',
        }),
        at: { month: 9 },
      },
    ],
    ifWorried: t.msg(
      'Talk to your health visitor or GP about anything that worries you, including how you are feeling.',
      { id: 'timeline.6-12m.worried', desc: 'What to do if worried' },
    ),
    services: ['health-visiting', 'family-hubs'],
    sessionCategories: ['stay-and-play', 'baby-booktime', 'play-and-talk'],
  },
  {
    id: 'one-to-two-years',
    from: { month: 12 },
    to: { month: 24 },
    title: t.msg('One to two years', { id: 'timeline.1-2y.title', desc: 'Stage title' }),
    summary: t.msg(
      'First words, first steps and big feelings: toddlers learn to manage emotions with calm, patient adults.',
      { id: 'timeline.1-2y.summary', desc: 'Stage summary' },
    ),
    messages: [
      t.msg("Tantrums are not naughtiness: naming your child's feelings and staying calm helps them learn to cope.", {
        id: 'timeline.1-2y.m1',
        desc: 'Key message: emotional regulation',
      }),
      t.msg(
        'Play, talk and read together every day. Relationships built now are the basis of good mental health for life.',
        { id: 'timeline.1-2y.m2', desc: 'Key message: lifelong impact' },
      ),
    ],
    checks: [
      {
        name: t.msg('2 to 2½ year review with your health visitor', {
          id: 'timeline.check.2-year',
          desc: 'A Healthy Child Programme contact',
        }),
        at: { month: 24 },
      },
    ],
    ifWorried: t.msg(
      'Talk to your health visitor or GP. They can refer you to specialist help, such as the CAMHS under-5s service.',
      { id: 'timeline.1-2y.worried', desc: 'What to do if worried' },
    ),
    services: ['health-visiting', 'family-hubs', 'camhs-under-5s'],
    sessionCategories: ['stay-and-play', 'play-and-talk'],
  },
];

/**
 * The built-in stages as a feed's translated text: each text keyed by its language (so it carries
 * the right `lang`), in the translator's language and, on a bilingual element, its second language
 * too (shown in both, as a feed's text in two languages is; a text the same in both, once).
 */
export const builtInStages = (t: Translator): TimelineStage[] => {
  const [one, two] = [t, t.also].map((t) => t && defaultStages(t));
  const text = (a?: Text, b?: Text) =>
    a && { [t.locale]: a as string, ...(b && b != a && { [t.also!.locale]: b as string }) };
  return one!.map((s, i) => {
    const o = two?.[i];
    return {
      ...s,
      title: text(s.title, o?.title)!,
      summary: text(s.summary, o?.summary),
      messages: s.messages?.map((m, j) => text(m, o?.messages?.[j])!),
      checks: s.checks?.map((c, j) => ({ ...c, name: text(c.name, o?.checks?.[j].name)! })),
      ifWorried: text(s.ifWorried, o?.ifWorried),
    };
  });
};

// Where a family is in the stages, the summary and the timeline's other words travel with the built-in stages
// (one lazy chunk); the timeline's body (timeline-body.ts) uses them from here.
export { futureBirthText, labels, placing, summary } from './journey-view.js';
export { currentStage, mergeStages } from './stages.js';
export { journey, pointDays } from '../../schedule/journey.js';
