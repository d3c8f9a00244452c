// Reads a printed guide's table of contents and headings back from the PDF (#5), for the tests and for
// npm run bench: the contents must list the page on which pdftotext finds each heading, and no heading
// may stand alone at the foot of a page. Plain JavaScript, so the bench can use it without compiling.
import { execFileSync } from 'node:child_process';

/** Text of a PDF as poppler sees it, one string per page. */
function pdfPages(file, layout = false) {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The bookmarks: title, page, depth and the heading's distance from the bottom of its page (points). */
export function outline(file) {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const out = [];
  const walk = (items, depth) => {
    for (const item of items) {
      out.push({ title: item.title, page: item.destpageposfrom1, depth, y: Number(item.dest[3]) });
      walk(item.kids, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return out;
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Contents entries as printed: text and page number, read from the contents pages of the PDF. */
function printedContents(pages) {
  const entries = [];
  let lastPage = 1;
  for (const page of pages.slice(1)) {
    if (!/Contents/.test(page.split('\n').slice(0, 3).join(' '))) break;
    lastPage++;
    for (const line of page.split('\n')) {
      const m = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (m && !/^Page \d+ of \d+$/.test(squash(line)) && !/Page \d+ of \d+/.test(line)) entries.push({ text: squash(m[1]), page: Number(m[2]) });
    }
  }
  return { entries, lastPage };
}

/** First page at or after `from` with a line (or two wrapped lines) that is exactly `heading`. */
function pageOfHeading(pages, heading, from) {
  for (let i = from - 1; i < pages.length; i++) {
    const lines = pages[i].split('\n').map(squash);
    for (let j = 0; j < lines.length; j++) {
      if (lines[j] === heading || `${lines[j]} ${lines[j + 1] ?? ''}`.trim() === heading) return i + 1;
    }
  }
  return undefined;
}

/**
 * The printed contents against the headings: how many entries, on how many pages, and every entry whose
 * page number is not the page its heading is on (an empty list when all are right).
 */
export function checkContents(file) {
  const layout = pdfPages(file, true);
  const plain = pdfPages(file);
  const { entries, lastPage } = printedContents(layout);
  const wrong = [];
  let from = lastPage + 1;
  for (const entry of entries) {
    const found = pageOfHeading(plain, entry.text, from);
    if (found !== entry.page) wrong.push(`"${entry.text}" listed on page ${entry.page}, found on page ${found ?? 'none'}`);
    from = found ?? from;
  }
  return { entries: entries.length, contentsPages: lastPage - 1, pages: plain.length, wrong };
}

/**
 * Headings alone at the foot of a page: each needs room for at least three lines below it (bottom margin
 * 20 mm ≈ 57 pt, plus about 45 pt of text).
 */
export function strandedHeadings(file) {
  return outline(file)
    .filter((e) => e.depth > 0 && e.y < 57 + 45)
    .map((e) => `${e.title} (page ${e.page}, ${Math.round(e.y)} pt from the bottom)`);
}
