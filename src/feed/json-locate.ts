/**
 * Where JSON text first goes wrong: browsers' JSON.parse messages differ and Chromium's give no
 * position, so the editor tools (the `imh-feed` command and the demo's feed checker) find it
 * themselves. Not part of the element bundle.
 */
export interface JsonProblem {
  line: number;
  column: number;
  /** What was expected there, in words. */
  expected: string;
}

export function locateJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const ws = () => {
    while (/[ \t\n\r]/.test(text[i] ?? '')) i++;
  };
  const fail = (expected: string): never => {
    throw { at: i, expected };
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value (text in double quotes, a number, true, false, null, { … } or [ … ])');
  };
  const string = () => {
    if (text[i] != '"') fail('text in "double quotes"');
    i++;
    while (text[i] != '"') {
      if (i >= text.length || text[i] < ' ') fail('the closing " of the text');
      if (text[i] == '\\') {
        i++;
        if (text[i] == 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('a valid escape like \\" or \\n');
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c == '{') {
      i++;
      ws();
      if (text[i] == '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] != ':') fail('":" after the field name');
        i++;
        value();
        ws();
        if (text[i] == ',') i++;
        else if (text[i] == '}') return void i++;
        else fail('"," or "}" after the field (is a comma missing?)');
        ws();
        if (text[i] == '}') fail('another field (remove the comma before "}")');
      }
    }
    if (c == '[') {
      i++;
      ws();
      if (text[i] == ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] == ',') i++;
        else if (text[i] == ']') return void i++;
        else fail('"," or "]" after the entry (is a comma missing?)');
        ws();
        if (text[i] == ']') fail('another entry (remove the comma before "]")');
      }
    }
    if (c == '"') return string();
    const n = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (n && n[0]) return void (i += n[0].length);
    literal(c == 't' ? 'true' : c == 'f' ? 'false' : 'null');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file (is there text after the last "}"?)');
    return undefined;
  } catch (e) {
    const { at, expected } = e as { at: number; expected: string };
    const lines = text.slice(0, at).split('\n');
    return { line: lines.length, column: lines[lines.length - 1].length + 1, expected };
  }
}
