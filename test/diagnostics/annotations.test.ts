import { describe, expect, test } from 'vitest';
import { AnnotationError, parseAnnotations } from './annotations.js';

const sentence = "conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96])";

describe('parseAnnotations', () => {
  test('code and sentence, targeting the next line', () => {
    const src = ['const a = 1;', `// @expect-error TS2322: ${sentence}`, 'y.conv2d({ inChannels: 64 });'].join('\n');
    expect(parseAnnotations(src)).toEqual([{ annotationLine: 2, line: 3, code: 2322, sentence }]);
  });

  test('indented annotation, trailing spaces trimmed, CRLF line ends', () => {
    const src = `  // @expect-error TS2345: dense: bad   \r\n  dense(1);\r\n`;
    expect(parseAnnotations(src)).toEqual([{ annotationLine: 1, line: 2, code: 2345, sentence: 'dense: bad' }]);
  });

  test('stacked annotations and plain comments skip to the first code line', () => {
    const src = ['// @expect-error TS2345: first', '// a remark', '// @expect-error TS2322: second', 'f(), g();'].join('\n');
    expect(parseAnnotations(src).map((e) => [e.annotationLine, e.line])).toEqual([
      [1, 4],
      [3, 4],
    ]);
  });

  test('a file without annotations has none', () => {
    expect(parseAnnotations('const x: number = 1;\n')).toEqual([]);
  });

  test.each([
    ['no code', '// @expect-error conv2d: bad\nf();'],
    ['no sentence', '// @expect-error TS2322\nf();'],
    ['empty sentence', '// @expect-error TS2322:   \nf();'],
    ['lower-case ts', '// @expect-error ts2322: bad\nf();'],
    ['no space after //', '//@expect-error TS2322: bad\nf();'],
    ['inside a block comment', '/* @expect-error TS2322: bad */\nf();'],
    ['trailing code', 'f(); // @expect-error TS2322: bad'],
  ])('malformed: %s', (_name, src) => {
    expect(() => parseAnnotations(src, 'x.ts')).toThrowError(/x\.ts:1: malformed annotation/);
  });

  test.each([
    ['a blank line', '// @expect-error TS2322: bad\n\nf();'],
    ['end of file', 'f();\n// @expect-error TS2322: bad'],
    ['only comments', '// @expect-error TS2322: bad\n// more'],
  ])('an annotation followed by %s is rejected', (_name, src) => {
    expect(() => parseAnnotations(src)).toThrowError(/must be followed by the line that fails/);
  });

  test.each(['// @ts-expect-error', '// @ts-ignore', '// @ts-nocheck'])('TS suppression directive %s is rejected', (directive) => {
    expect(() => parseAnnotations(`${directive}\nf();`)).toThrowError(AnnotationError);
  });

  test('the error names file and line', () => {
    const err = (() => {
      try {
        parseAnnotations('ok();\n// @expect-error oops', 'fixtures/a.ts');
      } catch (e) {
        return e as AnnotationError;
      }
    })();
    expect(err).toBeInstanceOf(AnnotationError);
    expect([err?.fileName, err?.line]).toEqual(['fixtures/a.ts', 2]);
  });
});
