import type { Element } from 'hast';
import { h } from 'hastscript';

/**
 * A <style> element whose text cannot end it (#9). HTML does not escape the text of <style>, so a theme
 * stylesheet (or a value put into it) holding `</style><script>` would close it and run script. Outside CSS
 * strings and comments "<" is never valid CSS; inside them `\3c ` is the same character. So writing every
 * "<" as its CSS escape changes no rule and leaves nothing that can close the element.
 */
export function styleElement(css: string): Element {
  return h('style', css.replaceAll('<', '\\3c '));
}
