import type { Page } from 'puppeteer-core';
import type { PageArea } from './page-area.js';

/** How the printed contents were fitted to the page (#12). */
export interface ContentsFit {
  /** Pages the contents take in print. */
  pages: number;
  /** Tightness class set on the contents (`toc-fit-1`, `toc-fit-2`), or none. */
  tightness: string | undefined;
  /** Contents entries (by their link's href) that start a page of the contents. */
  breaks: string[];
}

/**
 * #12: contents that spill a few lines onto a page of their own look unfinished. Before the print, the
 * contents are measured in print media at the page area's width (from the document's `@page` rule): when a
 * tighter setting (`toc-fit-1`: less leading; `toc-fit-2`: also smaller second-level entries, themes'
 * print.css) takes fewer pages, it is used; when the contents must span pages, they are split evenly at
 * part entries (a forced break), never a few lines on the last page. Only the printing page changes; the
 * published HTML keeps its contents as they are. The page is in print media (print-pdf.ts sets it once).
 */
export async function fitContents(page: Page, area: PageArea | undefined): Promise<ContentsFit> {
  if (!area) return { pages: 0, tightness: undefined, breaks: [] };
  return page.evaluate((area: { width: number; height: number }) => {
    const none = { pages: 0, tightness: undefined, breaks: [] as string[] };
    const nav = document.querySelector('[data-toc-for]')?.closest('nav') as HTMLElement | null | undefined;
    if (!nav) return none;
    const widthBefore = nav.style.getPropertyValue('width');
    nav.style.setProperty('width', `${area.width}px`, 'important');
    // The heading's top margin stays on the page after the cover's forced break; in continuous layout it
    // would collapse through the contents' top, out of the measure.
    nav.style.setProperty('display', 'flow-root', 'important');
    // A line is whole on a page when its foot is within the page area; a few pixels of slack for rounding.
    const usable = area.height - 4;
    const measure = () => nav.getBoundingClientRect().height;
    const pagesFor = (h: number) => Math.max(1, Math.ceil(h / usable));
    const base = measure();
    let tightness: string | undefined;
    let total = base;
    for (const name of ['toc-fit-1', 'toc-fit-2']) {
      nav.classList.add(name);
      const h = measure();
      nav.classList.remove(name);
      if (pagesFor(h) < pagesFor(base)) {
        tightness = name;
        total = h;
        break;
      }
    }
    if (tightness) nav.classList.add(tightness);
    const pages = pagesFor(total);
    const breaks: string[] = [];
    if (pages > 1) {
      // Even pages: each break at the part entry nearest the page's share of the height, keeping every
      // page within the page area and leaving the rest room enough on the pages after.
      const top = nav.getBoundingClientRect().top;
      const entries = Array.from(nav.querySelectorAll('li'), (li) => ({
        li,
        level: li.classList.contains('toc-level-1') ? 1 : 2,
        y: li.getBoundingClientRect().top - top,
      }));
      let start = 0;
      for (let j = 1; j < pages; j++) {
        const ideal = start + (total - start) / (pages - j + 1);
        const fitting = entries.filter((e) => e.y > start && e.y - start <= usable && total - e.y <= (pages - j) * usable);
        const pool = fitting.some((e) => e.level === 1) ? fitting.filter((e) => e.level === 1) : fitting;
        const best = pool.reduce<(typeof pool)[number] | undefined>((a, e) => (!a || Math.abs(e.y - ideal) < Math.abs(a.y - ideal) ? e : a), undefined);
        if (!best) break;
        best.li.style.setProperty('break-before', 'page', 'important');
        breaks.push(best.li.querySelector('a')?.getAttribute('href') ?? '');
        start = best.y;
      }
    }
    if (widthBefore) nav.style.setProperty('width', widthBefore);
    else nav.style.removeProperty('width');
    nav.style.removeProperty('display');
    return { pages, tightness, breaks };
  }, area);
}
