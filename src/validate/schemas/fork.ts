import { z } from 'zod';
import { idSchema, languageSchema } from './common.js';

/**
 * A fork's own settings (#11): `blueprints/fork.yaml`. Upstream never ships this file, so no upstream
 * release touches it and merging upstream never conflicts on it. What it sets wins over project.yaml.
 */
export const forkSchema = z
  .strictObject({
    title: z.string().min(1).optional().describe("The fork's title for the whole collection (index page), instead of the project's."),
    subtitle: z.string().optional(),
    default_city: idSchema.optional().describe('City whose edition `blueprint build` makes without --city: usually your city.'),
    default_theme: idSchema.optional().describe('Theme used unless a city names one, and for the index page.'),
    languages: z.array(languageSchema).min(1).optional().describe('Languages to build; the first is the source language.'),
    paper: z.enum(['letter', 'a4']).optional().describe('Paper size of PDFs.'),
    fallback: z.array(idSchema).optional().describe("Cities tried in order when the edition city has no case study for a slot (replaces the project's chain)."),
    add_blueprints: z.array(idSchema).optional().describe("Blueprint folders of this fork (e.g. from `blueprint new blueprint`), built after the project's."),
    strings: z
      .record(languageSchema, z.record(z.string(), z.string()))
      .optional()
      .describe('Interface words per language, over the project\'s, e.g. { es: { contents: "Índice" } }.'),
  })
  .describe('Settings of a fork: blueprints/fork.yaml, a file only forks have.');

export type ForkConfig = z.infer<typeof forkSchema>;

export const forkFileName = 'fork.yaml';
