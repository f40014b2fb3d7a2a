import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { bundlePage } from './fixtures/bundle-page.js';

// Issue 13 item 3: a site that uploaded only dist/imh-widgets.js, without the files beside it
// (the test server answers 404 for every other file in dist/). An English page shows what it
// needs without them but for the timeline's and the session list's bodies, which load only on pages
// with one (issue 14); what needs a missing file shows the page's fallback content, never a
// placeholder for ever, with one console line and an imh-load-error event naming the file.
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the script-tag file uploaded alone (built bundle)', () => {
  afterEach(() => executeServerCommand('imh-fail-requests', {}));

  it('cards and lists work; the timeline and session list show their fallback, name the files; Try again', async () => {
    await executeServerCommand('imh-fail-requests', { alone: '/dist/imh-widgets.js' });
    const here = location.origin;
    const { frame, doc, loadErrors, warnings } = await bundlePage({
      width: '800px',
      head: `<meta name="imh-feed" content="${here}/public/example-feed.json">`,
      body: `
        <imh-session-list now="2026-11-23T08:00"><a href="https://example.org/whats-on">What's on</a></imh-session-list>
        <imh-support-card service="nhs-111"><a href="https://111.nhs.uk/">NHS 111</a></imh-support-card>
        <imh-support-list></imh-support-list>
        <imh-first-1001-days-timeline birth-date="2026-09-01" now="2026-11-23">
          <a href="https://example.org/1001-days">The first 1001 days</a>
        </imh-first-1001-days-timeline>`,
    });
    const $ = (tag: string, sel: string) => doc.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(sel);
    const options = { timeout: 15_000 };
    await waitUntil(() => $('imh-support-card', '[part~=card]'), 'the support card did not render', options);
    await waitUntil(() => $('imh-support-list', '[part~=item]'), 'the support list did not render', options);
    // Three files this page needs are missing: the built-in timeline's, the session list's body (its
    // sessions drawn by day, issue 14) and the saved-copy code (loaded after a feed shows, to
    // save it; each element that reads the feed says so).
    const files = () => [...new Set(loadErrors)].sort();
    await waitUntil(
      () => files().length == 3,
      'no imh-load-error for the timeline, the list and the saved copy',
      options,
    );
    for (const tag of ['imh-first-1001-days-timeline', 'imh-session-list']) {
      await waitUntil(() => !$(tag, '.placeholder'), `${tag} kept its placeholder`);
      expect($(tag, '[part=fallback]')!.hidden, `${tag}'s fallback`).to.equal(false);
      expect(textOf($(tag, '[part=status]'))).to.equal('This information could not be loaded just now. Try again');
    }
    for (const tag of ['imh-support-card', 'imh-support-list'])
      expect($(tag, '.placeholder'), `${tag} shows a placeholder`).to.equal(null);
    expect(files()[0]).to.match(/\/dist\/imh-widgets-default-timeline-[\w-]+\.js/);
    expect(files()[1]).to.match(/\/dist\/imh-widgets-session-list-body-[\w-]+\.js/);
    expect(files()[2]).to.match(/\/dist\/imh-widgets-store-[\w-]+\.js/);
    expect(loadErrors.filter((f) => f == files()[0])).to.have.length(1);
    expect(loadErrors.filter((f) => f == files()[1])).to.have.length(1);
    // One console line per missing file.
    expect(warnings).to.have.length(3);
    for (const file of files())
      expect(warnings.filter((w) => w.includes(file) && w.includes('beside the script'))).to.have.length(1);

    // The missing files uploaded: Try again shows the timeline and the sessions.
    await executeServerCommand('imh-fail-requests', {});
    for (const tag of ['imh-first-1001-days-timeline', 'imh-session-list'])
      [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=notice] button')][0].click();
    await waitUntil(() => $('imh-first-1001-days-timeline', '[part~=stage]'), 'the timeline did not load', options);
    await waitUntil(() => $('imh-session-list', '[part~=item]'), 'the session list did not load', options);
    for (const tag of ['imh-first-1001-days-timeline', 'imh-session-list'])
      expect($(tag, '[part=fallback]')!.hidden, `${tag}'s fallback`).to.equal(true);
    frame.remove();
  });
});
