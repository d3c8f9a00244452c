import { describe, expect, it } from 'vitest';
import { tokenizeContent } from '../../src/pdf/content-stream.js';
import { markContentArtifacts } from '../../src/pdf/mark-artifacts.js';

const encode = (text: string) => new TextEncoder().encode(text);
const mark = (text: string) => new TextDecoder('latin1').decode(markContentArtifacts(encode(text)).bytes);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('content stream operators (#12)', () => {
  it('steps over strings, hex strings, names, arrays, dictionaries, comments and inline images', () => {
    const stream = '(a (nested) \\) BT ET) Tj <42 54> Tj [(x) -20 (ET)] TJ /P <</MCID 3 /Alt (q Q)>> BDC % BT ET\nEMC BI /W 2 /H 1 ID \x00BT\x01ET EI Q';
    expect(tokenizeContent(encode(stream)).map((o) => o.op)).toEqual(['Tj', 'Tj', 'TJ', 'BDC', 'EMC', 'EI', 'Q']);
    const [first] = tokenizeContent(encode(stream));
    expect(stream.slice(first?.start, first?.end)).toBe('(a (nested) \\) BT ET) Tj');
  });

  it('reads true, false, null and numbers as operands, and ends an unclosed hex string at the end of the stream', () => {
    const stream = '/Sh true false null -1.5 +2 .5 3. d0 1 0 0 1 0 0 cm <0041';
    const ops = tokenizeContent(encode(stream));
    expect(ops.map((o) => o.op)).toEqual(['d0', 'cm']);
    expect(stream.slice(ops[0]?.start, ops[0]?.end)).toBe('/Sh true false null -1.5 +2 .5 3. d0');
    expect(stream.slice(ops[1]?.start, ops[1]?.end)).toBe('1 0 0 1 0 0 cm');
  });
});

describe('marking unmarked content as artifacts (#12)', () => {
  it('wraps a running head outside marked content, and leaves tagged text alone', () => {
    const out = mark('q BT /F1 9 Tf (Running head) Tj ET Q /P <</MCID 0>> BDC BT (Body) Tj ET EMC');
    expect(squash(out)).toBe('q /Artifact <</Type /Pagination>> BDC BT /F1 9 Tf (Running head) Tj ET EMC Q /P <</MCID 0>> BDC BT (Body) Tj ET EMC');
  });

  it('joins a run of untagged drawing into one artifact, closed before q, Q or marked content', () => {
    const out = mark('1 0 0 rg 0 0 10 10 re f 5 5 m 6 6 l S q 0 0 5 5 re W n /Im1 Do Q /Span <</MCID 1>> BDC EMC');
    expect(squash(out)).toBe(
      '1 0 0 rg /Artifact <</Type /Layout>> BDC 0 0 10 10 re f 5 5 m 6 6 l S EMC q 0 0 5 5 re W n /Artifact <</Type /Layout>> BDC /Im1 Do EMC Q /Span <</MCID 1>> BDC EMC',
    );
  });

  it('wraps loose text inside a text object that also holds tagged text, without crossing BT or ET', () => {
    const out = mark('BT (Page 2) Tj /P <</MCID 0>> BDC (Body) Tj EMC (of 9) Tj ET');
    expect(squash(out)).toBe(
      'BT /Artifact <</Type /Pagination>> BDC (Page 2) Tj EMC /P <</MCID 0>> BDC (Body) Tj EMC /Artifact <</Type /Pagination>> BDC (of 9) Tj EMC ET',
    );
  });

  it('wraps right-to-left text in marked content that tags nothing (Skia’s ReversedChars, ActualText spans)', () => {
    const out = mark(
      'BT /ReversedChars BMC /Span <</ActualText <feff064a>>> BDC <0124> Tj EMC EMC ET /P <</MCID 2>> BDC BT /ReversedChars BMC (x) Tj EMC ET EMC',
    );
    expect(squash(out)).toBe(
      '/Artifact <</Type /Pagination>> BDC BT /ReversedChars BMC /Span <</ActualText <feff064a>>> BDC <0124> Tj EMC EMC ET EMC /P <</MCID 2>> BDC BT /ReversedChars BMC (x) Tj EMC ET EMC',
    );
  });

  it('says what each artifact is: text outside the tags is pagination, paths and images are layout', () => {
    const out = mark('BT (Page 1) Tj ET 0 0 1 1 re f BT (Guide) Tj ET /P <</MCID 0>> BDC BT (Body) Tj ET EMC');
    expect(squash(out)).toBe(
      '/Artifact <</Type /Pagination>> BDC BT (Page 1) Tj ET EMC /Artifact <</Type /Layout>> BDC 0 0 1 1 re f EMC /Artifact <</Type /Pagination>> BDC BT (Guide) Tj ET EMC /P <</MCID 0>> BDC BT (Body) Tj ET EMC',
    );
  });

  it('leaves a stream with nothing unmarked as it was', () => {
    const stream = encode('/Artifact BMC BT (x) Tj ET EMC /P <</MCID 0>> BDC 0 0 1 1 re f EMC');
    const result = markContentArtifacts(stream);
    expect(result.added).toBe(0);
    expect(result.bytes).toBe(stream);
  });
});
