import { searchPath } from '../pdf/find-browser.js';
import type { DoctorCheck } from './doctor-check.js';

/** Command-line tools the tests read PDFs with (and pdftoppm, to look at pages); building needs none, so they are optional. */
const tools = [
  { name: 'pdftotext', use: 'the tests read PDF text with it', apt: 'poppler-utils', brew: 'poppler' },
  { name: 'pdfinfo', use: 'the tests read PDF metadata with it', apt: 'poppler-utils', brew: 'poppler' },
  { name: 'pdffonts', use: 'the tests check embedded fonts with it', apt: 'poppler-utils', brew: 'poppler' },
  { name: 'pdftoppm', use: 'renders PDF pages as images to review a layout', apt: 'poppler-utils', brew: 'poppler' },
  { name: 'qpdf', use: 'the tests check PDF structure with it', apt: 'qpdf', brew: 'qpdf' },
];

export function checkTools(env: Record<string, string | undefined>, platform: string): DoctorCheck[] {
  return tools.map(({ name, use, apt, brew }) => {
    const found = searchPath([name], { env, platform });
    if (found) return { id: `tool:${name}`, ok: true, required: false, detail: `${found} (${use})` };
    const fix =
      platform === 'darwin' ? `brew install ${brew}` : platform === 'win32' ? `install ${brew} and put its bin folder on PATH` : `apt-get install -y ${apt}`;
    return { id: `tool:${name}`, ok: false, required: false, detail: `${name} is not on PATH (${use})`, fix };
  });
}
