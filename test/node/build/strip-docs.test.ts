import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { collapseLines, minifyCss, stripSource } from '../../../scripts/strip-docs.mjs';

test('drops the translators’ desc from msg() calls, and nothing else of them', () => {
  const code = [
    `const a = this.t.msg('Show more', { id: 'session-list.more', desc: 'Button, "more" sessions' });`,
    `const b = t.msg(str\`\${n} found\`, {\n  id: 'x.found',\n  desc: 'Announced; plural category "one"',\n});`,
    `const c = t.msg('Hi', { desc: \`first\`, id: 'x.hi' });`,
  ].join('\n');
  assert.equal(
    stripSource(code),
    [
      `const a = this.t.msg('Show more', { id: 'session-list.more' });`,
      `const b = t.msg(str\`\${n} found\`, {\n  id: 'x.found',\n});`,
      `const c = t.msg('Hi', { id: 'x.hi' });`,
    ].join('\n'),
  );
});

test('keeps a desc that is not a msg() option, and text that only looks like one', () => {
  const code = [
    `const note = { id: 'a', desc: 'kept: not a message' };`,
    `const s = "t.msg('x', { id: 'y', desc: 'inside a string' })";`,
    `// t.msg('x', { id: 'y', desc: 'in a comment' })`,
    `const d = (x: string) => x; d('doc("not the schema")');`,
  ].join('\n');
  assert.equal(stripSource(code), undefined);
});

test('drops the schema’s doc() descriptions, literal or concatenated, only where doc is shape.js’s', () => {
  const code = [
    `import { doc, obj } from './shape.js';`,
    `export const a = obj({}, undefined, doc('One literal.'));`,
    `export const b = obj({}, undefined, doc('Two ' + "pieces, " + \`and a third.\`));`,
  ].join('\n');
  assert.equal(
    stripSource(code),
    [
      `import { doc, obj } from './shape.js';`,
      `export const a = obj({}, undefined, undefined);`,
      `export const b = obj({}, undefined, undefined);`,
    ].join('\n'),
  );
  const renamed = `import { doc as describe } from '../shape.js';\nconst x = describe('Gone.');`;
  assert.equal(stripSource(renamed), `import { doc as describe } from '../shape.js';\nconst x = undefined;`);
  const other = `import { doc } from './documents.js';\nconst x = doc('kept');\nconst y = doc2('kept');`;
  assert.equal(stripSource(other), undefined);
});

test('minifies css`` blocks, keeping each ${…} and the spaces CSS needs around it', () => {
  const code = [
    'const s = css`',
    '  /* a comment */',
    '  :host {',
    '    border: 1px solid ${colour};',
    '    margin: 0 ;',
    '  }',
    '  .a > .b, .c { padding: ${space} ${space}; }',
    '`;',
    'const t = css`p { color: red; }`;',
    'const u = html`<p>  keep   spaces  </p>`;',
  ].join('\n');
  assert.equal(
    stripSource(code),
    [
      'const s = css`:host{border:1px solid ${colour};margin:0}.a>.b,.c{padding:${space} ${space}}`;',
      'const t = css`p{color:red}`;',
      'const u = html`<p>  keep   spaces  </p>`;',
    ].join('\n'),
  );
});

test('takes the indentation out of html`` templates, keeping each line break so every line keeps its number', () => {
  const code = [
    'const a = html`<section part="urgent"',
    '    class="x">',
    '      <a href=${href} @click=${go}',
    '        >${words}</a',
    '      >  <span>two  spaces</span>',
    '      ${more}',
    '    </section>`;',
    'const b = css`p { color: red; }`;',
    'const c = html`<p>on one line,  as it is</p>`;',
    'const d = `<p>',
    '  not a template of Lit</p>`;',
  ].join('\n');
  assert.equal(
    stripSource(code),
    [
      'const a = html`<section part="urgent"',
      'class="x">',
      '<a href=${href} @click=${go}',
      '>${words}</a',
      '>  <span>two  spaces</span>',
      '${more}',
      '</section>`;',
      'const b = css`p{color:red}`;',
      'const c = html`<p>on one line,  as it is</p>`;',
      'const d = `<p>',
      '  not a template of Lit</p>`;',
    ].join('\n'),
  );
  assert.equal(collapseLines('a \t\n\n  b\r\n c'), 'a\n\nb\nc');
  // A no-break space is text, not indentation: kept.
  assert.equal(collapseLines('a\u00a0\n  b'), 'a\u00a0\nb');
});

test('no html`` template in src/ holds what a line break would change (<pre>, a multi-line attribute…)', () => {
  // <pre>, <textarea>, <style>, <script>, <title>, an attribute value over two lines, white-space: pre
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => join(f.parentPath, f.name));
  assert.ok(files.length > 50);
  let templates = 0;
  for (const name of files) {
    const code = readFileSync(name, 'utf8');
    assert.doesNotMatch(code, /white-space:\s*(pre|break-spaces)/, name);
    const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text == 'html') {
        templates++;
        const t = node.template;
        const text = ts.isNoSubstitutionTemplateLiteral(t)
          ? t.text
          : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join('${}');
        assert.doesNotMatch(text, /<(pre|textarea|style|script|title)\b/i, name);
        assert.doesNotMatch(text, /=\s*("[^"]*\n|'[^']*\n)/, `${name}: an attribute value over two lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  assert.ok(templates > 50, `${templates} templates`);
});

test('leaves a file with nothing to remove untouched', () => {
  assert.equal(stripSource(`export const x = 1; // desc: doc('x') css\`\``), undefined);
  assert.equal(minifyCss(' a  {  b: c ; } '), 'a{b:c}');
});
