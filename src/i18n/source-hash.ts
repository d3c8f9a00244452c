import { createHash } from 'node:crypto';

/**
 * The hash a translation records of the source text it was made from (#10): when the source changes, the
 * hashes differ and the translation is stale. 16 hex digits of SHA-256; for YAML sources only the
 * translatable values count, so fixing a source URL does not make every translation stale.
 */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The hash of translatable values, in a fixed order. */
export const valuesHash = (values: unknown) => sourceHash(JSON.stringify(values));
