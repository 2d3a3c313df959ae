// The code-point → UTF-16 conversion the page uses to slice report spans (no browser needed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointToUtf16, reportToUtf16 } from '../../www/offsets.js';

test('code points convert to UTF-16 units past emoji and CJK Extension B', () => {
  const cases = [
    ['abc', [0, 1, 3, 9], [0, 1, 3, 3]],
    ['😀𠀀15件', [0, 1, 2, 4, 5], [0, 2, 4, 6, 7]],
    ['中\uD800文', [0, 1, 2, 3], [0, 1, 2, 3]], // a lone surrogate is one code point
  ];
  for (const [text, cps, units] of cases) {
    const conv = codePointToUtf16(text);
    assert.deepEqual(cps.map(conv), units, `offsets in ${JSON.stringify(text)} should convert to ${units}`);
  }
});

test('conversion agrees with Array.from over a long mixed text', () => {
  const text = 'a中😀𠀀b\n'.repeat(500);
  const chars = Array.from(text);
  const conv = codePointToUtf16(text);
  let units = 0;
  for (let cp = 0; cp <= chars.length; cp++) {
    assert.equal(conv(cp), units, `code point ${cp} should be UTF-16 unit ${units}`);
    if (cp < chars.length) units += chars[cp].length;
  }
});

test('a report converts span by span, pieces flattened per paragraph', () => {
  const text = '😀一、标题\n共 15件。';
  const report = {
    meta: { spans: [{ key: 'title', start: 1, end: 5 }] },
    outline: [{ start: 1, end: 5 }],
    figures: [{ start: 8, end: 11 }],
    dates: [],
    paragraphs: [
      { start: 1, end: 5, pieces: [[1, 5]] },
      { start: 6, end: 12, pieces: [[6, 7], [8, 12]] },
    ],
  };
  const u16 = reportToUtf16(text, report);
  assert.deepEqual([...u16.figures], [9, 12], 'the figure should move by one unit after the emoji');
  assert.deepEqual([...u16.pieceStart], [0, 1, 3], 'piece starts should index pairs per paragraph');
  assert.deepEqual([...u16.pieces], [2, 6, 7, 8, 9, 13], 'pieces should convert');
  assert.equal(text.slice(u16.figures[0], u16.figures[1]), '15件', 'the converted span should slice the figure');
});
