import type { OutputFile } from './manifest.js';
import type { PrintContext } from './print-documents.js';
import type { BuiltDocument } from './render-documents.js';
import type { Format } from './settings.js';

/**
 * A kind of file the build makes from each document (#8). HTML and PDF are the two; the manifest and the
 * index only ever go through this list, so a new format is one more entry here.
 */
export interface OutputFormat {
  id: Format;
  /** Words of an index link to a file of this format, e.g. "PDF, 12 pages, 340 KB". */
  describe(file: OutputFile): string;
  /** Write this format's file for every document into the staging folder; undefined when it stopped. */
  produce(ctx: PrintContext): Promise<Map<BuiltDocument, OutputFile> | undefined>;
}

/** `314 KB`, `1.2 MB`: a file's size as the index and the pages' links to their PDFs print it. */
export const fileSize = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export const outputFormats: OutputFormat[] = [
  {
    id: 'html',
    describe: (file) => `HTML, ${fileSize(file.bytes)}`,
    // Every build stages the HTML (it is what the PDF is printed from): publishing it is only recording it.
    produce: async ({ documents }) => new Map(documents.map((doc) => [doc, { path: `${doc.base}.html`, ...doc.page }])),
  },
  {
    id: 'pdf',
    describe: (file) => `PDF, ${file.pages ?? '?'} pages, ${fileSize(file.bytes)}`,
    // Loaded when a PDF is asked for: the browser driver and the PDF library take a third of a second to
    // load, which `check` and the preview (#13) need not wait for.
    produce: async (ctx) => (await import('./print-documents.js')).printDocuments(ctx),
  },
];

export const formatById = (id: Format) => outputFormats.find((f) => f.id === id) as OutputFormat;
