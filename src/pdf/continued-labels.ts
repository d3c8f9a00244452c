import type { Page } from 'puppeteer-core';
import type { DestinationPlace } from './read-destinations.js';

/** A box of the document and the blocks inside it, by the ids the print's destinations are named after. */
export interface MarkedBox {
  id: string;
  blocks: string[];
  /**
   * Blocks that are rows of a table, with the height of the table's header row (in points): a page a row
   * begins repeats the header above it, so the row begins that much further down a page it opens.
   */
  rows?: Record<string, number>;
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
 * Chromium cannot repeat content on a fragment, so the printer finds the pieces itself: before the measuring
 * prints, every box (`aside[data-continued]`, whose attribute is the label, in the document's language) and
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
      // Blocks a page can start with: a table's rows after its first body row too (a page that begins
      // inside a table repeats its header row, then the row), but nothing else inside a table; the terms
      // and descriptions of a list of terms.
      const rows: Record<string, number> = {};
      const blocks = Array.from(box.querySelectorAll('p, li, h3, h4, h5, h6, blockquote, pre, figure, table, dl, dt, dd, tr'))
        .filter((block) => {
          if (block.tagName !== 'TR') return !block.parentElement?.closest('table');
          const body = block.parentElement;
          return body?.tagName === 'TBODY' && body.firstElementChild !== block && !body.parentElement?.parentElement?.closest('table');
        })
        .map((block, k) => {
          const blockId = target(block, `${id}-${k + 1}`);
          if (block.tagName === 'TR') {
            const head = (block.closest('table') as HTMLTableElement).tHead;
            // CSS pixels to points.
            rows[blockId] = (head?.getBoundingClientRect().height ?? 0) * 0.75;
          }
          return blockId;
        });
      return { id, blocks, rows };
    });
    document.body.append(links);
    return { boxes, added };
  });
}

/**
 * The pages on which a box goes on, from a print's destinations (a measure's or the full print's): every page after the box's first
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
      if (place.page > start.page && place.below <= nearTop + (box.rows?.[block] ?? 0)) found.push({ page: place.page, block });
    }
  }
  return found.sort((a, b) => a.page - b.page);
}

/**
 * Put the label at the start of each block a box goes on with: absolutely positioned, so no line moves,
 * its block position the block's first line (its static position) lifted into the piece's cloned top
 * padding (`box-decoration-break: clone`), its inline position the box's content edge. A table's label
 * goes into its first cell, and a row's into its first cell, lifted past the header row a page repeats
 * above it, so that it too sits above the table. `aria-hidden`: Chromium leaves it out of the tags, and
 * the finished PDF marks it as an artifact (it repeats the box's label, not new text). Returns the blocks
 * that carry a label. The page is in print media (print-pdf.ts).
 */
export async function addContinuedLabels(page: Page, continuations: Continuation[]): Promise<string[]> {
  if (continuations.length === 0) return [];
  return page.evaluate(
    (ids: string[]) => {
      const labelled: string[] = [];
      for (const id of ids) {
        const block = document.getElementById(id);
        const box = block?.closest('aside[data-continued]') as HTMLElement | null | undefined;
        if (!block || !box) continue;
        // Where the label goes, and how far above that element's first line the piece begins (CSS pixels).
        // A list of terms takes it in its first term or description (a <dl> holds only those); a figure at
        // its top, out of the flow like every label (so never its caption, and hidden from the tags).
        let holder: Element | null | undefined = block.matches('dl') ? block.querySelector(':scope > dt, :scope > dd, :scope > div > dt') : block;
        if (!holder) continue;
        let above = 0;
        if (block instanceof HTMLTableElement || block instanceof HTMLTableRowElement) {
          const table = block instanceof HTMLTableElement ? block : (block.closest('table') as HTMLTableElement);
          const row = block instanceof HTMLTableElement ? table.rows[0] : block;
          holder = row?.cells[0];
          if (!holder || !row) continue;
          const cell = getComputedStyle(holder);
          const contentTop = holder.getBoundingClientRect().top + Number.parseFloat(cell.borderTopWidth) + Number.parseFloat(cell.paddingTop);
          const firstBodyRow = table.tBodies[0]?.rows[0];
          // A row's piece begins with the repeated header: as far above as the first body row is below the table's top.
          const pieceTop =
            block instanceof HTMLTableElement
              ? table.getBoundingClientRect().top
              : row.getBoundingClientRect().top - ((firstBodyRow?.getBoundingClientRect().top ?? 0) - table.getBoundingClientRect().top);
          above = Math.max(0, contentTop - pieceTop);
        }
        labelled.push(id);
        // Labelled already (from the measures, and the print that followed showed it right: print-pdf.ts).
        if (document.querySelector(`.continued-label[data-continued-for="${CSS.escape(id)}"]`)) continue;
        const label = document.createElement('span');
        label.className = 'continued-label';
        label.setAttribute('aria-hidden', 'true');
        label.dataset.continuedFor = id;
        const lang = box.getAttribute('data-continued-lang');
        if (lang) label.setAttribute('lang', lang);
        label.textContent = box.getAttribute('data-continued');
        const boxStyle = getComputedStyle(box);
        label.style.setProperty('inset-inline-start', boxStyle.paddingInlineStart);
        if (above > 0) label.style.setProperty('transform', `translateY(calc(-100% - 0.2rem - ${above.toFixed(2)}px))`);
        holder.prepend(label);
        // At the box's content edge, whatever it is placed from: a block inside a positioned element (a
        // checklist item hangs its box from the item) would otherwise take the label in by the list's indent.
        const rtl = getComputedStyle(label).direction === 'rtl';
        const edges = box.getBoundingClientRect();
        const placed = label.getBoundingClientRect();
        const off = rtl
          ? placed.right - (edges.right - Number.parseFloat(boxStyle.borderRightWidth) - Number.parseFloat(boxStyle.paddingRight))
          : edges.left + Number.parseFloat(boxStyle.borderLeftWidth) + Number.parseFloat(boxStyle.paddingLeft) - placed.left;
        if (Math.abs(off) > 0.01) label.style.setProperty('inset-inline-start', `calc(${boxStyle.paddingInlineStart} + ${off.toFixed(2)}px)`);
      }
      return labelled;
    },
    [...new Set(continuations.map((c) => c.block))],
  );
}

/** Take the labels off these blocks again: the measures put them where the print shows no box going on (#14). */
export async function removeContinuedLabels(page: Page, blocks: string[]): Promise<void> {
  if (blocks.length === 0) return;
  await page.evaluate((ids: string[]) => {
    for (const id of ids) document.querySelector(`.continued-label[data-continued-for="${CSS.escape(id)}"]`)?.remove();
  }, blocks);
}
