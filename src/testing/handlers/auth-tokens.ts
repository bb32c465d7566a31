// Auth tokens (/v1/controller/auth/...): issued, listed, modified and revoked like the controller's
// records. The simulator keeps its HTTP API open: tokens are stored but never checked, so requests
// without (or with a wrong) `Authorization: Bearer` header still succeed, even after
// initialize-token-auth has set Auth/TokenAuthenticationEnabled.
import {
  CREATED,
  FAIL_INVLD_NET_ADDR,
  FAIL_INVLD_REQUEST,
  FAIL_INVLD_TIME_PARAM,
  MASK_CRT,
  MASK_CTRL_CONF,
  MASK_DEL,
  MASK_MOD,
  MODIFIED,
} from '../../../generated/constants';
import type { ObjectShape } from '../body';
import { isIpLiteral } from '../names';
import { entry, fail, type RcEntry, RcError } from '../rc';
import type { Json } from '../render';
import type { Route, RouteContext } from '../router';
import type { SimulatorState } from '../state';
import { json } from './common';

/** One issued token; the secret itself is only returned by the creating request. */
export interface AuthTokenRecord {
  id: number;
  description: string;
  /** epoch ms */
  createdAt: number;
  isActive: boolean;
  isUserToken: boolean;
  /** epoch ms */
  expiresAt?: number;
  /** epoch ms; set when revoked */
  deletedAt?: number;
  ipFilter?: string;
}

/** Controller property initialize-token-auth sets (the simulator only records it, see above). */
export const TOKEN_AUTH_PROP = 'Auth/TokenAuthenticationEnabled';

const CreateAuthTokenShape: ObjectShape = {
  cls: 'CreateAuthToken',
  fields: { description: 'string', expires_at: 'string', ip_filter: 'string' },
};
const ModifyAuthTokenShape: ObjectShape = {
  cls: 'ModifyAuthToken',
  fields: { description: 'string', ip_filter: 'string', is_active: 'bool' },
};
const InitAuthTokenShape: ObjectShape = {
  cls: 'InitAuthTokenRequest',
  fields: { only_satellites: 'bool', description: 'string', no_https: 'bool' },
};

const iso = (ms: number): string => new Date(ms).toISOString();

function authTokenJson(t: AuthTokenRecord): Json {
  const out: Json = {
    id: t.id,
    created_at: iso(t.createdAt),
    is_active: t.isActive,
    description: t.description,
    is_user_token: t.isUserToken,
  };
  if (t.deletedAt !== undefined) out.deleted_at = iso(t.deletedAt);
  if (t.expiresAt !== undefined) out.expires_at = iso(t.expiresAt);
  if (t.ipFilter !== undefined) out.ip_filter = t.ipFilter;
  return out;
}

/** expires_at must be a date-time in the future. */
function parseExpiry(state: SimulatorState, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) fail(FAIL_INVLD_TIME_PARAM, `The expiry time '${text}' cannot be read.`);
  if (ms <= state.now()) fail(FAIL_INVLD_TIME_PARAM, `The expiry time '${text}' is already past.`);
  return ms;
}

/** A comma-separated list of addresses or networks (address/prefix). */
function checkIpFilter(filter: string | undefined): string | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  for (const item of filter.split(',').map((s) => s.trim())) {
    const [addr = '', prefix, extra] = item.split('/');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128);
    if (!isIpLiteral(addr) || !prefixOk || extra !== undefined) {
      fail(FAIL_INVLD_NET_ADDR, `The IP filter entry '${item}' is not an address or network.`, {
        correction: 'Use addresses or networks such as 10.0.0.0/8, separated by commas.',
      });
    }
  }
  return filter;
}

/** Stores a new token and answers the entry that carries its text (obj_refs.token), the only time it is shown. */
function issueToken(
  state: SimulatorState,
  init: { description: string; expiresAt?: number; ipFilter?: string; isUserToken: boolean },
): RcEntry {
  const id = Math.max(0, ...state.authTokens.keys()) + 1;
  const token = `${state.randomSecret()}${state.randomSecret()}`.replace(/[+/]/g, 'x');
  state.authTokens.set(id, { id, createdAt: state.now(), isActive: true, ...init });
  return entry(CREATED, `Auth token ${id} created.`, {
    details: 'The token text is only shown in this reply; store it now.',
    objRefs: { AuthTokenId: String(id), token },
  });
}

/** The token of the path; an unknown id answers 404 (there is no token-specific not-found code). */
function tokenOf(ctx: RouteContext): AuthTokenRecord {
  const raw = ctx.params[0] as string;
  const t = /^\d+$/.test(raw) ? ctx.state.authTokens.get(Number(raw)) : undefined;
  if (!t) throw new RcError([entry(FAIL_INVLD_REQUEST, `Auth token '${raw}' not found.`)], 404);
  return t;
}

export function authTokenRoutes(): Route[] {
  const BASE = '/v1/controller/auth';
  return [
    {
      method: 'GET',
      template: `${BASE}/token`,
      handler: ({ state }) => {
        const list = [...state.authTokens.values()].sort((a, b) => a.id - b.id).map(authTokenJson);
        return json({ count: list.length, list });
      },
    },
    {
      method: 'POST',
      template: `${BASE}/token`,
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_CTRL_CONF, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ description?: string; expires_at?: string; ip_filter?: string }>(
          CreateAuthTokenShape,
        );
        if (body.description === undefined) fail(FAIL_INVLD_REQUEST, 'An auth token needs a description.');
        const expiresAt = parseExpiry(ctx.state, body.expires_at);
        const ipFilter = checkIpFilter(body.ip_filter);
        return {
          entries: [
            issueToken(ctx.state, { description: body.description, expiresAt, ipFilter, isUserToken: true }),
          ],
        };
      },
    },
    {
      method: 'PUT',
      template: `${BASE}/token/{authtokenid}`,
      parseErrorStatus: 400,
      context: [MASK_CTRL_CONF, MASK_MOD],
      handler: (ctx) => {
        const t = tokenOf(ctx);
        const body = ctx.body<{ description?: string; ip_filter?: string; is_active?: boolean }>(
          ModifyAuthTokenShape,
        );
        if (t.deletedAt !== undefined) fail(FAIL_INVLD_REQUEST, `Auth token ${t.id} is revoked.`);
        if (body.ip_filter !== undefined) t.ipFilter = checkIpFilter(body.ip_filter);
        if (body.description !== undefined) t.description = body.description;
        if (body.is_active !== undefined) t.isActive = body.is_active;
        return { entries: [entry(MODIFIED, `Auth token ${t.id} modified.`)] };
      },
    },
    {
      method: 'DELETE',
      template: `${BASE}/token/{authtokenid}`,
      context: [MASK_CTRL_CONF, MASK_DEL],
      handler: (ctx) => {
        const t = tokenOf(ctx);
        // Revoked tokens stay listed (deleted_at), like the controller's records; revoking twice is harmless.
        t.isActive = false;
        t.deletedAt ??= ctx.state.now();
        return { raw: '', status: 200 };
      },
    },
    {
      method: 'POST',
      template: `${BASE}/initialize-token-auth`,
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_CTRL_CONF, MASK_CRT],
      handler: (ctx) => {
        const body =
          ctx.optionalBody<{ only_satellites?: boolean; description?: string; no_https?: boolean }>(
            InitAuthTokenShape,
          ) ?? {};
        const out: RcEntry[] = [];
        if (!body.only_satellites) {
          ctx.state.controllerProps[TOKEN_AUTH_PROP] = 'true';
          out.push(entry(MODIFIED, 'Token authentication switched on for the REST API.'));
        }
        out.push(
          issueToken(ctx.state, { description: body.description ?? 'init-client', isUserToken: false }),
        );
        return { entries: out };
      },
    },
  ];
}
