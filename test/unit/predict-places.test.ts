import { describe, expect, it } from 'vitest';
import type { PartEnd } from '../../src/pdf/fit-parts.js';
import { predictPlaces } from '../../src/pdf/predict-places.js';

const end = (part: string, mark: string): PartEnd => ({ part, mark, start: part, blocks: [] });

describe('guessing where a part fit moves the destinations (#14)', () => {
  // Pages: 1 contents; part A on 2–4 (its page 4 short); part B on 5–6 (its page 6 short); part C on 7.
  const places = new Map([
    ['toc', { page: 1, below: 72 }],
    ['a', { page: 2, below: 72 }],
    ['a-h3', { page: 3, below: 300 }],
    ['a-end', { page: 4, below: 110 }],
    ['b', { page: 5, below: 72 }],
    ['b-p1', { page: 5, below: 400 }],
    ['b-p2', { page: 5, below: 600 }],
    ['b-p3', { page: 6, below: 72 }],
    ['b-end', { page: 6, below: 100 }],
    ['c', { page: 7, below: 72 }],
  ]);
  const ends = [end('a', 'a-end'), end('b', 'b-end'), end('c', 'c-end')];

  it('takes a tightened part’s last page away: its lines go to the page before, every later page moves up one', () => {
    const guess = predictPlaces(places, ends, { tightened: ['a'], pushed: [] }, 650);
    expect(guess.get('toc')).toEqual({ page: 1, below: 72 });
    expect(guess.get('a-h3')).toEqual({ page: 3, below: 300 });
    expect(guess.get('a-end')?.page).toBe(3);
    expect(guess.get('b')).toEqual({ page: 4, below: 72 });
    expect(guess.get('c')).toEqual({ page: 6, below: 72 });
  });

  it('moves a pushed block and all below it on its page to the top of the next, and that page’s text down', () => {
    const guess = predictPlaces(places, ends, { tightened: [], pushed: ['b-p1'] }, 650);
    expect(guess.get('b')).toEqual({ page: 5, below: 72 });
    expect(guess.get('b-p1')).toEqual({ page: 6, below: 0 });
    expect(guess.get('b-p2')).toEqual({ page: 6, below: 200 });
    // The last page's first block is now under what came from the page before: no longer at its top.
    expect(guess.get('b-p3')).toEqual({ page: 6, below: 322 });
    expect(guess.get('c')).toEqual({ page: 7, below: 72 });
  });

  it('does both at once, each part by its own rule', () => {
    const guess = predictPlaces(places, ends, { tightened: ['a'], pushed: ['b-p2'] }, 650);
    expect(guess.get('b-p1')).toEqual({ page: 4, below: 400 });
    expect(guess.get('b-p2')).toEqual({ page: 5, below: 0 });
    expect(guess.get('c')).toEqual({ page: 6, below: 72 });
  });
});
