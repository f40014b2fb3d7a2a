// "Print for a family" (issue 15): the sheet of services the support list prints, opened here with
// what that list gives it (a page of its own: the family sheet's code is imported, not loaded on use).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html as litHtml, render } from 'lit';
import '../../src/components/session-list/session-list.js';
import { openSheet } from '../../src/components/family-sheet/family-sheet.js';
import type { Feed } from '../../src/feed/types.js';
import { both } from '../../src/internal/feed-text.js';
import { Translator } from '../../src/internal/localize.js';
import { wallClock } from '../../src/schedule/civil.js';
import { exampleFeed } from '../fixtures/example.js';
import { list, MONDAY, printed, sheet, textOf } from '../fixtures/family-sheet.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

describe('Print for a family: a sheet of services', () => {
  expectQuietConsole();
  afterEach(() => {
    dispatchEvent(new Event('pointerdown'));
  });

  // First in this file: the services' code is loaded when a sheet of services first opens.
  it('its code fails to load: opening fails with an ImhLoadError naming the file; then it opens', async () => {
    const el = await list();
    const feed = (await exampleFeed()) as Feed;
    const input = {
      t: new Translator('en-GB'),
      feed,
      services: feed.services,
      shown: 1,
      today: wallClock(new Date(MONDAY + 'Z'), feed.timeZone).day,
      lit: { html: litHtml, render, both },
    };
    await executeServerCommand('imh-fail-requests', { pattern: 'family-sheet/services' });
    let error: Error | undefined;
    try {
      await openSheet(el, input).catch((e: Error) => (error = e));
    } finally {
      await executeServerCommand('imh-fail-requests', {});
    }
    expect(error?.name).to.equal('ImhLoadError');
    expect((error as Error & { file: string }).file).to.contain('services');
    expect(el.shadowRoot!.querySelector('dialog[open]')).to.equal(null);
    await openSheet(el, input);
    await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'the dialog did not open');
    el.shadowRoot!.querySelector('dialog')!.close();
  });

  // The support list's sheet of services (opened here with what that list gives it).
  it('a sheet of services: "Textphone (relay) 18001 111" said once; the QR caption is not about dates', async () => {
    const el = await list();
    const feed = (await exampleFeed()) as Feed;
    const t = new Translator('en-GB');
    const today = wallClock(new Date(MONDAY + 'Z'), feed.timeZone).day;
    await openSheet(el, { t, feed, services: feed.services, shown: 1, today, lit: { html: litHtml, render, both } });
    await printed(el, (dialog) => {
      for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
        if (!box.checked) box.click();
    });
    const lines = [...sheet()!.querySelectorAll('.card p')].map(textOf);
    expect(lines).to.include('Textphone (relay) 18001 111');
    expect(lines.join('\n')).not.to.match(/Textphone 18001 111|\(Textphone/);
    expect(lines).to.include('Phone 111');
    expect(textOf(sheet()!.querySelector('figcaption'))).to.match(
      /^Scan with a phone camera for the latest information: http/,
    );
  });

  // The feed gives the note only in English: the sheet's Welsh word for the channel is not said beside it.
  it('a Welsh sheet of services: "Textphone (relay) 18001 111", its note only in English, said once', async () => {
    const el = await list();
    const feed = (await exampleFeed()) as Feed;
    const t = new Translator('en-GB');
    const today = wallClock(new Date(MONDAY + 'Z'), feed.timeZone).day;
    await openSheet(el, { t, feed, services: feed.services, shown: 1, today, lit: { html: litHtml, render, both } });
    await printed(el, (dialog) => {
      const select = dialog.querySelector('select')!;
      select.value = 'cy';
      select.dispatchEvent(new Event('change'));
      for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
        if (!box.checked) box.click();
    });
    expect(sheet()!.getAttribute('lang')).to.equal('cy');
    const lines = [...sheet()!.querySelectorAll('.card p')].map(textOf);
    expect(lines).to.include('Textphone (relay) 18001 111');
    expect(lines.join('\n')).not.to.match(/Ffôn testun 18001 111|\(Textphone/);
    // The Welsh word where no note names the channel.
    expect(lines).to.include('Ffôn 111');
  });
});
