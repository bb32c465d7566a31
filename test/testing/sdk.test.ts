// A few end-to-end checks through the SDK's Linstor class against the simulator's HTTP server.
import { FAIL_EXISTS_RSC_DFN, FAIL_NOT_FOUND_NODE, MASK_CRT, MASK_RSC_DFN } from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { type RunningSimulator, startSimulator } from '../../src/testing';

let sim: RunningSimulator;
let lin: Linstor;

beforeAll(async () => {
  sim = await startSimulator({ seed: 2, validateReplies: true });
  lin = new Linstor(sim.url.replace('http://', 'linstor://'));
  await lin.connect();
});
afterAll(async () => {
  await lin.disconnect();
  await sim.close();
});

test('node list and node create through the SDK', async () => {
  const created = await lin.nodeCreate({ nodeName: 'alpha', nodeType: 'Satellite', ip: '10.0.0.20' });
  expect(created.every((r) => r.isSuccess())).toBe(true);
  const nodes = await lin.nodeListRaise();
  expect(JSON.stringify(nodes)).toContain('alpha');
  expect(sim.state.node('alpha')?.netInterfaces.get('DEFAULT')?.satelliteEncryptionType).toBe('PLAIN');
});

test('19-digit return codes survive the trip: errors decode to the exact constants', async () => {
  expect((await lin.resourceDfnCreate({ name: 'res1' }))[0]?.isSuccess()).toBe(true);
  const dup = await lin.resourceDfnCreate({ name: 'RES1' });
  expect(dup[0]?.retCode).toBe(FAIL_EXISTS_RSC_DFN | MASK_RSC_DFN | MASK_CRT);
  expect(dup[0]?.isError(FAIL_EXISTS_RSC_DFN)).toBe(true);
  const notFound = sim.handle({ method: 'GET', path: '/v1/nodes/ghost' });
  expect(notFound.bodyText).toContain(`"ret_code":${BigInt.asIntN(64, FAIL_NOT_FOUND_NODE)}`);
  expect(sim.replyMismatches).toEqual([]);
});
