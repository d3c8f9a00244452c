import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkMarkdownLimits, checkTreeDepth, markdownLimits } from '../../src/markdown/check-markdown-limits.js';
import { createMarkdownParser } from '../../src/markdown/processor.js';

const sectionPath = '/project/blueprints/guide/sections/01-why.md';

/** Run the pre-scan on `text`; the one message it gave, as `file:line:column what (limit)`, or 'ok'. */
function scan(text: string): string {
  const file = new VFile({ path: sectionPath, value: text });
  const passed = checkMarkdownLimits(file);
  expect(file.messages.length).toBe(passed ? 0 : 1);
  if (passed) return 'ok';
  const [m] = file.messages;
  expect(m?.ruleId).toBe('markdown-too-complex');
  expect(m?.fatal).toBe(true);
  expect(m?.note).toBe('Simplify this passage: fewer nested lists or quotes, fewer notes, and close every * _ and [ you open.');
  return `${m?.file}:${m?.line}:${m?.column} ${m?.reason}`;
}

const at = (line: number, column: number, what: string, limit: number) =>
  `${sectionPath}:${line}:${column} Markdown too complex to render: ${what} (the limit is ${limit})`;
const nested = (levels: number) => `lists and quotes nested ${levels} levels deep`;
const marksInParagraph = 'too many emphasis marks, brackets and backticks (* _ ~ [ ] `) in one paragraph';

describe('Markdown limits before parsing (#9)', () => {
  describe('nesting', () => {
    it('allows 32 quotes inside each other and refuses the 33rd at its marker', () => {
      expect(scan(`# Title\n\n${'>'.repeat(32)} deep\n`)).toBe('ok');
      expect(scan(`# Title\n\n${'>'.repeat(10_000)} deep\n`)).toBe(at(3, 33, nested(33), 32));
    });

    it('counts list markers on one line', () => {
      expect(scan(`${'- '.repeat(32)}x\n`)).toBe('ok');
      expect(scan(`${'- '.repeat(10_000)}x\n`)).toBe(at(1, 65, nested(33), 32));
      expect(scan(`${'1. '.repeat(40)}x\n`)).toBe(at(1, 97, nested(33), 32));
    });

    it('counts list levels by indentation, two columns each', () => {
      const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n');
      expect(scan(list(32))).toBe('ok');
      expect(scan(list(1000))).toBe(at(33, 65, nested(33), 32));
    });

    it('is not fooled by lazy lines between the levels of a list', () => {
      const lines = Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}- item\nlazy continuation`).join('\n');
      expect(scan(lines)).toBe(at(65, 65, nested(33), 32));
    });

    it('counts tabs to the next tab stop', () => {
      expect(scan(`${'\t'.repeat(16)}- x\n`)).toBe(at(1, 17, nested(33), 32));
    });

    it('counts quotes, lists and footnote definitions together', () => {
      expect(scan(`${'> - [^n]: '.repeat(11)}x\n`)).toBe(at(1, 105, nested(33), 32));
    });

    it('refuses indentation alone past the limit, at the text it indents', () => {
      expect(scan(`${' '.repeat(66)}text\n`)).toBe(at(1, 67, nested(33), 32));
    });

    it('counts list items and quoted lines in the whole file', () => {
      expect(scan('- item\n'.repeat(500))).toBe('ok');
      expect(scan('- item\n'.repeat(100_000))).toBe(at(501, 1, 'too many list items and quoted lines in one file', 500));
      expect(scan('> quote\n\n'.repeat(10_000))).toBe(at(1001, 1, 'too many list items and quoted lines in one file', 500));
    });

    it('counts ::: container directives, which nest without indentation', () => {
      expect(scan(':::note\n'.repeat(32))).toBe('ok');
      expect(scan(':::note\n'.repeat(10_000))).toBe(at(33, 1, 'too many ::: container directives in one file', 32));
    });
  });

  describe('footnotes', () => {
    it('counts references and definitions in the whole file', () => {
      const refs = (n: number) => Array.from({ length: n }, (_, i) => `[^${i}]`).join(' ');
      expect(scan(`${refs(500)}\n\n${refs(500).replaceAll(' ', '\n').replaceAll(']', ']: a note')}\n`)).toBe('ok');
      // In one paragraph their brackets reach that limit first; one reference a paragraph reaches this one.
      expect(scan('[^1]\n\n'.repeat(100_000))).toBe(at(2001, 1, 'too many footnote references and definitions in one file', 1000));
    });

    it('counts definitions at the start of a line', () => {
      const defs = Array.from({ length: 450 }, (_, i) => `[^n${i}]: note`).join('\n');
      // 600 references, then the 401st definition is the 1,001st.
      expect(scan(`${'[^1]\n\n'.repeat(600)}${defs}`)).toBe(at(1601, 1, 'too many footnote references and definitions in one file', 1000));
      // A definition holds text like a list item does, so 501 of them reach that limit first.
      const many = Array.from({ length: 2000 }, (_, i) => `[^n${i}]: note`).join('\n');
      expect(scan(`text\n\n${many}`)).toBe(at(503, 1, 'too many list items and quoted lines in one file', 500));
    });
  });

  describe('emphasis marks and brackets', () => {
    it('allows 1,000 in one paragraph and refuses the 1,001st', () => {
      expect(scan(`${'*a '.repeat(1000)}\n`)).toBe('ok');
      expect(scan(`# Title\n\n${'*a '.repeat(50_000)}\n`)).toBe(at(3, 3001, marksInParagraph, 1000));
      expect(scan(`# Title\n\n${'*'.repeat(50_000)}\n`)).toBe(at(3, 1001, marksInParagraph, 1000));
    });

    it('counts link brackets, underscores, tildes and backticks alike', () => {
      expect(scan(`${'[a '.repeat(50_000)}\n`)).toBe(at(1, 3001, marksInParagraph, 1000));
      expect(scan(`${'a]'.repeat(50_000)}\n`)).toBe(at(1, 2002, marksInParagraph, 1000));
      expect(scan(`${'_a~'.repeat(600)}\n`)).toBe(at(1, 1501, marksInParagraph, 1000));
      expect(scan(`${'`'.repeat(1001)}\n`)).toBe(at(1, 1001, marksInParagraph, 1000));
    });

    it('counts a paragraph across its lines, and starts again after a blank line', () => {
      expect(scan(`${'*a\n'.repeat(1001)}`)).toBe(at(1001, 1, marksInParagraph, 1000));
      expect(scan(`${'*a\n'.repeat(900)}\n${'*a\n'.repeat(900)}`)).toBe('ok');
      // Inside a quote a line holding only ">" is blank too.
      expect(scan(`${`> ${'*a '.repeat(10)}\n`.repeat(90)}>\n${`> ${'*a '.repeat(10)}\n`.repeat(90)}`)).toBe('ok');
    });

    it('does not take a line that may continue the paragraph for a blank one', () => {
      // "2." cannot start a list inside a paragraph, so the parser reads it as more of the same paragraph.
      expect(scan(`${'*a '.repeat(900)}\n2.\n${'*a '.repeat(900)}\n`)).toBe(at(3, 301, marksInParagraph, 1000));
    });

    it('counts 3,000 in the whole file', () => {
      const paragraph = `${'*a '.repeat(999)}\n\n`;
      expect(scan(paragraph.repeat(3))).toBe('ok');
      expect(scan(paragraph.repeat(4))).toBe(at(7, 10, 'too many emphasis marks, brackets and backticks (* _ ~ [ ] `) in one file', 3000));
    });
  });

  describe('raw HTML', () => {
    it('counts elements left open, at the tag past the limit', () => {
      expect(scan(`${'<div>'.repeat(32)}x\n`)).toBe('ok');
      expect(scan(`${'<div>'.repeat(10_000)}x\n`)).toBe(at(1, 161, 'raw HTML elements nested 33 deep', 32));
    });

    it('counts them across paragraphs, since the HTML parser joins them', () => {
      expect(scan('<b>\n\n'.repeat(40))).toBe(at(65, 1, 'raw HTML elements nested 33 deep', 32));
    });

    it('lets a closing tag count only when it closes the element opened last', () => {
      expect(scan('<div>x</div> <SPAN>y</span> '.repeat(1000))).toBe('ok');
      // The parser ignores </span> while a <div> inside it is open, so both stay open.
      expect(scan('<span><div></span>'.repeat(20))).toBe(at(1, 289, 'raw HTML elements nested 33 deep', 32));
    });

    it('does not count elements that cannot nest', () => {
      expect(scan('<br><img src="a.png"><hr><p>para<li>item<td>cell '.repeat(1000))).toBe('ok');
    });
  });

  it('reports only the first problem of a file', () => {
    expect(scan(`${'>'.repeat(40)}\n\n${'*'.repeat(5000)}\n`)).toBe(at(1, 33, nested(33), 32));
  });

  it('keeps its limits where the measurements put them', () => {
    expect(markdownLimits).toEqual({
      depth: 32,
      containers: 500,
      directives: 32,
      footnotes: 1000,
      marksPerParagraph: 1000,
      marksPerFile: 3000,
      htmlDepth: 32,
      treeDepth: 128,
    });
  });
});

describe('the parsed tree is at most 128 levels deep (#9)', () => {
  const parser = createMarkdownParser();
  const depthOf = (text: string) => {
    const file = new VFile({ path: sectionPath, value: text });
    const passed = checkTreeDepth(parser.parse(file), file);
    return passed ? 'ok' : `${file.messages[0]?.line}:${file.messages[0]?.column} ${file.messages[0]?.reason}`;
  };

  it('refuses emphasis nested deeper, at the first node past the limit', () => {
    // Each "*a _" opens two levels below the paragraph (level 1): the 64th "*" opens level 128, its text is at 129.
    expect(depthOf(`${'*a _'.repeat(63)}x${'_ a*'.repeat(63)}\n`)).toBe('ok');
    expect(depthOf(`${'*a _'.repeat(70)}x${'_ a*'.repeat(70)}\n`)).toBe('1:254 Markdown too complex to render: text nested 129 levels deep (the limit is 128)');
  });

  it('walks a tree deeper than the call stack allows without recursion', () => {
    let node: { type: string; children: unknown[] } = { type: 'paragraph', children: [] };
    const root = { type: 'root', children: [node] };
    for (let i = 0; i < 100_000; i++) {
      const child = { type: 'emphasis', children: [] };
      node.children.push(child);
      node = child;
    }
    const file = new VFile({ path: sectionPath });
    expect(checkTreeDepth(root as never, file)).toBe(false);
    expect(file.messages[0]?.reason).toBe('Markdown too complex to render: text nested 129 levels deep (the limit is 128)');
    expect(file.messages[0]?.line).toBeUndefined();
  });
});
