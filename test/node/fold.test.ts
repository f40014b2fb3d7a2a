import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../../src/internal/fold.js';

test('search text ignores case and accents in Latin and Arabic script', () => {
  assert.equal(fold('Café Côté'), 'cafe cote');
  assert.equal(fold('Łódź', 'pl'), 'lodz');
  assert.equal(fold('Ŵyr a Ŷd', 'cy'), 'wyr a yd');
  assert.equal(fold('Șezătoare', 'ro'), 'sezatoare');
  assert.equal(fold('Mäßage'), 'massage');
  assert.equal(fold('مَرْكَز', 'ar'), 'مركز'); // short vowels dropped
});

test("keeps other scripts' vowel signs, which are letters of the word", () => {
  assert.equal(fold('কি', 'bn'), 'কি');
  assert.equal(fold('ਕੀ', 'pa'), 'ਕੀ');
  assert.notEqual(fold('কি', 'bn'), fold('ক', 'bn'));
});
