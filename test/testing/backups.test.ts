// Backups in the simulated controller (create, list, delete, info, restore, ship, abort, queue), over
// HTTP with validated replies and through the SDK's python-parity methods.
import {
  CREATED,
  DELETED,
  FAIL_DEPENDEND_BACKUP,
  FAIL_EXISTS_RSC_DFN,
  FAIL_INVLD_BACKUP_CONFIG,
  FAIL_NOT_FOUND_BACKUP,
  FAIL_NOT_FOUND_REMOTE,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_NOT_FOUND_STOR_POOL,
  MASK_BACKUP,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_SNAPSHOT,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { isListResponse, type ListResult } from '../../src/api/responses/list-result';
import type { RestResponse } from '../../src/api/responses/rest-response';
import type { RunningSimulator } from '../../src/testing';
import { finishQueuedBackups } from '../../src/testing/remote-records';
import { rcs, withSim } from './helpers';

/** 2026-12-01T12:00:00Z, so backup snapshots are named back_20261201_120000. */
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const FIRST = 'res1_back_20261201_120000';

const opts = {
  now: () => NOW,
  seed: { nodes: 3, resources: [{ name: 'res1', volumeSizesKib: [102400, 204800] }, { name: 'res2' }] },
};

const s3 = {
  remoteName: 'bucket1',
  endpoint: 's3.example.com',
  region: 'eu-1',
  bucket: 'backups',
  accessKey: 'AKIA',
  secretKey: 'very-secret',
};

async function sdk(url: string, fn: (lin: Linstor) => Promise<void>): Promise<void> {
  const lin = new Linstor(url);
  try {
    await lin.remoteCreateS3(s3);
    await fn(lin);
  } finally {
    await lin.disconnect();
  }
}

function one<W extends RestResponse>(r: ListResult<W>): W {
  if (!isListResponse(r))
    throw new Error(`expected a reply object, got ${r.map((x) => x.message).join('; ')}`);
  return r[0];
}

/** The node a backup of res1 ships from: its first diskful resource by node name. */
const nodeOf = (sim: RunningSimulator): string =>
  [...(sim.state.resourceDefinition('res1')?.resources.values() ?? [])]
    .filter((r) => !r.flags.has('TIE_BREAKER'))
    .map((r) => r.nodeName)
    .sort()[0] as string;

describe('backups', () => {
  test('create to S3: snapshot taken, finished backup listed, the next one incremental', async () => {
    await withSim(opts, async (sim) => {
      await sdk(sim.url, async (lin) => {
        const created = await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        expect(created.map((r) => r.retCode)).toEqual([
          MASK_SNAPSHOT | MASK_CRT | CREATED,
          MASK_BACKUP | MASK_CRT | CREATED,
          MASK_BACKUP | MASK_CRT | MODIFIED,
        ]);
        expect(sim.state.resourceDefinition('res1')?.snapshots.get('BACK_20261201_120000')?.flags).toContain(
          'BACKUP',
        );
        const second = await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        expect(second.every((r) => r.isSuccess())).toBe(true);
        const full = await lin.backupCreate({
          remoteName: 'bucket1',
          resourceName: 'res2',
          incremental: false,
        });
        expect(full.every((r) => r.isSuccess())).toBe(true);

        const list = one(await lin.backupList({ remoteName: 'bucket1', resourceName: 'res1' }));
        expect(list.linstor.map((b) => [b.id, b.basedOn])).toEqual([
          [FIRST, undefined],
          [`${FIRST}_2`, FIRST],
        ]);
        const b0 = list.linstor[0];
        expect([b0?.success, b0?.shipping, b0?.restorable, b0?.originRscName, b0?.originNode]).toEqual([
          true,
          false,
          true,
          'res1',
          nodeOf(sim),
        ]);
        expect(list.other.files).toEqual([]);
        const all = one(await lin.backupList({ remoteName: 'bucket1' }));
        expect(all.linstor).toHaveLength(3);
      });
    });
  });

  test('create errors: unknown remote, LINSTOR remote, unknown resource, node without the resource', async () => {
    await withSim(opts, async (sim, client) => {
      await sdk(sim.url, async (lin) => {
        await lin.remoteCreateLinstor({ remoteName: 'other', url: 'http://10.9.0.1:3370' });
        const ghost = await lin.backupCreate({ remoteName: 'ghost', resourceName: 'res1' });
        expect(ghost[0]?.retCode).toBe(MASK_BACKUP | MASK_CRT | FAIL_NOT_FOUND_REMOTE);
        const l2l = await lin.backupCreate({ remoteName: 'other', resourceName: 'res1' });
        expect(l2l[0]?.isError(FAIL_NOT_FOUND_REMOTE)).toBe(true);
        const noRd = await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'nope' });
        expect(noRd[0]?.isError(FAIL_NOT_FOUND_RSC_DFN)).toBe(true);
        // The third node holds res1 as a diskless tie-breaker: nothing to back up there.
        const tieBreaker = [...(sim.state.resourceDefinition('res1')?.resources.values() ?? [])].find((r) =>
          r.flags.has('TIE_BREAKER'),
        );
        expect(tieBreaker).toBeDefined();
        const wrongNode = await lin.backupCreate({
          remoteName: 'bucket1',
          resourceName: 'res1',
          nodeName: tieBreaker?.nodeName,
        });
        expect(wrongNode[0]?.retCode).toBe(MASK_BACKUP | MASK_CRT | FAIL_NOT_FOUND_RSC);
        expect(sim.state.backups).toEqual([]);
      });
      const list = await client.get('/v1/remotes/ghost/backups');
      expect(list.status).toBe(404);
      expect(rcs(list)[0]?.ret_code).toBe(BigInt.asIntN(64, FAIL_NOT_FOUND_REMOTE));
    });
  });

  test('delete: dryrun, dependents, cascading, keep_snaps, filters and errors', async () => {
    await withSim(opts, async (sim) => {
      await sdk(sim.url, async (lin) => {
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res2' });
        const snaps = () => [...(sim.state.resourceDefinition('res1')?.snapshots.keys() ?? [])];

        const dry = await lin.backupDelete({
          remoteName: 'bucket1',
          bakId: FIRST,
          cascade: true,
          dryrun: true,
        });
        expect(dry.map((r) => r.retCode)).toEqual([MASK_BACKUP | MASK_DEL, MASK_BACKUP | MASK_DEL]);
        expect(sim.state.backups).toHaveLength(3);

        const dep = await lin.backupDelete({ remoteName: 'bucket1', bakId: FIRST });
        expect(dep[0]?.retCode).toBe(MASK_BACKUP | MASK_DEL | FAIL_DEPENDEND_BACKUP);

        const kept = await lin.backupDelete({ remoteName: 'bucket1', bakId: `${FIRST}_2`, keepSnaps: true });
        expect(kept.map((r) => r.retCode)).toEqual([MASK_BACKUP | MASK_DEL | DELETED]);
        expect(snaps()).toEqual(['BACK_20261201_120000', 'BACK_20261201_120000_2']);

        const cascade = await lin.backupDelete({
          remoteName: 'bucket1',
          bakIdPrefix: 'res1_',
          cascade: true,
        });
        expect(cascade.map((r) => r.retCode)).toEqual([
          MASK_BACKUP | MASK_DEL | DELETED,
          MASK_SNAPSHOT | MASK_DEL | DELETED,
        ]);
        expect(snaps()).toEqual(['BACK_20261201_120000_2']);

        const unknown = await lin.backupDelete({ remoteName: 'bucket1', bakId: 'nope' });
        expect(unknown[0]?.retCode).toBe(MASK_BACKUP | MASK_DEL | FAIL_NOT_FOUND_BACKUP);
        const none = await lin.backupDelete({ remoteName: 'bucket1', resourceName: 'res1' });
        expect(none[0]?.retCode).toBe(MASK_BACKUP | MASK_DEL | WARN_NOT_FOUND);
        const noSelector = await lin.backupDelete({ remoteName: 'bucket1' });
        expect(noSelector[0]?.retCode).toBe(MASK_BACKUP | MASK_DEL | FAIL_INVLD_BACKUP_CONFIG);
        const before = await lin.backupDelete({ remoteName: 'bucket1', timestamp: '20261201_120001' });
        expect(before[0]?.retCode).toBe(MASK_BACKUP | MASK_DEL | DELETED);
        expect(sim.state.backups).toEqual([]);
      });
    });
  });

  test('info and restore: new definition, volume definitions of the backed-up sizes, resource on the node', async () => {
    await withSim(opts, async (sim) => {
      await sdk(sim.url, async (lin) => {
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res1' });
        const info = one(
          await lin.backupInfo({ remoteName: 'bucket1', resourceName: 'res1', targetNode: 'node3' }),
        );
        expect([info.rsc, info.full, info.latest, info.count, info.allocSize, info.dlSize]).toEqual([
          'res1',
          FIRST,
          `${FIRST}_2`,
          2,
          307200,
          614400,
        ]);
        expect(info.storpools.map((p) => [p.name, p.targetName, p.volumes.length])).toEqual([
          ['DfltStorPool', 'DfltStorPool', 2],
        ]);

        const restored = await lin.backupRestore({
          remoteName: 'bucket1',
          targetNodeName: 'node3',
          targetResourceName: 'res1copy',
          bakId: FIRST,
        });
        expect(restored.every((r) => r.isSuccess())).toBe(true);
        const rd = sim.state.resourceDefinition('res1copy');
        expect([...(rd?.volumeDefinitions.values() ?? [])].map((v) => v.sizeKib)).toEqual([102400, 204800]);
        expect([...(rd?.resources.keys() ?? [])]).toEqual(['NODE3']);
        expect(rd?.snapshots.has('BACK_20261201_120000')).toBe(true);

        const dl = await lin.backupRestore({
          remoteName: 'bucket1',
          targetNodeName: 'node1',
          targetResourceName: 'dlonly',
          resourceName: 'res1',
          downloadOnly: true,
        });
        expect(dl.every((r) => r.isSuccess())).toBe(true);
        expect(sim.state.resourceDefinition('dlonly')?.resources.size).toBe(0);

        const exists = await lin.backupRestore({
          remoteName: 'bucket1',
          targetNodeName: 'node3',
          targetResourceName: 'res1copy',
          resourceName: 'res1',
        });
        expect(exists[0]?.isError(FAIL_EXISTS_RSC_DFN)).toBe(true);
        const badPool = await lin.backupRestore({
          remoteName: 'bucket1',
          targetNodeName: 'node3',
          targetResourceName: 'other1',
          resourceName: 'res1',
          storPoolMap: { DfltStorPool: 'nopool' },
        });
        expect(badPool[0]?.isError(FAIL_NOT_FOUND_STOR_POOL)).toBe(true);
        expect(sim.state.resourceDefinition('other1')).toBeUndefined();
        const noBackup = await lin.backupRestore({
          remoteName: 'bucket1',
          targetNodeName: 'node3',
          targetResourceName: 'other2',
          resourceName: 'res2',
        });
        expect(noBackup[0]?.isError(FAIL_NOT_FOUND_BACKUP)).toBe(true);
      });
    });
  });

  test('ship to a LINSTOR remote, queue view, abort, and finishing queued S3 backups', async () => {
    await withSim(opts, async (sim, client) => {
      await sdk(sim.url, async (lin) => {
        await lin.remoteCreateLinstor({ remoteName: 'other', url: 'http://10.9.0.1:3370' });
        const shipped = await lin.backupShip({ remoteName: 'other', srcRscName: 'res1', dstRscName: 'res1' });
        expect(shipped.every((r) => r.isSuccess())).toBe(true);
        expect(sim.state.backups[0]).toMatchObject({
          targetKind: 'linstor',
          dstRscName: 'res1',
          finishedTimestamp: NOW,
        });

        sim.state.backupsFinishImmediately = false;
        await lin.backupShip({ remoteName: 'other', srcRscName: 'res1', dstRscName: 'res1' });
        await lin.backupCreate({ remoteName: 'bucket1', resourceName: 'res2' });
        const queues = one(await lin.backupQueueList());
        expect(
          queues.nodeQueues.flatMap((n) => n.queue.map((q) => [q.resourceName, q.remoteName, q.incremental])),
        ).toEqual(
          expect.arrayContaining([
            ['res1', 'other', true],
            ['res2', 'bucket1', false],
          ]),
        );
        const bySnap = one(await lin.backupQueueList({ snapToNode: true, remotes: ['other'] }));
        expect(bySnap.snapQueues.map((q) => q.queue[0]?.nodeName)).toEqual([nodeOf(sim)]);

        const aborted = await lin.backupAbort({ remoteName: 'other', resourceName: 'res1' });
        expect(aborted.map((r) => r.retCode)).toEqual([MASK_BACKUP | MASK_MOD | MODIFIED]);
        const again = await lin.backupAbort({ remoteName: 'other', resourceName: 'res1' });
        expect(again[0]?.retCode).toBe(MASK_BACKUP | MASK_MOD | FAIL_NOT_FOUND_BACKUP);

        const queued = one(await lin.backupList({ remoteName: 'bucket1' }));
        expect(queued.linstor[0]?.shipping).toBe(true);
        finishQueuedBackups(sim.state);
        const done = one(await lin.backupList({ remoteName: 'bucket1' }));
        expect([done.linstor[0]?.shipping, done.linstor[0]?.success]).toEqual([false, true]);
      });
      const empty = await client.get('/v1/view/backup/queue');
      expect(empty.body).toEqual({ node_queues: [] });
    });
  });
});
