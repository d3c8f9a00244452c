/** One operator of a page's content stream, with the byte range of its operands and itself. */
export interface ContentOperator {
  op: string;
  /** Offset of its first operand (or of the operator when it has none). */
  start: number;
  /** Offset just after the operator (after the image data and `EI` of an inline image). */
  end: number;
}

// #14: a class per byte, looked up once, rather than a chain of comparisons: 1 whitespace, 2 delimiter
// ( ) < > [ ] { } / %, 0 anything else (a page's stream is hundreds of kilobytes).
const byteClass = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) byteClass[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) byteClass[b] = 2;
const isWhite = (b: number | undefined) => b !== undefined && byteClass[b] === 1;

/** The word's text: most operators are one to three letters, read without copying the bytes. */
function wordAt(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length === 1) return String.fromCharCode(bytes[start] as number);
  if (length === 2) return String.fromCharCode(bytes[start] as number, bytes[start + 1] as number);
  if (length === 3) return String.fromCharCode(bytes[start] as number, bytes[start + 1] as number, bytes[start + 2] as number);
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * Split a decoded content stream into its operators (ISO 32000-1, 7.8.2), each with the offsets of the
 * bytes it spans. Strings (nested parentheses, escapes), hex strings, names, arrays, dictionaries,
 * comments and inline images (`BI … ID data EI`) are stepped over as operands, never read as operators.
 */
export function tokenizeContent(bytes: Uint8Array): ContentOperator[] {
  const ops: ContentOperator[] = [];
  const n = bytes.length;
  let i = 0;
  let start = -1;
  while (i < n) {
    const b = bytes[i] as number;
    if (byteClass[b] === 1) {
      i++;
      continue;
    }
    if (b === 0x25) {
      // A comment runs to the end of the line.
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    const tokenStart = i;
    if (b === 0x28) {
      let depth = 0;
      for (; i < n; i++) {
        const c = bytes[i];
        if (c === 0x5c) i++;
        else if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) break;
      }
      i++;
    } else if (b === 0x3c && bytes[i + 1] === 0x3c) i += 2;
    else if (b === 0x3e && bytes[i + 1] === 0x3e) i += 2;
    else if (b === 0x3c) {
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
    } else if (b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x29 || b === 0x3e) i++;
    else if (b === 0x2f) {
      i++;
      while (i < n && byteClass[bytes[i] as number] === 0) i++;
    } else {
      while (i < n && byteClass[bytes[i] as number] === 0) i++;
      // #14: most words are numbers; an operator never starts with a digit, a sign or a point, so only
      // the others are read as text (a page has tens of thousands of numbers).
      const first = b;
      const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
      const word = numeric ? '' : wordAt(bytes, tokenStart, i);
      if (!numeric && word !== 'true' && word !== 'false' && word !== 'null') {
        let end = i;
        if (word === 'ID') {
          // Inline image data: binary, ended by whitespace, `EI` and whitespace (or the end of the stream).
          let j = i + 1;
          while (j < n && !(isWhite(bytes[j - 1]) && bytes[j] === 0x45 && bytes[j + 1] === 0x49 && (j + 2 >= n || isWhite(bytes[j + 2])))) j++;
          end = Math.min(n, j + 2);
          i = end;
          // `BI … ID … EI` is one operator: it began at BI.
          const bi = ops.at(-1);
          if (bi?.op === 'BI') {
            ops.pop();
            ops.push({ op: 'EI', start: bi.start, end });
            start = -1;
            continue;
          }
        }
        ops.push({ op: word, start: start === -1 ? tokenStart : start, end });
        start = -1;
        continue;
      }
    }
    if (start === -1) start = tokenStart;
  }
  return ops;
}
