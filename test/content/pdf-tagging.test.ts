import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../src/pipeline/manifest.js';
import { brokenMarkedContent, looseText, qdfOf, structureTypes, textOf } from '../pdf-tagging.js';
import { sharedBuild } from './shared-build.js';

/**
 * #12: a shipped guide's PDF, in English and in Arabic, tagged as a PDF/UA checker asks. (No checker
 * could be installed here: see README, Known limitations; these are the checks it would make first.)
 */
describe('#12 the language-access guide as PDF/UA', () => {
  let outDir: string;
  let documents: ManifestDocument[];
  beforeAll(async () => {
    // The default edition's language-access guide in English and Arabic, from the content tests' shared build.
    const shared = await sharedBuild();
    expect(shared.result.code).toBe(0);
    outDir = shared.outDir;
    documents = shared.documents.filter((d) => d.city === 'new-york-city' && d.blueprint === 'language-access' && ['en', 'ar'].includes(d.lang));
  }, 1_800_000);

  it('marks running heads, footers and backgrounds as artifacts, and leaves nothing neither tagged nor artifact', () => {
    expect(documents.map((d) => d.lang).sort()).toEqual(['ar', 'en']);
    for (const doc of documents) {
      const pdf = path.join(outDir, doc.outputs.pdf?.path ?? '');
      const pages = doc.outputs.pdf?.pages ?? 0;
      const text = looseText(pdf);
      expect(text.loose, doc.lang).toBe(0);
      expect(text.artifacts, doc.lang).toBeGreaterThanOrEqual(pages - 1);
      if (doc.lang === 'en') {
        const artifacts = textOf(pdf, 'artifacts');
        expect(artifacts[2]).toMatch(/Language Access[\s\S]*Page 3 of \d+/);
        expect(textOf(pdf, 'tagged').join('')).not.toMatch(/Page \d+ of \d+/);
      }
    }
  });

  it('has no NonStruct or form fields, and every marked-content id leads to its element', async () => {
    for (const doc of documents) {
      const pdf = path.join(outDir, doc.outputs.pdf?.path ?? '');
      const types = structureTypes(pdf);
      expect([types.NonStruct ?? 0, types.Form ?? 0], doc.lang).toEqual([0, 0]);
      expect(types.P ?? 0, doc.lang).toBeGreaterThan(50);
      expect(types.Div ?? 0, doc.lang).toBeGreaterThan(0);
      expect(await brokenMarkedContent(pdf), doc.lang).toEqual([]);
      expect(qdfOf(pdf), doc.lang).not.toMatch(/\/AcroForm|\/Subtype \/Widget/);
    }
  });

  it('describes every link, names PDF/UA in XMP, packs object streams and passes qpdf --check', () => {
    for (const doc of documents) {
      const pdf = path.join(outDir, doc.outputs.pdf?.path ?? '');
      const qdf = qdfOf(pdf);
      const links = qdf.split('endobj').filter((object) => object.includes('/Subtype /Link'));
      expect(links.length, doc.lang).toBeGreaterThan(20);
      expect(
        links.filter((link) => !link.includes('/Contents')),
        doc.lang,
      ).toEqual([]);
      const xmp = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
      expect(xmp, doc.lang).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(xmp, doc.lang).toContain(`<dc:language><rdf:Bag><rdf:li>${doc.lang}</rdf:li></rdf:Bag></dc:language>`);
      expect(xmp, doc.lang).toContain(`<rdf:li xml:lang="x-default">${doc.title}</rdf:li>`);
      expect(execFileSync('qpdf', ['--show-xref', pdf], { encoding: 'utf8' })).toMatch(/compressed; stream = \d+/);
      expect(spawnSync('qpdf', ['--check', pdf]).status, doc.lang).toBe(0);
      // Object streams: the English guide was 725 KB without them.
      if (doc.lang === 'en') expect(readFileSync(pdf).byteLength).toBeLessThan(450_000);
    }
  });
});
