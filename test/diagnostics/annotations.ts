/**
 * Reads the `// @expect-error` annotations of a diagnostics fixture.
 *
 *     // @expect-error TS2322: conv2d: inChannels 64 does not match the input's 96 channels (input [B, 27, 27, 96])
 *     y.conv2d({ inChannels: 64, filters: 256, kernel: 5 });
 *
 * An annotation states the error code and a sentence that must appear verbatim in the
 * diagnostic's flattened message chain; the error must be reported on the next line that is not
 * a `//` comment (so several annotations can stack above one line). Anything that looks like an
 * annotation but is malformed, an annotation with no code line after it, and TypeScript's own
 * suppression directives are rejected: a typo must never silently disable a check.
 *
 * Decision: strict "next non-comment line" rather than "anywhere in the statement", so a fixture
 * also pins WHERE the error is reported (the offending call), which is what users see in editors.
 */

export interface ExpectedError {
  /** 1-based line of the annotation comment. */
  readonly annotationLine: number;
  /** 1-based line the error must be reported on. */
  readonly line: number;
  readonly code: number;
  readonly sentence: string;
}

export class AnnotationError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${fileName}:${line}: ${problem}`);
    this.name = 'AnnotationError';
  }
}

const annotation = /^\s*\/\/ @expect-error TS(\d+): (.*\S)\s*$/;
const commentLine = /^\s*\/\//;
const suppression = /@ts-(?:ignore|expect-error|nocheck)\b/;

/** Parses every `// @expect-error TSnnnn: sentence` line of `source`; throws `AnnotationError`. */
export function parseAnnotations(source: string, fileName = '<fixture>'): ExpectedError[] {
  const lines = source.split(/\r?\n/);
  const expected: ExpectedError[] = [];
  lines.forEach((text, i) => {
    const lineNo = i + 1;
    if (suppression.test(text)) {
      throw new AnnotationError(fileName, lineNo, 'fixtures must not use @ts-ignore/@ts-expect-error/@ts-nocheck (they would hide the errors under test); use // @expect-error TSnnnn: <sentence>');
    }
    if (!text.includes('@expect-error')) return;
    const m = annotation.exec(text);
    if (!m) {
      throw new AnnotationError(fileName, lineNo, `malformed annotation, expected "// @expect-error TSnnnn: <sentence>", got: ${text.trim()}`);
    }
    let target = i + 1;
    while (target < lines.length && commentLine.test(lines[target] as string)) target++;
    if (target >= lines.length || (lines[target] as string).trim() === '') {
      throw new AnnotationError(fileName, lineNo, 'annotation must be followed by the line that fails (found a blank line or end of file)');
    }
    expected.push({ annotationLine: lineNo, line: target + 1, code: Number(m[1]), sentence: m[2] as string });
  });
  return expected;
}
