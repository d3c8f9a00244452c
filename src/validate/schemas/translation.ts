import { z } from 'zod';
import { articlesSchema } from './city.js';
import { idSchema } from './common.js';

/**
 * What a translation says about itself (#10): the hash of the source text it was made from, so a change
 * to the source marks it stale, and whether a professional translator has reviewed it.
 */
export const translationMetaSchema = z
  .strictObject({
    source: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'Use the 16-character hash that "blueprint i18n status" shows for the source')
      .optional()
      .describe('Hash of the source text this translates; "blueprint i18n import" writes it, "blueprint i18n status" shows the current one.'),
    review: z
      .enum(['draft', 'reviewed'])
      .default('draft')
      .describe(
        'draft: machine-assisted or unchecked, marked as not yet reviewed on the cover and in the PDF; reviewed: checked by a professional translator.',
      ),
  })
  .describe('About this translation.');

export type TranslationMeta = z.infer<typeof translationMetaSchema>;

export const blueprintTranslationSchema = z
  .strictObject({
    translation: translationMetaSchema.optional(),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    summary: z.string().min(1).optional(),
    blurb: z.string().min(1).optional(),
    slots: z
      .record(idSchema, z.strictObject({ title: z.string().min(1).optional(), description: z.string().optional() }))
      .optional()
      .describe('Slot id → its translated title and description.'),
  })
  .describe("A translation of a blueprint's titles: blueprints/<id>/blueprint.<lang>.yaml; its presence publishes the blueprint in that language.");

export const cityTranslationSchema = z
  .strictObject({
    translation: translationMetaSchema.optional(),
    name: z.string().min(1).optional(),
    government: z.string().min(1).optional(),
    office: z.string().min(1).optional(),
    office_short: z.string().min(1).optional(),
    state: z.string().min(1).optional(),
    articles: articlesSchema.optional(),
  })
  .describe('A translation of a city profile: blueprints/cities/<id>/city.<lang>.yaml.');

export const projectTranslationSchema = z
  .strictObject({
    translation: translationMetaSchema.optional(),
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
  })
  .describe("A translation of the project's title: blueprints/project.<lang>.yaml.");

/** Front matter of a translated section or case study (`01-why.es.md`, `<slot>.es.md`). */
export const markdownTranslationSchema = z
  .strictObject({
    translation: translationMetaSchema.optional(),
    title: z.string().min(1).optional().describe("A case study's translated title (sections take theirs from their first heading)."),
  })
  .describe('Front matter of a translated section or case study.');

export type BlueprintTranslation = z.infer<typeof blueprintTranslationSchema>;
export type CityTranslation = z.infer<typeof cityTranslationSchema>;
export type ProjectTranslation = z.infer<typeof projectTranslationSchema>;
export type MarkdownTranslation = z.infer<typeof markdownTranslationSchema>;
