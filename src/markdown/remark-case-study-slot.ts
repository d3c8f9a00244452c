import type { BlockContent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report, suggestion } from '../diagnostics/messages.js';
import type { SlotFill } from '../edition/resolve-edition.js';
import { SKIP, visit } from './visit-tree.js';

export interface CaseStudySlotOptions {
  /** Slots this blueprint declares. */
  ownSlots: Set<string>;
  /** Slot id → the blueprint that declares it, for every blueprint. */
  allSlots: Map<string, string>;
  fills: Map<string, SlotFill>;
  /** Renders the case study that fills a slot into block content. */
  render: (fill: SlotFill) => RootContent[];
  placed: Map<string, VFile>;
  onFallback?: (fill: SlotFill, file: VFile, place: LeafDirective['position']) => void;
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
        report(file, 'empty-slot-placeholder', {}, { place: node.position });
        return remove();
      }
      if (!options.ownSlots.has(slot)) {
        const owner = options.allSlots.get(slot);
        const { known, expected } = suggestion(slot, options.ownSlots, 'slots of this blueprint');
        if (owner) report(file, 'slot-not-in-blueprint', { slot, owner, known }, { place: node.position, expected });
        else report(file, 'unknown-slot', { slot, known }, { place: node.position, expected });
        return remove();
      }
      if (options.placed.has(slot)) {
        report(file, 'duplicate-placement', { slot }, { place: node.position });
        return remove();
      }
      options.placed.set(slot, file);
      const fill = options.fills.get(slot);
      if (!fill) return remove();
      // Said once per edition, at the placeholder, so the author sees where the other city's text goes (#8).
      if (fill.source === 'fallback') options.onFallback?.(fill, file, node.position);
      parent.children.splice(index, 1, ...(options.render(fill) as BlockContent[]));
      return [SKIP, index + 1] as [typeof SKIP, number];
    });
  };
}
