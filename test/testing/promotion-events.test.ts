// The DRBD promotion event stream (GET /v1/events/drbd/promotion) of the simulated controller: over real
// HTTP with a plain fetch reading the stream, through msw, and through the SDK's drbdPromotionEvents().
import { setupServer } from 'msw/node';
import { schemaValidators } from '../../generated/validators';
import { Linstor } from '../../src/api/linstor';
import { createSimulator, type RunningSimulator, startSimulator } from '../../src/testing';
import { promotionEventHub } from '../../src/testing/promotion-events';
import { isDiskless } from '../../src/testing/render';
import type { SimulatorState } from '../../src/testing/state';
import { frames, until } from './sse-frames';

const subscribers = (state: SimulatorState) => promotionEventHub(state).subscribers;

/** 4 nodes: each definition has 2 diskful replicas and a tie-breaker, so one node stays free of each. */
const seed = { nodes: 4, resources: [{ name: 'r1' }, { name: 'r2' }] };

/** The diskful replicas of a definition, by node name. */
const diskful = (state: SimulatorState, rd: string): string[] =>
  [...(state.resourceDefinition(rd)?.resources.values() ?? [])]
    .filter((r) => !isDiskless(r))
    .map((r) => r.nodeName)
    .sort();

const change = (resource_name: string, node_name: string, may_promote: boolean) => ({
  event: 'may-promote-change',
  data: { resource_name, node_name, may_promote },
});

describe('GET /v1/events/drbd/promotion over HTTP', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ seed, validateReplies: true });
  });
  afterEach(async () => {
    await sim.close();
    expect(sim.replyMismatches).toEqual([]);
  });

  const open = async (signal: AbortSignal) => {
    const before = subscribers(sim.state);
    const res = await fetch(`${sim.url}/v1/events/drbd/promotion`, {
      headers: { accept: 'text/event-stream' },
      signal,
    });
    // the reply headers arrive before the subscription is certain to be registered on the server side
    await until(() => subscribers(sim.state) > before);
    return { res, stream: frames(res.body as ReadableStream<Uint8Array>) };
  };

  test('promote and demote through setInUse: one may-promote-change each, valid EventMayPromoteChange', async () => {
    const abort = new AbortController();
    const { res, stream } = await open(abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const node = diskful(sim.state, 'r1')[0] as string;

    sim.state.setInUse('r1', node, true);
    const promoted = await stream.next();
    expect(promoted).toMatchObject(change('r1', node, false));
    expect(promoted?.id).toMatch(/^\d+$/);
    const validate = schemaValidators.EventMayPromoteChange;
    expect(validate?.(promoted?.data)).toBe(true);
    // The resource list agrees with the event.
    const list = await (await fetch(`${sim.url}/v1/view/resources?resources=r1&nodes=${node}`)).json();
    expect(list[0].state).toEqual({ in_use: true });
    expect(list[0].layer_object.drbd.may_promote).toBe(false);

    // Setting the same value again changes nothing and sends nothing; the demotion is the next event.
    sim.state.setInUse('r1', node, true);
    sim.state.setInUse('r1', node, false);
    const demoted = await stream.next();
    expect(demoted).toMatchObject(change('r1', node, true));
    expect(Number(demoted?.id)).toBeGreaterThan(Number(promoted?.id));
    abort.abort();
    await until(() => subscribers(sim.state) === 0);
  });

  test('drbd-reactorctl evict demotes the resource there, which the stream reports', async () => {
    const node = diskful(sim.state, 'r2')[0] as string;
    sim.state.setInUse('r2', node, true);
    const abort = new AbortController();
    const { stream } = await open(abort.signal);
    const evict = await fetch(`${sim.url}/v1/nodes/exec/drbd-reactorctl/evict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodes: [node], resource: 'r2' }),
    });
    expect(evict.status).toBe(200);
    await evict.text();
    expect(await stream.next()).toMatchObject(change('r2', node, true));
    abort.abort();
  });

  test('offline nodes report nothing; coming back online reports the value again', async () => {
    const abort = new AbortController();
    const { stream } = await open(abort.signal);
    const node = diskful(sim.state, 'r1')[0] as string;
    sim.state.setNodeOnline(node, false);
    sim.state.setNodeOnline(node, true);
    // Every DRBD resource on the node, in list order (definitions by name).
    for (const rd of ['r1', 'r2']) {
      const rsc = sim.state.resource(rd, node);
      if (rsc) expect(await stream.next()).toMatchObject(change(rd, node, !isDiskless(rsc)));
    }
    abort.abort();
  });

  test('a new diskful resource reports that it may be promoted', async () => {
    const abort = new AbortController();
    const { stream } = await open(abort.signal);
    const spare = ['node1', 'node2', 'node3', 'node4'].find((n) => sim.state.resource('r1', n) === undefined);
    expect(spare).toBeDefined();
    const created = await fetch(`${sim.url}/v1/resource-definitions/r1/resources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ resource: { node_name: spare } }]),
    });
    await created.text();
    expect(created.status).toBe(201);
    expect(await stream.next()).toMatchObject(change('r1', spare as string, true));
    abort.abort();
  });
});

describe('GET /v1/events/drbd/promotion through msw', () => {
  const sim = createSimulator({ seed, validateReplies: true });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  test('streams a may-promote-change frame and unsubscribes on abort', async () => {
    const abort = new AbortController();
    const res = await fetch('http://localhost:3370/v1/events/drbd/promotion', { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    await until(() => subscribers(sim.state) === 1);
    const stream = frames(res.body as ReadableStream<Uint8Array>);
    const node = diskful(sim.state, 'r2')[0] as string;
    sim.state.setInUse('r2', node, true);
    expect(await stream.next()).toMatchObject(change('r2', node, false));
    abort.abort();
    await until(() => subscribers(sim.state) === 0);
    expect(sim.replyMismatches).toEqual([]);
  });
});

test('the SDK drbdPromotionEvents() receives typed may-promote-change events', async () => {
  const sim = await startSimulator({ seed, validateReplies: true });
  const lin = new Linstor(sim.url);
  const events = lin.drbdPromotionEvents({ reconnect: false });
  try {
    await lin.connect();
    const first = events.next();
    await until(() => subscribers(sim.state) === 1);
    const node = diskful(sim.state, 'r1')[1] as string;
    sim.state.setInUse('r1', node, true);
    const { value, done } = await first;
    expect(done).toBe(false);
    expect(value?.event).toBe('may-promote-change');
    expect(value?.data).toEqual({ resource_name: 'r1', node_name: node, may_promote: false });
    expect(value?.id).toMatch(/^\d+$/);
    sim.state.setInUse('r1', node, false);
    expect((await events.next()).value?.data.may_promote).toBe(true);
  } finally {
    await events.close();
    await lin.disconnect();
    await sim.close();
  }
  expect(sim.replyMismatches).toEqual([]);
});
