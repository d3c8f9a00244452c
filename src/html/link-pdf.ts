import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { fill, type Strings } from './strings.js';

/**
 * A guide's web page links to its own PDF with its length and size (#12), which are known only once the
 * PDF is printed, and the PDF is printed from that very page. So the page is rendered with this empty
 * placeholder in its navigation (hidden in print), and the build fills it after printing, or removes it
 * when no PDF was made: a page never links to a PDF that does not exist.
 */
export const pdfLinkPlaceholder = () => h('span', { dataPdfLink: '' });

const placeholderHtml = toHtml(pdfLinkPlaceholder());

export interface PdfLink {
  href: string;
  pages: number;
  size: string;
}

/** The page with its placeholder replaced by the link to its PDF, or removed when there is none. */
export function linkPdf(html: string, strings: Strings, link: PdfLink | undefined): string {
  const at = html.indexOf(placeholderHtml);
  if (at === -1) return html;
  const langOf = strings.langOf.pdfLink;
  // The size ("376 KB") is a left-to-right run: isolated, so a right-to-left label does not reverse it (#10).
  const label = link
    ? strings.pdfLink.split(/(\{size\})/).map((part) => (part === '{size}' ? h('span', { dir: 'ltr' }, link.size) : fill(part, { pages: String(link.pages) })))
    : [];
  const replacement = link
    ? toHtml(h('a.guide-pdf', { href: link.href, type: 'application/pdf', ...(langOf ? { lang: langOf, dir: 'ltr' } : {}) }, label))
    : '';
  return html.slice(0, at) + replacement + html.slice(at + placeholderHtml.length);
}
