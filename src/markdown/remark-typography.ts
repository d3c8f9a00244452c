import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { visit } from 'unist-util-visit';

interface SmartypantsOptions {
  dashes?: 'oldschool';
  openingQuotes?: { double: string; single: string };
  closingQuotes?: { double: string; single: string };
}
/** The plugin's transformer (it does not use the processor it is attached to). */
const smartypants = remarkSmartypants as unknown as (options: SmartypantsOptions) => (tree: unknown) => void;

/**
 * How each language quotes (#12). Only languages whose conventions retext-smartypants can set: English
 * curly quotes; Spanish angle quotes with curly single quotes inside (and as the apostrophe). Other languages
 * are left as written: no English quotes in Chinese or Arabic, and French wants spaces the library
 * does not add.
 */
const conventions: Record<string, SmartypantsOptions> = {
  en: { dashes: 'oldschool' },
  es: { dashes: 'oldschool', openingQuotes: { double: '«', single: '‘' }, closingQuotes: { double: '»', single: '’' } },
};

export function typographyFor(lang: string): SmartypantsOptions | undefined {
  return conventions[lang] ?? conventions[lang.split('-')[0] ?? ''];
}

/**
 * Curly quotes, apostrophes, dashes (`--` en, `---` em) and ellipses in a source's prose (#12), in the
 * conventions of the source's language, by remark-smartypants. Code is never touched (the plugin skips it);
 * neither are addresses printed as link text: they are set aside while it runs.
 */
export function remarkTypography(options: { lang: string }) {
  const settings = typographyFor(options.lang);
  const smarten = settings ? smartypants(settings) : undefined;
  return (tree: Root) => {
    if (!smarten) return;
    const addresses: { type: string }[] = [];
    visit(tree, 'link', (link) => {
      for (const child of link.children) {
        if (child.type === 'text' && /^(?:https?:|mailto:|www\.)/i.test(child.value)) {
          (child as { type: string }).type = 'addressText';
          addresses.push(child);
        }
      }
    });
    smarten(tree);
    for (const node of addresses) node.type = 'text';
  };
}
