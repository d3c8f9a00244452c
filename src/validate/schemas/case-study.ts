import { z } from 'zod';
import { idSchema, type Source, sourceSchema } from './common.js';

export const caseStudySchema = z
  .strictObject({
    city: idSchema.describe('The city this case study is about; must be the folder it is in.'),
    slot: idSchema.describe('The slot it fills, declared by one blueprint.'),
    status: z
      .literal('stub')
      .optional()
      .describe('"stub": a to-do, not yet written (from `blueprint new city`). Editions print another city\'s case study instead; `check` lists every stub.'),
    title: z.string().min(1),
    year: z
      .union([z.number().int(), z.string().regex(/^\d{4}(–\d{4})?$/)])
      .optional()
      .describe('Year (or span) of the program; required unless the case study is a stub.'),
    sources: z.array(sourceSchema).optional().describe('Every fact in the case study comes from one of these; at least one unless it is a stub.'),
  })
  .superRefine((value, ctx) => {
    // #11: a stub is a to-do and is never printed, so it may lack what a published case study needs.
    if (value.status === 'stub') return;
    if (value.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Required' });
    if (value.sources === undefined) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Required' });
    else if (value.sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Too small: expected array to have >=1 items' });
  })
  .describe('Front matter of a case study: blueprints/cities/<city>/case-studies/<slot>.md.');

/** Front matter as read: a written case study or a stub. */
export type CaseStudyFrontMatter = z.infer<typeof caseStudySchema>;
/** A written case study: the schema's refinement guarantees its year and sources. */
export type CaseStudyConfig = Omit<CaseStudyFrontMatter, 'status' | 'year' | 'sources'> & {
  status?: undefined;
  year: NonNullable<CaseStudyFrontMatter['year']>;
  sources: Source[];
};

/** Whether front matter is a written case study (not a stub). */
export const isWritten = (config: CaseStudyFrontMatter): config is CaseStudyConfig => config.status !== 'stub';
