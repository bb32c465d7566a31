import { encodeCodeNames } from '../../codegen/gen-constants';
import { maskNames, returnCodeNames } from '../../generated/code-names';
import { masks, returnCodes } from '../../generated/constants';
import { decodeCodeNames } from '../../src/core/code-names';

// generated/code-names.ts is the compact copy of the masks and return codes that describe() reads.
describe('generated/code-names.ts', () => {
  test('decodes to exactly the masks and return codes of constants.ts, in order', () => {
    expect(decodeCodeNames(maskNames)).toEqual(Object.entries(masks));
    expect(decodeCodeNames(returnCodeNames)).toEqual(Object.entries(returnCodes));
  });

  test('round trip: consecutive values, repeated values, gaps and 64-bit values', () => {
    const values = { A: 1n, B: 2n, C: 3n, D: 3n, E: 0xc000000000000064n, F: 0xc000000000000065n, G: 0n };
    const text = encodeCodeNames(values);
    expect(text).toBe('A=1 B C D=3 E=c000000000000064 F G=0');
    expect(decodeCodeNames(text)).toEqual(Object.entries(values));
  });
});
