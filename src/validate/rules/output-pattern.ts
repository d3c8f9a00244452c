import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

const placeholders = /\{(city|lang|blueprint)\}/g;

/**
 * `unsafe-output-pattern`: the "output" pattern may only name files below the output folder (#9: a pattern
 * with ".." wrote outside out/). Ids are [a-z0-9-] by schema, so checking the literal parts is enough.
 */
export function outputPattern(ctx: LoadContext): void {
  const valid = ctx.project.valid;
  if (!valid) return;
  const pattern = valid.output;
  const literal = pattern.replace(placeholders, 'x');
  let problem: string | undefined;
  if (!/^[A-Za-z0-9_\-/.]+$/.test(literal)) problem = 'contains characters other than letters, digits, "-", "_", "." and "/"';
  else if (literal.startsWith('/')) problem = 'is an absolute path';
  else if (literal.split('/').some((part) => part === '..' || part === '.' || part === '')) problem = 'has an empty, "." or ".." folder in it';
  else if (/^\.|\/\./.test(literal)) problem = 'names a hidden file or folder';
  else if (['index', 'manifest', 'assets', 'fonts'].includes(literal.split('/')[0] ?? '') && !pattern.startsWith('{'))
    problem = 'would write over the index, manifest, assets or fonts of the output folder';
  if (problem)
    report(
      ctx.project.file,
      'unsafe-output-pattern',
      { pattern, problem },
      { place: nodePosition(ctx.project.parsed, nodeAt(ctx.project.parsed, ['output']).node) },
    );
}
