// The demo page's feed checker: the same report as `npx imh-feed validate`, in the browser.
// Feed text is only ever set as textContent. Each check reads the feed afresh, so an editor can fix
// the file and check it again as often as they like.
import { loadFeed } from '../src/feed/index.js';
import { clearFeedCache } from '../src/feed/load.js';
import {
  checkFeedText,
  describeIssue,
  emergencyLine,
  GROUP_HEADINGS,
  GROUPS,
  groupOf,
  keptLine,
  summary,
  visible,
  type FeedReport,
} from '../src/feed/tools.js';

const form = document.querySelector<HTMLFormElement>('#checker')!;
const source = document.querySelector<HTMLTextAreaElement>('#feed-source')!;
const report = document.querySelector<HTMLElement>('#report')!;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

function show(result: FeedReport, name: string) {
  report.replaceChildren();
  report.className = !result.usable ? 'bad' : result.issues.length ? 'warn' : 'ok';
  report.append(el('h3', summary(result, name)));
  // A second check of the same feed gives the same report: the time says it ran again.
  report.append(el('p', `Checked at ${new Date().toLocaleTimeString('en-GB')}.`));
  const emergency = emergencyLine(result);
  if (emergency) {
    const p = el('p');
    p.append(el('strong', emergency));
    report.append(p);
  }
  if (!result.usable) report.append(el('p', result.error?.message));
  else report.append(el('p', keptLine(result)));
  for (const group of GROUPS) {
    const list = result.issues.filter((i) => groupOf(i) == group);
    if (!list.length) continue;
    report.append(el('h4', GROUP_HEADINGS[group]));
    const ul = el('ul');
    for (const issue of list) {
      const li = el('li', describeIssue(issue));
      const path = el('code', visible(issue.path) || '(the feed)');
      li.append(' ', path);
      ul.append(li);
    }
    report.append(ul);
  }
}

/** The check under way: a new one stops it, so two reports never mix. */
let running: AbortController | undefined;

async function check(input: string) {
  running?.abort();
  const controller = (running = new AbortController());
  const value = input.trim();
  if (!value) {
    report.className = 'bad';
    report.replaceChildren(el('p', 'Paste a feed address or its JSON first.'));
    return;
  }
  if (value.startsWith('{') || value.startsWith('[')) return show(checkFeedText(value), 'The pasted feed');
  report.className = '';
  report.replaceChildren(el('p', `Checking ${value}…`));
  // Fetched the way a page fetches it (same timeout, size cap and errors), but never the copy this
  // page already loaded nor the browser's cached one: after a fix, the check reads the fixed file.
  clearFeedCache();
  let text: string | undefined;
  let result: FeedReport;
  try {
    await loadFeed(value, {
      useStoredCopy: false,
      signal: controller.signal,
      fetch: async (url, init) => {
        const response = await fetch(url, { ...init, cache: 'no-store' });
        if (response.ok) text = await response.clone().text();
        return response;
      },
    });
    result = checkFeedText(text ?? '', value);
  } catch (error) {
    if (controller.signal.aborted) return;
    const e = error as Error & { issues?: [] };
    result =
      text !== undefined && e.name == 'FeedParseError'
        ? checkFeedText(text, value)
        : { usable: false, error: e as FeedReport['error'], issues: e.issues ?? [], counts: {} };
  }
  if (controller.signal.aborted) return;
  show(result, value);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void check(source.value);
});
document.querySelector('#use-example')!.addEventListener('click', () => {
  source.value = new URL(
    document.querySelector('meta[name=imh-feed]')?.getAttribute('content') ?? '/example-feed.json',
    location.href,
  ).href;
  void check(source.value);
});
