import { encryptionMethods } from '../../src/api/methods/encryption';
import { PassphraseStatus } from '../../src/api/responses/controller';
import { controllerDouble, json, req } from './controller-double';

describe('encryption (§2.14)', () => {
  test('scenario 22: cryptEnterPassphrase sends the bare JSON string; create/modify bodies', async () => {
    const d = controllerDouble();
    const lin = d.client(encryptionMethods);
    await lin.cryptEnterPassphrase({ passphrase: 'secret' });
    await lin.cryptCreatePassphrase({ passphrase: 'p1' });
    await lin.cryptModifyPassphrase({ oldPassphrase: 'p1', newPassphrase: 'p2' });
    expect(d.work()[0].rawBody).toBe('"secret"');
    expect(d.work()[0].headers['content-type'] ?? d.work()[0].headers['Content-Type']).toBe(
      'application/json',
    );
    expect(d.work().map(req)).toEqual([
      { method: 'PATCH', path: '/v1/encryption/passphrase', query: '', body: 'secret' },
      { method: 'POST', path: '/v1/encryption/passphrase', query: '', body: { new_passphrase: 'p1' } },
      {
        method: 'PUT',
        path: '/v1/encryption/passphrase',
        query: '',
        body: { new_passphrase: 'p2', old_passphrase: 'p1' },
      },
    ]);
  });

  test('cryptStatus: object or one-element array', async () => {
    let body: unknown = { status: 'locked' };
    const d = controllerDouble((s) =>
      s.method === 'GET' && s.path === '/v1/encryption/passphrase' ? json(body) : undefined,
    );
    const lin = d.client(encryptionMethods);
    const r1 = await lin.cryptStatus();
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/encryption/passphrase', query: '' });
    expect(r1[0]).toBeInstanceOf(PassphraseStatus);
    expect((r1[0] as PassphraseStatus).status).toBe('locked');
    body = [{ status: 'unlocked' }];
    expect(((await lin.cryptStatus())[0] as PassphraseStatus).status).toBe('unlocked');
  });
});
