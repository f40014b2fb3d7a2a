/**
 * A built file's code with the content hash in each hashed sibling's name (`imh-labels-Be0--ZSM.js`)
 * written as zeros, the same length, so `npm run size` measures code, not random hashes.
 */
export declare function zeroHashes(code: string, files: Iterable<string>): string;
