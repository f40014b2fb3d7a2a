// The demo page's feed checker: the same report as `npx imh-feed validate`, in the browser.
// Feed text is only ever set as textContent.
import { loadFeed } from '../src/feed/load.js';
import { checkFeedText, formatIssue, type FeedReport } from '../src/feed/tools.js';

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
  const errors = result.issues.filter((i) => i.severity == 'error');
  const warnings = result.issues.filter((i) => i.severity == 'warning');
  report.className = !result.usable ? 'bad' : result.issues.length ? 'warn' : 'ok';
  const heading = el('h3');
  heading.textContent = !result.usable
    ? `${name} cannot be used`
    : result.issues.length
      ? `${name} is usable, with ${errors.length} item(s) skipped and ${warnings.length} value(s) ignored`
      : `${name} is valid`;
  report.append(heading);
  if (!result.usable) report.append(el('p', result.error?.message));
  else {
    const kept = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    report.append(el('p', `Kept: ${kept}.`));
  }
  for (const [title, list] of [
    ['Skipped (the whole item is left out)', errors],
    ['Ignored (only this value is left out)', warnings],
  ] as const) {
    if (!list.length) continue;
    report.append(el('h4', title));
    const ul = el('ul');
    for (const issue of list) ul.append(el('li', formatIssue(issue)));
    report.append(ul);
  }
}

async function check(input: string) {
  const value = input.trim();
  if (!value) {
    report.className = 'bad';
    report.replaceChildren(el('p', 'Paste a feed address or its JSON first.'));
    return;
  }
  if (value.startsWith('{') || value.startsWith('[')) return show(checkFeedText(value), 'The pasted feed');
  let text: string | undefined;
  try {
    await loadFeed(value, {
      useStoredCopy: false,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (response.ok) text = await response.clone().text();
        return response;
      },
    });
    show(checkFeedText(text!, value), value);
  } catch (error) {
    const e = error as Error & { issues?: [] };
    show(
      text !== undefined && e.name == 'FeedParseError'
        ? checkFeedText(text, value)
        : { usable: false, error: e, issues: e.issues ?? [], counts: {} },
      value,
    );
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void check(source.value);
});
document.querySelector('#use-example')!.addEventListener('click', () => {
  source.value = new URL('/example-feed.json', location.href).href;
  void check(source.value);
});
