import postcss, { type AtRule, CssSyntaxError, type Declaration } from 'postcss';
import valueParser from 'postcss-value-parser';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';

/**
 * #9: a theme's stylesheets are inlined into every published page, so a `url(https://…)` in one makes every
 * reader's browser fetch it (printing refuses it, the HTML did not). Each stylesheet is parsed (postcss) and
 * every address it loads — `url()`, the strings of `image-set()`, `@import` — is taken with CSS escapes
 * decoded (`\75 rl(` is `url(`), and refused, at its declaration, unless it stays inside the page: a relative
 * path, a `#fragment` or a `data:` URL.
 */
export function checkStylesheetUrls(file: VFile): void {
  let root: postcss.Root;
  try {
    root = postcss.parse(String(file.value), { from: file.path });
  } catch (cause) {
    if (!(cause instanceof CssSyntaxError)) throw cause;
    report(file, 'theme-css-invalid', { reason: cause.reason }, cause.line ? { place: { line: cause.line, column: cause.column ?? 1 } } : {});
    return;
  }
  const refuse = (node: Declaration | AtRule, url: string) => {
    const start = node.source?.start;
    report(file, 'theme-remote-url', { url }, start ? { place: { line: start.line, column: start.column } } : {});
  };
  root.walkDecls((decl) => {
    for (const url of loadedBy(decodeEscapes(decl.value))) if (leavesThePage(url)) refuse(decl, url);
  });
  root.walkAtRules((rule) => {
    const params = decodeEscapes(rule.params);
    const urls = loadedBy(params);
    // `@import "x.css"` names its address as a bare string.
    if (rule.name.toLowerCase() === 'import') for (const node of valueParser(params).nodes) if (node.type === 'string') urls.push(node.value);
    for (const url of urls) if (leavesThePage(url)) refuse(rule, url);
  });
}

/** The addresses a CSS value loads: every `url()`, and the strings inside `image-set()` (which are URLs). */
function loadedBy(value: string): string[] {
  const found: string[] = [];
  valueParser(value).walk((node) => {
    if (node.type !== 'function') return;
    const name = node.value.toLowerCase();
    if (name === 'url')
      found.push(
        node.nodes
          .map((n) => (n.type === 'string' ? n.value : valueParser.stringify(n)))
          .join('')
          .trim(),
      );
    else if (/^(-webkit-)?image-set$/.test(name)) for (const inner of node.nodes) if (inner.type === 'string') found.push(inner.value);
  });
  return found;
}

/** A web address or any scheme but data:, or a scheme-relative `//host` address. */
function leavesThePage(url: string): boolean {
  const trimmed = url.trim().replace(/[\t\n\r]/g, '');
  if (/^data:/i.test(trimmed)) return false;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[/\\]{2}/.test(trimmed);
}

/** CSS escapes decoded: `\75 ` and `\u` are `u` (CSS Syntax 4.3.7), so an escaped `url(` is still seen. */
function decodeEscapes(text: string): string {
  return text.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n0-9a-fA-F])/g, (_, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? '';
    const code = Number.parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}
