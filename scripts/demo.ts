/**
 * `npm run demo`: every example of python-linstor's documentation, in TypeScript, step by step.
 *
 * By default it starts the simulated controller (linstor-api/testing) in this process, seeded with three
 * satellites (bravo, charlie, delta) that have the storage pools the examples use. With LS_CONTROLLERS
 * set (`LS_CONTROLLERS=linstor://ctrl npm run demo`) it runs against that controller instead: it then
 * expects satellites bravo, charlie and delta with pools DfltStorPool, myssdpool and drbdpool, creates
 * node alpha (10.0.0.20) and the objects rsc, foo, threeSSD and myKV, and removes what it created.
 *
 * Each step prints what was sent (from the client's logger hook), what the controller answered, and the
 * resulting state; the demo checks each outcome and exits with status 1 at the first step that fails.
 */
import { Linstor } from '../src/api/linstor';
import type { LinstorOptions } from '../src/api/linstor-core';
import { MultiLinstor } from '../src/api/multi-linstor';
import { ResourceData } from '../src/api/resource-data';
import { ApiCallResponse } from '../src/core/api-call-response';
import { describeError } from '../src/core/errors';
import type { LinstorLogEvent } from '../src/core/logger';
import { parseJson } from '../src/core/lossless-json';
import type { FetchLike } from '../src/core/transport';
import { KV } from '../src/objects/kv';
import { Resource } from '../src/objects/resource';
import { ResourceGroup } from '../src/objects/resource-group';
import { type RunningSimulator, startSimulator } from '../src/testing';

// `npm run demo | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const short = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// ---------------------------------------------------------------- what was sent / what came back

/** "What was sent": the client's logger hook (redacted request summaries). */
function logger(event: LinstorLogEvent): void {
  if (event.type === 'request') {
    const url = new URL(event.request.url);
    const handshake = url.pathname === '/v1/controller/version' ? '   (handshake)' : '';
    const body = event.request.body === undefined ? '' : ` ${short(event.request.body, 200)}`;
    out(`    → ${event.request.method} ${url.pathname}${url.search}${body}${handshake}`);
  } else if (event.type === 'failover') {
    out(`    ! failover ${event.from} → ${event.to}: ${event.reason}`);
  }
}

/** "What the controller answered": a fetch that passes everything through and prints a summary of the reply. */
const answeringFetch: FetchLike = async (input, init) => {
  // The HTTPS probe is the one request sent without any header; the logger does not report it.
  const probe = Object.keys(init.headers).length === 0;
  if (probe) out(`    → ${init.method} ${new URL(input).pathname}   (HTTPS probe)`);
  const response = await globalThis.fetch(input, init);
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  const summary = probe
    ? response.status === 302
      ? `redirect to ${response.headers.get('location')}`
      : '(no redirect: plain HTTP it is)'
    : summarizeAnswer(text);
  out(`    ← ${response.status} ${summary}`);
  return response;
};

function summarizeAnswer(text: string): string {
  if (text === '') return '(no body)';
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    return short(text, 80);
  }
  if (body && typeof body === 'object' && 'rest_api_version' in body) {
    const v = body as { version?: string; rest_api_version?: string };
    return `controller ${v.version}, REST API ${v.rest_api_version}`;
  }
  if (
    Array.isArray(body) &&
    body.length > 0 &&
    body.every((e) => typeof e === 'object' && e && 'ret_code' in e)
  ) {
    return short(body.map((e) => String(ApiCallResponse.fromJson(e))).join(' | '), 220);
  }
  if (Array.isArray(body)) return `[${body.length} item${body.length === 1 ? '' : 's'}]`;
  if (body && typeof body === 'object') return short(JSON.stringify(body), 120);
  return short(String(body), 80);
}

// ---------------------------------------------------------------- steps

class StepFailed extends Error {}

function check(condition: boolean, what: string): void {
  if (!condition) throw new StepFailed(`expected ${what}`);
}

function checkReplies(replies: readonly ApiCallResponse[], what: string): void {
  check(Linstor.allApiResponsesNoError(replies), `${what} without an error reply`);
}

let stepNo = 0;
async function step(title: string, run: () => Promise<string | string[] | undefined>): Promise<void> {
  stepNo++;
  out();
  out(`── ${stepNo}. ${title}`);
  const state = await run();
  for (const line of typeof state === 'string' ? [state] : (state ?? [])) out(`    = ${line}`);
}

/** One line per replica and one per volume, from the Resource object's state (re-read after each operation). */
function describeResource(r: Resource): string[] {
  if (!r.defined) return [`${r.name}: not defined`];
  const nodes = [
    ...r.diskfulNodes().map((n) => `${n} (diskful)`),
    ...r.disklessNodes().map((n) => `${n} (diskless)`),
  ];
  const lines = [`${r.name} (${r.linstorName}): ${nodes.length ? nodes.join(', ') : 'no replicas'}`];
  for (const v of Object.values(r.volumes)) {
    lines.push(
      `  volume ${v.volumeNumber}: ${(v.size ?? 0) / 1024 / 1024} MiB, ${v.devicePath || 'no device'}, ` +
        `pool ${v.storagePoolName || '-'}, backing ${v.backingDisk ?? '-'}`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  let sim: RunningSimulator | undefined;
  let controllers: string[];
  const env = process.env.LS_CONTROLLERS?.trim();
  if (env) {
    controllers = MultiLinstor.controllerUriList(env);
    out(`linstor-api demo against ${controllers.join(', ')} (LS_CONTROLLERS)`);
  } else {
    sim = await startSimulator({
      host: '127.0.0.1',
      seed: {
        nodes: ['bravo', 'charlie', 'delta'].map((name) => ({ name })),
        storagePools: [
          { name: 'DfltStorPool', providerKind: 'LVM_THIN' },
          { name: 'myssdpool', providerKind: 'LVM_THIN', driverPool: 'ssd_vg/thinpool' },
          { name: 'drbdpool', providerKind: 'LVM', driverPool: 'drbdpool' },
        ],
      },
    });
    controllers = [sim.url];
    out(`linstor-api demo against the simulated controller at ${sim.url}`);
    out('(satellites bravo, charlie, delta with pools DfltStorPool, myssdpool, drbdpool)');
  }
  const options: LinstorOptions = { logger, fetch: answeringFetch, agentInfo: 'demo' };
  const objectOptions = { ...options, uri: controllers };
  const created: string[] = [];

  try {
    // ============================================================ low level (the Linstor class)
    const lin = new MultiLinstor(controllers, options);

    await step('Low level: list the nodes', async () => {
      await lin.connect();
      const nodes = await lin.nodeListRaise();
      return nodes.nodes.map((n) => `${n.name}: ${n.type}, ${n.connectionStatus}`);
    });

    await step("Low level: create satellite 'alpha' (10.0.0.20)", async () => {
      const replies = await lin.nodeCreate({ nodeName: 'alpha', ip: '10.0.0.20', nodeType: 'Satellite' });
      check(replies[0]?.isSuccess() === true, "node create's first reply to be a success");
      created.push('node alpha');
      const node = (await lin.nodeListRaise({ filterByNodes: ['alpha'] })).nodes[0];
      check(node?.name === 'alpha', 'alpha in the node list');
      return `alpha: ${node.type}, ${node.connectionStatus}, ${node.netInterfaces.map((n) => n.address).join(', ')}`;
    });

    await step("Low level: storage pools 'DfltStorPool' and 'drbdpool' on alpha", async () => {
      checkReplies(
        await lin.storagePoolCreate({
          nodeName: 'alpha',
          storagePoolName: 'DfltStorPool',
          storageDriver: 'LVM_THIN',
          driverPoolName: 'linstor_vg/thinpool',
        }),
        'storage pool create',
      );
      checkReplies(
        await lin.storagePoolCreate({
          nodeName: 'alpha',
          storagePoolName: 'drbdpool',
          storageDriver: 'LVM',
          driverPoolName: 'drbdpool',
        }),
        'storage pool create',
      );
      const pools = await lin.storagePoolListRaise({ filterByNodes: ['alpha'] });
      return pools.storagePools.map((p) => `alpha/${p.name}: ${p.driver}`);
    });

    await step(
      "Low level: resource definition 'rsc', a 10 MiB volume, resources on alpha and bravo",
      async () => {
        checkReplies(await lin.resourceDfnCreate({ name: 'rsc' }), 'resource definition create');
        created.push('resource rsc');
        checkReplies(await lin.volumeDfnCreate({ rscName: 'rsc', size: 10240 }), 'volume definition create'); // KiB
        for (const nodeName of ['alpha', 'bravo']) {
          checkReplies(
            await lin.resourceCreate({ rscs: [new ResourceData({ nodeName, rscName: 'rsc' })] }),
            `resource create on ${nodeName}`,
          );
        }
        const view = await lin.resourceListRaise({ filterByResources: ['rsc'] });
        for (const nodeName of ['alpha', 'bravo']) {
          const replica = view.resources.find((r) => r.nodeName === nodeName);
          check(replica !== undefined && !replica.flags.includes('DISKLESS'), `rsc diskful on ${nodeName}`);
        }
        return view.resources.map(
          (r) =>
            `rsc on ${r.nodeName}: ${r.flags.length ? r.flags.join(',') : 'diskful'}, ${r.volumes[0]?.devicePath ?? ''}`,
        );
      },
    );

    // ============================================================ high level (the objects)
    let foo: Resource | undefined;

    await step(
      "ResourceGroup 'threeSSD': redundancy 3 on 'myssdpool', then createResource('foo', ['20 MiB'])",
      async () => {
        const rg = await ResourceGroup.open('threeSSD', objectOptions);
        created.push('resource group threeSSD');
        await rg.setRedundancy(3);
        await rg.setStoragePool('myssdpool');
        foo = await rg.createResource('foo', ['20 MiB']);
        created.push('resource foo');
        check(foo.diskfulNodes().length === 3, 'foo on 3 nodes');
        check(foo.volumes[0]?.size === 20 * 1024 * 1024, 'a 20 MiB volume');
        return [
          `threeSSD: redundancy ${rg.redundancy}, pools ${rg.storagePool.join(',')}`,
          ...describeResource(foo),
        ];
      },
    );

    await step("Resource('foo'): volumes[0].setSize('30 MiB'), then grow(10 * 1024 * 1024)", async () => {
      const r = await Resource.open('foo', objectOptions);
      await r.volumes[0].setSize('30 MiB');
      await r.volumes[0].grow(10 * 1024 * 1024);
      check(r.volumes[0].size === 40 * 1024 * 1024, 'a 40 MiB volume');
      await r.refresh();
      await r.close();
      return describeResource(r);
    });

    const fooObj = async (): Promise<Resource> => {
      foo = foo ?? (await Resource.open('foo', objectOptions));
      return foo;
    };

    await step(
      "activate('bravo') (has a disk: unchanged), activate('alpha') (diskless assignment)",
      async () => {
        const r = await fooObj();
        await r.activate('bravo');
        check(r.isDiskful('bravo'), 'bravo still diskful');
        await r.activate('alpha');
        check(r.isDiskless('alpha'), 'alpha diskless');
        return describeResource(r);
      },
    );

    await step(
      "deactivate('alpha') (diskless: removed), deactivate('bravo') (diskful: kept, nothing sent)",
      async () => {
        const r = await fooObj();
        await r.deactivate('alpha');
        check(!r.isAssigned('alpha'), 'alpha not assigned');
        await r.deactivate('bravo');
        check(r.isDiskful('bravo'), 'bravo still diskful');
        return describeResource(r);
      },
    );

    await step(
      "placement.storagePool = 'drbdpool'; diskful, diskless, delete, diskless on alpha",
      async () => {
        const r = await fooObj();
        r.placement.storagePool = 'drbdpool';
        await r.diskful('alpha'); // whatever it was, it is now diskful
        check(r.isDiskful('alpha'), 'alpha diskful');
        out(`    = ${describeResource(r).join('\n    = ')}`);
        await r.diskless('alpha'); // converted to diskless
        check(r.isDiskless('alpha'), 'alpha diskless');
        await r.delete('alpha');
        check(!r.isAssigned('alpha'), 'alpha not assigned');
        await r.diskless('alpha'); // created diskless
        check(r.isDiskless('alpha'), 'alpha diskless');
        return describeResource(r);
      },
    );

    await step('Dual primary: setAllowTwoPrimaries(true), then false', async () => {
      const r = await fooObj();
      await r.setAllowTwoPrimaries(true);
      check(r.allowTwoPrimaries, 'allow-two-primaries on');
      out('    = allowTwoPrimaries: true   (a live migration would happen here)');
      await r.setAllowTwoPrimaries(false);
      check(!r.allowTwoPrimaries, 'allow-two-primaries off');
      return 'allowTwoPrimaries: false';
    });

    await step(
      'Queries: disklessNodes(), isDiskful(alpha), isAssigned(bravo), backingDisk, devicePath',
      async () => {
        const r = await fooObj();
        await r.refresh();
        const volume = r.volumes[0];
        check(volume.devicePath.startsWith('/dev/drbd'), 'a DRBD device path');
        return [
          `disklessNodes(): ${JSON.stringify(r.disklessNodes())}`,
          `isDiskful('alpha'): ${r.isDiskful('alpha')}`,
          `isAssigned('bravo'): ${r.isAssigned('bravo')}`,
          `volumes[0].backingDisk: ${volume.backingDisk}`,
          `volumes[0].devicePath: ${volume.devicePath}`,
        ];
      },
    );

    await step("KV('myKV', { namespace: '/foo/bar/' }): set, items, switch namespaces", async () => {
      const kv = await KV.open('myKV', { ...objectOptions, namespace: '/foo/bar/' });
      created.push('kv myKV');
      await kv.set('key', 'val');
      const lines = [`namespace ${kv.namespace}: ${JSON.stringify([...kv.items()])}`];
      check(JSON.stringify([...kv.items()]) === '[["key","val"]]', 'one item in /foo/bar/');
      kv.namespace = '/';
      lines.push(`namespace ${kv.namespace}: ${JSON.stringify([...kv.items()])}`);
      await kv.set('foo/baz/key', 'valbaz');
      lines.push(`namespace ${kv.namespace} after set('foo/baz/key'): ${JSON.stringify([...kv.items()])}`);
      kv.namespace = '/foo/bar';
      check(
        JSON.stringify([...kv.items()]) === '[["key","val"]]',
        'keys of /foo/baz/ invisible in /foo/bar/',
      );
      lines.push(
        `namespace ${kv.namespace}: ${JSON.stringify([...kv.items()])}   (/foo/baz/ is not visible)`,
      );
      await kv.close();
      return lines;
    });

    await step('Clean up what the demo created', async () => {
      const kv = await KV.open('myKV', objectOptions);
      await kv.clear();
      const r = await fooObj();
      await r.delete();
      check(!r.defined, 'foo deleted');
      const rg = await ResourceGroup.open('threeSSD', objectOptions);
      await rg.delete();
      checkReplies(await lin.resourceDfnDelete({ name: 'rsc' }), 'resource definition delete');
      checkReplies(await lin.nodeDelete({ nodeName: 'alpha' }), 'node delete');
      await Promise.all([kv.close(), r.close(), rg.close()]);
      const left = await lin.resourceDfnListRaise();
      return `resource definitions left: ${JSON.stringify(left.resourceDefinitions.map((d) => d.name))}`;
    });

    await lin.disconnect();
    out();
    out(`All ${stepNo} steps passed.`);
    return 0;
  } catch (error) {
    out(`    ✗ FAILED: ${describeError(error)}`);
    if (created.length > 0) out(`    (created so far: ${created.join(', ')})`);
    return 1;
  } finally {
    await sim?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    out(`demo crashed: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
