import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Inline } from './markdown-units.js';
import type { TranslatableFile } from './translatable-files.js';

export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';
export const metadataNamespace = 'urn:oasis:names:tc:xliff:metadata:2.0';

/**
 * An XLIFF 2.0 document for translators (#10): one `<file>` per source file, recording the source's hash
 * and where its translation goes (metadata module), one `<unit>` per block or title with one segment.
 * Markdown inside a unit is `<ph>` (alone) or `<pc>` (around text), its text in `<originalData>`, so a
 * tool shows it as a tag the translator moves but cannot edit. Existing translations are the targets,
 * `state="reviewed"` when their file says `review: reviewed`, else `translated`.
 */
export function writeXliff(files: TranslatableFile[], srcLang: string, trgLang: string): string {
  const fileElements = files.map((file, index) => {
    const reviewed = file.existing?.meta?.review === 'reviewed';
    const units = file.units.map((unit) => {
      const data: Element[] = [];
      const source = inlineXml(unit.source, data, true);
      const target = unit.target ? inlineXml(unit.target, data, false) : undefined;
      return x('unit', { id: unit.id, name: unit.name }, [
        ...(data.length ? [nl(3), x('originalData', [...data.flatMap((d) => [nl(4), d]), nl(3)])] : []),
        nl(3),
        x('segment', { state: target ? (reviewed ? 'reviewed' : 'translated') : 'initial' }, [
          nl(4),
          x('source', { 'xml:space': 'preserve' }, source),
          ...(target ? [nl(4), x('target', { 'xml:space': 'preserve' }, target)] : []),
          nl(3),
        ]),
        nl(2),
      ]);
    });
    const meta = (type: string, value: string) => x('mda:meta', { type }, value);
    return x('file', { id: `f${index + 1}`, original: file.original }, [
      nl(2),
      x('mda:metadata', [
        nl(3),
        x('mda:metaGroup', { category: 'blueprint' }, [
          nl(4),
          meta('sourceHash', file.sourceHash),
          nl(4),
          meta('translation', file.translation),
          nl(4),
          meta('format', file.kind === 'section' || file.kind === 'case-study' ? 'markdown' : 'yaml'),
          nl(3),
        ]),
        nl(2),
      ]),
      ...units.flatMap((unit) => [nl(2), unit]),
      nl(1),
    ]);
  });
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      x('xliff', { xmlns: xliffNamespace, 'xmlns:mda': metadataNamespace, version: '2.0', srcLang, trgLang }, [
        ...fileElements.flatMap((file) => [nl(1), file]),
        { type: 'text', value: '\n' },
      ]),
      { type: 'text', value: '\n' },
    ],
  };
  return toXml(tree, { closeEmptyElements: true });
}

/** Inline content as XLIFF: text, `<ph>` and `<pc>`; the source's codes add their `<data>`. */
function inlineXml(content: Inline[], data: Element[], isSource: boolean): ElementContent[] {
  const dataRef = (id: string, value: string) => {
    const ref = `d${id}`;
    if (isSource) data.push(x('data', { id: ref, 'xml:space': 'preserve' }, value));
    return ref;
  };
  return content.map((item): ElementContent => {
    if (item.type === 'text') return { type: 'text', value: item.value };
    if (item.type === 'ph') return x('ph', { id: item.id, dataRef: dataRef(item.id, item.data), canDelete: 'no', ...(item.disp ? { disp: item.disp } : {}) });
    return x(
      'pc',
      { id: item.id, dataRefStart: dataRef(`${item.id}s`, item.open), dataRefEnd: dataRef(`${item.id}e`, item.close), canDelete: 'no' },
      inlineXml(item.children, data, isSource),
    );
  });
}

const nl = (depth: number): ElementContent => ({ type: 'text', value: `\n${'  '.repeat(depth)}` });
