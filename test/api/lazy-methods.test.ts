// Method families loaded on first use: the stubs on the prototype, the one import per family, the real
// methods put in place, a failed import reported as a LinstorError (and retried), and the lists of
// names matching the families exactly.
import { installLazyMethods, lazyFamily, type MethodFamily } from '../../src/api/install-methods';
import { lazyFamilies } from '../../src/api/lazy-families';
import { Linstor } from '../../src/api/linstor';
import { LinstorCore } from '../../src/api/linstor-core';
import { nodeMethods } from '../../src/api/methods/nodes';
import { isLinstorError, type LinstorError } from '../../src/core/errors';
import { controllerDouble, json } from './controller-double';

/** A family whose loader counts its calls and can be told to fail. */
function countingFamily(methods: MethodFamily) {
  const state = { loads: 0, failWith: undefined as Error | undefined };
  const family = {
    family: 'probe',
    names: Object.keys(methods),
    load: async () => {
      state.loads++;
      if (state.failWith) throw state.failWith;
      return methods;
    },
  };
  return { state, family };
}

const probeMethods = {
  async double(this: { factor: number }, n: number) {
    return n * 2 * this.factor;
  },
  async echo(this: unknown, ...args: unknown[]) {
    return args;
  },
};

class Probe {
  factor = 1;
}

describe('lazily loaded method families', () => {
  test('stubs exist before the import; the first call imports once and installs the real methods', async () => {
    class Host extends Probe {}
    const { state, family } = countingFamily(probeMethods);
    installLazyMethods(Host, [family]);
    const proto = Host.prototype as unknown as Record<string, unknown>;
    expect(typeof proto.double).toBe('function');
    expect((proto.double as { name: string }).name).toBe('double');
    expect(Object.keys(Host.prototype)).toEqual([]);
    expect(state.loads).toBe(0);

    const host = new Host() as Host & {
      double(n: number): Promise<number>;
      echo(...a: unknown[]): Promise<unknown[]>;
    };
    host.factor = 3;
    // concurrent first calls share one import; `this` and the arguments reach the real method
    const results = await Promise.all([host.double(2), host.double(5), host.echo('a', 1)]);
    expect(results).toEqual([12, 30, ['a', 1]]);
    expect(state.loads).toBe(1);
    expect(proto.double).toBe(probeMethods.double);
    expect(proto.echo).toBe(probeMethods.echo);
    await host.double(1);
    expect(state.loads).toBe(1);
  });

  test('a failed import is a LinstorError naming the family, and the next call imports again', async () => {
    class Host extends Probe {}
    const { state, family } = countingFamily(probeMethods);
    installLazyMethods(Host, [family]);
    const host = new Host() as Host & { double(n: number): Promise<number> };
    const cause = new TypeError('Failed to fetch dynamically imported module');
    state.failWith = cause;
    const error = await host.double(1).catch((e: unknown) => e);
    expect(isLinstorError(error)).toBe(true);
    expect((error as LinstorError).message).toBe(
      'Cannot load the probe methods of linstor-api: Failed to fetch dynamically imported module',
    );
    expect((error as LinstorError).cause).toBe(cause);
    state.failWith = undefined;
    await expect(host.double(4)).resolves.toBe(8);
    expect(state.loads).toBe(2);
  });

  test('a method the user replaced before the import stays the user’s', async () => {
    class Host extends Probe {}
    const { family } = countingFamily(probeMethods);
    installLazyMethods(Host, [family]);
    const mine = async () => -1;
    (Host.prototype as unknown as Record<string, unknown>).echo = mine;
    const host = new Host() as Host & { double(n: number): Promise<number>; echo(): Promise<number> };
    await host.double(1);
    expect(await host.echo()).toBe(-1);
    expect((Host.prototype as unknown as Record<string, unknown>).echo).toBe(mine);
  });

  test('a name taken by the class or an earlier family is refused when installing', () => {
    class Host extends LinstorCore {}
    expect(() =>
      installLazyMethods(Host, [{ family: 'probe', names: ['connect'], load: async () => ({}) }]),
    ).toThrow("Method 'connect' is installed twice");
  });

  test('a name missing from the imported family is a LinstorError, not a loop', async () => {
    class Host extends Probe {}
    installLazyMethods(Host, [{ family: 'probe', names: ['absent'], load: async () => probeMethods }]);
    const host = new Host() as Host & { absent(): Promise<unknown> };
    await expect(host.absent()).rejects.toThrow("Method 'absent' is missing from its family module");
  });

  test('each list names exactly its family’s methods, all async (a stub behaves as the method)', async () => {
    const seen = new Set<string>();
    for (const family of lazyFamilies) {
      const methods = await family.load();
      expect({ family: family.family, names: [...family.names].sort() }).toEqual({
        family: family.family,
        names: Object.keys(methods).sort(),
      });
      for (const name of family.names) {
        expect({ name, kind: methods[name].constructor.name }).toEqual({ name, kind: 'AsyncFunction' });
        expect(seen.has(name)).toBe(false);
        seen.add(name);
      }
    }
    expect(seen.size).toBeGreaterThan(140);
  });

  test('Linstor: the first nodeList imports the nodes family and leaves its real methods on the prototype', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/nodes' ? json([]) : undefined));
    const lin = new Linstor('linstor://127.0.0.1:3370', { fetch: d.fetch, probeHttps: false });
    await lin.nodeList();
    expect(Linstor.prototype.nodeList).toBe(nodeMethods.nodeList);
    expect(Linstor.prototype.nodeCreate).toBe(nodeMethods.nodeCreate);
  });

  test('the compiler checks each list against its family', () => {
    const load = async () => ({ async a() {}, async b() {} });
    lazyFamily('ok', load, ['a', 'b']);
    // @ts-expect-error 'b' is missing from the list
    lazyFamily('missing', load, ['a']);
    // @ts-expect-error 'c' is not a method of the family
    lazyFamily('unknown', load, ['a', 'b', 'c']);
  });
});
