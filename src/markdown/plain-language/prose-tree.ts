import type { Root as MdastRoot, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Root as NlcstRoot, Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { SKIP, visit } from '../visit-tree.js';

/** What is not running prose: titles, tables, code, notes (citations), raw HTML, placeholders, front matter. */
const notProse = new Set(['yaml', 'heading', 'table', 'code', 'html', 'footnoteDefinition', 'definition', 'leafDirective', 'containerDirective']);

export interface Prose {
  /** The source's prose as natural-language syntax (sentences, words), with source positions. */
  tree: NlcstRoot;
  /** What retext-passive and retext-repeated-words found, on a scratch file: the rules turn them into catalogue messages. */
  found: VFileMessage[];
}

/**
 * The prose of one Markdown source (#13: unified's natural-language side, through remark-retext). A list
 * item that is mostly a link (a list of sources) is a reference, not a sentence, and is left out.
 */
export async function proseOf(tree: MdastRoot, file: VFile): Promise<Prose> {
  const copy = prune(tree) as MdastRoot;
  // A scratch file with the same text: positions map to the source, messages stay off it.
  const scratch = new VFile({ path: file.path, value: file.value });
  let prose: NlcstRoot = { type: 'RootNode', children: [] };
  const english = unified()
    .use(retextEnglish)
    .use(() => (nlcst: NlcstRoot) => {
      prose = nlcst;
    })
    .use(retextRepeatedWords);
  // remark-retext's types expect a processor without transformers; bridge mode runs them all the same.
  await unified()
    .use(remarkRetext, english as unknown as Parameters<typeof remarkRetext>[0])
    .run(copy, scratch);
  // retext-passive reports a participle after a form of "be" in the same sentence: it is given only the
  // sentences holding one (the same findings; a third of the plain-language checks' time went to searching
  // every word of every sentence).
  findPassive(withBeVerb(prose), scratch);
  return { tree: prose, found: scratch.messages };
}

const findPassive = retextPassive() as (tree: NlcstRoot, file: VFile) => void;
/** The forms of "be" retext-passive looks for before a participle. */
const beVerbs = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);

/** A root of the sentences (the same nodes, with their positions) that hold a word retext-passive needs before a participle. */
function withBeVerb(prose: NlcstRoot): NlcstRoot {
  const sentences: Sentence[] = [];
  visit(prose, 'SentenceNode', (sentence: Sentence) => {
    if (sentence.children.some((word) => word.type === 'WordNode' && beVerbs.has(nlcstToString(word).toLowerCase()))) sentences.push(sentence);
    return SKIP;
  });
  return { type: 'RootNode', children: [{ type: 'ParagraphNode', children: sentences }] };
}

/** A copy without what is not prose; nodes that are kept whole are shared, not copied (the source tree is never changed). */
function prune(node: MdastRoot | RootContent): MdastRoot | RootContent {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).filter((child) => !notProse.has(child.type) && !(child.type === 'listItem' && linkShare(child) > 0.5));
  return { ...node, children: children.map(prune) } as MdastRoot | RootContent;
}

function linkShare(node: RootContent): number {
  const all = mdastToString(node).length;
  if (all === 0) return 0;
  let linked = 0;
  visit(node, 'link', (link) => {
    linked += mdastToString(link).length;
    return SKIP;
  });
  return linked / all;
}
