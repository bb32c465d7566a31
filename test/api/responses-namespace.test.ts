import * as entry from '../../src';
import * as R from '../../src/api/responses';

// `responses` (the namespace of src/api/responses) must hold
// exactly the value exports of src/api/responses, the same objects, and be reachable from the entry.
describe('responses', () => {
  test('holds every value export of src/api/responses and nothing else', () => {
    expect(Object.keys(entry.responses).sort()).toEqual(Object.keys(R).sort());
    for (const [name, value] of Object.entries(R)) {
      expect(entry.responses[name as keyof typeof entry.responses]).toBe(value);
    }
  });

  test('names the types too', () => {
    const node: entry.responses.Node = new entry.responses.Node({
      name: 'alpha',
      type: 'SATELLITE',
    } as entry.responses.Schemas['Node']);
    const result: entry.responses.ListResult<entry.responses.NodeListResponse> = [];
    expect(node.name).toBe('alpha');
    expect(result).toEqual([]);
  });
});
