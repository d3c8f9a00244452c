import type { VFile } from 'vfile';
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { report } from '../diagnostics/messages.js';
import { codesOf, type Inline } from './markdown-units.js';
import type { TranslatableFile } from './translatable-files.js';
import { metadataNamespace, xliffNamespace } from './write-xliff.js';

/** One `<file>` of an XLIFF file, checked against the current source: each unit's translated text. */
export interface ImportedFile {
  source: TranslatableFile;
  /** Unit id → its translation (Markdown for blocks), or undefined for an optional value left untranslated. */
  values: Map<string, string | undefined>;
  /** Every segment is `reviewed` or `final`. */
  reviewed: boolean;
}

export interface ReadXliff {
  trgLang?: string;
  files: ImportedFile[];
}

type Code = Exclude<Inline, { type: 'text' }>;

/**
 * Read an XLIFF file that `blueprint i18n extract` wrote and a translator filled in (#10), checking all
 * of it: well-formed XML, XLIFF 2 structure, languages, that each `<file>` is a source of this project
 * unchanged since the extract, that its units are the source's, that each target keeps every inline code
 * of its source once and well nested, and that every unit that needs one has a target. Every problem is
 * reported on `xlf` at its line and column; the caller writes nothing when there is one.
 * `sourcesFor(lang)` gives the translatable files of the project for the file's target language.
 */
export function readXliff(xlf: VFile, srcLang: string, languages: string[], sourcesFor: (lang: string) => TranslatableFile[]): ReadXliff {
  let tree: Root;
  try {
    tree = fromXml(String(xlf.value));
  } catch (cause) {
    const error = cause as { place?: { line: number; column: number }; cause?: { message?: string } };
    const reason = (error.cause?.message ?? String(cause)).replace(/\s*\(line \d+, column \d+\)[\s\S]*$/, '');
    report(xlf, 'xliff-syntax', { reason }, { place: error.place });
    return { files: [] };
  }
  const structure = (node: Element | Root, detail: string) => report(xlf, 'xliff-structure', { detail }, { place: node.position });
  const root = tree.children.find((node): node is Element => node.type === 'element');
  if (root?.name !== 'xliff' || root.attributes.xmlns !== xliffNamespace) {
    structure(root ?? tree, `the document element must be <xliff xmlns="${xliffNamespace}">`);
    return { files: [] };
  }
  const version = root.attributes.version ?? '';
  if (!/^2\.\d+$/.test(version)) structure(root, `version "${version}", expected "2.0"`);
  if (root.attributes.srcLang !== srcLang) structure(root, `srcLang "${root.attributes.srcLang ?? ''}", expected the project's source language "${srcLang}"`);
  const trgLang = root.attributes.trgLang ?? '';
  if (!languages.slice(1).includes(trgLang)) {
    structure(root, `trgLang "${trgLang}" is not a language the project translates into (${languages.slice(1).join(', ')})`);
    return { files: [] };
  }
  const known = new Map(sourcesFor(trgLang).map((file) => [file.original, file]));
  const mdaPrefix = Object.entries(root.attributes)
    .find(([name, value]) => name.startsWith('xmlns:') && value === metadataNamespace)?.[0]
    .slice(6);
  const files: ImportedFile[] = [];
  const seenFiles = new Set<string>();
  for (const fileElement of elements(root)) {
    if (fileElement.name !== 'file') {
      structure(fileElement, `<${fileElement.name}> inside <xliff>, expected <file>`);
      continue;
    }
    const original = fileElement.attributes.original ?? '';
    const source = known.get(original);
    if (!source) {
      structure(fileElement, `<file original="${original}"> is not a translatable source of this project`);
      continue;
    }
    if (seenFiles.has(original)) {
      structure(fileElement, `a second <file> for ${original}`);
      continue;
    }
    seenFiles.add(original);
    const meta = (type: string) =>
      elements(fileElement)
        .filter((e) => e.name === `${mdaPrefix}:metadata`)
        .flatMap(elements)
        .flatMap(elements)
        .find((e) => e.name === `${mdaPrefix}:meta` && e.attributes.type === type);
    const hash = meta('sourceHash');
    if (!hash) structure(fileElement, `<file original="${original}"> has no sourceHash metadata (<mda:meta type="sourceHash">)`);
    else if (textOf(hash) !== source.sourceHash)
      report(xlf, 'xliff-stale', { source: original, recorded: textOf(hash), current: source.sourceHash }, { place: hash.position });
    const units = new Map(source.units.map((unit) => [unit.id, unit]));
    const values = new Map<string, string | undefined>();
    let reviewed = true;
    // A <file> nobody has translated yet (a whole project was extracted, part of it translated) is left alone.
    if (!elements(fileElement).some((unit) => elements(unit).some((part) => elements(part).some((e) => e.name === 'target')))) {
      report(xlf, 'xliff-file-untranslated', { source: original }, { place: fileElement.position });
      continue;
    }
    for (const unitElement of elements(fileElement)) {
      if (unitElement.name.includes(':')) continue;
      if (unitElement.name !== 'unit') {
        structure(unitElement, `<${unitElement.name}> inside <file>, expected <unit>`);
        continue;
      }
      const id = unitElement.attributes.id ?? '';
      const unit = units.get(id);
      if (!unit) {
        report(xlf, 'xliff-unit', { detail: `${original} has no unit "${id}"` }, { place: unitElement.position });
        continue;
      }
      if (values.has(id)) {
        report(xlf, 'xliff-unit', { detail: `unit "${id}" appears twice` }, { place: unitElement.position });
        continue;
      }
      const codes = new Map(codesOf(unit.source).map((code) => [code.id, code]));
      const used = new Set<string>();
      let text = '';
      let translated = false;
      let targetPlace: Element | undefined;
      for (const part of elements(unitElement)) {
        if (part.name === 'originalData' || part.name === 'notes' || part.name.includes(':')) continue;
        if (part.name !== 'segment' && part.name !== 'ignorable') {
          structure(part, `<${part.name}> inside <unit>, expected <segment>`);
          continue;
        }
        const target = elements(part).find((e) => e.name === 'target');
        const from = target ?? (part.name === 'ignorable' ? elements(part).find((e) => e.name === 'source') : undefined);
        // Reviewed: every translated segment was; an optional value left in the source language does not count.
        if (part.name === 'segment' && target) {
          const state = part.attributes.state ?? 'initial';
          if (state !== 'reviewed' && state !== 'final') reviewed = false;
        }
        if (!from) continue;
        targetPlace ??= target;
        if (target) translated = true;
        const open: string[] = [];
        text += inlineText(xlf, from.children, codes, used, open);
        for (const id of open) report(xlf, 'xliff-inline-code', { detail: `<sc id="${id}"> has no <ec> in this target` }, { place: from.position });
      }
      for (const [codeId, code] of codes)
        if (!used.has(codeId) && translated)
          report(xlf, 'xliff-inline-code', { detail: `unit "${id}" lacks ${describe(code)}` }, { place: (targetPlace ?? unitElement).position });
      if (!translated || !text.trim()) {
        if (unit.required) report(xlf, 'xliff-target-missing', { unit: id }, { place: unitElement.position });
        values.set(id, undefined);
      } else values.set(id, text);
    }
    const missing = source.units.filter((unit) => !values.has(unit.id)).map((unit) => `"${unit.id}"`);
    if (missing.length)
      report(xlf, 'xliff-unit', { detail: `${original} lacks unit${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }, { place: fileElement.position });
    files.push({ source, values, reviewed });
  }
  return { trgLang, files };
}

/** A target's text with each code replaced by the Markdown it stands for; reports what does not match. */
function inlineText(xlf: VFile, children: ElementContent[], codes: Map<string, Code>, used: Set<string>, open: string[]): string {
  let out = '';
  const take = (element: Element, id: string, type: Code['type']): Code | undefined => {
    const code = codes.get(id);
    if (!code || code.type !== type) {
      report(xlf, 'xliff-inline-code', { detail: `<${element.name} id="${id}"> is not a code of the source` }, { place: element.position });
      return undefined;
    }
    if (used.has(id)) {
      report(xlf, 'xliff-inline-code', { detail: `${describe(code)} appears twice` }, { place: element.position });
      return undefined;
    }
    used.add(id);
    return code;
  };
  for (const child of children) {
    if (child.type === 'text' || child.type === 'cdata') {
      out += child.value;
      continue;
    }
    if (child.type !== 'element') continue;
    const id = child.attributes.id ?? '';
    switch (child.name) {
      case 'ph': {
        const code = take(child, id, 'ph');
        if (code?.type === 'ph') out += code.data;
        break;
      }
      case 'pc': {
        const code = take(child, id, 'pc');
        const inner = inlineText(xlf, child.children, codes, used, []);
        out += code?.type === 'pc' ? `${code.open}${inner}${code.close}` : inner;
        break;
      }
      case 'sc': {
        const code = take(child, id, 'pc');
        if (code?.type === 'pc') out += code.open;
        open.push(id);
        break;
      }
      case 'ec': {
        const ref = child.attributes.startRef ?? id;
        if (open.at(-1) !== ref) {
          report(
            xlf,
            'xliff-inline-code',
            { detail: `<ec startRef="${ref}"> closes ${open.length ? `<sc id="${open.at(-1)}">'s pair out of order` : 'nothing opened in this target'}` },
            { place: child.position },
          );
          break;
        }
        open.pop();
        const code = codes.get(ref);
        if (code?.type === 'pc') out += code.close;
        break;
      }
      case 'mrk':
        out += inlineText(xlf, child.children, codes, used, open);
        break;
      case 'sm':
      case 'em':
        break;
      case 'cp': {
        const value = Number.parseInt(child.attributes.hex ?? '', 16);
        if (Number.isInteger(value) && value >= 0 && value <= 0x10ffff) out += String.fromCodePoint(value);
        else report(xlf, 'xliff-structure', { detail: `<cp hex="${child.attributes.hex ?? ''}"> is not a code point` }, { place: child.position });
        break;
      }
      default:
        report(xlf, 'xliff-structure', { detail: `<${child.name}> inside a target` }, { place: child.position });
    }
  }
  return out;
}

const describe = (code: Code) => (code.type === 'ph' ? `<ph id="${code.id}"> (${code.data})` : `<pc id="${code.id}"> (${code.open}…${code.close})`);

const elements = (node: Element | Root): Element[] => (node.children as ElementContent[]).filter((child): child is Element => child.type === 'element');

const textOf = (node: Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
