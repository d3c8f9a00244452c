import type { BlockContent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error, suggestion } from '../diagnostics/messages.js';
import type { SlotFill } from '../edition/resolve-edition.js';

export interface CaseStudySlotOptions {
  /** Slots this blueprint declares. */
  ownSlots: Set<string>;
  /** Slot id → the blueprint that declares it, for every blueprint. */
  allSlots: Map<string, string>;
  fills: Map<string, SlotFill>;
  /** Renders the case study that fills a slot into block content. */
  render: (fill: SlotFill) => RootContent[];
  placed: Map<string, VFile>;
}

/** Replace `::case-study{slot="…"}` with the case study the edition chose for that slot. */
export function remarkCaseStudySlot(options: CaseStudySlotOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'leafDirective', (node: LeafDirective, index, parent) => {
      if (node.name !== 'case-study' || !parent || index === undefined) return;
      const slot = node.attributes?.slot ?? '';
      const remove = () => {
        parent.children.splice(index, 1);
        return [SKIP, index] as [typeof SKIP, number];
      };
      if (!slot) {
        error(file, 'unknown-slot', 'Case-study placeholder without a slot', {
          place: node.position,
          hint: 'Write it as ::case-study{slot="your-slot-id"} with a slot this blueprint declares.',
        });
        return remove();
      }
      if (!options.ownSlots.has(slot)) {
        const owner = options.allSlots.get(slot);
        error(
          file,
          owner ? 'slot-not-in-blueprint' : 'unknown-slot',
          owner ? `Slot "${slot}" belongs to blueprint "${owner}", not this one` : `Unknown slot "${slot}"`,
          {
            place: node.position,
            ...suggestion(slot, options.ownSlots, 'slots of this blueprint'),
          },
        );
        return remove();
      }
      if (options.placed.has(slot)) {
        error(file, 'duplicate-id', `Slot "${slot}" is placed twice`, {
          place: node.position,
          hint: 'Place each case-study slot once; declare a second slot for a second example.',
        });
        return remove();
      }
      options.placed.set(slot, file);
      const fill = options.fills.get(slot);
      if (!fill) return remove();
      parent.children.splice(index, 1, ...(options.render(fill) as BlockContent[]));
      return [SKIP, index + 1] as [typeof SKIP, number];
    });
  };
}
