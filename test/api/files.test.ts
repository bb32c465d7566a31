import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from '../../src/api/encoding';
import { fileMethods } from '../../src/api/methods/files';
import { FileResponse } from '../../src/api/responses/external-file';
import { LinstorApiCallError, LinstorArgumentError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

describe('external files (§2.17)', () => {
  test('scenario 9: fileModify encodes the path and base64s the content', async () => {
    const d = controllerDouble();
    const lin = d.client(fileMethods);
    await lin.fileModify({ fileName: '/etc/x.conf', newContent: new TextEncoder().encode('hello') });
    await lin.fileModify({ fileName: '/etc/x.conf', newContent: 'hello' });
    await lin.fileModify({ fileName: '/etc/bin', newContent: Uint8Array.from([0, 255, 128]).buffer });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/files/%2Fetc%2Fx.conf',
        query: '',
        body: { path: '/etc/x.conf', content: 'aGVsbG8=' },
      },
      {
        method: 'PUT',
        path: '/v1/files/%2Fetc%2Fx.conf',
        query: '',
        body: { path: '/etc/x.conf', content: 'aGVsbG8=' },
      },
      {
        method: 'PUT',
        path: '/v1/files/%2Fetc%2Fbin',
        query: '',
        body: { path: '/etc/bin', content: 'AP+A' },
      },
    ]);
    await expect(
      lin.fileModify({ fileName: '/x', newContent: 42 as unknown as string }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);
  });

  test('fileList, fileShow (content decoded), fileDelete, fileDeploy, fileUndeploy', async () => {
    let show = () => json({ path: '/etc/x.conf', content: 'aMOpbGxv' });
    const d = controllerDouble((s) => {
      if (s.method === 'GET' && s.path === '/v1/files') return json([{ path: '/etc/a' }, { path: '/etc/b' }]);
      if (s.method === 'GET' && s.path.startsWith('/v1/files/')) return show();
      return undefined;
    });
    const lin = d.client(fileMethods);
    const list = await lin.fileList();
    const shown = await lin.fileShow({ fileName: '/etc/x.conf' });
    await lin.fileDelete({ fileName: '/etc/x.conf' });
    await lin.fileDeploy({ fileName: '/etc/x.conf', rscName: 'res1' });
    await lin.fileUndeploy({ fileName: '/etc/x.conf', rscName: 'res1' });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/files', query: '' },
      { method: 'GET', path: '/v1/files/%2Fetc%2Fx.conf', query: '' },
      { method: 'DELETE', path: '/v1/files/%2Fetc%2Fx.conf', query: '' },
      { method: 'POST', path: '/v1/resource-definitions/res1/files/%2Fetc%2Fx.conf', query: '' },
      { method: 'DELETE', path: '/v1/resource-definitions/res1/files/%2Fetc%2Fx.conf', query: '' },
    ]);
    expect((list[0] as FileResponse).files.map((f) => f.path)).toEqual(['/etc/a', '/etc/b']);
    expect(shown).toBeInstanceOf(FileResponse);
    expect(shown.file?.content).toBe('aMOpbGxv');
    expect(shown.file?.contentText).toBe('h\u00e9llo');
    expect(shown.file?.contentBytes).toEqual(new TextEncoder().encode('h\u00e9llo'));
    show = () => json(ERROR_REPLY, 404);
    await expect(lin.fileShow({ fileName: '/nope' })).rejects.toBeInstanceOf(LinstorApiCallError);
    const old = controllerDouble(undefined, '1.6.0');
    await expect(old.client(fileMethods).fileList()).rejects.toThrow('needed 1.7.0');
  });

  test('a deploy answered 200 with no body (as described) is a success without messages', async () => {
    const d = controllerDouble((s) =>
      s.path.startsWith('/v1/resource-definitions/') ? new Response('', { status: 200 }) : undefined,
    );
    const lin = d.client(fileMethods);
    await expect(lin.fileDeploy({ fileName: '/etc/x.conf', rscName: 'res1' })).resolves.toEqual([]);
    await expect(lin.fileUndeploy({ fileName: '/etc/x.conf', rscName: 'res1' })).resolves.toEqual([]);
    // a data reply with no body stays an error
    const empty = controllerDouble((s) =>
      s.path === '/v1/files' ? new Response('', { status: 200 }) : undefined,
    );
    await expect(empty.client(fileMethods).fileList()).rejects.toThrow(/Unable to parse REST json data/);
  });

  test('property: base64 round trip of any bytes matches Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
