// Resource definition clone and sync status. The simulated clone finishes at once (status COMPLETE).
import { FAIL_NOT_FOUND_RSC_DFN, MASK_CRT, MASK_RSC_DFN } from '../../../generated/constants';
import type { ObjectShape } from '../body';
import { rscDfnNotFound, rscGrpNotFound } from '../messages';
import { checkCapacity, commitResource, normalizeLayerStack, registeredEntries } from '../ops';
import { addContext, entry, failBare, type RcEntry, RcError, toJson } from '../rc';
import { isDiskless, poolKibFor } from '../render';
import type { Route } from '../router';
import { key, type Props, type ResourceDefinitionRecord } from '../state';
import { modifyProps } from './common';
import { prepareResourceDefinition, rdCreatedEntry } from './resource-definitions';

const CloneRequestShape: ObjectShape = {
  cls: 'ResourceDefinitionCloneRequest',
  fields: {
    name: 'string',
    external_name: 'string',
    use_zfs_clone: 'bool',
    layer_list: ['string'],
    volume_passphrases: ['string'],
    resource_group: 'string',
    override_props: 'props',
    delete_props: ['string'],
    delete_namespaces: ['string'],
  },
};

interface CloneRequest {
  name?: string;
  external_name?: string;
  layer_list?: string[];
  resource_group?: string;
  override_props?: Props;
  delete_props?: string[];
  delete_namespaces?: string[];
}

const withMasks = (entries: RcEntry[]): RcEntry[] =>
  entries.map((e) => addContext(e, MASK_RSC_DFN, MASK_CRT));

export function cloneRoutes(): Route[] {
  const RD = '/v1/resource-definitions/{resource}';
  return [
    {
      method: 'POST',
      template: `${RD}/clone`,
      success: 201,
      context: [MASK_RSC_DFN, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<CloneRequest>(CloneRequestShape);
        const src =
          ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);
        if (body.resource_group !== undefined && !ctx.state.resourceGroup(body.resource_group)) {
          rscGrpNotFound(body.resource_group);
        }
        const prep = prepareResourceDefinition(ctx.state, {
          resource_definition: {
            name: body.name,
            external_name: body.external_name,
            resource_group_name: body.resource_group ?? src.resourceGroup,
            layer_data: (body.layer_list ?? src.layerStack ?? []).map((type) => ({ type })),
          },
          drbd_peer_slots: src.drbd.peerSlots,
        });
        const clone: ResourceDefinitionRecord = prep.record;
        Object.assign(clone.props, src.props);
        const entries: RcEntry[] = [...prep.entries];
        entries.push(...modifyProps(clone.props, body, MASK_RSC_DFN));
        if (body.layer_list && body.layer_list.length > 0)
          clone.layerStack = normalizeLayerStack(body.layer_list).stack;
        for (const vd of src.volumeDefinitions.values()) {
          clone.volumeDefinitions.set(vd.number, {
            number: vd.number,
            sizeKib: vd.sizeKib,
            props: { ...vd.props, DrbdCurrentGi: ctx.state.randomHex(16) },
            flags: [...vd.flags],
            uuid: ctx.state.uuid(),
          });
        }
        // Same nodes and pools as the source; checked before anything is registered.
        const stack = clone.layerStack ?? src.layerStack ?? ['DRBD', 'STORAGE'];
        const specs = [...src.resources.values()].map((r) => {
          const node = ctx.state.node(r.nodeName);
          const firstPool = r.volumes.values().next().value?.storagePoolName;
          const pool = firstPool === undefined ? undefined : node?.storagePools.get(key(firstPool));
          if (!node || !pool)
            throw new RcError([
              entry(
                FAIL_NOT_FOUND_RSC_DFN,
                `Cannot clone '${src.name}': node '${r.nodeName}' lost its pool.`,
              ),
            ]);
          const plans = isDiskless(r)
            ? undefined
            : [...clone.volumeDefinitions.values()].map((vd) => ({
                vd,
                pool,
                poolKib: poolKibFor(pool.providerKind, stack, vd.sizeKib, clone.drbd.peerSlots),
              }));
          if (plans) checkCapacity(clone, plans);
          return {
            node,
            props: { ...r.props },
            flags: new Set(r.flags),
            stack,
            plans,
            disklessPool: plans ? undefined : pool,
          };
        });
        prep.commit();
        entries.push(rdCreatedEntry(clone));
        for (const spec of specs)
          entries.push(...registeredEntries(clone, commitResource(ctx.state, clone, spec)));
        return {
          json: {
            location: `/v1/resource-definitions/${encodeURIComponent(src.name)}/clone/${encodeURIComponent(clone.name)}`,
            source_name: src.name,
            clone_name: clone.name,
            messages: withMasks(entries).map(toJson),
          },
          status: 201,
        };
      },
    },
    {
      method: 'GET',
      template: `${RD}/clone/{resourceClone}`,
      handler: ({ state, params }) => {
        if (!state.resourceDefinition(params[0] as string)) {
          failBare(FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${params[0]}' not found.`);
        }
        if (!state.resourceDefinition(params[1] as string)) {
          failBare(FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${params[1]}' not found.`);
        }
        return { json: { status: 'COMPLETE' } };
      },
    },
    {
      method: 'GET',
      template: `${RD}/sync-status`,
      handler: ({ state, params }) => {
        if (!state.resourceDefinition(params[0] as string)) {
          failBare(FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${params[0]}' not found.`);
        }
        return { json: { synced_on_all: true } };
      },
    },
  ];
}
