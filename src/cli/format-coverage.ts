import type { Coverage, CoverageCell } from '../pipeline/coverage.js';

const marks: Record<CoverageCell['state'], string> = { own: '■', stub: '□', fallback: '·', none: '×' };

/**
 * `blueprint list --coverage` for people (#11): one row per city, one column per blueprint (numbered, with a
 * legend) and one mark per slot, then per city what it still lacks and whose case study fills in for it.
 */
export function formatCoverage(coverage: Coverage): string {
  const lines = ["Case-study coverage: one mark per slot of each guide, for each city's edition", ''];
  lines.push("  ■ its own case study   □ a stub still to write   · another city's (fallback)   × none at all", '');
  coverage.blueprints.forEach((b, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}  ${b.id} (${b.slots.length} slot${b.slots.length === 1 ? '' : 's'})`);
  });
  lines.push('');
  const cityWidth = Math.max(4, ...coverage.cities.map((c) => c.length)) + 2;
  const widths = coverage.blueprints.map((b, i) => Math.max(b.slots.length, String(i + 1).length) + 2);
  const header = `${'city'.padEnd(cityWidth)}${coverage.blueprints.map((_, i) => String(i + 1).padEnd(widths[i] ?? 3)).join('')}  own  stubs  fallback`;
  lines.push(header);
  for (const city of coverage.cities) {
    const cells = coverage.blueprints.map((b, i) =>
      b.slots
        .map((s) => marks[s.cities[city]?.state ?? 'none'])
        .join('')
        .padEnd(widths[i] ?? 3),
    );
    const t = coverage.totals[city];
    const totals = t ? `${String(t.own).padStart(3)}  ${String(t.stub).padStart(5)}  ${String(t.fallback + t.none).padStart(8)}` : '';
    lines.push(`${city.padEnd(cityWidth)}${cells.join('')}  ${totals}${city === coverage.defaultCity ? '   (default edition)' : ''}`);
  }
  // What the default edition (a fork's own city) and every city with stubs still lacks, slot by slot.
  const detailed = coverage.cities.filter((c) => c === coverage.defaultCity || (coverage.totals[c]?.stub ?? 0) > 0);
  for (const city of detailed) {
    const missing = coverage.blueprints.flatMap((b) =>
      b.slots.flatMap((s) => {
        const cell = s.cities[city];
        if (!cell || cell.state === 'own') return [];
        const what = cell.state === 'stub' ? 'a stub' : cell.state === 'none' ? 'no city has a case study' : 'none of its own';
        return [`  ${marks[cell.state]} ${b.id} / ${s.id}: ${what}${cell.from ? `, printing ${cell.from}'s` : ''}`];
      }),
    );
    lines.push('', `${city}: ${missing.length ? `${missing.length} slot(s) without its own case study` : 'every slot has its own case study'}`, ...missing);
  }
  return lines.join('\n');
}
