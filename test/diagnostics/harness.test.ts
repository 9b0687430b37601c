import { describe, expect, test } from 'vitest';
import type { ExpectedError } from './annotations.js';
import { type Diagnostic, comparableKeys, containsSentence, matchFixture } from './harness.js';

const sentence = "conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96])";
const expected: ExpectedError = { annotationLine: 4, line: 5, code: 2322, sentence };
const diag = (line: number, code: number, message: string): Diagnostic => ({ file: 'f.ts', line, column: 1, code, message });
const hit = diag(5, 2322, `Type '64' is not assignable to type '"${sentence}"'.`);

describe('containsSentence', () => {
  test('verbatim inside the chain', () => {
    expect(containsSentence(`Argument of type 'X' is not …\nType '64' is not assignable to type '"${sentence}"'.`, sentence)).toBe(true);
  });
  test('quotes and backslashes as printed inside a string literal type', () => {
    expect(containsSentence(`type '"size \\"3\\" must be a number"'`, 'size "3" must be a number')).toBe(true);
    expect(containsSentence(`type '"a\\\\b"'`, 'a\\b')).toBe(true);
  });
  test('not a fragment of a different sentence', () => {
    expect(containsSentence(`type '"conv2d: inChannels 64 does not match"'`, sentence)).toBe(false);
  });
});

describe('matchFixture', () => {
  test('one annotation, one matching diagnostic: no problems', () => {
    expect(matchFixture([expected], [hit])).toEqual([]);
  });

  test('a fixture needs at least one annotation', () => {
    expect(matchFixture([], [])).toEqual(['fixture has no // @expect-error annotations']);
  });

  test.each([
    ['on another line', diag(6, 2322, hit.message)],
    ['with another code', diag(5, 2345, hit.message)],
    ['with another sentence', diag(5, 2322, `Type '64' is not assignable to type '"conv2d: kernel 11 does not fit"'.`)],
  ])('missing when the only diagnostic is %s (and that one is unexpected)', (_name, d) => {
    const problems = matchFixture([expected], [d]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^missing: TS2322 on line 5 .* \(annotation on line 4\); line 5 has /);
    expect(problems[1]).toMatch(/^unexpected: line \d TS\d+: /);
  });

  test('an extra diagnostic anywhere in the file is a problem (errors must not pile up)', () => {
    expect(matchFixture([expected], [hit, diag(9, 2339, "Property 'relu' does not exist on type 'never'.")])).toEqual([
      "unexpected: line 9 TS2339: Property 'relu' does not exist on type 'never'.",
    ]);
  });

  test('two diagnostics matching one annotation are ambiguous', () => {
    expect(matchFixture([expected], [hit, { ...hit, column: 9 }])[0]).toMatch(/^ambiguous: 2 diagnostics match/);
  });

  test('two annotations cannot share one diagnostic', () => {
    const twice = [expected, { ...expected, annotationLine: 3, sentence: 'conv2d: inChannels 64' }];
    expect(matchFixture(twice, [hit])[0]).toMatch(/^one diagnostic matches two annotations \(lines 4 and 3\)/);
  });

  test('multi-line chains are shown on one line in problems', () => {
    const problems = matchFixture([expected], [diag(5, 2345, 'Argument of type …\nThe types of … are incompatible')]);
    expect(problems[0]).toContain('line 5 TS2345: Argument of type … ⏎ The types of … are incompatible');
  });
});

describe('comparableKeys', () => {
  test('matched diagnostics reduce to line, code and sentence; others keep their message', () => {
    const viaChain = diag(5, 2322, `Argument …\nType '64' is not assignable to type '"${sentence}"'.`);
    expect(comparableKeys([expected], [viaChain, diag(7, 2304, "Cannot find name 'x'.")])).toEqual([
      `5 TS2322 ${sentence}`,
      "7 TS2304 <unannotated> Cannot find name 'x'.",
    ]);
    expect(comparableKeys([expected], [hit])).toEqual(comparableKeys([expected], [viaChain]));
  });
});
