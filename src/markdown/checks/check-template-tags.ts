import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import type { MarkdownCheck } from './markdown-check.js';
import { matchSource } from './source-text.js';

/** `{{ … }}` (Liquid output, Hugo) and `{% … %}` (Liquid tags); Hugo shortcodes `{{< … >}}` are the first kind. */
const templateTag = /\{\{[\s\S]{0,200}?\}\}|\{%[\s\S]{0,200}?%\}/g;

/**
 * `template-tag` (#13): pages brought from a Jekyll or Hugo site built "successfully" and printed
 * `{{ site.baseurl }}` and `{% capture %}` as text. The hint depends on what the tag was for.
 */
export const checkTemplateTags: MarkdownCheck = (tree: Root, file: VFile) => {
  for (const match of matchSource(file, tree, templateTag)) {
    const tag = match.text.length > 60 ? `${match.text.slice(0, 57)}…` : match.text;
    report(file, 'template-tag', { tag, fix: fixFor(match.text) }, { place: { start: match.start, end: match.end } });
  }
};

function fixFor(tag: string): string {
  const inner = tag.slice(2, -2).trim();
  if (/baseurl|relative_url|absolute_url|\.Site\.BaseURL|relURL|absURL/i.test(inner))
    return 'Remove it: a link in a guide is a path from the file it is in (../other-guide/sections/01-why.md) or a full address (https://…).';
  if (/^[<%]|^include\b|^render\b|^partial\b/.test(inner)) return 'Replace it with the text or image it stood for: the toolkit has no includes or shortcodes.';
  if (/^(capture|endcapture|assign|if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|comment|endcomment|raw|endraw)\b/.test(inner))
    return 'Remove the tag and keep the text you want printed; every edition prints the same text, with :city[name], :city[office] … for what differs by city.';
  return 'Write the value out, or use :city[name], :city[office], :city[website] … for what the edition city fills in.';
}
