/**
 * `imh-feed template <name> [-o file] [--force]`: writes a blank template to fill in (the
 * sessions or services spreadsheet, or school term dates), exactly as the package ships it.
 */
import { writeFile } from 'node:fs/promises';
import { TEMPLATES } from '../generated/templates.js';
import { EXIT, readProblem, type Io } from './io.js';

export const templateNames = (): string[] => Object.keys(TEMPLATES);

export const TEMPLATE_USAGE = `Usage: imh-feed template <name> [-o file] [--force]

Writes a spreadsheet template to fill in, then import with "imh-feed import":
${Object.keys(TEMPLATES)
  .map((name) => `  ${name.padEnd(12)} ${name}.csv`)
  .join('\n')}

  -o, --output <file>  where to write it (default: <name>.csv here; "-" prints it)
  --force              replace the file if it exists

Open it in Excel, Google Sheets or LibreOffice, fill in a row per item, and save it as "CSV UTF-8".`;

export async function template(args: { name: string; output?: string; force: boolean }, io: Io): Promise<number> {
  const text = TEMPLATES[args.name];
  if (text === undefined) {
    const known = templateNames();
    io.err(
      known.length
        ? `There is no template called "${args.name}". The templates are: ${known.join(', ')}.`
        : 'This build of imh-widgets has no templates: run "npm run build" in its folder.',
    );
    return EXIT.usage;
  }
  const output = args.output ?? `${args.name}.csv`;
  if (output == '-') {
    process.stdout.write(text);
    return EXIT.ok;
  }
  try {
    await writeFile(output, text, { flag: args.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code == 'EEXIST') {
      io.err(`✗ ${output} already exists. Choose another name with -o, or add --force to replace it.`);
      return EXIT.unusable;
    }
    io.err(`✗ ${output} cannot be written: ${readProblem(error)}.`);
    return EXIT.unusable;
  }
  io.out(
    `✓ Wrote ${output}. Fill in a row per ${args.name == 'term-dates' ? 'term or holiday' : args.name.replace(/s$/, '')}, ` +
      `save it as "CSV UTF-8", then: npx imh-feed import ${output} --into feed.json`,
  );
  return EXIT.ok;
}
