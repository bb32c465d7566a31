/**
 * Decodes the compact name lists of `generated/code-names.ts` (`NAME=hex` items separated by spaces;
 * an item without `=hex` is the previous value + 1) into `[name, value]` pairs, in list order.
 * The lists hold the same names and values as the `masks` / `returnCodes` records of
 * `generated/constants.ts` (test/codegen/code-names.test.ts checks that); they exist because as text
 * they cost a browser bundle far less than the records with their bigint constants.
 */
export function decodeCodeNames(list: string): [name: string, value: bigint][] {
  let value = -1n;
  return list.split(' ').map((item) => {
    const [name, hex] = item.split('=');
    value = hex === undefined ? value + 1n : BigInt(`0x${hex}`);
    return [name, value];
  });
}
