import type { Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, suggestion } from '../diagnostics/messages.js';
import { type CityConfig, cityVariables } from '../validate/schemas/city.js';

/** `:city[office]` prints the edition city's office; any other `:name` is left as the text it was. */
export function remarkCityVariables(options: { city: CityConfig }) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (!parent || index === undefined) return;
      let replacement: Text;
      if (node.name === 'city') {
        const field = mdastToString(node).trim();
        const value = (cityVariables as readonly string[]).includes(field) ? (options.city as Record<string, unknown>)[field] : undefined;
        if (typeof value !== 'string') {
          const known = (cityVariables as readonly string[]).includes(field);
          if (known) report(file, 'city-field-missing', { name: field }, { place: node.position });
          else {
            const { known: hint, expected } = suggestion(field, cityVariables, 'variables');
            report(file, 'unknown-variable', { name: field, known: hint }, { place: node.position, expected });
          }
        }
        replacement = { type: 'text', value: typeof value === 'string' ? value : options.city.name };
      } else {
        // remark-directive reads "word:other" as a directive; give such text back unchanged.
        replacement = { type: 'text', value: `:${node.name}${node.children.length ? `[${mdastToString(node)}]` : ''}` };
      }
      parent.children.splice(index, 1, replacement);
      return [SKIP, index];
    });
  };
}
