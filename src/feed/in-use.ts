/**
 * The saved copies this page's feed loads have asked for and not given up, named `${part} ${url}` (a
 * copy's key in `store.ts` less its prefix), once per caller: `loadFeed` adds each as soon as it is
 * asked for that feed and part (an element starting to load it), before its feed has arrived and
 * before the saved-copy code is here, and takes it out again when that caller aborts before its
 * load settles (the element removed, or its `feed` changed); it hands them to `saveFeed`, which
 * never evicts one of them (nor a copy read or saved here) to keep another: one page's feeds never
 * evict each other's only copy (issue 12), and a load given up before it settles keeps nothing (a
 * copy saved after that is not kept from eviction either: `saveFeed`).
 * Not in `store.ts`, a chunk loaded only once a feed has been read, nor imported by it (a value
 * shared with a chunk costs the script-tag bundle an export); `forgetFeed()` (the package's)
 * empties it with the copies.
 */
export const asked: string[] = [];
