import { expect } from '@open-wc/testing';
import { DRAW, LONG, MIN, MOST, drawNext, drawn } from '../../src/internal/pace.js';
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

  it('a long list past its first part: up to twice what it has, as many as fit in LONG ms, MOST', () => {
    // Its new days are off screen, where the browser lays nothing out (the session list's content-visibility).
    for (let i = 0; i < 60; i++) drawn(1, 8); // 0.125 ms an item
    expect(drawNext(10)).to.equal(10);
    expect(drawNext(40)).to.equal(40);
    // At most MOST, though 128 would fit in LONG: a quick run (cancelled dates) says little of what comes next.
    expect([drawNext(100_000), MOST]).to.deep.equal([80, 8 * DRAW]);
    for (let i = 0; i < 60; i++) drawn(1, 4); // 0.25 ms an item
    expect(drawNext(100_000)).to.equal(LONG / 0.25);
    expect(LONG, 'well inside a task of 50 ms, with room for the frame and collecting garbage').to.be.at.most(20);
    // At a slow pace, no more than the time allows; never fewer than MIN.
    for (let i = 0; i < 60; i++) drawn(8, 4); // 2 ms an item
    expect(drawNext(100)).to.equal(LONG / 2);
    drawn(400, 1);
    expect(drawNext(100)).to.equal(MIN);
  });
});
