// Key-value store (controller-behavior.md §3.11): created on first PUT, removed when empty, keys stored
// without their leading slash, and the single GET answering a one-element array.
import {
  DELETED,
  FAIL_INVLD_KVS_NAME,
  FAIL_INVLD_PROP,
  FAIL_NOT_FOUND_KVS,
  MASK_CTRL_CONF,
  MASK_MOD,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { PropsModifyShape } from '../body';
import { NAME_LIMITS, nameCheck } from '../names';
import { entry, failBare } from '../rc';
import { kvsJson } from '../render';
import type { Route } from '../router';
import { key, sortByKey } from '../state';
import { json, type PropsModify, paginate } from './common';

/** Property paths lose empty segments, so '/a//b/' is stored as 'a/b'. */
const normalizeKey = (k: string): string =>
  k
    .split('/')
    .filter((s) => s !== '')
    .join('/');

export function kvsRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/key-value-store',
      handler: ({ state, query }) =>
        json(
          paginate(
            sortByKey([...state.keyValueStores.values()], (k) => k.name),
            query,
          ).map(kvsJson),
        ),
    },
    {
      method: 'GET',
      template: '/v1/key-value-store/{instance}',
      handler: ({ state, params }) => {
        const kvs = state.keyValueStores.get(key(params[0] as string));
        if (!kvs) failBare(FAIL_NOT_FOUND_KVS, `Could not find key value store instance '${params[0]}'.`);
        return json([kvsJson(kvs)]);
      },
    },
    {
      method: 'PUT',
      template: '/v1/key-value-store/{instance}',
      parseErrorStatus: 400,
      handler: (ctx) => {
        const name = ctx.params[0] as string;
        const body = ctx.body<PropsModify>(PropsModifyShape);
        const bad = nameCheck(name, NAME_LIMITS.kvs);
        if (bad)
          failBare(FAIL_INVLD_KVS_NAME, `The given keyValueStore name '${name}' is invalid.`, { cause: bad });
        const overrides = Object.entries(body.override_props ?? {}).map(
          ([k, v]) => [normalizeKey(k), v] as const,
        );
        for (const [k] of overrides) {
          if (k === '' || k.length > 256) failBare(FAIL_INVLD_PROP, `Invalid property key: ${k}`);
        }
        const existing = ctx.state.keyValueStores.get(key(name));
        const kvs = existing ?? { name, props: {}, uuid: ctx.state.uuid() };
        for (const k of body.delete_props ?? []) delete kvs.props[normalizeKey(k)];
        for (const ns of body.delete_namespaces ?? []) {
          const prefix = `${normalizeKey(ns)}/`;
          for (const k of Object.keys(kvs.props)) if (k.startsWith(prefix)) delete kvs.props[k];
        }
        for (const [k, v] of overrides) kvs.props[k] = v;
        if (Object.keys(kvs.props).length === 0) ctx.state.keyValueStores.delete(key(name));
        else if (!existing) ctx.state.keyValueStores.set(key(name), kvs);
        return { entries: [entry(MASK_CTRL_CONF | MASK_MOD | MODIFIED, 'Successfully updated properties')] };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/key-value-store/{instance}',
      parseErrorStatus: 400,
      handler: ({ state, params }) => {
        const name = params[0] as string;
        const kvs = state.keyValueStores.get(key(name));
        if (!kvs) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `Deletion of kvs '${name}' had no effect.`, {
                cause: `Kvs '${name}' does not exist.`,
              }),
            ],
          };
        }
        state.keyValueStores.delete(key(name));
        return {
          entries: [
            entry(DELETED, `Kvs '${kvs.name}' deleted.`, {
              details: `Kvs '${kvs.name}' UUID was: ${kvs.uuid}`,
            }),
          ],
        };
      },
    },
  ];
}
