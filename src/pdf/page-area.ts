import type { Page } from 'puppeteer-core';

export interface PageArea {
  width: number;
  height: number;
}

/**
 * The printed page's area in CSS pixels (#12), from the document's `@page` rule (its `size` by name —
 * letter, A4, A5, legal — or by two lengths, and its margins), measured by a hidden box of that size in
 * the page. Undefined when it measures as nothing. The caller has set print media.
 */
export async function measurePageArea(page: Page): Promise<PageArea | undefined> {
  return page.evaluate(() => {
    let size = '';
    let margin = '';
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule && rule.selectorText === '') {
          size = rule.style.getPropertyValue('size') || size;
          margin = rule.style.getPropertyValue('margin') || margin;
        } else if (rule instanceof CSSMediaRule) visit(rule.cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      // A stylesheet the page may not read (another origin; a refused request) has no @page rule for us.
      let rules: CSSRuleList | undefined;
      try {
        rules = sheet.cssRules;
      } catch {}
      if (rules) visit(rules);
    }
    const named: Record<string, [string, string]> = { letter: ['8.5in', '11in'], a4: ['210mm', '297mm'], a5: ['148mm', '210mm'], legal: ['8.5in', '14in'] };
    const words = size.trim().toLowerCase().split(/\s+/);
    const [width, height] = named[words[0] ?? ''] ?? (words.length === 2 ? (words as [string, string]) : named.letter) ?? ['8.5in', '11in'];
    const probe = document.createElement('div');
    probe.setAttribute('style', `position:absolute;visibility:hidden;box-sizing:border-box;width:${width};height:${height};padding:${margin || '0'}`);
    const inner = document.createElement('div');
    inner.setAttribute('style', 'width:100%;height:100%');
    probe.append(inner);
    document.body.append(probe);
    const area = inner.getBoundingClientRect();
    probe.remove();
    return area.height > 0 && area.width > 0 ? { width: area.width, height: area.height } : undefined;
  });
}
