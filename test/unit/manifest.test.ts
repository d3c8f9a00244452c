import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentKey,
  type Manifest,
  type ManifestDocument,
  ownedFiles,
  previousDocuments,
  readManifest,
  sha256,
  sortDocuments,
} from '../../src/pipeline/manifest.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'bp-manifest-'));

function doc(city: string, lang: string, blueprint: string, formats: ('html' | 'pdf')[] = ['html', 'pdf']): ManifestDocument {
  const outputs = Object.fromEntries(formats.map((f) => [f, { path: `${city}/${lang}/${blueprint}.${f}`, sha256: sha256(f), bytes: 1 }]));
  return { blueprint, city, lang, title: blueprint, slots: {}, outputs };
}

const manifest = (documents: ManifestDocument[], files: string[] = []): Manifest => ({
  generator: 'blueprints-toolkit',
  project: 'Fixture',
  version: '1.0',
  documents,
  files,
});

/** An output folder holding `manifest.json` with `text`, and the given files. */
function outDir(text: string | undefined, files: string[] = []): string {
  const dir = tempDir();
  if (text !== undefined) writeFileSync(path.join(dir, 'manifest.json'), text);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), file);
  }
  return dir;
}

describe('readManifest', () => {
  it('reads the manifest an earlier build wrote', () => {
    const ours = manifest([doc('springfield', 'en', 'welcome-desk')], ['index.html', 'manifest.json']);
    expect(readManifest(outDir(JSON.stringify(ours)))).toEqual(ours);
  });

  it('fills what an older manifest of ours lacks', () => {
    const dir = outDir(JSON.stringify({ generator: 'blueprints-toolkit', documents: [] }));
    expect(readManifest(dir)).toEqual({ generator: 'blueprints-toolkit', project: '', version: null, documents: [], files: [] });
  });

  it.each([
    ['no manifest at all', undefined],
    ['a manifest of another tool', JSON.stringify({ generator: 'other-site-generator', documents: [] })],
    ['a manifest without a generator', JSON.stringify({ documents: [] })],
    ['documents that are not a list', JSON.stringify({ generator: 'blueprints-toolkit', documents: {} })],
    ['a JSON list', '[{"generator":"blueprints-toolkit","documents":[]}]'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['broken JSON', '{"generator": "blueprints-toolkit", "documents": ['],
    ['an empty file', ''],
  ])('refuses %s', (_, text) => {
    expect(readManifest(outDir(text))).toBeUndefined();
  });
});

describe('previousDocuments', () => {
  const desk = doc('springfield', 'en', 'welcome-desk');
  const line = doc('springfield', 'en', 'language-line', ['pdf']);
  const riverton = doc('riverton', 'en', 'welcome-desk', ['html']);
  const all = [desk, line, riverton];
  const filesOf = (...docs: ManifestDocument[]) => docs.flatMap((d) => Object.values(d.outputs).map((f) => f?.path as string));

  it('keeps the documents of an earlier build whose every file is still there', () => {
    const dir = outDir(undefined, filesOf(...all));
    expect(previousDocuments(dir, manifest(all), new Set())).toEqual(all);
  });

  it('drops a document when any of its files is gone', () => {
    const dir = outDir(undefined, [...filesOf(line, riverton), 'springfield/en/welcome-desk.html']);
    expect(previousDocuments(dir, manifest(all), new Set())).toEqual([line, riverton]);
  });

  it('drops the documents this build makes again', () => {
    const dir = outDir(undefined, filesOf(...all));
    expect(previousDocuments(dir, manifest(all), new Set([documentKey(desk), documentKey(riverton)]))).toEqual([line]);
  });

  it('keeps nothing without an earlier manifest, and no entry without outputs', () => {
    const dir = outDir(undefined, filesOf(...all));
    expect(previousDocuments(dir, undefined, new Set())).toEqual([]);
    const old = { ...desk, outputs: undefined } as unknown as ManifestDocument;
    expect(previousDocuments(dir, manifest([old, line]), new Set())).toEqual([line]);
  });
});

describe('the rest of the manifest', () => {
  it('owns what an earlier build wrote, and nothing without one', () => {
    expect(ownedFiles(undefined)).toEqual(new Set());
    expect(ownedFiles(manifest([], ['springfield/en/welcome-desk.pdf']))).toEqual(new Set(['manifest.json', 'index.html', 'springfield/en/welcome-desk.pdf']));
  });

  it('sorts documents by city, language and blueprint', () => {
    const docs = [doc('springfield', 'es', 'a'), doc('riverton', 'en', 'b'), doc('springfield', 'en', 'b'), doc('springfield', 'en', 'a')];
    expect(sortDocuments(docs).map(documentKey)).toEqual(['riverton/en/b', 'springfield/en/a', 'springfield/en/b', 'springfield/es/a']);
    expect(docs.map(documentKey)[0]).toBe('springfield/es/a');
  });

  it('hashes with SHA-256', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(new TextEncoder().encode('abc'))).toBe(sha256('abc'));
  });
});
