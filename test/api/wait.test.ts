import { waitMethods } from '../../src/api/methods/wait';
import {
  LinstorAbortError,
  LinstorApiCallError,
  LinstorArgumentError,
  LinstorTimeoutError,
} from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

/** A controller whose clone/sync status answers come from a script (the last entry repeats). */
function scripted(path: string, answers: (() => Response)[]) {
  let n = 0;
  return controllerDouble((s) =>
    s.path === path ? answers[Math.min(n++, answers.length - 1)]() : undefined,
  );
}

const status = (s: string) => () => json({ status: s });
const synced = (v: boolean) => () => json({ synced_on_all: v });

describe('long operations', () => {
  test('scenario 21: resourceDfnCloneWaitComplete polls until COMPLETE (3 polls) and resolves true', async () => {
    const d = scripted('/v1/resource-definitions/cap/clone/capclone', [
      status('CLONING'),
      status('CLONING'),
      status('COMPLETE'),
    ]);
    await expect(
      d
        .client(waitMethods)
        .resourceDfnCloneWaitComplete({ srcName: 'cap', cloneName: 'capclone', waitInterval: 0.01 }),
    ).resolves.toBe(true);
    expect(d.work().map(req)).toEqual(
      Array(3).fill({ method: 'GET', path: '/v1/resource-definitions/cap/clone/capclone', query: '' }),
    );
  });

  test('scenario 21: FAILED resolves false; unknown states keep polling', async () => {
    const d = scripted('/v1/resource-definitions/cap/clone/capclone', [
      status('SOMETHING_NEW'),
      status('FAILED'),
    ]);
    await expect(
      d
        .client(waitMethods)
        .resourceDfnCloneWaitComplete({ srcName: 'cap', cloneName: 'capclone', waitInterval: 0 }),
    ).resolves.toBe(false);
    expect(d.work()).toHaveLength(2);
  });

  test('scenario 21: a timeout throws LinstorTimeoutError with python message', async () => {
    const d = scripted('/v1/resource-definitions/cap/clone/capclone', [status('CLONING')]);
    const err = await d
      .client(waitMethods)
      .resourceDfnCloneWaitComplete({
        srcName: 'cap',
        cloneName: 'capclone',
        waitInterval: 0.005,
        timeout: 0.03,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinstorTimeoutError);
    expect((err as Error).message).toBe("capclone resource didn't finish clone in time.");
  });

  test('resourceDfnWaitSynced: polls sync-status until synced_on_all; timeout message', async () => {
    const d = scripted('/v1/resource-definitions/res1/sync-status', [
      synced(false),
      synced(false),
      synced(true),
    ]);
    await expect(
      d.client(waitMethods).resourceDfnWaitSynced({ rscName: 'res1', waitInterval: 0.001 }),
    ).resolves.toBe(true);
    expect(d.work().map(req)).toEqual(
      Array(3).fill({ method: 'GET', path: '/v1/resource-definitions/res1/sync-status', query: '' }),
    );
    const never = scripted('/v1/resource-definitions/res1/sync-status', [synced(false)]);
    await expect(
      never
        .client(waitMethods)
        .resourceDfnWaitSynced({ rscName: 'res1', waitInterval: 0.005, timeout: 0.02 }),
    ).rejects.toThrow("res1 resource didn't get ready in time.");
  });

  test('an error reply throws LinstorApiCallError; version gates; bad arguments', async () => {
    const d = scripted('/v1/resource-definitions/res1/sync-status', [() => json(ERROR_REPLY, 404)]);
    await expect(d.client(waitMethods).resourceDfnWaitSynced({ rscName: 'res1' })).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
    const old = controllerDouble(undefined, '1.12.0');
    await expect(old.client(waitMethods).resourceDfnWaitSynced({ rscName: 'r' })).rejects.toThrow(
      'needed 1.13.0',
    );
    await expect(
      old.client(waitMethods).resourceDfnWaitSynced({ rscName: 'r', waitInterval: -1 }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);
  });

  test('the AbortSignal ends a wait during the pause between polls', async () => {
    const ac = new AbortController();
    const d = scripted('/v1/resource-definitions/cap/clone/c', [
      () => {
        queueMicrotask(() => ac.abort(new Error('user stop')));
        return json({ status: 'CLONING' });
      },
    ]);
    const err = await d
      .client(waitMethods)
      .resourceDfnCloneWaitComplete({ srcName: 'cap', cloneName: 'c', waitInterval: 3600, signal: ac.signal })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinstorAbortError);
    expect(d.work()).toHaveLength(1);
    const pre = controllerDouble();
    await expect(
      pre.client(waitMethods).resourceDfnWaitSynced({ rscName: 'r', signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(LinstorAbortError);
    expect(pre.work()).toHaveLength(0);
  });
});
