import { describe, expect, it } from 'vitest';
import { fitMarginLines, lineWidth } from '../../src/theme/fit-running-heads.js';
import { cssString } from '../../src/theme/page-rules.js';

// Every character 5 points wide: what fits is easy to count (the fitting keeps a 3 % margin).
const measure = (text: string) => [...text].length * 5;

describe('running heads on one line (#12)', () => {
  it('reads the line’s width from the paper and the theme’s margins', () => {
    expect(lineWidth('letter', '20mm 46mm 20mm')).toBeCloseTo(612 - 2 * (46 / 25.4) * 72, 6);
    expect(lineWidth('a4', '1in')).toBeCloseTo(595.28 - 144, 6);
    expect(lineWidth('letter', '10pt 20pt 30pt 40pt')).toBe(552);
    expect(lineWidth('letter', '2em')).toBeUndefined();
    expect(lineWidth('letter', '5in')).toBeUndefined();
  });

  it('leaves texts that fit side by side as they are', () => {
    const lines = { start: 'Series: Language Access', ends: ['Why it matters', 'Notes'] };
    expect(fitMarginLines(lines, 300, 17, measure)).toEqual(lines);
  });

  it('drops the series before the guide’s title on every page when one page’s part title needs the room', () => {
    // 30 + 16 characters and a gap do not fit 250 points; 16 + 16 do.
    const fitted = fitMarginLines({ start: 'Blueprints Series: Police Work', ends: ['Short', 'A longer part tit'] }, 250, 17, measure);
    expect(fitted).toEqual({ start: 'Police Work', ends: ['Short', 'A longer part tit'] });
  });

  it('drops a series only before a colon outside brackets (found in a Vietnamese draft’s running heads)', () => {
    const inside = 'Tiếp cận ngôn ngữ (bản nháp: chưa duyệt)';
    const fitted = fitMarginLines({ start: inside, ends: ['A part title as long as this one is'] }, 300, 17, measure);
    expect(fitted.start).not.toBe('chưa duyệt)');
    expect(fitted.start.startsWith('Tiếp cận')).toBe(true);
    const series = fitMarginLines({ start: 'Blueprints (2026): Police Work', ends: ['Short', 'A longer part tit'] }, 250, 17, measure);
    expect(series.start).toBe('Police Work');
  });

  it('keeps the government of a footer "government · office" when both do not fit beside the page number', () => {
    const fitted = fitMarginLines({ start: 'City and County of Denver · Denver Office of Immigrant Affairs', ends: ['Page 888 of 888'] }, 300, 17, measure);
    expect(fitted).toEqual({ start: 'City and County of Denver', ends: ['Page 888 of 888'] });
  });

  it('ends a part title that cannot fit after its last whole word, with an ellipsis, and fits the title beside it', () => {
    const fitted = fitMarginLines(
      { start: 'Domestic Violence Prevention', ends: ['Why domestic violence prevention matters for immigrant survivors'] },
      300,
      17,
      measure,
    );
    expect(fitted.start).toBe('Domestic Violence Prevention');
    expect(fitted.ends[0]).toBe('Why domestic violence…');
    for (const end of fitted.ends) expect((measure(fitted.start) + measure(end)) * 1.03 + 17).toBeLessThanOrEqual(300);
  });

  it('gives the part title two fifths of the line at least, and shortens the guide’s title to the rest', () => {
    const fitted = fitMarginLines(
      { start: 'A very long guide title that runs on and on', ends: ['A part title as long as the other one is'] },
      200,
      10,
      measure,
    );
    expect(fitted.ends[0]).toBe('A part title…');
    expect(fitted.start).toBe('A very long guide…');
  });

  it('shortens a title of 100,000 characters without measuring it whole, or once per word', () => {
    let measured = 0;
    const counting = (text: string) => {
      measured += [...text].length;
      return measure(text);
    };
    const fitted = fitMarginLines({ start: 'word '.repeat(20_000), ends: ['Part'] }, 300, 17, counting);
    expect(fitted.start).toMatch(/^(word )+word…$/);
    expect(measured).toBeLessThan(20_000);
  });

  it('cuts a text written without spaces by characters, and never leaves a comma before the ellipsis', () => {
    expect(fitMarginLines({ start: '', ends: ['移民融入指南语言服务人员预算和合作伙伴'] }, 60, 10, measure).ends[0]).toBe('移民融入指南语言服务…');
    expect(fitMarginLines({ start: '', ends: ['Staffing, budget and partners'] }, 60, 10, measure).ends[0]).toBe('Staffing…');
  });
});

describe('a running head as a CSS string (#9)', () => {
  it('escapes quotes, backslashes, line breaks and markup, so no text can end the rule or the <style>', () => {
    expect(cssString('A "guide"\\ </style><script>\n')).toBe('"A \\22 guide\\22 \\5c  \\3c /style\\3e \\3c script\\3e \\a "');
    expect(cssString('Acceso lingüístico: ¿por qué?')).toBe('"Acceso lingüístico: \\bf por qué?"');
  });
});
