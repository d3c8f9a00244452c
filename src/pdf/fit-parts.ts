import type { Page } from 'puppeteer-core';
import type { DestinationPlace } from './read-destinations.js';

/** The end of each part of the document: the id of an empty mark after its last word. */
export interface PartEnd {
  part: string;
  mark: string;
  start: string;
}

const markPrefix = 'bp-part-end-';

/**
 * #12: a part (a section starting on a new page) whose last page holds only a line or three looks unfinished.
 * Before the full print, an empty mark (an inline span, so no line moves) goes after the last word of each
 * part, and a hidden link to it and to the part, so the print's destinations tell where each part ends.
 */
export async function markPartEnds(page: Page): Promise<{ ends: PartEnd[]; added: string[] }> {
  return page.evaluate((prefix: string) => {
    const ends: { part: string; mark: string; start: string }[] = [];
    const added: string[] = [];
    const targeted = new Set(Array.from(document.querySelectorAll('a[href^="#"]'), (a) => (a.getAttribute('href') ?? '').slice(1)));
    const links = document.createDocumentFragment();
    const link = (id: string) => {
      const a = document.createElement('a');
      a.href = `#${id}`;
      a.setAttribute('style', 'display:none !important');
      links.append(a);
    };
    Array.from(document.querySelectorAll('section.part')).forEach((part, i) => {
      // No filter callback: with JavaScript off in the page, a callback into it cannot run.
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test(n.nodeValue ?? '')) last = n;
      if (!last?.parentNode) return;
      const mark = document.createElement('span');
      mark.id = `${prefix}${i + 1}`;
      last.parentNode.insertBefore(mark, last.nextSibling);
      if (!part.id) part.id = `bp-part-${i + 1}`;
      link(mark.id);
      added.push(mark.id);
      if (!targeted.has(part.id)) {
        link(part.id);
        added.push(part.id);
      }
      ends.push({ part: part.id, mark: mark.id, start: part.id });
    });
    document.body.append(links);
    return { ends, added };
  }, markPrefix);
}

/**
 * The parts whose last page is short (the last line begins less than `short` points below the top of the
 * page area) and that a tighter setting (`part-fit` in the theme's print.css: a little less leading and
 * space between blocks) shortens, measured at the page's width in print media, by well over what that
 * last page holds: set so, the part's last page goes back onto the pages before. The class is set on them.
 */
export async function tightenShortParts(page: Page, ends: PartEnd[], places: Map<string, DestinationPlace>, short = 60): Promise<string[]> {
  const candidates = ends.flatMap((end) => {
    const start = places.get(end.start);
    const last = places.get(end.mark);
    return start && last && last.page > start.page && last.below < short ? [{ part: end.part, below: last.below }] : [];
  });
  if (candidates.length === 0) return [];
  await page.emulateMediaType('print');
  try {
    return await page.evaluate((parts: { part: string; below: number }[]) => {
      // The width of the page area, as fit-contents.ts finds it: from the document's @page rule.
      let size = '';
      let margin = '';
      for (const sheet of Array.from(document.styleSheets))
        for (const rule of Array.from(sheet.cssRules))
          if (rule instanceof CSSPageRule && rule.selectorText === '') {
            size = rule.style.getPropertyValue('size') || size;
            margin = rule.style.getPropertyValue('margin') || margin;
          }
      const width = size.trim().toLowerCase().startsWith('a4') ? '210mm' : '8.5in';
      const probe = document.createElement('div');
      probe.setAttribute('style', `position:absolute;visibility:hidden;box-sizing:border-box;width:${width};padding:${margin || '0'}`);
      const inner = document.createElement('div');
      probe.append(inner);
      document.body.append(probe);
      const area = inner.getBoundingClientRect().width;
      probe.remove();
      const tightened: string[] = [];
      for (const { part, below } of parts) {
        const section = document.getElementById(part) as HTMLElement | null;
        if (!section) continue;
        const before = section.style.getPropertyValue('width');
        section.style.setProperty('width', `${area}px`, 'important');
        const loose = section.getBoundingClientRect().height;
        section.classList.add('part-fit');
        const tight = section.getBoundingClientRect().height;
        if (before) section.style.setProperty('width', before);
        else section.style.removeProperty('width');
        // Points to CSS pixels: the last page's text (its last line and one more), with room to spare for
        // the space a page break leaves at the foot of a page.
        const needed = ((below + 16) / 0.75) * 1.25;
        if (loose - tight >= needed) tightened.push(part);
        else section.classList.remove('part-fit');
      }
      return tightened;
    }, candidates);
  } finally {
    await page.emulateMediaType();
  }
}
