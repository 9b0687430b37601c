import { describe, expect, test } from 'vitest';
import { parseExtendedDiagnostics, parseTscDiagnostics } from '../../scripts/internal/tsc-output.js';

// Verbatim `--pretty false` output (TS 5.9 / 6.0 form; TS 7 prints the same layout).
const output = [
  "test/a.ts(4,3): error TS2345: Argument of type '{ spec: { inChannels: 64; }; }' is not assignable to parameter of type '{ spec: { inChannels: \"m\"; }; }'.",
  "  The types of 'spec.inChannels' are incompatible between these types.",
  "    Type '64' is not assignable to type '\"m\"'.",
  "test/a.ts(10,1): error TS2684: The 'this' context of type 'Sym' is not assignable to method's 'this' of type 'X'.",
  "error TS5023: Unknown compiler option 'foo'.",
  'something unexpected',
  '',
].join('\n');

describe('parseTscDiagnostics', () => {
  const parsed = parseTscDiagnostics(output);

  test('located diagnostics with their chain, indentation removed', () => {
    expect(parsed[0]).toEqual({
      file: 'test/a.ts',
      line: 4,
      column: 3,
      category: 'error',
      code: 2345,
      message: [
        "Argument of type '{ spec: { inChannels: 64; }; }' is not assignable to parameter of type '{ spec: { inChannels: \"m\"; }; }'.",
        "The types of 'spec.inChannels' are incompatible between these types.",
        "Type '64' is not assignable to type '\"m\"'.",
      ].join('\n'),
    });
    expect(parsed[1]).toMatchObject({ file: 'test/a.ts', line: 10, column: 1, code: 2684 });
  });

  test('global errors have no file', () => {
    expect(parsed[2]).toEqual({ file: undefined, line: 0, column: 0, category: 'error', code: 5023, message: "Unknown compiler option 'foo'." });
  });

  test('unrecognised lines are kept as TS0 errors, never dropped', () => {
    expect(parsed[3]).toMatchObject({ file: undefined, code: 0, message: 'something unexpected' });
    expect(parsed).toHaveLength(4);
  });

  test('file names with parentheses', () => {
    expect(parseTscDiagnostics('src/a (copy).ts(1,2): error TS1005: ; expected.')[0]).toMatchObject({ file: 'src/a (copy).ts', line: 1, column: 2 });
  });

});

describe('parseExtendedDiagnostics', () => {
  test('TS 7 layout', () => {
    const ts7 = 'Files:             159\nTypes:             358\nInstantiations:      0\nMemory used:    48474K\nCheck time:     0.000s\nTotal time:     0.222s\n';
    expect(parseExtendedDiagnostics(ts7)).toEqual({ files: 159, types: 358, instantiations: 0, checkTime: 0, totalTime: 0.222, memoryUsed: 48474 });
  });

  test('TS 6 layout, after diagnostics', () => {
    const ts6 = "a.ts(1,1): error TS2304: Cannot find name 'x'.\nFiles:                        159\nLines of Library:           55727\nTypes:                         91\nInstantiations:              1234\nMemory used:               95349K\nCheck time:                 0.52s\nTotal time:                 1.37s\n";
    expect(parseExtendedDiagnostics(ts6)).toEqual({ files: 159, types: 91, instantiations: 1234, checkTime: 0.52, totalTime: 1.37, memoryUsed: 95349 });
  });

  test('a missing field is an error', () => {
    expect(() => parseExtendedDiagnostics('Files: 1\n')).toThrowError(/"Types"/);
  });
});
