// External files in the simulated controller: over plain HTTP (replies validated against the OpenAPI
// schemas) and through the SDK's Linstor methods.
import {
  CREATED,
  DELETED,
  FAIL_INVLD_EXT_FILE,
  FAIL_INVLD_EXT_FILE_NAME,
  FAIL_NOT_FOUND_EXT_FILE,
  FAIL_NOT_FOUND_NODE,
  FAIL_NOT_FOUND_RSC_DFN,
  MASK_CRT,
  MASK_DEL,
  MASK_EXT_FILES,
  MASK_MOD,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../generated/constants';
import { rcs, unsignedCode, withSim, withSimAndLinstor } from './helpers';

const code = unsignedCode;
const enc = (path: string): string => encodeURIComponent(path);

const seed = {
  nodes: 3,
  resources: [{ name: 'r1', placeCount: 2 }],
  controllerProps: { 'DrbdOptions/auto-add-quorum-tiebreaker': 'False' },
};

const withLinstor = (fn: Parameters<typeof withSimAndLinstor>[1]) => withSimAndLinstor({ seed }, fn);

test('store, show, list (paths only unless content=true), replace and delete through the SDK', async () => {
  await withLinstor(async (sim, client, lin) => {
    const created = await lin.fileModify({ fileName: '/etc/x.conf', newContent: 'hello' });
    expect(created.map((r) => r.retCode)).toEqual([MASK_EXT_FILES | MASK_CRT | CREATED]);
    expect(sim.state.externalFiles.get('/etc/x.conf')?.content).toBe('aGVsbG8=');
    await lin.fileModify({ fileName: '/etc/a b.conf', newContent: new Uint8Array([0, 255, 1]) });

    const shown = await lin.fileShow({ fileName: '/etc/x.conf' });
    expect(shown.file?.contentText).toBe('hello');
    const list = await lin.fileList();
    const files = Array.isArray(list)
      ? (list[0] as { files: { path?: string; content?: string }[] }).files
      : [];
    expect(files.map((f) => [f.path, f.content])).toEqual([
      ['/etc/a b.conf', undefined],
      ['/etc/x.conf', undefined],
    ]);
    const withContent = await client.get('/v1/files?content=true');
    expect(withContent.body).toEqual([
      { path: '/etc/a b.conf', content: 'AP8B' },
      { path: '/etc/x.conf', content: 'aGVsbG8=' },
    ]);

    const replaced = await lin.fileModify({ fileName: '/etc/x.conf', newContent: 'bye' });
    expect(replaced.map((r) => r.retCode)).toEqual([MASK_EXT_FILES | MASK_MOD | MODIFIED]);
    expect((await lin.fileShow({ fileName: '/etc/x.conf' })).file?.contentText).toBe('bye');

    const deleted = await lin.fileDelete({ fileName: '/etc/x.conf' });
    expect(deleted.map((r) => r.retCode)).toEqual([MASK_EXT_FILES | MASK_DEL | DELETED]);
    const again = await lin.fileDelete({ fileName: '/etc/x.conf' });
    expect(again[0]?.retCode).toBe(MASK_EXT_FILES | MASK_DEL | WARN_NOT_FOUND);
    await expect(lin.fileShow({ fileName: '/etc/x.conf' })).rejects.toMatchObject({
      mainError: { retCode: FAIL_NOT_FOUND_EXT_FILE },
    });
  });
});

test('bad names, bad content, a path that differs from the URL, and a bad body', async () => {
  await withSim({ seed }, async (sim, client) => {
    for (const path of ['etc/x', '/etc/', '/etc//x', '/etc/../x', '/']) {
      const r = await client.put(`/v1/files/${enc(path)}`, { path, content: '' });
      expect(r.status).toBe(500);
      expect(code(rcs(r)[0])).toBe(FAIL_INVLD_EXT_FILE_NAME | MASK_EXT_FILES | MASK_MOD);
    }
    const bad64 = await client.put(`/v1/files/${enc('/etc/x')}`, { path: '/etc/x', content: 'a*b' });
    expect(code(rcs(bad64)[0])).toBe(FAIL_INVLD_EXT_FILE | MASK_EXT_FILES | MASK_MOD);
    const other = await client.put(`/v1/files/${enc('/etc/x')}`, { path: '/etc/y', content: '' });
    expect(code(rcs(other)[0])).toBe(FAIL_INVLD_EXT_FILE_NAME | MASK_EXT_FILES | MASK_MOD);
    const parse = await client.put(`/v1/files/${enc('/etc/x')}`, { path: '/etc/x', data: '' });
    expect(rcs(parse)[0]?.message).toBe('Unable to parse input json.');
    expect(sim.state.externalFiles.size).toBe(0);
    const missing = await client.get(`/v1/files/${enc('/nope')}`);
    expect(missing.status).toBe(404);
    expect(code(rcs(missing)[0])).toBe(FAIL_NOT_FOUND_EXT_FILE);
  });
});

test('deploy records files/<path> on the RD; status and check per node; delete undeploys', async () => {
  await withLinstor(async (sim, client, lin) => {
    await lin.fileModify({ fileName: '/etc/drbd.d/extra.conf', newContent: 'x' });
    const rd = () => sim.state.resourceDefinition('r1');
    const holders = [...(rd()?.resources.values() ?? [])].map((r) => r.nodeName);
    const other = ['node1', 'node2', 'node3'].find((n) => !holders.includes(n)) as string;
    const path = enc('/etc/drbd.d/extra.conf');

    const before = await client.get(`/v1/files/${path}/status/${holders[0]}`);
    expect(before.body).toEqual({ content_match: false });

    const deployed = await client.post(`/v1/resource-definitions/r1/files/${path}`);
    expect([deployed.status, deployed.text]).toEqual([200, '']);
    expect(rd()?.props['files/etc/drbd.d/extra.conf']).toBe('True');
    const rdProps = (await lin.resourceDfnListRaise()).resourceDefinitions[0]?.properties;
    expect(rdProps?.['files/etc/drbd.d/extra.conf']).toBe('True');

    const on = await client.get(`/v1/files/${path}/status/${holders[0]}`);
    expect(on.body).toEqual({ actual_path: '/etc/drbd.d/extra.conf', content_match: true });
    expect((await client.get(`/v1/files/${path}/status/${other}`)).body).toEqual({ content_match: false });
    sim.state.setNodeOnline(holders[0] as string, false);
    const offline = await client.get(`/v1/files/${path}/status/${holders[0]}`);
    expect([offline.status, offline.text]).toEqual([503, '']);
    sim.state.setNodeOnline(holders[0] as string, true);

    // Replacing the content reports the nodes that get the new file.
    const replaced = await client.put(`/v1/files/${path}`, {
      path: '/etc/drbd.d/extra.conf',
      content: 'eQ==',
    });
    expect(rcs(replaced).map((r) => r.message)).toEqual([
      "External file '/etc/drbd.d/extra.conf' modified.",
      ...[...holders].sort().map((n) => `Updated external file '/etc/drbd.d/extra.conf' on '${n}'`),
    ]);

    // Deploy/undeploy go over plain HTTP: their 200 has no body (openapi/files.yaml), which the SDK's
    // fileDeploy/fileUndeploy cannot read as a reply list yet.
    const undeployed = await client.del(`/v1/resource-definitions/r1/files/${path}`);
    expect([undeployed.status, undeployed.text]).toEqual([200, '']);
    expect(rd()?.props['files/etc/drbd.d/extra.conf']).toBeUndefined();
    await client.post(`/v1/resource-definitions/R1/files/${path}`);
    const del = await lin.fileDelete({ fileName: '/etc/drbd.d/extra.conf' });
    expect(del[0]?.details).toContain("undeployed from 'r1'");
    expect(rd()?.props['files/etc/drbd.d/extra.conf']).toBeUndefined();

    const check = await client.get(`/v1/files/${path}/check/node1`);
    expect(check.body).toEqual({ allowed: true });
    expect((await client.get(`/v1/files/${enc('/proc/sys/x')}/check/node1`)).body).toEqual({
      allowed: false,
    });
    const ghost = await client.get(`/v1/files/${path}/check/ghost`);
    expect([ghost.status, code(rcs(ghost)[0])]).toEqual([404, FAIL_NOT_FOUND_NODE]);
  });
});

test('deploy errors: unknown RD, unknown file', async () => {
  await withSim({ seed }, async (_sim, client) => {
    await client.put(`/v1/files/${enc('/etc/x')}`, { path: '/etc/x', content: '' });
    const noRd = await client.post(`/v1/resource-definitions/nope/files/${enc('/etc/x')}`);
    expect([noRd.status, code(rcs(noRd)[0])]).toEqual([
      404,
      FAIL_NOT_FOUND_RSC_DFN | MASK_EXT_FILES | MASK_MOD,
    ]);
    const noFile = await client.del(`/v1/resource-definitions/r1/files/${enc('/etc/y')}`);
    expect([noFile.status, code(rcs(noFile)[0])]).toEqual([
      404,
      FAIL_NOT_FOUND_EXT_FILE | MASK_EXT_FILES | MASK_MOD,
    ]);
  });
});
