// The master passphrase and volume passphrases in the simulated controller: through the SDK's Linstor
// methods and over plain HTTP (replies validated against the OpenAPI schemas).
import {
  CREATED,
  FAIL_EXISTS_CRYPT_PASSPHRASE,
  FAIL_INVLD_CRYPT_PASSPHRASE,
  FAIL_INVLD_REQUEST,
  FAIL_NOT_FOUND_CRYPT_KEY,
  FAIL_NOT_FOUND_VLM_DFN,
  MASK_CRT,
  MASK_CTRL_CONF,
  MASK_MOD,
  MASK_VLM_DFN,
  MODIFIED,
  PASSPHRASE_ACCEPTED,
} from '../../generated/constants';
import type { Linstor } from '../../src/api/linstor';
import { lockMasterPassphrase } from '../../src/testing/encryption-records';
import { rcs, unsignedCode, withSim, withSimAndLinstor } from './helpers';

const code = unsignedCode;

const withLinstor = (fn: Parameters<typeof withSimAndLinstor>[1]) =>
  withSimAndLinstor({ seed: { nodes: 2, resources: [{ name: 'plain' }] } }, fn);

const status = async (lin: Linstor): Promise<string | undefined> => {
  const r = await lin.cryptStatus();
  return (r[0] as { status?: string } | undefined)?.status;
};

test('create, status, restart (locked), enter, change: codes, statuses, and no passphrase in any reply', async () => {
  await withLinstor(async (sim, client, lin) => {
    expect(await status(lin)).toBe('unset');
    const created = await lin.cryptCreatePassphrase({ passphrase: 'secret-1' });
    expect(created.map((r) => r.retCode)).toEqual([MASK_CTRL_CONF | MASK_CRT | CREATED]);
    expect(await status(lin)).toBe('unlocked');

    const twice = await lin.cryptCreatePassphrase({ passphrase: 'other' });
    expect(twice[0]?.retCode).toBe(MASK_CTRL_CONF | MASK_CRT | FAIL_EXISTS_CRYPT_PASSPHRASE);

    lockMasterPassphrase(sim.state);
    expect(await status(lin)).toBe('locked');
    const wrong = await lin.cryptEnterPassphrase({ passphrase: 'nope' });
    expect(wrong[0]?.retCode).toBe(MASK_CTRL_CONF | MASK_MOD | FAIL_INVLD_CRYPT_PASSPHRASE);
    expect(await status(lin)).toBe('locked');
    const entered = await lin.cryptEnterPassphrase({ passphrase: 'secret-1' });
    expect(entered.map((r) => r.retCode)).toEqual([MASK_CTRL_CONF | MASK_MOD | PASSPHRASE_ACCEPTED]);
    expect(await status(lin)).toBe('unlocked');

    const badOld = await lin.cryptModifyPassphrase({ oldPassphrase: 'secret-2', newPassphrase: 'secret-3' });
    expect(badOld[0]?.retCode).toBe(MASK_CTRL_CONF | MASK_MOD | FAIL_INVLD_CRYPT_PASSPHRASE);
    const changed = await lin.cryptModifyPassphrase({ oldPassphrase: 'secret-1', newPassphrase: 'secret-2' });
    expect(changed.map((r) => r.retCode)).toEqual([MASK_CTRL_CONF | MASK_MOD | MODIFIED]);
    expect(sim.state.encryption.master).toBe('secret-2');

    const replies = [...created, ...twice, ...wrong, ...entered, ...badOld, ...changed];
    for (const text of replies.map((r) => JSON.stringify(r))) expect(text).not.toMatch(/secret|nope|other/);
    const raw = await client.get('/v1/encryption/passphrase');
    expect(raw.body).toEqual([{ status: 'unlocked' }]);
  });
});

test('errors before a passphrase exists, empty passphrases, bad bodies', async () => {
  await withSim({}, async (_sim, client) => {
    const enter = await client.raw('PATCH', '/v1/encryption/passphrase', {
      headers: { 'content-type': 'application/json' },
      body: '"x"',
    });
    expect(enter.status).toBe(404);
    const change = await client.put('/v1/encryption/passphrase', {
      old_passphrase: 'a',
      new_passphrase: 'b',
    });
    expect([change.status, code(rcs(change)[0])]).toEqual([
      404,
      MASK_CTRL_CONF | MASK_MOD | FAIL_NOT_FOUND_CRYPT_KEY,
    ]);
    const empty = await client.post('/v1/encryption/passphrase', { new_passphrase: '' });
    expect([empty.status, code(rcs(empty)[0])]).toEqual([
      500,
      MASK_CTRL_CONF | MASK_CRT | FAIL_INVLD_CRYPT_PASSPHRASE,
    ]);
    const parse = await client.post('/v1/encryption/passphrase', { passphrase: 'x' });
    expect(rcs(parse)[0]?.message).toBe('Unable to parse input json.');
    expect((await client.get('/v1/encryption/passphrase')).body).toEqual([{ status: 'unset' }]);
  });
});

test('volume passphrase: needs an encrypted volume definition and an entered master passphrase', async () => {
  await withLinstor(async (sim, client, lin) => {
    await lin.resourceDfnCreate({ name: 'secure' });
    await lin.volumeDfnCreate({ rscName: 'secure', size: 102400, encrypt: true });
    const vd = sim.state.resourceDefinition('secure')?.volumeDefinitions.get(0);
    expect(vd?.flags).toContain('ENCRYPTED');

    const noMaster = await lin.volumeDfnModifyPassphrase({
      rscName: 'secure',
      volumeNr: 0,
      newPassphrase: 'v1',
    });
    expect(noMaster[0]?.retCode).toBe(MASK_VLM_DFN | MASK_MOD | FAIL_NOT_FOUND_CRYPT_KEY);
    await lin.cryptCreatePassphrase({ passphrase: 'master' });
    lockMasterPassphrase(sim.state);
    const locked = await lin.volumeDfnModifyPassphrase({
      rscName: 'secure',
      volumeNr: 0,
      newPassphrase: 'v1',
    });
    expect(locked[0]?.retCode).toBe(MASK_VLM_DFN | MASK_MOD | FAIL_NOT_FOUND_CRYPT_KEY);
    await lin.cryptEnterPassphrase({ passphrase: 'master' });

    const ok = await lin.volumeDfnModifyPassphrase({ rscName: 'secure', volumeNr: 0, newPassphrase: 'v1' });
    expect(ok.map((r) => r.retCode)).toEqual([MASK_VLM_DFN | MASK_MOD | MODIFIED]);
    expect(sim.state.encryption.volumePassphrases.get(vd?.uuid as string)).toBe('v1');
    expect(JSON.stringify(ok)).not.toContain('v1');

    const plain = await lin.volumeDfnModifyPassphrase({ rscName: 'plain', volumeNr: 0, newPassphrase: 'v2' });
    expect(plain[0]?.retCode).toBe(MASK_VLM_DFN | MASK_MOD | FAIL_INVLD_REQUEST);
    const missing = await lin.volumeDfnModifyPassphrase({
      rscName: 'secure',
      volumeNr: 3,
      newPassphrase: 'v2',
    });
    expect(missing[0]?.retCode).toBe(MASK_VLM_DFN | MASK_MOD | FAIL_NOT_FOUND_VLM_DFN);
    const empty = await client.put(
      '/v1/resource-definitions/secure/volume-definitions/0/encryption-passphrase',
      {
        new_passphrase: '',
      },
    );
    expect(code(rcs(empty)[0])).toBe(MASK_VLM_DFN | MASK_MOD | FAIL_INVLD_CRYPT_PASSPHRASE);
  });
});
