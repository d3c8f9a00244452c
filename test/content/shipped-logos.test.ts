import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { sanitizeSvg } from '../../src/html/sanitize-svg.js';
import { repoRoot } from '../helpers.js';

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

// #9: sanitizing must not change a logo the project ships; moved here from the unit tests (#8).
describe('the shipped city logos', () => {
  const logos = readdirSync(path.join(repoRoot, 'blueprints/cities')).map((city) => path.join(repoRoot, 'blueprints/cities', city, 'logo.svg'));

  it.each(logos)('keep every element and attribute through sanitizeSvg: %s', (file) => {
    const original = readFileSync(file, 'utf8');
    const result = sanitizeSvg(original);
    if ('error' in result) throw new Error(`expected an SVG, got ${result.error}`);
    expect(result.removed).toEqual([]);
    expect(elements(result.svg)).toEqual(elements(original));
    expect(elements(result.svg).length).toBeGreaterThan(5);
  });
});
