import { expect } from '@open-wc/testing';
import { ImhLoadError } from '../../src/events/load-error.js';
import { lazy } from '../../src/internal/lazy.js';

const FIXTURES = new URL('../fixtures/lazy/', import.meta.url).href;
type Which = { which: string };

/**
 * A module whose first load fails as WebKit says it ("Importing a module script failed.", with no
 * address), after the page fetched `fetched`: the address lazy() finds for it is the one it asks for
 * again, under a fresh query.
 */
async function failOnceUnnamed(file: string, ...fetched: string[]) {
  for (const name of fetched) await import(/* @vite-ignore */ `${FIXTURES}${name}`);
  const get = lazy<Which>(`the ${file} code`, file, () =>
    Promise.reject(new TypeError('Importing a module script failed.')),
  );
  const error = await get().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(ImhLoadError);
  return { error: error as ImhLoadError, retried: () => get() };
}

describe('lazy: a failed module the browser does not name', () => {
  it('is named by the file the page fetched for it, and that file is asked for again', async () => {
    const { error, retried } = await failOnceUnnamed('locales/cy.ui.js', 'cy.ui.js');
    expect(error.file).to.equal(`${FIXTURES}cy.ui.js`);
    expect((await retried()).which).to.equal('cy.ui');
  });

  it('is never taken for a module whose name only holds its own (jsonld in jsonld-block)', async () => {
    // The jsonld module was fetched before the jsonld-block one, so the block is the page's last script
    // whose name holds "jsonld"; a build's hash may hold "-" (Bs-hbiuU).
    const jsonld = await failOnceUnnamed(
      'jsonld',
      'imh-widgets-jsonld-Bs-hbiuU.js',
      'imh-widgets-jsonld-block-DmOXrKNw.js',
    );
    expect(jsonld.error.file).to.equal(`${FIXTURES}imh-widgets-jsonld-Bs-hbiuU.js`);
    expect((await jsonld.retried()).which).to.equal('jsonld');
    const block = await failOnceUnnamed('jsonld-block');
    expect(block.error.file).to.equal(`${FIXTURES}imh-widgets-jsonld-block-DmOXrKNw.js`);
    expect((await block.retried()).which).to.equal('jsonld-block');
  });

  it('is named by its own name when the page fetched nothing like it', async () => {
    const { error } = await failOnceUnnamed('no-such-module.js');
    expect(error.file).to.equal('no-such-module.js');
  });
});
