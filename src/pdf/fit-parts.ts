import type { Page } from 'puppeteer-core';
import type { PageArea } from './page-area.js';
import type { DestinationPlace } from './read-destinations.js';

/** The end of each part of the document: the id of an empty block after its last one. */
export interface PartEnd {
  part: string;
  mark: string;
  start: string;
  /** Blocks of the part a page may start with, in document order, and whether each must stay with the next. */
  blocks: { id: string; keep: boolean }[];
}

/** What was done to the parts whose last page was short. */
export interface PartFit {
  /** Parts set tighter (`part-fit`). */
  tightened: string[];
  /** Blocks that start a page early (`break-before: page`), so the part's last page holds more lines. */
  pushed: string[];
}

const markPrefix = 'bp-part-end-';

/**
 * #12: a part (a section starting on a new page) whose last page holds only a line or three looks unfinished.
 * Before the measures, an empty block (no height, so nothing moves) goes after the last block of each
 * part, and a hidden link to it and to the part, so the print's destinations tell where each part ends.
 */
export async function markPartEnds(page: Page): Promise<{ ends: PartEnd[]; added: string[] }> {
  // Every block of a part a page may start with gets a link target too: a short last page may be filled
  // by breaking before one of them (see fitShortParts).
  return page.evaluate((prefix: string) => {
    const ends: { part: string; mark: string; start: string; blocks: { id: string; keep: boolean }[] }[] = [];
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
      // An empty block after the part's last one, not an inline mark after its last word: Chromium places
      // the destination of an inline in a line that a page break pushed onto the next page at the foot of
      // the page before (Seattle's financial guide, page 14, lost that way).
      const mark = document.createElement('div');
      mark.id = `${prefix}${i + 1}`;
      mark.setAttribute('aria-hidden', 'true');
      mark.setAttribute('style', 'display:block;height:0;margin:0;padding:0;border:0');
      part.append(mark);
      if (!part.id) part.id = `bp-part-${i + 1}`;
      link(mark.id);
      added.push(mark.id);
      if (!targeted.has(part.id)) {
        link(part.id);
        added.push(part.id);
      }
      // Blocks a forced break may go before: not inside a table, a figure or a quotation; inside a case
      // study too (a part may end with the last piece of one).
      const blocks = Array.from(part.querySelectorAll('h3, h4, h5, h6, p, li, aside, .table-scroll, table, figure, blockquote, pre'))
        .filter((block) => !block.parentElement?.closest('table, figure, blockquote, .table-scroll'))
        .map((block, k) => {
          if (!block.id) block.id = `${mark.id}-${k + 1}`;
          if (!targeted.has(block.id)) {
            targeted.add(block.id);
            link(block.id);
            added.push(block.id);
          }
          return { id: block.id, keep: block.matches('h3, h4, h5, h6, .lead-in, .case-study-label, .case-study-note') };
        });
      ends.push({ part: part.id, mark: mark.id, start: part.id, blocks });
    });
    document.body.append(links);
    return { ends, added };
  }, markPrefix);
}

/**
 * The parts whose last page is short (its text ends less than `short` points below the top of the page
 * area: about six lines, or fewer and the last block's margins and padding). Each is set tighter (`part-fit` in the theme's
 * print.css: a little less leading and space between blocks) when that shortens it, measured at the
 * page's width in print media, by 1.25 times what
 * its last page holds, so the lines go back onto the pages before; otherwise the page before gives up its
 * last blocks (a forced break before one, not before a heading's or lead-in's text), so the last page
 * holds about a fifth of a page and the one before stays at least half full. Nothing is done when neither
 * fits. The DOM is changed as planned.
 */
export async function fitShortParts(
  page: Page,
  ends: PartEnd[],
  places: Map<string, DestinationPlace>,
  /** The page area (page-area.ts); the page is in print media. */
  area: PageArea | undefined,
  options: { tighten: boolean; skip?: ReadonlySet<string> } = { tighten: true },
  short = 120,
): Promise<PartFit> {
  const candidates = ends.flatMap((end) => {
    const start = places.get(end.start);
    const last = places.get(end.mark);
    return !options.skip?.has(end.part) && start && last && last.page > start.page && last.below < short ? [{ end, last }] : [];
  });
  if (candidates.length === 0 || !area) return { tightened: [], pushed: [] };
  const measured = await page.evaluate(
    (parts: { part: string; below: number }[], tighten: boolean, area: { width: number; height: number }) => {
      const tightened: string[] = [];
      for (const { part, below } of parts) {
        const section = document.getElementById(part) as HTMLElement | null;
        if (!section) continue;
        const before = section.style.getPropertyValue('width');
        section.style.setProperty('width', `${area.width}px`, 'important');
        const loose = section.getBoundingClientRect().height;
        section.classList.add('part-fit');
        const tight = section.getBoundingClientRect().height;
        if (before) section.style.setProperty('width', before);
        else section.style.removeProperty('width');
        // Points to CSS pixels: the last page's text, with room to spare for the space a page break
        // leaves at the foot of a page.
        if (tighten && loose - tight >= (below / 0.75) * 1.25) tightened.push(part);
        else section.classList.remove('part-fit');
      }
      return { tightened, area: area.height * 0.75 };
    },
    candidates.map(({ end, last }) => ({ part: end.part, below: last.below })),
    options.tighten,
    area,
  );
  const pushed: string[] = [];
  for (const { end, last } of candidates) {
    if (measured.tightened.includes(end.part)) continue;
    const held = last.below;
    const before = last.page - 1;
    // The last block on the page before whose move leaves the last page about a fifth full, and the
    // page before at least half full; a heading or lead-in goes with the block it introduces.
    const blocks = end.blocks.map((block) => ({ ...block, place: places.get(block.id) }));
    let choice: number | undefined;
    for (let k = blocks.length - 1; k >= 0; k--) {
      const place = blocks[k]?.place;
      if (!place || place.page !== before) continue;
      if (place.below < measured.area * 0.5) break;
      if (measured.area - place.below + held >= measured.area * 0.2 && measured.area - place.below + held <= measured.area * 0.9) {
        choice = k;
        break;
      }
    }
    while (choice !== undefined && choice > 0 && blocks[choice - 1]?.keep && blocks[choice - 1]?.place?.page === before) choice--;
    const block = choice === undefined ? undefined : blocks[choice];
    if (block?.place && block.place.below >= measured.area * 0.5) pushed.push(block.id);
  }
  await applyPartFit(page, { tightened: [], pushed });
  return { tightened: measured.tightened, pushed };
}

/** Set the planned fit on the document. */
async function applyPartFit(page: Page, fit: PartFit): Promise<void> {
  await page.evaluate(
    (tightened: string[], pushed: string[]) => {
      for (const id of tightened) document.getElementById(id)?.classList.add('part-fit');
      for (const id of pushed) (document.getElementById(id) as HTMLElement | null)?.style.setProperty('break-before', 'page', 'important');
    },
    fit.tightened,
    fit.pushed,
  );
}
