import { z } from 'zod';
import { idSchema, sourceSchema } from './common.js';

export const caseStudySchema = z
  .strictObject({
    city: idSchema.describe('The city this case study is about; must be the folder it is in.'),
    slot: idSchema.describe('The slot it fills, declared by one blueprint.'),
    title: z.string().min(1),
    year: z.union([z.number().int(), z.string().regex(/^\d{4}(–\d{4})?$/)]).describe('Year (or span) of the program.'),
    sources: z.array(sourceSchema).min(1).describe('Every fact in the case study comes from one of these.'),
  })
  .describe('Front matter of a case study: blueprints/cities/<city>/case-studies/<slot>.md.');

export type CaseStudyConfig = z.infer<typeof caseStudySchema>;
