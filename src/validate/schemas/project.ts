import { z } from 'zod';
import { dateSchema, idSchema, languageSchema, partSchema, webUrlSchema } from './common.js';
import { interfaceWordsSchema } from './interface-words.js';

export const projectSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title of the whole collection, shown on the index page.'),
    subtitle: z.string().optional(),
    version: z.string().optional().describe('Edition or version printed on covers, e.g. "2026.1".'),
    date: dateSchema.optional().describe('Publication date printed on covers and stored in PDFs (never the build time).'),
    license: z.string().optional().describe('The licence the guides are published under, printed on the back page, e.g. "CC BY 4.0".'),
    license_url: webUrlSchema.optional().describe("The licence's address, printed after it."),
    default_city: idSchema.describe('City whose edition `blueprint build` makes without --city.'),
    default_theme: idSchema.default('default').describe('Theme folder under themes/ used unless a city names one.'),
    languages: z.array(languageSchema).min(1).default(['en']).describe('Languages to build; the first is the source language.'),
    paper: z.enum(['letter', 'a4']).default('letter').describe('Paper size of PDFs.'),
    blueprints: z.array(idSchema).min(1).describe('Blueprint folders under blueprints/, in reading order.'),
    fallback: z.array(idSchema).default([]).describe('Cities tried in order when the edition city has no case study for a slot.'),
    required_parts: z.array(partSchema).default([]).describe('Parts every blueprint must have.'),
    reading_grade: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(9)
      .describe('Highest reading grade (Flesch–Kincaid) a section may have before `blueprint check` warns; 9 by default.'),
    output: z
      .string()
      .regex(/\{blueprint\}/, 'The pattern must contain {blueprint}')
      .default('{city}/{lang}/{blueprint}')
      .describe('Output path pattern under out/, without extension: {city}, {lang}, {blueprint}.'),
    strings: z
      .record(languageSchema, interfaceWordsSchema)
      .optional()
      .describe('Interface words per language, overriding the built-in ones or adding a language, e.g. { de: { contents: "Inhalt" } }.'),
  })
  .describe('The project file, blueprints/project.yaml.');

export type ProjectConfig = z.infer<typeof projectSchema>;
