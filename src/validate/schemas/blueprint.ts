import { z } from 'zod';
import { idSchema, partSchema, sourceSchema } from './common.js';

export const slotSchema = z.strictObject({
  id: idSchema.describe('Slot id, unique across the project; used by ::case-study{slot="…"} and --case-study.'),
  title: z.string().min(1).describe('What kind of program the case study shows.'),
  description: z.string().optional().describe('Guidance for cities writing a case study for this slot.'),
});

export const blueprintSchema = z
  .strictObject({
    title: z.string().min(1),
    subtitle: z.string().optional(),
    summary: z.string().min(1).describe('One paragraph, shown in the index and on the back page.'),
    blurb: z.string().min(1).optional().describe('What the cover says about the guide, 40 words at most; the first sentence of the summary without it.'),
    sections: z
      .array(
        z.strictObject({
          file: z.string().min(1).describe('Markdown file, relative to the blueprint folder.'),
          part: partSchema,
        }),
      )
      .min(1)
      .describe('Section files in reading order.'),
    slots: z.array(slotSchema).default([]).describe('Case-study slots this blueprint has.'),
    sources: z.array(sourceSchema).default([]).describe('Sources of the facts in the sections.'),
  })
  .describe('A blueprint: blueprints/<id>/blueprint.yaml.');

export type BlueprintConfig = z.infer<typeof blueprintSchema>;
export type Slot = z.infer<typeof slotSchema>;
