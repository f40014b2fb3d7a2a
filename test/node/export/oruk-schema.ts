/**
 * The vendored Open Referral schemas (test/node/fixtures/oruk-schema/) as Ajv validators: the UK
 * profile's fully nested service, and HSDS 3.0's, for the base fields the exporter also writes.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../fixtures/oruk-schema/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, dir), 'utf8'));

/** Frictionless Data annotations in the Open Referral files: not JSON Schema keywords, so declared. */
const ANNOTATIONS = [
  'name',
  'constraints',
  'example',
  'core',
  'path',
  'datapackage_metadata',
  'datapackage_type',
  'tabular_required',
];

const ajv = () => {
  const a = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(a);
  a.addVocabulary(ANNOTATIONS);
  return a;
};

/** The UK profile's service (schema/compiled/service.json). */
export const ukService: ValidateFunction = ajv().compile(read('uk-profile/service.json'));

/** HSDS 3.0's service, with every table it refers to added under its file name. */
export const hsdsService: ValidateFunction = (() => {
  const a = ajv();
  for (const file of readdirSync(new URL('hsds-3.0/', dir)).filter((f) => f.endsWith('.json'))) {
    if (file != 'service.json') a.addSchema(read(`hsds-3.0/${file}`), file);
  }
  return a.compile({ ...read('hsds-3.0/service.json'), $id: 'service.json' });
})();

/** Ajv's errors as lines a failing test can print. */
export const errorsOf = (v: ValidateFunction) =>
  (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
