import { z } from 'zod';
import { colorSchema, idSchema, languageSchema, webUrlSchema } from './common.js';

/** #12: "written for the City of New York": the article the government's and the office's names take in a sentence. */
export const articlesSchema = z
  .strictObject({
    government: z.string().optional(),
    office: z.string().optional(),
  })
  .describe(
    'The article :city[government] and :city[office] take inside a sentence ("the" for "City of New York"; "" for none). Without it, English names with "of" or "for", or starting "Mayor\'s", take "the"; other languages none.',
  );

export const citySchema = z
  .strictObject({
    name: z.string().min(1).describe('The city as readers know it, e.g. "Chicago".'),
    government: z.string().min(1).describe('The government publishing the edition, e.g. "City of Chicago".'),
    office: z.string().min(1).describe('The office that publishes the guide.'),
    office_short: z.string().optional().describe('Short name or acronym of the office.'),
    articles: articlesSchema.optional(),
    state: z.string().min(1),
    website: webUrlSchema,
    contact: z
      .strictObject({
        email: z.email().optional(),
        phone: z.string().min(1).optional(),
      })
      .optional()
      .describe('How readers reach the office, printed on the back page with the website (#12).'),
    logo: z.string().optional().describe('Logo image (SVG or PNG), relative to the city folder.'),
    theme: idSchema.optional().describe('Theme folder under themes/; the project default otherwise.'),
    colors: z.strictObject({ primary: colorSchema, accent: colorSchema }).optional().describe('Brand colours that override the theme.'),
    languages_served: z.array(languageSchema).optional(),
  })
  .describe('A city profile: blueprints/cities/<id>/city.yaml.');

export type CityConfig = z.infer<typeof citySchema>;

/** The variables `:city[…]` may print, in the order the docs list them. */
export const cityVariables = ['name', 'government', 'office', 'office_short', 'state', 'website'] as const;
