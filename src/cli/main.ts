/**
 * `imh-feed`: tools for people who maintain an imh-widgets feed. bin/imh-feed.mjs runs `main()`
 * from the built dist/cli.js.
 *
 *   imh-feed import <file-or-url>… [--into feed.json] [-o feed.json] …   make or update a feed
 *   imh-feed template sessions|services|term-dates                       a template to fill in
 *   imh-feed validate <file-or-url> [--json] [--strict]                  check a feed
 *   imh-feed export jsonld|oruk <file-or-url> [-o file] …                for search engines, directories
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { IMPORT_USAGE, runImport } from './import.js';
import { EXPORT_USAGE, runExport } from './export.js';
import { EXIT, processIo, type Io } from './io.js';
import { TEMPLATE_USAGE, template } from './template.js';
import { VALIDATE_USAGE, validate } from './validate.js';

export { EXIT } from './io.js';

export const USAGE = `Usage: imh-feed <command> …

  imh-feed import <file-or-url>... [--into feed.json] [-o feed.json] [options]
      Make or update a feed from spreadsheets, calendars, directories and other feeds.
  imh-feed template sessions|services|term-dates [-o file]
      Write a spreadsheet template to fill in.
  imh-feed validate <file-or-url> [--json] [--strict]
      Check a feed and print every problem with its path.
  imh-feed export jsonld|oruk <file-or-url> [-o file] [options]
      The feed for search engines (schema.org JSON-LD) or a service directory (Open Referral UK).

"imh-feed <command> --help" explains a command's options.`;

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMANDS: Record<string, { usage: string; options: Options; positionals: [number, number] }> = {
  import: {
    usage: IMPORT_USAGE,
    positionals: [0, Infinity],
    options: {
      into: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'bank-holidays': { type: 'string' },
      'bank-holidays-from': { type: 'string' },
      'term-dates': { type: 'string' },
      format: { type: 'string' },
      'time-zone': { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  template: {
    usage: TEMPLATE_USAGE,
    positionals: [1, 1],
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  validate: {
    usage: VALIDATE_USAGE,
    positionals: [1, 1],
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  },
  export: {
    usage: EXPORT_USAGE,
    positionals: [2, 2],
    options: {
      output: { type: 'string', short: 'o' },
      days: { type: 'string' },
      lang: { type: 'string' },
      translations: { type: 'string' },
      'page-url': { type: 'string' },
      now: { type: 'string' },
      'id-base': { type: 'string' },
      'services-only': { type: 'boolean' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  },
};

/** Runs one command and returns its exit code. Never throws: every failure is a sentence. */
export async function main(argv: string[], io?: Io): Promise<number> {
  const [command, ...rest] = argv;
  const out = io ?? processIo(argv.includes('--quiet') || argv.includes('-q'));
  if (!command || command == 'help' || command == '--help' || command == '-h') {
    (command ? out.out : out.err)(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    out.err(`"${command}" is not an imh-feed command.\n\n${USAGE}`);
    return EXIT.usage;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    // "Unknown option '--fast'": said plainly, with the usage.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    out.err(`imh-feed ${command}: ${message}.\n\n${spec.usage}`);
    return EXIT.usage;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    out.out(spec.usage);
    return EXIT.ok;
  }
  const [min, max] = spec.positionals;
  if (positionals.length < min || positionals.length > max) {
    out.err(spec.usage);
    return EXIT.usage;
  }
  const str = (name: string) => (typeof v[name] == 'string' ? (v[name] as string) : undefined);
  try {
    switch (command) {
      case 'validate':
        return await validate({ source: positionals[0], json: !!v.json, strict: !!v.strict }, out);
      case 'template':
        return await template({ name: positionals[0], output: str('output'), force: !!v.force }, out);
      case 'export':
        return await runExport(
          {
            format: positionals[0],
            source: positionals[1],
            output: str('output'),
            days: str('days'),
            lang: str('lang'),
            translations: str('translations'),
            pageUrl: str('page-url'),
            now: str('now'),
            idBase: str('id-base'),
            servicesOnly: !!v['services-only'],
            json: !!v.json,
            strict: !!v.strict,
            quiet: !!v.quiet,
          },
          out,
        );
      default:
        return await runImport(
          {
            sources: positionals,
            into: str('into'),
            output: str('output'),
            bankHolidays: str('bank-holidays'),
            bankHolidaysFrom: str('bank-holidays-from'),
            termDates: str('term-dates'),
            format: str('format'),
            timeZone: str('time-zone'),
            force: !!v.force,
            dryRun: !!v['dry-run'],
            json: !!v.json,
            strict: !!v.strict,
          },
          out,
        );
    }
  } catch (error) {
    out.done();
    out.err(
      `✗ imh-feed ${command} stopped unexpectedly: ${(error as Error)?.message ?? String(error)}. ` +
        'Nothing was written. Please report this to the imh-widgets maintainers, with the command you ran.',
    );
    if (process.env.IMH_FEED_DEBUG) out.err(String((error as Error)?.stack));
    return EXIT.software;
  }
}
