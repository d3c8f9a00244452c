import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { chromiumArgs } from '../../src/pdf/open-browser.js';
import { copyFixture, edit, run } from '../helpers.js';

/**
 * Found by looking at Seattle's Arabic guide: the almanac theme's raised initial split "كُتب" into a large
 * isolated "كُ" and "تب", breaking the word's joined letters. Each page names its script (`data-script`), and
 * the initial is set only in scripts of separate letters.
 */
describe('an initial letter only where the script has separate letters', () => {
  let root: string;
  beforeAll(async () => {
    root = copyFixture('basic');
    edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, ar, zh-Hans]');
    edit(root, 'blueprints/cities/springfield/city.yaml', /$/, '\ntheme: almanac\n');
    const sections = {
      ar: [
        '# لماذا هذا مهم\n\nكُتب هذا الدليل من أجل :city[government]. يحتاج السكان الجدد إلى مكان واحد للبدء.\n',
        '# التنفيذ\n\n## افتح مكتبًا\n\nابدأ بمكتب صغير.\n',
      ],
      'zh-Hans': ['# 为什么重要\n\n本指南是为:city[government]编写的。新居民需要一个起点。\n', '# 实施\n\n## 开设服务台\n\n从一个小服务台开始。\n'],
    };
    for (const [lang, [why, steps]] of Object.entries(sections)) {
      writeFileSync(path.join(root, `blueprints/welcome-desk/sections/01-why.${lang}.md`), why as string);
      writeFileSync(path.join(root, `blueprints/welcome-desk/sections/02-steps.${lang}.md`), steps as string);
    }
    const result = await run(['build', 'welcome-desk', '--city', 'springfield', '--lang', 'en,ar,zh-Hans', '--format', 'html'], root);
    expect(result.code, result.stderr).toBe(0);
  });

  it('raises the first letter of a part in English, not in Arabic or Chinese', async () => {
    const { executablePath } = await findBrowser({ env: process.env });
    const browser = await launch({ executablePath, headless: true, args: [...chromiumArgs] });
    try {
      const page = await browser.newPage();
      const seen: Record<string, { script: string | null; paragraph: number; initial: number }> = {};
      for (const lang of ['en', 'ar', 'zh-Hans']) {
        await page.goto(pathToFileURL(path.join(root, `out/springfield/${lang}/welcome-desk.html`)).href, { waitUntil: 'load' });
        seen[lang] = await page.evaluate(() => {
          const p = document.querySelector('section.part > h2 + p') as Element;
          const size = (style: CSSStyleDeclaration) => Number.parseFloat(style.fontSize);
          return {
            script: document.documentElement.getAttribute('data-script'),
            paragraph: size(getComputedStyle(p)),
            initial: size(getComputedStyle(p, '::first-letter')),
          };
        });
      }
      expect(Object.fromEntries(Object.entries(seen).map(([lang, s]) => [lang, s.script]))).toEqual({ en: 'Latn', ar: 'Arab', 'zh-Hans': 'Hans' });
      expect(seen.en?.initial).toBeGreaterThan(2 * (seen.en?.paragraph ?? 0));
      expect(seen.ar?.initial).toBe(seen.ar?.paragraph);
      expect(seen['zh-Hans']?.initial).toBe(seen['zh-Hans']?.paragraph);
    } finally {
      await browser.close();
    }
  });
});
