import { authTokenMethods } from '../../src/api/methods/auth-tokens';
import type { AuthTokenListResponse } from '../../src/api/responses/controller';
import { controllerDouble, json, req } from './controller-double';

const TOKENS = {
  count: 1,
  list: [
    {
      id: 7,
      description: 'ci',
      created_at: '2026-01-02T03:04:05Z',
      is_active: true,
      is_user_token: true,
      ip_filter: '10.0.0.0/8',
    },
  ],
};

describe('auth tokens (§2.14, REST 1.28.0)', () => {
  test('scenario 12: every method throws before sending on REST 1.25.0', async () => {
    const d = controllerDouble();
    const lin = d.client(authTokenMethods);
    const message = 'Auth token not supported by server, REST-API-VERSION: 1.25.0; needed 1.28.0';
    await expect(lin.controllerCreateAuthToken({ description: 'd' })).rejects.toThrow(message);
    await expect(lin.controllerInitAuthToken({ description: 'd' })).rejects.toThrow(message);
    await expect(lin.controllerListAuthTokens()).rejects.toThrow(message);
    await expect(lin.controllerModifyAuthToken({ tokenid: 1, isActive: false })).rejects.toThrow(message);
    await expect(lin.controllerDeleteAuthToken({ tokenid: 1 })).rejects.toThrow(message);
    expect(d.work()).toHaveLength(0);
  });

  test('requests on REST 1.28.0', async () => {
    const d = controllerDouble(
      (s) => (s.method === 'GET' && s.path === '/v1/controller/auth/token' ? json(TOKENS) : undefined),
      '1.28.0',
    );
    const lin = d.client(authTokenMethods);
    await lin.controllerCreateAuthToken({ description: 'd' });
    await lin.controllerCreateAuthToken({
      description: 'd',
      ipFilter: '10.0.0.0/8',
      expiresAt: new Date(Date.UTC(2027, 0, 1)),
    });
    await lin.controllerInitAuthToken({ description: 'init' });
    await lin.controllerInitAuthToken({ description: 'init', onlySatellites: true, noHttps: true });
    const list = await lin.controllerListAuthTokens();
    await lin.controllerModifyAuthToken({ tokenid: 7 });
    await lin.controllerModifyAuthToken({
      tokenid: 7,
      description: '',
      isActive: false,
      ipFilter: '1.2.3.4',
    });
    await lin.controllerDeleteAuthToken({ tokenid: 7 });
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/controller/auth/token', query: '', body: { description: 'd' } },
      {
        method: 'POST',
        path: '/v1/controller/auth/token',
        query: '',
        body: { description: 'd', ip_filter: '10.0.0.0/8', expires_at: '2027-01-01T00:00:00.000Z' },
      },
      {
        method: 'POST',
        path: '/v1/controller/auth/initialize-token-auth',
        query: '',
        body: { description: 'init' },
      },
      {
        method: 'POST',
        path: '/v1/controller/auth/initialize-token-auth',
        query: '',
        body: { description: 'init', only_satellites: true, no_https: true },
      },
      { method: 'GET', path: '/v1/controller/auth/token', query: '' },
      { method: 'PUT', path: '/v1/controller/auth/token/7', query: '', body: {} },
      {
        method: 'PUT',
        path: '/v1/controller/auth/token/7',
        query: '',
        body: { description: '', is_active: false, ip_filter: '1.2.3.4' },
      },
      { method: 'DELETE', path: '/v1/controller/auth/token/7', query: '' },
    ]);
    const tokens = (list[0] as AuthTokenListResponse).authTokens;
    expect(tokens[0].id).toBe(7);
    expect(tokens[0].createdAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect([tokens[0].isActive, tokens[0].isUserToken, tokens[0].ipFilter]).toEqual([
      true,
      true,
      '10.0.0.0/8',
    ]);
    expect((list[0] as AuthTokenListResponse).count).toBe(1);
  });
});
