import { expect } from '@open-wc/testing';

describe('the test browsers', () => {
  it("run in a time zone far from the feeds' (so device-zone bugs fail tests)", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Pacific/Auckland');
    // Auckland is on summer time when London is not: 13 hours apart on 2026-01-15.
    expect(new Date('2026-01-15T12:00:00Z').getHours()).to.equal(1);
  });
});
