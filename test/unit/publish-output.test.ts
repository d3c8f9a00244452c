import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, type ManifestDocument, sha256 } from '../../src/pipeline/manifest.js';
import { publishOutput } from '../../src/pipeline/publish-output.js';
import { StagedOutput } from '../../src/pipeline/stage-output.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { loadTheme, type Theme } from '../../src/theme/load-theme.js';
import { fixture, messageLines, readHtml } from '../helpers.js';

const pid = 777;

/** Stage a document's HTML as the build does, and publish it. */
async function publish(project: Project, theme: Theme, outDir: string, bases: string[]) {
  const staged = (await StagedOutput.open(outDir, pid, () => false)) as StagedOutput;
  const documents: ManifestDocument[] = [];
  for (const base of bases) {
    const html = `<p>${base}</p>`;
    await staged.write(`${base}.html`, html);
    const [city = '', lang = '', blueprint = ''] = base.split('/');
    documents.push({ blueprint, city, lang, title: base, slots: {}, outputs: { html: { path: `${base}.html`, sha256: sha256(html), bytes: html.length } } });
  }
  const request = new VFile();
  const manifest = await publishOutput(project, theme, documents, staged, request);
  if (!manifest) await staged.discard();
  return { manifest, request };
}

const written = (outDir: string) => JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
const indexLinks = (outDir: string) => selectAll('a', readHtml(path.join(outDir, 'index.html'))).map((a) => String(a.properties.href));

describe('publishOutput (#8)', () => {
  let project: Project;
  let theme: Theme;
  beforeAll(async () => {
    project = (await loadProject(fixture('editions'))).project as Project;
    theme = loadTheme(project.root, 'default').theme as Theme;
  });
  const outDir = () => mkdtempSync(path.join(os.tmpdir(), 'bp-publish-'));

  it('publishes the documents with an index and a manifest of every file it wrote', async () => {
    const out = outDir();
    const { manifest, request } = await publish(project, theme, out, ['springfield/en/welcome-desk']);
    expect(request.messages).toEqual([]);
    expect(manifest?.documents.map((d) => d.title)).toEqual(['springfield/en/welcome-desk']);
    expect(written(out).files).toEqual(expect.arrayContaining(['index.html', 'manifest.json', 'springfield/en/welcome-desk.html']));
    expect(written(out).files.filter((f) => !f.startsWith('assets/fonts/'))).toEqual(['index.html', 'manifest.json', 'springfield/en/welcome-desk.html']);
    expect(indexLinks(out)).toEqual(['springfield/en/welcome-desk.html']);
  });

  it('keeps in the index and manifest the documents of earlier builds whose files are still there', async () => {
    const out = outDir();
    await publish(project, theme, out, ['springfield/en/welcome-desk', 'springfield/en/language-line']);
    await publish(project, theme, out, ['riverton/en/welcome-desk']);
    rmSync(path.join(out, 'springfield/en/language-line.html'));
    const { manifest } = await publish(project, theme, out, ['lakeside/en/welcome-desk']);
    // This build's manifest names this build's documents; the folder's names every one still there.
    expect(manifest?.documents.map((d) => d.title)).toEqual(['lakeside/en/welcome-desk']);
    expect(written(out).documents.map((d) => d.title)).toEqual(['lakeside/en/welcome-desk', 'riverton/en/welcome-desk', 'springfield/en/welcome-desk']);
    expect(indexLinks(out)).toEqual(['lakeside/en/welcome-desk.html', 'riverton/en/welcome-desk.html', 'springfield/en/welcome-desk.html']);
    expect(written(out).files).toEqual(
      expect.arrayContaining(['riverton/en/welcome-desk.html', 'springfield/en/welcome-desk.html', 'lakeside/en/welcome-desk.html']),
    );
    expect(written(out).files).not.toContain('springfield/en/language-line.html');
  });

  it('refuses to replace a file it did not write, and publishes nothing', async () => {
    const out = outDir();
    writeFileSync(path.join(out, 'index.html'), '<p>a page someone wrote</p>');
    const { manifest, request } = await publish(project, theme, out, ['springfield/en/welcome-desk']);
    expect(manifest).toBeUndefined();
    expect(messageLines([request], out)).toEqual([
      ': error: index.html is in the way: the toolkit did not make it, so it will not replace it [output-conflict]',
    ]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>a page someone wrote</p>');
    expect(readdirSync(out)).toEqual(['index.html']);
  });
});
