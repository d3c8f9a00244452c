import type { Page } from 'puppeteer-core';
import type { DestinationPlace } from './read-destinations.js';

/** A box of the document and the blocks inside it, by the ids the print's destinations are named after. */
export interface MarkedBox {
  id: string;
  blocks: string[];
}

export interface BoxMarks {
  boxes: MarkedBox[];
  /** Ids only these marks made link targets: their destinations are taken out of the published PDF. */
  added: string[];
}

/** A page on which a box goes on from the page before, and the block it goes on with. */
export interface Continuation {
  /** 1-based page of the full print. */
  page: number;
  /** Id of the box's first block on that page: the label is put at its start. */
  block: string;
}

/**
 * #12: a case study split across pages gets a "continued" label at the top of each piece after the first.
 * Chromium cannot repeat content on a fragment, so the printer finds the pieces itself: before the one full
 * print, every box (`aside[data-continued]`, whose attribute is the label, in the document's language) and
 * every block inside it get a link target (a hidden link), so the print's named destinations tell on which
 * page, and how far down it, each block begins.
 */
export async function markBoxes(page: Page): Promise<BoxMarks> {
  return page.evaluate(() => {
    const targeted = new Set(
      Array.from(document.querySelectorAll('a[href^="#"]'), (a) => {
        const href = a.getAttribute('href') ?? '';
        try {
          return decodeURIComponent(href.slice(1));
        } catch {
          return href.slice(1);
        }
      }),
    );
    const added: string[] = [];
    const links = document.createDocumentFragment();
    const target = (element: Element, id: string) => {
      if (!element.id) element.id = id;
      if (!targeted.has(element.id)) {
        targeted.add(element.id);
        added.push(element.id);
        const link = document.createElement('a');
        link.href = `#${element.id}`;
        link.setAttribute('style', 'display:none !important');
        links.append(link);
      }
      return element.id;
    };
    const boxes = Array.from(document.querySelectorAll('aside[data-continued]'), (box, i) => {
      const id = target(box, `bp-box-${i + 1}`);
      // Blocks a page can start with; rows and cells of a table are not (its header row repeats instead).
      const blocks = Array.from(box.querySelectorAll('p, li, h3, h4, h5, h6, blockquote, pre, figure, table, dl'))
        .filter((block) => !block.parentElement?.closest('table'))
        .map((block, k) => target(block, `${id}-${k + 1}`));
      return { id, blocks };
    });
    document.body.append(links);
    return { boxes, added };
  });
}

/**
 * The pages on which a box goes on, from the full print's destinations: every page after the box's first
 * on which one of its blocks begins, with the first such block (document order is reading order). A block
 * that does not begin near the top of the page area (a paragraph taller than a page went on before it) gets
 * no label: it would sit in the middle of the page.
 */
export function findContinuations(boxes: MarkedBox[], places: Map<string, DestinationPlace>, nearTop = 48): Continuation[] {
  const found: Continuation[] = [];
  for (const box of boxes) {
    const start = places.get(box.id);
    if (!start) continue;
    const seen = new Set<number>([start.page]);
    for (const block of box.blocks) {
      const place = places.get(block);
      if (!place || seen.has(place.page)) continue;
      seen.add(place.page);
      if (place.page > start.page && place.below <= nearTop) found.push({ page: place.page, block });
    }
  }
  return found.sort((a, b) => a.page - b.page);
}

/**
 * Put the label at the start of each block a box goes on with: absolutely positioned, so no line moves,
 * its block position the block's first line (its static position) lifted into the piece's cloned top
 * padding (`box-decoration-break: clone`), its inline position the box's content edge. `aria-hidden`:
 * Chromium leaves it out of the tags, and the finished PDF marks it as an artifact (it repeats the box's
 * label, not new text). Returns the blocks that carry a label. The page is in print media (print-pdf.ts).
 */
export async function addContinuedLabels(page: Page, continuations: Continuation[]): Promise<string[]> {
  if (continuations.length === 0) return [];
  return page.evaluate(
    (ids: string[]) => {
      const labelled: string[] = [];
      for (const id of ids) {
        const block = document.getElementById(id);
        const box = block?.closest('aside[data-continued]') as HTMLElement | null | undefined;
        // A label inside a table or list of terms would be a cell or term of its own: those pieces get none.
        if (!block || !box || block.matches('table, dl, figure')) continue;
        labelled.push(id);
        // Labelled already (by a guess before the print that showed it right: print-pdf.ts).
        if (block.querySelector(':scope > .continued-label')) continue;
        const label = document.createElement('span');
        label.className = 'continued-label';
        label.setAttribute('aria-hidden', 'true');
        const lang = box.getAttribute('data-continued-lang');
        if (lang) label.setAttribute('lang', lang);
        label.textContent = box.getAttribute('data-continued');
        label.style.setProperty('inset-inline-start', getComputedStyle(box).paddingInlineStart);
        block.prepend(label);
      }
      return labelled;
    },
    [...new Set(continuations.map((c) => c.block))],
  );
}

/** Take the labels off these blocks again: a guess put them where the print shows no box going on (#14). */
export async function removeContinuedLabels(page: Page, blocks: string[]): Promise<void> {
  if (blocks.length === 0) return;
  await page.evaluate((ids: string[]) => {
    for (const id of ids) document.getElementById(id)?.querySelector(':scope > .continued-label')?.remove();
  }, blocks);
}
