// @ts-check
/**
 * For `npm run size`: a built file's code with the content hash in every sibling file's name written
 * as zeros (`./imh-labels-Be0--ZSM.js` becomes `./imh-labels-00000000.js`), the same length.
 *
 * A hash is random text, which compresses by a different amount for every hash: the same code built
 * after an unrelated change to a lazy file (new hashes in the names it is imported by) measured up
 * to 0.09 KiB apart, enough to fail a size ceiling or pass it by luck. With the hashes as zeros, a
 * figure moves with the code alone. It is smaller than the shipped file by what the hashes' random
 * characters cost (about 6 bytes a name), which the ceilings were lowered by when this came in.
 * @param {string} code a built file's code
 * @param {Iterable<string>} files the names of the files built with it; a hashed name ends in `-`,
 *   the 8-character hash (letters, digits, `_`, `-`) and `.js`, as Rolldown's `[name]-[hash].js` writes (the
 *   builds' names without a hash, `imh-widgets.js`, `imh-autoloader.js` and the locale files, have no such end)
 * @returns {string}
 */
export function zeroHashes(code, files) {
  for (const file of files) {
    const name = file.replace(/^.*\//, '');
    const hashed = /^(.+-)[\w-]{8}\.js$/.exec(name);
    if (hashed) code = code.replaceAll(name, `${hashed[1]}00000000.js`);
  }
  return code;
}
