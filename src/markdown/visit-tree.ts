import type { Node, Parent } from 'unist';
import { convert } from 'unist-util-is';
import { type BuildVisitor, CONTINUE, EXIT, SKIP, type Test } from 'unist-util-visit';

export { CONTINUE, EXIT, SKIP };

/**
 * `visit` of unist-util-visit — same signature, types and results (SKIP, EXIT, an index to go on from,
 * `[action, index]`), visiting in order — for the toolkit's own passes over mdast and hast (#13, #14).
 * unist-util-visit-parents, which it wraps, creates and names a function for every node it meets and copies
 * the ancestor list at every level, for its stack traces; about 1 µs a node, 30 times this walk, which was
 * a sixth of a `check` (about fifteen passes over every tree). Not supported: visitor objects
 * (`{enter, exit}`) and reverse order, which no pass uses. Trees are never deeper than the Markdown limits
 * allow (#9), so recursion is safe.
 */
export function visit<Tree extends Node, Check extends Test>(tree: Tree, check: Check, visitor: BuildVisitor<Tree, Check>): undefined;
export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>): undefined;
export function visit(tree: Node, checkOrVisitor: Test | Visitor, maybeVisitor?: Visitor): undefined {
  const visitor = (maybeVisitor ?? checkOrVisitor) as Visitor;
  const check = maybeVisitor ? (checkOrVisitor as Test) : undefined;
  if (typeof visitor !== 'function') throw new TypeError('visit: expected a visitor function');
  const is: Is = check === undefined || check === null ? always : typeof check === 'string' ? (node) => node.type === check : (convert(check) as Is);
  walk(tree, undefined, undefined, is, visitor);
  return undefined;
}

type Is = (node: Node, index: number | undefined, parent: Parent | undefined) => boolean;
const always: Is = () => true;

/** One walker for every visit, at module level: not a new closure per call (#14, about a third faster). */
function walk(node: Node, index: number | undefined, parent: Parent | undefined, is: Is, visitor: Visitor): Action {
  let action: Action = goOn;
  if (is(node, index, parent)) {
    const value = visitor(node, index, parent);
    if (value !== undefined && value !== null) {
      action = toAction(value);
      if (action[0] === EXIT) return action;
    }
  }
  const children = (node as Partial<Parent>).children;
  if (children && action[0] !== SKIP) {
    let at = 0;
    while (at > -1 && at < children.length) {
      const result = walk(children[at] as Node, at, node as Parent, is, visitor);
      if (result !== goOn) {
        if (result[0] === EXIT) return result;
        if (typeof result[1] === 'number') {
          at = result[1];
          continue;
        }
      }
      at++;
    }
  }
  return action;
}

type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => unknown;
type Action = [(typeof CONTINUE | typeof EXIT | typeof SKIP)?, number?];
/** "Go on to the next node": one shared answer, not a new array for every node a walk meets (#14). Never changed. */
const goOn: Action = Object.freeze([]) as unknown as Action;

/** A visitor's result as unist-util-visit-parents reads it. */
function toAction(value: unknown): Action {
  if (Array.isArray(value)) return value as Action;
  if (typeof value === 'number') return [CONTINUE, value];
  return [value as typeof CONTINUE];
}
