import { createHash } from 'node:crypto';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** Publication date: SOURCE_DATE_EPOCH or the project's date, never the build time. */
  date: Date;
  /** Seed of the file identifier: the same sources give the same ID. */
  idSeed: string;
}

/**
 * Chromium stamps each PDF with the print time and a random ID, and sets neither author nor subject.
 * Replace both stamps with fixed values so two builds give the same bytes, add the metadata, and ask
 * viewers to show the title rather than the file name (#5).
 */
export async function finishPdf(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator('Blueprints toolkit');
  pdf.setProducer('Blueprints toolkit (Chromium, pdf-lib)');
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  pdf.setLanguage(meta.lang);
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? pdf.context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  pdf.catalog.set(PDFName.of('ViewerPreferences'), prefs);
  // Bookmarks open by default where the PDF has an outline.
  if (pdf.catalog.get(PDFName.of('Outlines'))) pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const id = createHash('sha256').update(meta.idSeed).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = PDFArray.withContext(pdf.context);
  (pdf.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  (pdf.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** The date stamped into PDFs: SOURCE_DATE_EPOCH (seconds) when set, else the project date, else 1 Jan 2000. */
export function pdfDate(env: Record<string, string | undefined>, projectDate?: string): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (projectDate) return new Date(`${projectDate}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
