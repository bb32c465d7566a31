import { connectionMethods, connectionStatics } from '../../src/api/methods/connection';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorArgumentError } from '../../src/core/errors';
import type { FetchLike } from '../../src/core/transport';
import { controllerDouble } from './controller-double';

const ok = new ApiCallResponse({ ret_code: 20447233n, message: 'created' });
const warn = new ApiCallResponse({ ret_code: -9223372036854774808n, message: 'careful' });
const info = new ApiCallResponse({ ret_code: 4611686018427397904n, message: 'fyi' });
const error = new ApiCallResponse({ ret_code: -4611686018407202314n, message: 'failed' });

describe('connection helpers (§2.1)', () => {
  test('stats, nodeTypes, layerList, providerList send nothing', () => {
    const d = controllerDouble();
    const lin = d.client(connectionMethods);
    expect(lin.stats()).toBe('');
    expect(lin.nodeTypes()).toEqual(['Controller', 'Auxiliary', 'Combined', 'Satellite', 'Remote_Spdk']);
    expect(new Set(lin.layerList())).toEqual(
      new Set(['drbd', 'luks', 'storage', 'nvme', 'writecache', 'cache', 'bcache']),
    );
    expect(lin.providerList()).toContain('LVM_THIN');
    expect(lin.providerList()).toHaveLength(13);
    expect(d.all).toEqual([]);
  });

  test('parseVolumeSizeToKib: bare argument or options object', () => {
    expect(connectionStatics.parseVolumeSizeToKib('1GB')).toBe(976563);
    expect(connectionStatics.parseVolumeSizeToKib({ sizeStr: '20 MiB' })).toBe(20480);
    expect(() => connectionStatics.parseVolumeSizeToKib('1.5G')).toThrow(LinstorArgumentError);
  });

  test('reply helpers follow python (a warning or info is not a success)', () => {
    const s = connectionStatics;
    expect(s.allApiResponsesNoError([ok, warn, info])).toBe(true);
    expect(s.allApiResponsesNoError({ replies: [ok, error] })).toBe(false);
    expect(s.allApiResponsesSuccess([ok])).toBe(true);
    expect(s.allApiResponsesSuccess([ok, info])).toBe(false);
    expect(s.filterApiCallResponse([ok, 'not a reply', 3, error])).toEqual([ok, error]);
    expect(s.filterApiCallResponseErrors([ok, warn, error])).toEqual([error]);
    expect(s.returnIfFailure([ok])).toBeUndefined();
    expect(s.returnIfFailure([ok, warn])).toEqual([ok, warn]);
    expect(s.returnIfError({ replies: [ok, warn] })).toBeUndefined();
    expect(s.returnIfError([ok, error])).toEqual([ok, error]);
  });

  test('hasLinstorHttps: a bare GET; the port of a 302 Location, else 0', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const answer =
      (response: () => Response): FetchLike =>
      async (url, init) => {
        seen.push({ url, headers: init.headers });
        return response();
      };
    const redirect = answer(
      () =>
        new Response(null, { status: 302, headers: { location: 'https://ctrl:3371/v1/controller/version' } }),
    );
    expect(await connectionStatics.hasLinstorHttps({ hostname: 'ctrl', port: 3370, fetch: redirect })).toBe(
      3371,
    );
    expect(seen[0]).toEqual({ url: 'http://ctrl:3370/v1/controller/version', headers: {} });

    const v6 = answer(
      () => new Response(null, { status: 302, headers: { location: 'https://[::1]:4443/' } }),
    );
    expect(await connectionStatics.hasLinstorHttps({ hostname: '::1', port: 3370, fetch: v6 })).toBe(4443);
    expect(seen[1].url).toBe('http://[::1]:3370/v1/controller/version');

    const noPort = answer(() => new Response(null, { status: 302, headers: { location: 'https://ctrl/' } }));
    expect(await connectionStatics.hasLinstorHttps({ hostname: 'ctrl', port: 3370, fetch: noPort })).toBe(0);
    const plain = answer(() => new Response('{}', { status: 200 }));
    expect(await connectionStatics.hasLinstorHttps({ hostname: 'ctrl', port: 3370, fetch: plain })).toBe(0);
    const refused: FetchLike = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    expect(await connectionStatics.hasLinstorHttps({ hostname: 'ctrl', port: 1, fetch: refused })).toBe(0);
  });

  test('the classmethods are on the instance too', () => {
    const lin = controllerDouble().client(connectionMethods);
    expect(lin.parseVolumeSizeToKib('3tib')).toBe(3221225472);
    expect(lin.allApiResponsesSuccess({ replies: [ok] })).toBe(true);
  });
});
