/**
 * One support service as a card, following the NHS care-card pattern for urgency. Shared by
 * <imh-support-card> and <imh-support-list> (and the timeline's compact cards).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ImhSupportActionEvent } from '../../events/support-action.js';
import { formatPhone } from '../../feed/phone.js';
import { safeUrl } from '../../feed/url.js';
import type { Service } from '../../feed/types.js';
import { both, breakable, feedString, feedText, isolate, named } from '../../internal/feed-text.js';
import {
  formatDay,
  formatLanguage,
  formatList,
  formatTime,
  formatWeekday,
  labelList as labels,
} from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { audienceLabel, freeLabel, referrerLabel, stageLabel } from '../../internal/labels.js';
import { str, Translator } from '../../internal/localize.js';
import { parseDay, wallClock, weekday } from '../../schedule/civil.js';
import { openState } from '../../schedule/hours.js';

export interface CardContext {
  /** The element's translator (its locale is the card's). */
  t: Translator;
  feedLanguage: string;
  timeZone: string;
  level: number;
  now: Date;
  /** Only the summary, opening hours and contact actions (the timeline's cards). */
  compact?: boolean;
  /** The element: it fires `imh-support-action` when a contact action is used. */
  host: EventTarget;
  /** The Share button (the `share` attribute), where the element has one. */
  share?: (service: Service) => unknown;
}

/** "17:00" in the locale's style, for a wall-clock time in minutes from midnight (1440: midnight, the day's end). */
const clock = (minutes: number, t: Translator) =>
  minutes == 1440
    ? t.msg('midnight', { id: 'card.midnight', desc: 'A closing time of 24:00, in "closes at midnight"' })
    : isolate(formatTime(minutes * 60_000, t.locale, 'UTC'), t.locale);

const weekdayName = (day: number, locale: string) => formatWeekday(weekday(day), locale);

/** "Open now, closes at 17:00", "Open now, closes tomorrow at 02:00", "Closed now, opens Monday at 09:00". */
function openLine(s: Service, c: CardContext, t: Translator): string {
  const state = openState(s.hours!, c.now, c.timeZone);
  const today = wallClock(c.now, c.timeZone).day;
  if (state.open && state.always)
    return t.msg('Open 24 hours, every day', {
      id: 'card.always-open',
      desc: 'Opening hours of a service that never closes',
    });
  if (state.open) {
    const time = clock(state.closes, t);
    return state.day == today
      ? t.msg(str`Open now, closes at ${time}`, {
          id: 'card.open-closes',
          desc: 'Live opening state; the placeholder is a time like 17:00 or "midnight"',
        })
      : state.day == today + 1
        ? t.msg(str`Open now, closes tomorrow at ${time}`, {
            id: 'card.open-closes-tomorrow',
            desc: 'Live opening state of a service open past midnight; the placeholder is a time like 02:00',
          })
        : t.msg(str`Open now, closes ${weekdayName(state.day, t.locale)} at ${time}`, {
            id: 'card.open-closes-day',
            desc: 'Live opening state; placeholders: a weekday and a time',
          });
  }
  if (state.day === undefined) return '';
  const time = clock(state.opens!, t);
  return state.day == today
    ? t.msg(str`Closed now, opens at ${time}`, {
        id: 'card.closed-opens',
        desc: 'Live opening state; the placeholder is a time like 09:00',
      })
    : state.day == today + 1
      ? t.msg(str`Closed now, opens tomorrow at ${time}`, {
          id: 'card.closed-opens-tomorrow',
          desc: 'Live opening state; the placeholder is a time',
        })
      : t.msg(str`Closed now, opens ${weekdayName(state.day, t.locale)} at ${time}`, {
          id: 'card.closed-opens-day',
          desc: 'Live opening state; placeholders: a weekday and a time',
        });
}

/** The hidden prefix screen readers hear before the name, as on NHS care cards. */
const prefix = (t: Translator, u: string) =>
  u == 'emergency'
    ? t.msg('Immediate action required:', {
        id: 'card.prefix.emergency',
        desc: 'Hidden text read before the name of an emergency service',
      })
    : u == 'urgent'
      ? t.msg('Urgent advice:', {
          id: 'card.prefix.urgent',
          desc: 'Hidden text read before the name of an urgent service',
        })
      : t.msg('Non-urgent advice:', {
          id: 'card.prefix.routine',
          desc: 'Hidden text read before the name of a routine service',
        });

export function serviceCard(s: Service, c: CardContext, body?: TemplateResult): TemplateResult {
  const { t, feedLanguage: lang } = c;
  const { locale } = t;
  const text = (value: Service['summary']) => feedText(value, locale, lang, t.also?.locale);
  const urgency = s.urgency ?? 'routine';
  const id = `card-${s.id}`;
  const act = (action: string) => () => c.host.dispatchEvent(new ImhSupportActionEvent({ service: s.id, action }));
  const link = (href: string | undefined, words: unknown, action: string, cls = '') =>
    href ? html`<li><a part="link action" class=${cls} href=${href} @click=${act(action)}>${words}</a></li>` : nothing;
  const phones = s.contact?.phones ?? [];
  const referral = s.referral;
  const by = referral?.by?.filter((r) => r != 'self');
  const languages = s.languages?.length
    ? formatList(
        s.languages.map((l) => formatLanguage(l, locale)),
        locale,
      )
    : '';
  const open = s.hours?.length ? both(t, (t) => openLine(s, c, t)) : '';
  const fact = (label: (t: Translator) => string, value: unknown) =>
    value ? html`<div><dt>${both(t, label)}</dt><dd>${value}</dd></div>` : nothing;
  const call999 = () =>
    both(t, (t) => t.msg('Call 999 now', { id: 'card.call-999', desc: 'The first line of an emergency card' }));
  const callNumber = (display: string, t: Translator) =>
    t.msg(str`Call ${display}`, {
      id: 'card.call',
      desc: 'Link that calls a number; the placeholder is a phone number',
    });
  const note = (value: Service['summary']) => html` <span class="note">(${text(value)})</span>`;
  // Urgent and emergency help leads with its action, large, before any detail (as NHS care cards do).
  const urgent = urgency != 'routine';
  const lead = urgent ? phones.find((p) => !p.kind || p.kind == 'voice') : undefined;
  const leadNumber = lead && formatPhone(lead.number);
  const leadWords =
    urgency == 'emergency' && lead?.number.trim() == '999'
      ? call999()
      : leadNumber && both(t, (t) => callNumber(isolate(leadNumber.display, t.locale), t));
  const leadAction = lead
    ? html`<p class="lead"><a part="link action" class="now" href=${leadNumber!.tel} @click=${act('call')}
          >${leadWords}</a
        >${lead.note ? note(lead.note) : nothing}</p>`
    : urgency == 'emergency'
      ? html`<p class="lead now"><strong>${call999()}</strong></p>`
      : nothing;
  const phone = (p: (typeof phones)[number]) => {
    const { tel, display: shown } = formatPhone(p.number);
    // The number keeps its digits' order in a right-to-left sentence ("Call 116 123").
    const display = isolate(shown, locale);
    const action = p.kind == 'text' || p.kind == 'textphone' ? p.kind : 'call';
    const href = action == 'text' ? 'sms' + tel.slice(3) : tel;
    const say = (t: Translator) =>
      action == 'text'
        ? t.msg(str`Text ${display}`, {
            id: 'card.text',
            desc: 'Link that starts a text message; the placeholder is a number',
          })
        : action == 'textphone'
          ? t.msg(str`Textphone ${display}`, { id: 'card.textphone', desc: 'Link to a textphone number' })
          : callNumber(display, t);
    // A note that already names the way to use the number ("Textphone (relay)") takes the place of that
    // word, so the link says it once: "Textphone (relay) 18001 111", not "Textphone 18001 111 (Textphone (relay))".
    // The word is looked for, whole, in the element's language, and for a textphone in English too (a note
    // the feed gives only in English): "Texts cost your usual rate" does not take the place of "Text".
    const said = feedString(p.note, locale, lang).toLowerCase();
    const names = (t: Translator) => {
      const word = say(t).replace(display, '').trim().toLowerCase();
      return said.startsWith(word) && !/\p{L}/u.test(said.charAt(word.length));
    };
    return link(
      href,
      said && (names(t) || (action == 'textphone' && names(new Translator())))
        ? html`${text(p.note)} ${display}`
        : html`${both(t, say)}${p.note ? note(p.note) : nothing}`,
      action,
      action == 'call' ? action : '',
    );
  };
  const email = s.contact?.email ?? '';
  // The address reads left to right, and may break after "@" or before a dot (an element isolates it:
  // Firefox ends an isolate made of FSI…PDI characters at a <wbr>); the words around it as translated.
  // A bilingual card writes the address once, after the word "Email" in both languages.
  const address = html`<bdi dir="ltr">${breakable(email)}</bdi>`;
  const [before, after] = t
    .msg(str`Email ${email}`, { id: 'card.email', desc: 'Link that writes an email; the placeholder is an address' })
    .split(email);
  const actionList = html`<ul class="actions">
    ${phones.filter((p) => p != lead).map(phone)}
    ${link(
      email && `mailto:${email}`,
      t.also
        ? html`${both(t, (t) =>
            t.msg('Email', {
              id: 'card.email-word',
              // eslint-disable-next-line max-len -- a description is one literal, whole, for lit-localize
              desc: 'On a card in two languages, the word before an email address link. The address is written once, after this word in both languages, so the word comes first even where "Email {address}" (card.email) puts the address first: translate it as a label that reads well before an address (a word, not a sentence)',
            }),
          )}
          ${address}`
        : html`${before}${address}${after}`,
      'email',
    )}
    ${link(
      safeUrl(s.contact?.url),
      // Its accessible name starts with the visible word (WCAG 2.5.3) and names the service (2.4.4),
      // in each language on a bilingual card.
      named(
        t,
        (t) => t.msg('Website', { id: 'card.website', desc: "Link to a service's website" }),
        // The name in its own language (an English name on a Welsh card is read in English).
        (t) => {
          const service = '\0'; // where the name goes
          const [before, after] = t
            .msg(str`: ${service}`, {
              id: 'card.website-for',
              desc: 'Hidden text after "Website" (card.website) for screen readers; the placeholder is a service name',
            })
            .split(service);
          return html`${before}${feedText(s.name, t.locale, lang)}${after}`;
        },
      ),
      'website',
    )}
    ${link(
      safeUrl(s.apps?.ios),
      both(t, (t) =>
        t.msg('Download on the App Store', { id: 'card.ios', desc: "Link to an app on Apple's App Store" }),
      ),
      'ios',
    )}
    ${link(
      safeUrl(s.apps?.android),
      both(t, (t) => t.msg('Get it on Google Play', { id: 'card.android', desc: 'Link to an app on Google Play' })),
      'android',
    )}
  </ul>`;
  const name = html`<span class="visually-hidden">${prefix(t, urgency)} </span>${text(s.name)}`;
  const badge = both(t, (t) =>
    urgency == 'urgent'
      ? t.msg('Urgent', { id: 'card.badge.urgent', desc: 'Visible label on an urgent service card' })
      : t.msg('Emergency', { id: 'card.badge.emergency', desc: 'Visible label on an emergency card' }),
  );
  const refer = both(t, (t) =>
    referral?.self
      ? t.msg('You can refer yourself.', { id: 'card.self-referral', desc: 'A service that takes self-referrals' })
      : by?.length
        ? t.msg(
            str`Ask your ${formatList(
              by.map((r) => referrerLabel(t, r)),
              t.locale,
              'disjunction',
            )} to refer you.`,
            {
              id: 'card.referred-by',
              desc: 'Who can refer; the placeholder is a list like "GP, health visitor or midwife"',
            },
          )
        : '',
  );
  const who = labels(s.audience, audienceLabel);
  const stages = labels(s.stages, stageLabel);
  const full = html`${fact(
    (t) => t.msg('For', { id: 'card.for', desc: 'Label: who a service is for' }),
    who(t) && both(t, who),
  )}
    ${fact(
      (t) =>
        t.msg('Stage', {
          id: 'card.stages',
          desc: 'Label: the stages a service is for, like "pregnancy and babies under 1"',
        }),
      stages(t) && both(t, stages),
    )}
    ${fact(
      (t) => t.msg('Who can use it', { id: 'card.eligibility', desc: 'Label: eligibility criteria' }),
      s.eligibility && text(s.eligibility),
    )}
    ${
      referral
        ? fact(
            (t) => t.msg('How to get it', { id: 'card.access', desc: 'Label: how to access a service (referral)' }),
            // The feed's note on a line of its own: on a card in two languages, the second language's
            // sentence and a note in that language never interleave when they wrap (two English runs
            // in an Urdu line).
            html`${refer} ${referral.how ? html`<br />${text(referral.how)}` : nothing}`,
          )
        : nothing
    }`;
  // The note on the hours shows also where there are none (or they were ignored, with a warning).
  const hours =
    (open || s.hoursNote) &&
    html`${open && html`<span class="open">${open}</span>${s.hoursNote ? ' · ' : ''}`}${text(s.hoursNote)}`;
  const cost =
    s.cost && html`${s.cost.free ? both(t, freeLabel) : nothing}${s.cost.note ? html` ${text(s.cost.note)}` : nothing}`;
  const checked =
    s.reviewed &&
    both(t, (t) => {
      const day = formatDay(parseDay(s.reviewed!), t.locale, { day: 'numeric', month: 'long', year: 'numeric' });
      return t.msg(str`Information checked on ${day}`, {
        id: 'card.reviewed',
        desc: 'When the information was last checked; the placeholder is a date',
      });
    });
  return html`<article part="card" class="card ${urgency}" aria-labelledby=${id}>
    <div class="band">
      ${heading(c.level, name, 'heading', id)}
      ${urgent ? html`<span part="badge" class="badge" aria-hidden="true">${badge}</span>` : nothing}
    </div>
    <div class="body">
      ${leadAction} ${body ?? (s.summary ? html`<p class="summary">${text(s.summary)}</p>` : nothing)}
      ${urgent ? actionList : nothing}
      <dl class="facts">
        ${c.compact ? nothing : full}
        ${fact((t) => t.msg('Opening hours', { id: 'card.hours', desc: 'Label: opening hours' }), hours)}
        ${
          c.compact
            ? nothing
            : html`${fact(
                (t) =>
                  t.msg('Languages', { id: 'card.languages', desc: 'Label: the languages a service is offered in' }),
                languages,
              )}
              ${fact((t) => t.msg('Cost', { id: 'card.cost', desc: 'Label: what a service costs' }), cost)}`
        }
      </dl>
      ${urgent ? nothing : actionList}
      ${
        checked
          ? html`<p class="reviewed">
            ${checked}
          </p>`
          : nothing
      }
      ${c.share?.(s)}
    </div>
  </article>`;
}
