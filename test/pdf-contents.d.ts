export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
  /** Distance of the heading's top from the bottom of the page, in points. */
  y: number;
}
export function outline(file: string): OutlineEntry[];
export function checkContents(file: string): { entries: number; contentsPages: number; pages: number; wrong: string[] };
export function strandedHeadings(file: string): string[];
