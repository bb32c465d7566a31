// The node event stream (GET /v1/events/nodes) of the simulated controller: over real HTTP with a plain
// fetch reading the stream, through msw, and through the SDK's nodeEvents().
import { setupServer } from 'msw/node';
import { schemaValidators } from '../../generated/validators';
import { Linstor } from '../../src/api/linstor';
import { createSimulator, type RunningSimulator, startSimulator } from '../../src/testing';
import { nodeEventHub } from '../../src/testing/node-events';
import type { SimulatorState } from '../../src/testing/state';
import { frames, until } from './sse-frames';

const subscribers = (state: SimulatorState) => nodeEventHub(state).subscribers;

const expectSchema = (schema: 'EventNode' | 'EventNodeModified', data: unknown) => {
  const validate = schemaValidators[schema];
  expect(validate).toBeDefined();
  const ok = validate?.(data);
  expect(validate?.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

const nodeBody = (name: string, address: string) => ({
  name,
  type: 'SATELLITE',
  net_interfaces: [{ name: 'default', address, satellite_port: 3366, satellite_encryption_type: 'PLAIN' }],
});

describe('GET /v1/events/nodes over HTTP', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ seed: 1, validateReplies: true });
  });
  afterEach(async () => {
    await sim.close();
    expect(sim.replyMismatches).toEqual([]);
  });

  const open = async (signal?: AbortSignal) => {
    const before = subscribers(sim.state);
    const res = await fetch(`${sim.url}/v1/events/nodes`, {
      headers: { accept: 'text/event-stream' },
      signal,
    });
    // the reply headers arrive before the subscription is certain to be registered on the server side
    await until(() => subscribers(sim.state) > before);
    return res;
  };

  test('answers 200 text/event-stream with no-cache and the CORS headers, and stays open', async () => {
    const abort = new AbortController();
    const res = await open(abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS, HEAD');
    expect(res.headers.get('content-length')).toBeNull();
    abort.abort();
  });

  test('create, modify (setNodeOnline, PUT), delete and lost each send their event', async () => {
    const abort = new AbortController();
    const res = await open(abort.signal);
    const stream = frames(res.body as ReadableStream<Uint8Array>);

    const created = await fetch(`${sim.url}/v1/nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(nodeBody('echo', '10.0.0.50')),
    });
    expect(created.status).toBe(201);
    const create = await stream.next();
    expect(create?.event).toBe('node-create');
    expect(create?.id).toMatch(/^\d+$/);
    expectSchema('EventNode', create?.data);
    expect(create?.data).toMatchObject({ node: { name: 'echo', connection_status: 'ONLINE' } });

    sim.state.setNodeOnline('echo', false);
    const offline = await stream.next();
    expect(offline?.event).toBe('node-modified');
    expectSchema('EventNodeModified', offline?.data);
    expect(offline?.data).toMatchObject({
      old_node: { name: 'echo', connection_status: 'ONLINE' },
      new_node: { name: 'echo', connection_status: 'OFFLINE' },
    });
    expect(Number(offline?.id)).toBeGreaterThan(Number(create?.id));

    const put = await fetch(`${sim.url}/v1/nodes/echo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ override_props: { 'Aux/site': 'x' } }),
    });
    expect(put.status).toBe(200);
    const modified = await stream.next();
    expect(modified?.event).toBe('node-modified');
    expect(modified?.data).toMatchObject({ new_node: { props: { 'Aux/site': 'x' } } });
    const data = modified?.data as { old_node?: { props?: Record<string, string> } } | undefined;
    const oldProps = data?.old_node?.props;
    expect(oldProps?.['Aux/site']).toBeUndefined();

    // a read changes nothing and sends nothing; the next event is the delete
    expect((await fetch(`${sim.url}/v1/nodes`)).status).toBe(200);
    const deleted = await fetch(`${sim.url}/v1/nodes/echo`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const del = await stream.next();
    expect(del?.event).toBe('node-delete');
    expectSchema('EventNode', del?.data);
    expect(del?.data).toMatchObject({ node: { name: 'echo' } });

    const seeded = sim.state.sortedNodes()[0]?.name as string;
    expect((await fetch(`${sim.url}/v1/nodes/${seeded}/lost`, { method: 'DELETE' })).status).toBe(200);
    const lost = await stream.next();
    expect(lost?.event).toBe('node-delete');
    expect(lost?.data).toMatchObject({ node: { name: seeded } });
    abort.abort();
  });

  test('evacuate, evicted and restored follow the node flags', async () => {
    const abort = new AbortController();
    const res = await open(abort.signal);
    const stream = frames(res.body as ReadableStream<Uint8Array>);
    const node = sim.state.sortedNodes()[0];
    if (!node) throw new Error('seeded node missing');
    node.flags.push('EVACUATE');
    sim.state.changed();
    const evacuate = await stream.next();
    expect(evacuate?.event).toBe('node-evacuate');
    expectSchema('EventNode', evacuate?.data);
    node.flags.splice(0, node.flags.length, 'EVICTED');
    sim.state.changed();
    expect((await stream.next())?.event).toBe('node-evicted');
    node.flags.splice(0);
    sim.state.changed();
    const restored = await stream.next();
    expect(restored?.event).toBe('node-restored');
    expect(restored?.data).toMatchObject({ node: { name: node.name } });
    abort.abort();
  });

  test('a client that disconnects is unsubscribed', async () => {
    const abort = new AbortController();
    await open(abort.signal);
    const second = await open();
    expect(subscribers(sim.state)).toBe(2);
    abort.abort();
    await until(() => subscribers(sim.state) === 1);
    await second.body?.cancel();
    await until(() => subscribers(sim.state) === 0);
    // nothing listens: changes are not even compared any more
    sim.state.setNodeOnline(sim.state.sortedNodes()[0]?.name as string, false);
    expect(subscribers(sim.state)).toBe(0);
  });

  test('close() ends open streams and resolves', async () => {
    const streams = [await open(), await open()].map((r) => frames(r.body as ReadableStream<Uint8Array>));
    await sim.close();
    for (const s of streams) await expect(s.next()).resolves.toBeUndefined();
    expect(subscribers(sim.state)).toBe(0);
  });

  test('a `down` fault refuses the stream; html500 answers 500', async () => {
    sim.faults.down({ route: { operationId: 'eventsNodes' }, times: 1 });
    await expect(fetch(`${sim.url}/v1/events/nodes`)).rejects.toThrow();
    sim.faults.html500({ route: { operationId: 'eventsNodes' }, times: 1 });
    const res = await fetch(`${sim.url}/v1/events/nodes`);
    expect(res.status).toBe(500);
    await res.text();
    expect(subscribers(sim.state)).toBe(0);
  });

  test('the DRBD promotion stream is a stream of its own (promotion-events.test.ts covers it)', async () => {
    const abort = new AbortController();
    const res = await fetch(`${sim.url}/v1/events/drbd/promotion`, { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(subscribers(sim.state)).toBe(0);
    abort.abort();
  });
});

describe('GET /v1/events/nodes through msw', () => {
  const sim = createSimulator({ seed: 1, validateReplies: true });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  test('streams a node-create frame and unsubscribes on abort', async () => {
    const abort = new AbortController();
    const res = await fetch('http://localhost:3370/v1/events/nodes', { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    await until(() => subscribers(sim.state) === 1);
    const stream = frames(res.body as ReadableStream<Uint8Array>);
    const created = await fetch('http://localhost:3370/v1/nodes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(nodeBody('foxtrot', '10.0.0.60')),
    });
    expect(created.status).toBe(201);
    const frame = await stream.next();
    expect(frame?.event).toBe('node-create');
    expect(frame?.data).toMatchObject({ node: { name: 'foxtrot' } });
    abort.abort();
    await until(() => subscribers(sim.state) === 0);
    expect(sim.replyMismatches).toEqual([]);
  });
});

test('the SDK nodeEvents() receives node-create from the simulator', async () => {
  const sim = await startSimulator({ seed: 1, validateReplies: true });
  const lin = new Linstor(sim.url.replace('http://', 'linstor://'));
  const events = lin.nodeEvents({ reconnect: false });
  try {
    await lin.connect();
    const first = events.next();
    await until(() => subscribers(sim.state) === 1);
    const created = await lin.nodeCreate({ nodeName: 'golf', nodeType: 'Satellite', ip: '10.0.0.70' });
    expect(created.every((r) => r.isSuccess())).toBe(true);
    const { value, done } = await first;
    expect(done).toBe(false);
    expect(value?.event).toBe('node-create');
    if (value?.event === 'node-create') expect(value.data.node?.name).toBe('golf');
    expect(value?.id).toMatch(/^\d+$/);
  } finally {
    await events.close();
    await lin.disconnect();
    await sim.close();
  }
  expect(sim.replyMismatches).toEqual([]);
});
