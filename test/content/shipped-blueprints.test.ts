import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectMessages, formatMessages } from '../../src/diagnostics/report.js';
import { build, check } from '../../src/index.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { repoRoot } from '../helpers.js';

// #4: the shipped content is the product's demonstration and every fork's starting point.
describe('the shipped blueprints', () => {
  let project: Project;

  beforeAll(async () => {
    const loaded = await loadProject(repoRoot);
    expect(formatMessages(collectMessages(loaded.files), repoRoot)).toBe('');
    project = loaded.project as Project;
  });

  it('pass `blueprint check` for every city edition with no errors or warnings', async () => {
    const result = await check({ root: repoRoot });
    // #10: the draft translations of language-access cover its first section only; the rest is said once per section and language.
    const messages = collectMessages(result.files).filter((m) => !(m.ruleId === 'untranslated' && m.file?.includes('/language-access/sections/')));
    expect(formatMessages(messages, repoRoot)).toBe('');
    expect(collectMessages(result.files).filter((m) => m.ruleId === 'untranslated')).toHaveLength(7 * 3);
    expect(result.code).toBe(0);
    // Every city's edition of every blueprint, plus language-access in es, zh-Hans and ar.
    expect(result.documents).toBe(project.cities.size * (project.blueprints.length + 3));
  });

  it('build as PDFs for the default edition, every font bundled, fallbacks only for slots the city lacks', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'bp-shipped-'));
    const result = await build({ root: repoRoot, outDir, env: process.env });
    const messages = collectMessages(result.files);
    expect(messages.filter((m) => m.fatal).map(String)).toEqual([]);
    expect(result.manifest?.documents).toHaveLength(12 + 3);
    for (const doc of result.manifest?.documents ?? []) {
      for (const [slot, fill] of Object.entries(doc.slots)) {
        const own = project.caseStudies.some((c) => c.slot === slot && c.city === doc.city);
        expect(fill.source, `${doc.blueprint}/${slot}`).toBe(own ? 'edition' : 'fallback');
      }
      const fonts = execFileSync('pdffonts', [path.join(outDir, doc.outputs.pdf?.path ?? '')], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      for (const line of fonts) expect(line, doc.blueprint).toMatch(/^[A-Z]{6}\+Noto\S*\s.*\byes\s+yes\s+yes\b/);
      expect(doc.outputs.pdf?.pages ?? 0, doc.blueprint).toBeGreaterThanOrEqual(8);
    }
  });

  it('are the twelve topics, each with every required part', () => {
    expect(project.blueprints.map((b) => b.id)).toEqual([
      'plans-and-policies',
      'language-access',
      'immigrants-and-the-economy',
      'police-community-engagement',
      'civic-engagement',
      'citizenship',
      'education',
      'health',
      'libraries',
      'financial-empowerment',
      'domestic-violence-prevention',
      'legal-services-and-new-arrivals',
    ]);
    for (const blueprint of project.blueprints) {
      const parts = new Set(blueprint.sections.map((s) => s.part));
      for (const part of project.config.required_parts) expect(parts.has(part), `${blueprint.id} lacks ${part}`).toBe(true);
    }
  });

  it('are practical guides of 1,500–3,000 words', () => {
    for (const blueprint of project.blueprints) {
      const prose = blueprint.sections
        .map((s) => String(s.file.value))
        .join('\n')
        .split('\n')
        .filter((line) => !/^\[\^[^\]]+\]:/.test(line))
        .join(' ');
      const words = prose.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
      expect(words, blueprint.id).toBeGreaterThanOrEqual(1500);
      expect(words, blueprint.id).toBeLessThanOrEqual(3000);
    }
  });

  it('give every slot case studies from at least three cities, and every case study its sources', () => {
    for (const blueprint of project.blueprints) {
      expect(blueprint.config.slots.length, blueprint.id).toBeGreaterThanOrEqual(1);
      for (const slot of blueprint.config.slots) {
        const cities = new Set(project.caseStudies.filter((c) => c.slot === slot.id).map((c) => c.city));
        expect(cities.size, slot.id).toBeGreaterThanOrEqual(3);
      }
    }
    for (const study of project.caseStudies) {
      expect(study.config.sources.length, study.file.path).toBeGreaterThanOrEqual(1);
      for (const source of study.config.sources) expect(source.title && source.publisher && String(source.year)).toBeTruthy();
      const body = String(study.file.value).replace(/^---[\s\S]*?\n---\n/, '');
      expect(body.split(/\s+/).filter(Boolean).length, study.file.path).toBeGreaterThanOrEqual(150);
    }
  });

  it('profile at least six cities, each with case studies', () => {
    const withStudies = [...project.cities.keys()].filter((id) => project.caseStudies.some((c) => c.city === id));
    expect(withStudies.length).toBeGreaterThanOrEqual(6);
  });

  it('cite in the text only sources that the blueprint lists', () => {
    for (const blueprint of project.blueprints) {
      const listed = blueprint.config.sources.length;
      expect(listed, blueprint.id).toBeGreaterThan(0);
      for (const section of blueprint.sections) {
        const text = String(section.file.value);
        const refs = new Set([...text.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]));
        const defs = new Set([...text.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
        for (const ref of refs) expect(defs.has(ref), `${section.file.path}: [^${ref}] has no definition`).toBe(true);
      }
    }
    expect(readFileSync(`${repoRoot}/blueprints/project.yaml`, 'utf8')).toContain('default_city: new-york-city');
  });
});
