import { expect } from '@open-wc/testing';
import { drain, sliced } from '../../src/feed/slices.js';

function* count(n: number, spin = 0) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const end = performance.now() + spin;
    while (performance.now() < end) {
      // busy: a unit of work that takes `spin` ms
    }
    total += i;
    yield;
  }
  return total;
}

describe('sliced', () => {
  it('returns the value at once when the work is short', () => {
    expect(sliced(count(10))).to.equal(45);
  });

  it('carries on in later tasks when the work is long, and gets the same value', async () => {
    const result = sliced(count(20, 2), 5);
    expect(result).to.be.instanceOf(Promise);
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true));
    expect(await result).to.equal(190);
    expect(otherTaskRan).to.equal(true); // the page got a turn in between
  });

  it('passes on an error thrown part-way', async () => {
    function* failing() {
      yield;
      throw new Error('bad item');
    }
    expect(() => sliced(failing())).to.throw('bad item');
    function* slowFailing() {
      const end = performance.now() + 20;
      while (performance.now() < end) yield;
      throw new Error('late');
    }
    let caught: unknown;
    await (sliced(slowFailing(), 1) as Promise<never>).catch((e) => (caught = e));
    expect((caught as Error).message).to.equal('late');
  });

  it('drain runs everything in one go', () => {
    expect(drain(count(5))).to.equal(10);
  });
});
