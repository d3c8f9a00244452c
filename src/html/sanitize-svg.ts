import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';

const svgNamespace = 'http://www.w3.org/2000/svg';
const xlinkNamespace = 'http://www.w3.org/1999/xlink';

/**
 * Elements that draw, group or describe, and nothing else. Left out on purpose: script, foreignObject
 * (HTML inside SVG), a (links), image and feImage (load files), animate/set (can rewrite an href to
 * `javascript:`), style-sheet-loading processing instructions, metadata (never drawn).
 */
// biome-ignore format: a group a line reads better than a name a line
const elements = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  // Filters draw drop shadows and glows in many logos; feImage, which loads a file, is not among them.
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology',
  'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Attributes of geometry, paint, text and accessibility. No event handler (on*) and no href is among them. */
// biome-ignore format: a group a line reads better than a name a line
const attributes = new Set([
  'id', 'class', 'style', 'lang', 'xml:lang', 'xml:space', 'role',
  'viewBox', 'preserveAspectRatio', 'version', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points', 'pathLength', 'transform',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color',
  'display', 'visibility', 'overflow', 'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start',
  'marker-mid', 'marker-end', 'paint-order', 'vector-effect', 'shape-rendering', 'text-rendering',
  'color-interpolation', 'color-interpolation-filters', 'isolation', 'mix-blend-mode',
  'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant',
  'font-weight', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'baseline-shift',
  'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'direction', 'unicode-bidi',
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits',
  'maskContentUnits', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator',
  'k1', 'k2', 'k3', 'k4', 'values', 'type', 'tableValues', 'slope', 'intercept', 'amplitude',
  'exponent', 'scale', 'xChannelSelector', 'yChannelSelector', 'radius', 'baseFrequency',
  'numOctaves', 'seed', 'stitchTiles', 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX',
  'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'diffuseConstant', 'specularConstant',
  'specularExponent', 'kernelUnitLength', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY',
  'pointsAtZ', 'limitingConeAngle', 'flood-color', 'flood-opacity', 'lighting-color',
]);

/** Elements whose href may point at another element of the same file (and only there). */
const referring = new Set(['use', 'linearGradient', 'radialGradient', 'pattern', 'textPath', 'filter']);

export type SanitizedSvg = { svg: string; removed: string[] } | { error: string; place?: { line: number; column: number; offset: number } };

/**
 * An SVG that is safe to publish beside a guide (#9): a logo copied verbatim into out/assets ran its
 * script when opened from the site. Keeps shapes, paths, text, gradients, patterns, clip paths, masks,
 * filters and local `#id` references; removes scripts, foreignObject, event handlers, every reference
 * to another file or address (href, url(), @import), the DOCTYPE and processing instructions, and lists
 * what it removed. Entities are never expanded: the parser refuses any it does not know, so an
 * entity-expansion bomb is an error, not a hang. Malformed XML is an error with its place.
 */
export function sanitizeSvg(text: string): SanitizedSvg {
  let tree: Root;
  try {
    tree = fromXml(text);
  } catch (error) {
    return parseError(error);
  }
  const removed = new Set<string>();
  let root: Element | undefined;
  for (const node of tree.children) {
    if (node.type === 'element') root = node;
    else if (node.type === 'doctype') removed.add(`<!DOCTYPE ${node.name}> (its entities are never expanded)`);
    else if (node.type === 'instruction' && node.name !== 'xml') removed.add(`<?${node.name}?> processing instruction`);
  }
  if (root?.name !== 'svg') return { error: `Unexpected ${root ? `<${root.name}>` : 'document without elements'}, expected an <svg> element` };
  const svg = cleanElement(root, removed) as Element;
  return { svg: toXml({ type: 'root', children: [svg] }), removed: [...removed] };
}

function cleanElement(element: Element, removed: Set<string>): Element | undefined {
  if (!elements.has(element.name)) {
    removed.add(`<${element.name}> element`);
    return undefined;
  }
  if (element.name === 'style') {
    const css = element.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('');
    if (!isSafeCss(css) || element.children.some((child) => child.type === 'element')) {
      removed.add('<style> element that loads or imports something');
      return undefined;
    }
  }
  const kept: Element['attributes'] = {};
  for (const [key, value] of Object.entries(element.attributes)) {
    if (value === null || value === undefined) continue;
    const problem = attributeProblem(element.name, key, value);
    if (problem) removed.add(`${problem} on <${element.name}>`);
    else kept[key] = value;
  }
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'element') {
      const clean = cleanElement(child, removed);
      if (clean) children.push(clean);
    } else if (child.type === 'text') children.push(child);
    else if (child.type === 'cdata') children.push(element.name === 'style' ? child : { type: 'text', value: child.value });
    else if (child.type === 'instruction') removed.add(`<?${child.name}?> processing instruction`);
    // Comments are dropped silently: they draw nothing and run nothing.
  }
  return { type: 'element', name: element.name, attributes: kept, children };
}

/** Why an attribute must go, or undefined when it may stay. */
function attributeProblem(element: string, key: string, value: string): string | undefined {
  if (key === 'xmlns') return value === svgNamespace ? undefined : `xmlns="${shorten(value)}"`;
  if (key === 'xmlns:xlink') return value === xlinkNamespace ? undefined : `xmlns:xlink="${shorten(value)}"`;
  if (key === 'href' || key === 'xlink:href') {
    // Only a reference to an element of this file: not another file, an address, `javascript:` or `data:`.
    return referring.has(element) && /^#[^\s#]+$/.test(value) ? undefined : `${key}="${shorten(value)}"`;
  }
  if (/^on/i.test(key)) return `${key} event handler`;
  if (!attributes.has(key) && !/^aria-[a-z]+$/.test(key)) return `${key} attribute`;
  if (key === 'style' || /url\(/i.test(value)) return isSafeCss(value) ? undefined : `${key}="${shorten(value)}"`;
  return undefined;
}

/**
 * CSS that can fetch nothing: every url() names a `#id` of this file, and there is no at-rule (@import,
 * @font-face), image-set(), escape (which could spell any of these) or script-running extension.
 */
function isSafeCss(css: string): boolean {
  const withoutLocal = css.replace(/url\(\s*(['"]?)#[^'"()\s]+\1\s*\)/gi, '');
  return !/url\(|image-set|image\(|@|\\|expression|javascript:|behavior|binding/i.test(withoutLocal);
}

function parseError(error: unknown): SanitizedSvg {
  // xast-util-from-xml throws a VFileMessage whose cause is parse-xml's error, with the real reason.
  const cause = (error as { cause?: unknown }).cause as { message?: string; line?: number; column?: number; pos?: number } | undefined;
  const reason = (cause?.message ?? String(error)).split('\n')[0] as string;
  if (cause?.line === undefined || cause.column === undefined || cause.pos === undefined) return { error: reason };
  return { error: reason, place: { line: cause.line, column: cause.column, offset: cause.pos } };
}

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);
