import { expect } from '@open-wc/testing';
import { DRAW, MIN, drawNext, drawn } from '../../src/internal/pace.js';
import { SLICE } from '../../src/feed/slices.js';

// Its own file: the pace is one for the page, from its first list on.
describe('the pace of long lists (session list, support list)', () => {
  it("draws as many items an update as the last updates' pace fits in a slice: four to ten", () => {
    expect([MIN, DRAW]).to.deep.equal([4, 10]);
    // A page's first list, before anything is measured: four (its code not yet compiled).
    expect(drawNext()).to.equal(4);
    // Slow updates (a cold page, an old phone): four at a time, never fewer.
    drawn(40, 4);
    expect(drawNext()).to.equal(MIN);
    drawn(200, 1);
    expect(drawNext()).to.equal(MIN);
    // Faster updates draw more: a session in a little under a sixth of a slice, six.
    for (let i = 0; i < 12; i++) drawn((6 * SLICE) / 6.5, 6);
    expect(drawNext()).to.equal(6);
    // An update that drew nothing new says nothing of the pace.
    drawn(500, 0);
    drawn(500, -3);
    expect(drawNext()).to.equal(6);
    // Fast updates: ten at once, never more.
    for (let i = 0; i < 12; i++) drawn(1, 10);
    expect(drawNext()).to.equal(DRAW);
  });
});
