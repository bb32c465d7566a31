// The master passphrase (create, change given the old one, enter after a restart, status) and the LUKS
// passphrase of a volume definition. Records in encryption-records.ts; no reply carries a passphrase.
import {
  CREATED,
  FAIL_EXISTS_CRYPT_PASSPHRASE,
  FAIL_INVLD_CRYPT_PASSPHRASE,
  FAIL_INVLD_REQUEST,
  FAIL_NOT_FOUND_CRYPT_KEY,
  MASK_CRT,
  MASK_CTRL_CONF,
  MASK_MOD,
  MASK_VLM_DFN,
  MODIFIED,
  PASSPHRASE_ACCEPTED,
} from '../../../generated/constants';
import type { ObjectShape } from '../body';
import { type EncryptionRecord, passphraseStatus } from '../encryption-records';
import { rscDfnNotFound, vlmDfnNotFound } from '../messages';
import { entry, fail } from '../rc';
import type { Route, RouteContext } from '../router';
import type { ResourceDefinitionRecord, VolumeDefinitionRecord } from '../state';
import { json } from './common';

const PASSPHRASE = '/v1/encryption/passphrase';

const PassPhraseCreateShape: ObjectShape = {
  cls: 'PassPhraseCreate',
  fields: { new_passphrase: 'string', old_passphrase: 'string' },
};

const VolumePassphraseShape: ObjectShape = {
  cls: 'VolumeDefinitionModifyPassphrase',
  fields: { new_passphrase: 'string' },
};

/** A passphrase a request sets: present and not empty. */
function newPassphrase(value: string | undefined): string {
  if (value === undefined || value === '') {
    fail(FAIL_INVLD_CRYPT_PASSPHRASE, 'The new passphrase is missing or empty.', {
      correction: 'Give a non-empty new_passphrase.',
    });
  }
  return value;
}

function requireMaster(e: EncryptionRecord): string {
  if (e.master === undefined) {
    fail(FAIL_NOT_FOUND_CRYPT_KEY, 'No master passphrase has been created yet.', {
      correction: `Create one with POST ${PASSPHRASE}.`,
    });
  }
  return e.master;
}

function checkGiven(e: EncryptionRecord, given: string | undefined, what: string): void {
  if (given !== requireMaster(e)) fail(FAIL_INVLD_CRYPT_PASSPHRASE, `The ${what} passphrase is wrong.`);
}

function masterRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: PASSPHRASE,
      handler: ({ state }) => json([{ status: passphraseStatus(state.encryption) }]),
    },
    {
      method: 'POST',
      template: PASSPHRASE,
      context: [MASK_CTRL_CONF, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ new_passphrase?: string }>(PassPhraseCreateShape);
        const e = ctx.state.encryption;
        if (e.master !== undefined) {
          fail(FAIL_EXISTS_CRYPT_PASSPHRASE, 'A master passphrase already exists.', {
            correction: `Change it with PUT ${PASSPHRASE}, giving the old passphrase.`,
          });
        }
        e.master = newPassphrase(body.new_passphrase);
        e.unlocked = true;
        return { entries: [entry(CREATED, 'Master passphrase created.')] };
      },
    },
    {
      method: 'PUT',
      template: PASSPHRASE,
      context: [MASK_CTRL_CONF, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.body<{ new_passphrase?: string; old_passphrase?: string }>(PassPhraseCreateShape);
        const e = ctx.state.encryption;
        checkGiven(e, body.old_passphrase, 'old');
        e.master = newPassphrase(body.new_passphrase);
        e.unlocked = true;
        return { entries: [entry(MODIFIED, 'Master passphrase changed.')] };
      },
    },
    {
      method: 'PATCH',
      template: PASSPHRASE,
      context: [MASK_CTRL_CONF, MASK_MOD],
      handler: (ctx) => {
        // The body is the passphrase itself as a JSON string.
        const given = ctx.body<string>('string');
        const e = ctx.state.encryption;
        checkGiven(e, given, 'given');
        e.unlocked = true;
        return { entries: [entry(PASSPHRASE_ACCEPTED, 'Master passphrase accepted.')] };
      },
    },
  ];
}

/** Whether the volumes of `vd` are encrypted: a LUKS layer in the RD's (or a resource's) stack, or ENCRYPTED. */
function isEncrypted(rd: ResourceDefinitionRecord, vd: VolumeDefinitionRecord): boolean {
  if (vd.flags.includes('ENCRYPTED') || rd.layerStack?.includes('LUKS')) return true;
  return [...rd.resources.values()].some((r) => r.layerStack.includes('LUKS'));
}

function volumePassphraseRoute(): Route {
  return {
    method: 'PUT',
    template: '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}/encryption-passphrase',
    context: [MASK_VLM_DFN, MASK_MOD],
    handler: (ctx: RouteContext) => {
      const body = ctx.body<{ new_passphrase?: string }>(VolumePassphraseShape);
      const rd =
        ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);
      const nr = Number(ctx.params[1]);
      const vd = rd.volumeDefinitions.get(nr) ?? vlmDfnNotFound(rd.name, nr);
      const what = `volume definition with number '${nr}' of resource definition '${rd.name}'`;
      if (!isEncrypted(rd, vd)) {
        fail(FAIL_INVLD_REQUEST, `The ${what} is not encrypted, so it has no passphrase to change.`, {
          cause: 'Neither a LUKS layer nor the ENCRYPTED flag is set.',
        });
      }
      const passphrase = newPassphrase(body.new_passphrase);
      // Volume keys are stored encrypted with the master key, so that key must be at hand.
      const e = ctx.state.encryption;
      requireMaster(e);
      if (!e.unlocked) {
        fail(
          FAIL_NOT_FOUND_CRYPT_KEY,
          'The master passphrase has not been entered since the controller started.',
          {
            correction: `Enter it with PATCH ${PASSPHRASE}.`,
          },
        );
      }
      e.volumePassphrases.set(vd.uuid, passphrase);
      const out = [
        entry(MODIFIED, `Passphrase of ${what} changed.`, {
          objRefs: { RscDfn: rd.name, VlmNr: String(nr) },
        }),
      ];
      for (const r of rd.resources.values()) {
        out.push(
          entry(MODIFIED, `Changed the LUKS passphrase of '${rd.name}' volume ${nr} on '${r.nodeName}'`),
        );
      }
      return { entries: out };
    },
  };
}

export function encryptionRoutes(): Route[] {
  return [...masterRoutes(), volumePassphraseRoute()];
}
