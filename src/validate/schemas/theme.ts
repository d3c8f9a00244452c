import { z } from 'zod';
import { colorSchema, idSchema } from './common.js';

const fontPackage = z.string().regex(/^@fontsource\/[a-z0-9-]+$/, 'Name an @fontsource package, e.g. "@fontsource/noto-sans"');

/** A CSS length (#11: every theme value goes into CSS, so each is checked by its form, never passed as written). */
const length = z.string().regex(/^(0|\d{1,4}(\.\d{1,4})?(rem|em|px|pt|mm|cm|in|ch|%))$/, 'Use a CSS length such as "44rem", "12px" or "20mm"');

/** The focus ring: a colour, or the name of a colour token, so it follows a city's brand colours. */
const focusColor = z
  .string()
  .regex(/^(#[0-9a-fA-F]{6}|primary|accent|text)$/, 'Use a six-digit hex colour, or "primary", "accent" or "text" to follow that colour');

/** Placeholders a running header or footer may print. */
export const pageTextPlaceholders = ['title', 'subtitle', 'series', 'city', 'government', 'office', 'version'] as const;
const pageText = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^([^{}]|\\{(${pageTextPlaceholders.join('|')})\\})*$`),
    `Use text and the placeholders ${pageTextPlaceholders.map((p) => `{${p}}`).join(', ')}`,
  );

/**
 * The design tokens of a theme (#11). Each becomes a CSS custom property (`--bp-<name>`, "_" as "-") that
 * the stylesheets use, so a theme that extends another changes a token without copying any CSS.
 */
const colorTokens = {
  primary: colorSchema.describe('Headings, links, the cover and table headers (--bp-primary). Needs 4.5:1 against background and surface.'),
  accent: colorSchema.describe('Decorative rules and bars, never text (--bp-accent).'),
  text: colorSchema.describe('Body text (--bp-text). Needs 4.5:1 against background and surface.'),
  muted: colorSchema.describe('Secondary text: notes, publishers, running heads (--bp-muted). Needs 4.5:1 against background and surface.'),
  surface: colorSchema.describe('Boxes: case studies, striped table rows, code (--bp-surface).'),
  background: colorSchema.describe('The page (--bp-background).'),
  on_primary: colorSchema.describe('Text on the primary colour: cover, table headers (--bp-on-primary). Needs 4.5:1 against primary.'),
  border: colorSchema.describe('Table borders and thin rules (--bp-border).'),
  focus: focusColor.describe(
    'Keyboard focus ring (--bp-focus); "primary" follows the edition city\'s primary colour. Needs 3:1 against background and surface.',
  ),
};

const spacingTokens = {
  measure: length.describe('Width of the text column on screen (--bp-measure).'),
  gutter: length.describe('Space beside the text on narrow screens (--bp-gutter).'),
  block: length.describe('Space above and below boxes such as case studies (--bp-block).'),
  radius: length.describe('Corner radius of boxes (--bp-radius); 0 for square corners.'),
};

const typeTokens = {
  size: length.describe('Root font size on screen (--bp-size).'),
  print_size: length.describe('Root font size in PDFs (--bp-print-size).'),
  line_height: z.number().min(1).max(2.5).describe('Line height of body text (--bp-line-height).'),
};

const coverTokens = {
  layout: z
    .enum(['band', 'split', 'plain'])
    .describe(
      'Cover layout: "band" (the title on a full band of the primary colour), "split" (a primary column beside the title), "plain" (white, with a rule).',
    ),
  logo: z.string().min(1).describe("Logo for covers of editions whose city profile names none, relative to this theme's folder."),
};

const pageTokens = {
  header: pageText.describe('Running header of PDF pages (top left), e.g. "{title}".'),
  footer: pageText.describe('Running footer of PDF pages (bottom left), e.g. "{government}".'),
  margin: z
    .string()
    .regex(
      /^(0|\d{1,3}(\.\d{1,2})?(mm|cm|in|pt))( (0|\d{1,3}(\.\d{1,2})?(mm|cm|in|pt))){0,3}$/,
      'Use one to four lengths in mm, cm, in or pt, e.g. "20mm 19mm"',
    )
    .describe('Margins of PDF pages, as in CSS (top right bottom left).'),
};

const fontTokens = {
  body: fontPackage.describe('npm package of the body font; install it with npm install.'),
  heading: fontPackage.describe('npm package of the heading font.'),
  fallback: z.array(fontPackage).describe('Fonts for scripts the main fonts lack (Arabic, CJK…), in the order the browser tries them.'),
};

const common = {
  name: z.string().min(1).describe('The theme as people call it.'),
  part_break: z.enum(['page', 'none']).describe('Start each major section on a new page in print.'),
  toc_depth: z.number().int().min(1).max(3).describe('Heading levels listed in the contents.'),
};

/** A theme of its own: every token it needs, the newer ones with the default theme's values. */
export const themeSchema = z
  .strictObject({
    name: common.name,
    fonts: z.strictObject({ body: fontTokens.body, heading: fontTokens.heading, fallback: fontTokens.fallback.default([]) }),
    colors: z.strictObject({
      primary: colorTokens.primary,
      accent: colorTokens.accent,
      text: colorTokens.text,
      muted: colorTokens.muted,
      surface: colorTokens.surface,
      background: colorTokens.background.default('#ffffff'),
      on_primary: colorTokens.on_primary.default('#ffffff'),
      border: colorTokens.border.default('#cfd6e2'),
      focus: colorTokens.focus.default('primary'),
    }),
    spacing: z
      .strictObject({
        measure: spacingTokens.measure.default('44rem'),
        gutter: spacingTokens.gutter.default('1.5rem'),
        block: spacingTokens.block.default('1.75rem'),
        radius: spacingTokens.radius.default('6px'),
      })
      .prefault({})
      .describe('Spacing tokens.'),
    type: z
      .strictObject({
        size: typeTokens.size.default('106.25%'),
        print_size: typeTokens.print_size.default('10.5pt'),
        line_height: typeTokens.line_height.default(1.6),
      })
      .prefault({})
      .describe('Type tokens.'),
    cover: z
      .strictObject({ layout: coverTokens.layout.default('band'), logo: coverTokens.logo.optional() })
      .prefault({})
      .describe('The cover.'),
    page: z
      .strictObject({
        header: pageTokens.header.default('{title}'),
        footer: pageTokens.footer.default('{government}'),
        margin: pageTokens.margin.default('20mm 19mm'),
      })
      .prefault({})
      .describe('PDF pages.'),
    css: z.array(z.string()).min(1).describe('Stylesheets in this theme folder, in order.'),
    part_break: common.part_break.default('page'),
    toc_depth: common.toc_depth.default(2),
  })
  .describe('A theme: themes/<name>/theme.yaml.');

/**
 * A theme that extends another (#11): only what differs. Tokens override the parent's one by one; `css`
 * is added after the parent's stylesheets; `fonts.fallback` replaces the parent's list.
 */
export const themeExtensionSchema = z
  .strictObject({
    extends: idSchema.describe('The theme this one extends: a folder under themes/ in the project, else one shipped with the toolkit.'),
    name: common.name.optional(),
    fonts: z.strictObject({ body: fontTokens.body.optional(), heading: fontTokens.heading.optional(), fallback: fontTokens.fallback.optional() }).optional(),
    colors: z
      .strictObject({
        primary: colorTokens.primary.optional(),
        accent: colorTokens.accent.optional(),
        text: colorTokens.text.optional(),
        muted: colorTokens.muted.optional(),
        surface: colorTokens.surface.optional(),
        background: colorTokens.background.optional(),
        on_primary: colorTokens.on_primary.optional(),
        border: colorTokens.border.optional(),
        focus: colorTokens.focus.optional(),
      })
      .optional(),
    spacing: z
      .strictObject({
        measure: spacingTokens.measure.optional(),
        gutter: spacingTokens.gutter.optional(),
        block: spacingTokens.block.optional(),
        radius: spacingTokens.radius.optional(),
      })
      .optional(),
    type: z
      .strictObject({ size: typeTokens.size.optional(), print_size: typeTokens.print_size.optional(), line_height: typeTokens.line_height.optional() })
      .optional(),
    cover: z.strictObject({ layout: coverTokens.layout.optional(), logo: coverTokens.logo.optional() }).optional(),
    page: z.strictObject({ header: pageTokens.header.optional(), footer: pageTokens.footer.optional(), margin: pageTokens.margin.optional() }).optional(),
    css: z.array(z.string()).optional().describe("Stylesheets in this theme folder, added after the parent theme's."),
    part_break: common.part_break.optional(),
    toc_depth: common.toc_depth.optional(),
  })
  .describe('A theme that extends another: themes/<name>/theme.yaml with "extends:".');

/** For editors: either kind of theme file (the JSON Schema written by `npm run schemas`). */
export const themeFileSchema = z.union([themeSchema, themeExtensionSchema]).describe('A theme: themes/<name>/theme.yaml.');

export type ThemeConfig = z.infer<typeof themeSchema>;
export type ThemeExtension = z.infer<typeof themeExtensionSchema>;
