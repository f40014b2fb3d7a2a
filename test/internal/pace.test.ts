import { expect } from '@open-wc/testing';
import { DRAW, MIN, MOST, drawNext, drawn } from '../../src/internal/pace.js';
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

  it("a long session list's later parts: as many as it has (ten at least) and fit in a slice, at most MOST", () => {
    // Issue 14: every date of 500 series came ten sessions a frame (267 frames). Its days off screen are
    // neither laid out nor painted, so a part may pass DRAW; not a slice, though (the pauses of the garbage
    // collector, 20-30 ms in Chromium, then made tasks of over 50 ms).
    for (let i = 0; i < 60; i++) drawn(SLICE / 32.5, 1);
    // Its first part, and every part of a shorter list: at most ten.
    expect(drawNext()).to.equal(DRAW);
    expect(drawNext(0)).to.equal(DRAW);
    // Then ten, or twice what it has, while that fits in a slice; then as many as fit.
    expect([4, 10, 20, 40, 72].map(drawNext)).to.deep.equal([10, 10, 20, 32, 32]);
    // A quick run (cancelled dates, a line each): never more than MOST at once.
    for (let i = 0; i < 60; i++) drawn(0.01, 1);
    expect(drawNext(400)).to.equal(MOST);
    // A slow phone: four, as before.
    for (let i = 0; i < 60; i++) drawn(4, 1);
    expect(drawNext(400)).to.equal(MIN);
  });
});
