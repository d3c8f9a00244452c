import { z } from 'zod';
import { colorSchema } from './common.js';

const fontPackage = z.string().regex(/^@fontsource\/[a-z0-9-]+$/, 'Name an @fontsource package, e.g. "@fontsource/noto-sans"');

export const themeSchema = z
  .strictObject({
    name: z.string().min(1),
    fonts: z.strictObject({
      body: fontPackage,
      heading: fontPackage,
      fallback: z.array(fontPackage).default([]).describe('Fonts for scripts the main fonts lack (Arabic, CJK…).'),
    }),
    colors: z.strictObject({
      primary: colorSchema,
      accent: colorSchema,
      text: colorSchema,
      muted: colorSchema,
      surface: colorSchema,
    }),
    css: z.array(z.string()).min(1).describe('Stylesheets in this theme folder, in order.'),
    part_break: z.enum(['page', 'none']).default('page').describe('Start each major section on a new page in print.'),
    toc_depth: z.number().int().min(1).max(3).default(2).describe('Heading levels listed in the contents.'),
  })
  .describe('A theme: themes/<name>/theme.yaml.');

export type ThemeConfig = z.infer<typeof themeSchema>;
