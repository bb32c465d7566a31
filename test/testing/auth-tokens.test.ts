// Auth tokens: issue, list, modify, revoke and initialize-token-auth, over HTTP with validated replies
// and through the SDK. Token auth is recorded, not enforced.
import {
  FAIL_INVLD_NET_ADDR,
  FAIL_INVLD_REQUEST,
  FAIL_INVLD_TIME_PARAM,
  MASK_CRT,
  MASK_CTRL_CONF,
} from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { TOKEN_AUTH_PROP } from '../../src/testing/handlers/auth-tokens';
import { withSim } from './helpers';

const NOW = Date.parse('2026-12-01T06:00:00Z');

test('create, list, modify and revoke through the SDK; the token text appears only in the create reply', async () => {
  await withSim({ now: () => NOW }, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const created = await lin.controllerCreateAuthToken({
        description: 'ci',
        ipFilter: '10.0.0.0/8, ::1',
        expiresAt: new Date(NOW + 86_400_000),
      });
      expect(created).toHaveLength(1);
      expect(created[0]?.isSuccess()).toBe(true);
      expect(created[0]?.retCode).toBe(MASK_CTRL_CONF | MASK_CRT | 1n);
      const token = created[0]?.objRefs.token as string;
      expect(token).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(created[0]?.objRefs.AuthTokenId).toBe('1');
      await lin.controllerCreateAuthToken({ description: 'second' });

      const list = await lin.controllerListAuthTokens();
      const tokens = (list[0] as { authTokens: { id: number; description: string; expiresAt?: Date }[] })
        .authTokens;
      expect(tokens.map((t) => [t.id, t.description])).toEqual([
        [1, 'ci'],
        [2, 'second'],
      ]);
      expect(tokens[0]?.expiresAt?.getTime()).toBe(NOW + 86_400_000);
      const listed = await client.get('/v1/controller/auth/token');
      expect(listed.text).not.toContain(token);
      expect(listed.body).toMatchObject({ count: 2 });

      const mod = await lin.controllerModifyAuthToken({
        tokenid: 1,
        description: 'ci-renamed',
        isActive: false,
      });
      expect(mod[0]?.isSuccess()).toBe(true);
      expect(sim.state.authTokens.get(1)).toMatchObject({ description: 'ci-renamed', isActive: false });

      // The controller answers the revocation with 200 and no body: no messages.
      expect(await lin.controllerDeleteAuthToken({ tokenid: 2 })).toEqual([]);
      expect(sim.state.authTokens.get(2)).toMatchObject({ isActive: false, deletedAt: NOW });
      const after = await client.get('/v1/controller/auth/token');
      expect((after.body as { list: { id: number; deleted_at?: string }[] }).list[1]?.deleted_at).toBe(
        '2026-12-01T06:00:00.000Z',
      );
      const again = await lin.controllerModifyAuthToken({ tokenid: 2, description: 'x' });
      expect(again[0]?.isError(FAIL_INVLD_REQUEST)).toBe(true);
    });
  });
});

test('bad expiry, bad IP filter, missing description and unknown ids are refused', async () => {
  await withSim({ now: () => NOW }, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const past = await lin.controllerCreateAuthToken({
        description: 'x',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past[0]?.isError(FAIL_INVLD_TIME_PARAM)).toBe(true);
      const unreadable = await client.post('/v1/controller/auth/token', {
        description: 'x',
        expires_at: 'soon',
      });
      expect(unreadable.status).toBe(500);
      const ip = await lin.controllerCreateAuthToken({ description: 'x', ipFilter: '10.0.0.0/8,nothere' });
      expect(ip[0]?.isError(FAIL_INVLD_NET_ADDR)).toBe(true);
      expect((await client.post('/v1/controller/auth/token', {})).status).toBe(500);
      expect((await client.post('/v1/controller/auth/token', { description: 'x', bogus: 1 })).status).toBe(
        400,
      );
      expect(sim.state.authTokens.size).toBe(0);
      expect((await client.put('/v1/controller/auth/token/7', { description: 'y' })).status).toBe(404);
      expect((await client.del('/v1/controller/auth/token/7')).status).toBe(404);
      expect((await lin.controllerDeleteAuthToken({ tokenid: 7 }))[0]?.isError(FAIL_INVLD_REQUEST)).toBe(
        true,
      );
      expect((await client.del('/v1/controller/auth/token/abc')).status).toBe(404);
    });
  });
});

test('initialize-token-auth records the switch and the first token, but requests stay open', async () => {
  await withSim({}, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const replies = await lin.controllerInitAuthToken({ description: 'admin' });
      expect(replies.every((r) => r.isSuccess())).toBe(true);
      const withToken = replies.find((r) => r.objRefs.token !== undefined);
      expect(withToken?.objRefs.token).toBeDefined();
      expect(sim.state.controllerProps[TOKEN_AUTH_PROP]).toBe('true');
      expect(sim.state.authTokens.get(1)).toMatchObject({ description: 'admin', isUserToken: false });
      // Not enforced: a request without any Authorization header still works.
      expect((await client.get('/v1/nodes')).status).toBe(200);
      const sats = await lin.controllerInitAuthToken({ description: 'sat', onlySatellites: true });
      expect(sats).toHaveLength(1);
      expect(sim.state.authTokens.size).toBe(2);
    });
  });
});
