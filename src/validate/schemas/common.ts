import { z } from 'zod';

export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes, e.g. "language-access"');

export const languageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Use a BCP 47 language code, e.g. "en", "es", "zh-Hans"');

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a six-digit hex colour, e.g. "#1b3a6b"');

export const partSchema = z
  .enum([
    'why-it-matters',
    'core-components',
    'implementation',
    'staffing-budget-partners',
    'legal-basis',
    'measuring-results',
    'pitfalls',
    'resources',
    'budget-model',
    'timeline',
    'templates',
    'other',
  ])
  .describe('Which part of a guide this section is; the project lists the parts every blueprint needs.');

/** Addresses a reader may follow (#9): web pages and e-mail; never javascript:, data: or file:. */
export const webUrlSchema = z.url({ protocol: /^(https?|mailto)$/, error: 'Use an http://, https:// or mailto: address' });

export const sourceSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title of the document or page.'),
    publisher: z.string().min(1).describe('Who published it (the original author for copies).'),
    year: z
      .union([z.number().int().min(1800).max(2200), z.string().regex(/^(n\.d\.|c\. \d{4}|\d{4})$/)])
      .describe('Year of publication, "n.d." when undated, "c. 2015" for an estimate.'),
    url: webUrlSchema.optional().describe('Where the source can be read; omit only for documents with no public address.'),
    note: z.string().optional().describe('Anything a reader should know about this source.'),
  })
  .describe('A source for facts in the text.');

export type Source = z.infer<typeof sourceSchema>;
export type Part = z.infer<typeof partSchema>;

/** A calendar date written YYYY-MM-DD that exists (#9: 2025-13-45 was printed on covers). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'No such date: use a real date as YYYY-MM-DD');
