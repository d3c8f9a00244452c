import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { sanitizeSvg } from '../../src/html/sanitize-svg.js';
import { fixture } from '../helpers.js';

const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">';

/** Every element of an SVG in document order, with its attributes: what a renderer draws from. */
function elements(svg: string): [string, Record<string, string>][] {
  const found: [string, Record<string, string>][] = [];
  const visit = (node: Root | Element) => {
    if (node.type === 'element') found.push([node.name, Object.fromEntries(Object.entries(node.attributes).map(([k, v]) => [k, String(v)]))]);
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(fromXml(svg));
  return found;
}

function clean(input: string): { svg: string; removed: string[] } {
  const result = sanitizeSvg(input);
  if ('error' in result) throw new Error(`expected an SVG, got ${result.error}`);
  return result;
}

/** Whatever the rules, a safe SVG names no script, handler, address or other file anywhere. */
function expectInert(svg: string): void {
  const names = elements(svg).map(([name]) => name);
  expect(names).not.toEqual(expect.arrayContaining(['script']));
  for (const [name, attributes] of elements(svg)) {
    for (const [key, value] of Object.entries(attributes)) {
      expect(key, `<${name} ${key}>`).not.toMatch(/^on/i);
      if (/href$/.test(key)) expect(value, `<${name} ${key}>`).toMatch(/^#/);
    }
  }
  const withoutNamespaces = svg.replace(/xmlns(:xlink)?="[^"]*"/g, '');
  expect(withoutNamespaces).not.toMatch(/javascript:|https?:|data:|file:|@import|<!DOCTYPE|<!ENTITY|<\?/i);
}

describe('sanitizeSvg (#9)', () => {
  // The shipped cities' logos are checked in test/content/shipped-logos.test.ts (#8).
  it('keeps every element and attribute of a plain logo', () => {
    const file = fixture('basic/blueprints/cities/springfield/logo.svg');
    const original = readFileSync(file, 'utf8');
    const { svg, removed } = clean(original);
    expect(removed).toEqual([]);
    expect(elements(svg)).toEqual(elements(original));
    expect(elements(svg).length).toBeGreaterThan(5);
  });

  it('keeps local references: gradients, patterns, clip paths, masks, use, title and desc', () => {
    const input = `${open}<title>Mark</title><desc>A ring</desc><defs>
      <linearGradient id="a"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient>
      <linearGradient id="b" xlink:href="#a" gradientTransform="rotate(90)"/>
      <clipPath id="c"><circle cx="5" cy="5" r="4"/></clipPath><mask id="m"><rect width="10" height="10" fill="#fff"/></mask>
      <pattern id="p" width="2" height="2" patternUnits="userSpaceOnUse"><path d="M0 0h1v1z"/></pattern>
      <symbol id="s"><rect width="1" height="1"/></symbol>
      <filter id="f"><feGaussianBlur stdDeviation="1"/></filter></defs>
      <style>.ring { fill: url(#b); stroke: url('#p') }</style>
      <g clip-path="url(#c)" mask="url(#m)" filter="url(#f)" aria-hidden="true"><rect class="ring" width="10" height="10" style="fill:url(&quot;#a&quot;)"/></g>
      <use href="#s" x="2"/><use xlink:href="#s" x="4"/><text x="1" y="9" font-family="Noto Sans">São José</text></svg>`;
    const { svg, removed } = clean(input);
    expect(removed).toEqual([]);
    expect(elements(svg)).toEqual(elements(input));
    expect(svg).toContain("<style>.ring { fill: url(#b); stroke: url('#p') }</style>");
    expect(svg).toContain('São José');
    expectInert(svg);
  });

  const hostile: [string, string, string[]][] = [
    ['a script', '<script>alert(document.cookie)</script><rect width="1" height="1"/>', ['<script> element']],
    ['a script in CDATA', '<script type="text/ecmascript"><![CDATA[ alert(1) ]]></script>', ['<script> element']],
    [
      'event handlers',
      '<circle r="1" onclick="alert(1)"/><rect width="1" height="1" onmouseover="alert(2)"/>',
      ['onclick event handler on <circle>', 'onmouseover event handler on <rect>'],
    ],
    [
      'HTML in foreignObject',
      '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>',
      ['<foreignObject> element'],
    ],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>Click</text></a>', ['<a> element']],
    ['a javascript: use', '<use href="javascript:alert(1)"/>', ['href="javascript:alert(1)" on <use>']],
    ['an external image', '<image href="https://tracker.example/pixel.png" width="1" height="1"/>', ['<image> element']],
    ['an xlink:href to http', '<use xlink:href="http://evil.example/sprite.svg#icon"/>', ['xlink:href="http://evil.example/sprite.svg#icon" on <use>']],
    ['a data: href', '<use href="data:image/svg+xml;base64,PHN2Zy8+"/>', ['href="data:image/svg+xml;base64,PHN2Zy8+" on <use>']],
    ['a style sheet import', '<style>@import url(http://evil.example/x.css); rect { fill: red }</style>', ['<style> element that loads or imports something']],
    ['an import without url()', '<style>@import "http://evil.example/x.css";</style>', ['<style> element that loads or imports something']],
    [
      'external url() in paint and style',
      '<rect width="1" height="1" fill="url(http://evil.example/p.svg#p)"/><rect width="1" height="1" style="fill:u\\rl(http://evil.example/)"/>',
      ['fill="url(http://evil.example/p.svg#p)" on <rect>', 'style="fill:u\\rl(http://evil.example/)" on <rect>'],
    ],
    [
      'an animation that rewrites an href',
      '<a><set attributeName="href" to="javascript:alert(1)"/></a><set attributeName="fill" to="red"/>',
      ['<a> element', '<set> element'],
    ],
    [
      'a style sheet instruction',
      '<?xml-stylesheet href="http://evil.example/s.css"?><rect width="1" height="1"/>',
      ['<?xml-stylesheet?> processing instruction'],
    ],
    [
      'a foreign namespace',
      '<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click" width="1" height="1"/>',
      ['xmlns:ev attribute on <rect>', 'ev:event attribute on <rect>'],
    ],
  ];

  it.each(hostile)('removes %s', (_, body, expected) => {
    const { svg, removed } = clean(`${open}${body}</svg>`);
    expect(removed).toEqual(expected);
    expectInert(svg);
  });

  it('drops a DOCTYPE and never expands its entities', () => {
    const { svg, removed } = clean(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#x3C;script>alert(1)&#x3C;/script>">]>${open}<text>fine</text></svg>`);
    expect(removed).toEqual(['<!DOCTYPE svg> (its entities are never expanded)']);
    expect(svg).not.toContain('ENTITY');
    expectInert(svg);
  });

  it('refuses a billion-laughs entity bomb at once, without expanding it', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]>\n${open}<text>&lol9;</text></svg>`;
    const start = performance.now();
    const result = sanitizeSvg(bomb);
    expect(performance.now() - start).toBeLessThan(1000);
    const column = `${open}<text>`.length + 1;
    expect(result).toEqual({
      error: `Named entity isn't defined: &lol9; (line 2, column ${column})`,
      place: { line: 2, column, offset: bomb.indexOf('&lol9;</text>') },
    });
  });

  it('reports malformed XML with its place', () => {
    // parse-xml points at the end tag that came too early.
    expect(sanitizeSvg(`${open}\n<g><rect width="1"></g></svg>`)).toEqual({
      error: 'Missing end tag for element rect (line 2, column 20)',
      place: { line: 2, column: 20, offset: `${open}\n<g><rect width="1">`.length },
    });
  });

  it('refuses a document that is not an SVG', () => {
    expect(sanitizeSvg('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>')).toEqual({
      error: 'Unexpected <html>, expected an <svg> element',
    });
  });
});
