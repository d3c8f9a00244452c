import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run } from '../helpers.js';

/** Every file below `dir` with its bytes, by relative path. */
function tree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    // #14: a build's record of which inputs made each PDF is its own, not output a merge joins.
    if (name === '.blueprint-cache') continue;
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) for (const [k, v] of tree(full, rel)) files.set(k, v);
    else files.set(rel, readFileSync(full));
  }
  return files;
}

describe('sharded builds (#9)', () => {
  it('builds every edition in three shards whose merge equals a full build, byte for byte', async () => {
    const root = copyFixture('basic');
    const full = await run(['build', '--city', 'all', '--out', 'full', '--json'], root);
    expect(full.code, full.stderr).toBe(0);
    const shards: string[] = [];
    const seen = new Set<string>();
    for (const i of [1, 2, 3]) {
      const shard = await run(['build', '--city', 'all', '--shard', `${i}/3`, '--out', `shard-${i}`, '--json'], root);
      expect(shard.code, shard.stderr).toBe(0);
      const docs = (JSON.parse(shard.stdout) as { manifest: { documents: { city: string; blueprint: string }[] } }).manifest.documents;
      // Disjoint shards: no document is built twice.
      for (const d of docs) {
        const key = `${d.city}/${d.blueprint}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
      shards.push(`shard-${i}`);
    }
    expect(seen.size).toBe(4);
    const merged = await run(['merge', ...shards, '--out', 'merged', '--json'], root);
    expect(merged.code, merged.stderr).toBe(0);
    const a = tree(path.join(root, 'full'));
    const b = tree(path.join(root, 'merged'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
  });

  it('refuses a shard that is not i/n, and a merge of a folder that is not a build', async () => {
    const root = copyFixture('basic');
    const bad = await run(['build', '--shard', '4/3', '--json'], root);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['invalid-command']);
    const notBuilt = await run(['merge', 'blueprints/cities', '--out', 'merged', '--json'], root);
    expect(notBuilt.code).toBe(2);
    expect(JSON.parse(notBuilt.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['merge-input']);
  });
});
