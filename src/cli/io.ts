/**
 * What every `imh-feed` command shares: exit codes, where text goes, and sentences for the
 * file-system errors people meet.
 */

/**
 * Exit codes, the same for every command:
 * - 0: done (the feed is usable; the import wrote it, or it was already up to date).
 * - 1: done, with issues, and `--strict` asked to fail on them.
 * - 2: nothing usable: the feed cannot be used, or a source could not be read, so nothing was written.
 * - 3: nothing written: a source would remove more than half of its items (`--force` accepts it).
 * - 64: the command was called wrongly (usage printed).
 * - 70: imh-feed itself is not built or failed unexpectedly.
 */
export const EXIT = { ok: 0, issues: 1, unusable: 2, held: 3, usage: 64, software: 70 } as const;

/** Where a command writes: the report, errors and progress lines. */
export interface Io {
  /** A line (or lines) of the report: standard output. */
  out(text: string): void;
  /** A line for people, not part of the report: standard error. */
  err(text: string): void;
  /** A progress line ("Page 3 of 141…"), replaced by the next one on a terminal. */
  progress(line: string): void;
  /** Ends the progress line, if one is showing. */
  done(): void;
}

/** The process's own streams. Progress goes to standard error, so the report can be piped. */
export function processIo(quiet = false): Io {
  const tty = !!process.stderr.isTTY;
  let showing = false;
  const clear = () => {
    if (showing && tty) process.stderr.write('\r\x1b[K');
    showing = false;
  };
  return {
    out: (text) => {
      clear();
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      clear();
      process.stderr.write(`${text}\n`);
    },
    progress: (line) => {
      if (quiet) return;
      if (tty) {
        const width = process.stderr.columns || 80;
        process.stderr.write(`\r\x1b[K${line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
        showing = true;
      } else process.stderr.write(`${line}\n`);
    },
    done: clear,
  };
}

/** An http(s) address, for commands that read a file or an address. */
export const isAddress = (text: string): boolean => /^https?:\/\//i.test(text);

/** Why a file could not be read or written, in words. */
export function readProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder in its path is a file';
    default:
      return e?.message ?? String(error);
  }
}
