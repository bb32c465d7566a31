// Controller version and properties, error reports.
import {
  CREATED,
  DELETED,
  FAIL_INVLD_CONF,
  FAIL_INVLD_DB_EXPORT_FILE,
  FAIL_INVLD_PROP,
  MASK_CRT,
  MASK_CTRL_CONF,
  MASK_DEL,
  MASK_MOD,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { type ObjectShape, PropsModifyShape } from '../body';

import { entry, fail, type RcEntry, RcError } from '../rc';
import { errorReportJson } from '../render';
import type { Route } from '../router';
import { checkPropKey, nameFilter, type PropsModify, paginate } from './common';

const ControllerConfigShape: ObjectShape = {
  cls: 'ControllerConfig',
  fields: {
    config: { cls: 'ControllerConfigConfig', fields: { dir: 'string' } },
    debug: { cls: 'ControllerConfigDebug', fields: { console_enabled: 'bool' } },
    log: {
      cls: 'ControllerConfigLog',
      fields: {
        print_stack_trace: 'bool',
        directory: 'string',
        level: 'string',
        level_global: 'string',
        level_linstor: 'string',
        level_linstor_global: 'string',
        rest_access_log_path: 'string',
        rest_access_mode: 'string',
      },
    },
    db: {
      cls: 'ControllerConfigDb',
      fields: {
        connection_url: 'string',
        ca_certificate: 'string',
        client_certificate: 'string',
        in_memory: 'string',
        version_check_disabled: 'bool',
      },
    },
    http: { cls: 'ControllerConfigHttp', fields: { enabled: 'bool', listen_address: 'string', port: 'int' } },
    https: {
      cls: 'ControllerConfigHttps',
      fields: { enabled: 'bool', listen_address: 'string', port: 'int' },
    },
  },
};

function setControllerProps(props: Record<string, string>, req: PropsModify): RcEntry[] {
  const out: RcEntry[] = [];
  for (const [k, v] of Object.entries(req.override_props ?? {})) {
    try {
      checkPropKey(k);
    } catch (e) {
      if (!(e instanceof RcError)) throw e;
      out.push(entry(FAIL_INVLD_PROP | MASK_CTRL_CONF | MASK_CRT, `The key '${k}' is not whitelisted`));
      continue;
    }
    props[k] = v;
    out.push(entry(MASK_CTRL_CONF | MASK_CRT | CREATED, `Successfully set property '${k}' to value '${v}'`));
  }
  for (const k of req.delete_props ?? []) {
    delete props[k];
    out.push(entry(MASK_CTRL_CONF | MASK_DEL | DELETED, `Successfully deleted property '${k}'`));
  }
  for (const ns of req.delete_namespaces ?? []) {
    const prefix = ns.endsWith('/') ? ns : `${ns}/`;
    for (const k of Object.keys(props)) {
      if (!k.startsWith(prefix)) continue;
      delete props[k];
      out.push(entry(MASK_CTRL_CONF | MASK_DEL | DELETED, `Successfully deleted property '${k}'`));
    }
  }
  return out;
}

/** A log level as the controller stores it (upper case, WARNING/ERR aliases); FAIL_INVLD_CONF otherwise. */
export function logLevel(v: string): string {
  const upper =
    v.toUpperCase() === 'WARNING' ? 'WARN' : v.toUpperCase() === 'ERR' ? 'ERROR' : v.toUpperCase();
  if (!['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'].includes(upper))
    fail(FAIL_INVLD_CONF, `Invalid log level '${v}'`);
  return upper;
}

const DatabaseBackupRequestShape: ObjectShape = {
  cls: 'DatabaseBackupRequest',
  fields: { backup_name: 'string' },
};

/** Where the controller would write a backup/export: absolute names as given, others under /var/lib/linstor. */
function dbFilePath(name: string, suffix: string): string {
  if (name.trim() === '' || name.split('/').includes('..')) {
    fail(FAIL_INVLD_DB_EXPORT_FILE, `Invalid database file name '${name}'.`, {
      correction: 'Give a plain file name or an absolute path without "..".',
    });
  }
  const path = name.startsWith('/') ? name : `/var/lib/linstor/${name}`;
  return path.endsWith(suffix) ? path : `${path}${suffix}`;
}

/**
 * POST backup/db and database/export: the simulator has no database file, so nothing is written; the
 * reply names the file a controller would have created.
 */
function dbFileRoute(template: string, what: 'backup' | 'export', suffix: string): Route {
  return {
    method: 'POST',
    template,
    success: 201,
    parseErrorStatus: 400,
    context: [MASK_CTRL_CONF, MASK_CRT],
    handler: (ctx) => {
      const body = ctx.body<{ backup_name?: string }>(DatabaseBackupRequestShape);
      const path = dbFilePath(body.backup_name ?? '', suffix);
      const message =
        what === 'backup' ? `Database backup written to '${path}'.` : `Database exported to '${path}'.`;
      return { entries: [entry(CREATED, message, { objRefs: { path } })] };
    },
  };
}

export const controllerRoutes: Route[] = [
  {
    method: 'GET',
    template: '/v1/controller/version',
    handler: ({ state }) => ({ json: { ...state.version } }),
  },
  {
    method: 'GET',
    template: '/v1/controller/properties',
    handler: ({ state }) => ({ json: { ...state.controllerProps } }),
  },
  {
    method: 'POST',
    template: '/v1/controller/properties',
    success: 201,
    parseErrorStatus: 400,
    context: [MASK_CTRL_CONF, MASK_CRT],
    handler: (ctx) => ({
      entries: setControllerProps(ctx.state.controllerProps, ctx.body<PropsModify>(PropsModifyShape)),
    }),
  },
  {
    method: 'DELETE',
    template: '/v1/controller/properties/{key*}',
    context: [MASK_CTRL_CONF, MASK_DEL],
    handler: ({ state, params }) => {
      const k = params[0] as string;
      if (!(k in state.controllerProps)) {
        return { entries: [entry(WARN_NOT_FOUND, `Property '${k}' not found.`)] };
      }
      delete state.controllerProps[k];
      return {
        entries: [entry(MASK_CTRL_CONF | MASK_DEL | DELETED, `Successfully deleted property '${k}'`)],
      };
    },
  },
  {
    method: 'GET',
    template: '/v1/controller/config',
    handler: ({ state }) => ({
      json: {
        config: { dir: '/etc/linstor' },
        debug: { console_enabled: false },
        log: {
          print_stack_trace: false,
          directory: '/var/log/linstor-controller',
          ...state.logLevels,
          rest_access_mode: 'NO_LOG',
        },
        db: { connection_url: 'jdbc:h2:/var/lib/linstor/linstordb', version_check_disabled: false },
        http: { enabled: true, listen_address: '::', port: 3370 },
        https: { enabled: false, listen_address: '::', port: 3371 },
        ldap: { enabled: false, public_access_allowed: false, uri: 'ldap://localhost', dn: 'uid={user}' },
      },
    }),
  },
  {
    method: 'PUT',
    template: '/v1/controller/config',
    context: [MASK_CTRL_CONF, MASK_MOD],
    handler: (ctx) => {
      const body = ctx.body<{ log?: Record<string, string> }>(ControllerConfigShape);
      const out: RcEntry[] = [];
      for (const field of ['level', 'level_linstor', 'level_global', 'level_linstor_global'] as const) {
        const v = body.log?.[field];
        if (v === undefined) continue;
        const upper = logLevel(v);
        ctx.state.logLevels[field] = upper;
        out.push(entry(MODIFIED, `Log level '${field}' set to '${upper}'.`));
      }
      return { entries: out };
    },
  },
  dbFileRoute('/v1/controller/backup/db', 'backup', '.zip'),
  dbFileRoute('/v1/controller/database/export', 'export', '.json'),
  {
    method: 'GET',
    template: '/v1/error-reports',
    handler: ({ state, query }) => {
      const nodes = nameFilter(query, 'node');
      const since = query.get('since');
      const to = query.get('to');
      const withContent = (query.get('withContent') ?? '').toLowerCase() === 'true';
      const list = state.errorReports.filter(
        (e) =>
          (!nodes || nodes.has(e.nodeName.toUpperCase())) &&
          (since === null || e.errorTime >= Number(since)) &&
          (to === null || e.errorTime <= Number(to)),
      );
      return { json: paginate(list, query).map((e) => errorReportJson(e, withContent)) };
    },
  },
  {
    method: 'GET',
    template: '/v1/error-reports/{reportid}',
    handler: ({ state, params, query }) => {
      const report = state.errorReports.find((e) => e.id === params[0]);
      if (!report) return { raw: '', status: 404 };
      const withContent = (query.get('withContent') ?? 'true').toLowerCase() === 'true';
      return { json: [errorReportJson(report, withContent)] };
    },
  },
  {
    method: 'DELETE',
    template: '/v1/error-reports/{reportid}',
    handler: ({ state, params }) => {
      const i = state.errorReports.findIndex((e) => e.id === params[0]);
      if (i < 0) return { entries: [entry(WARN_NOT_FOUND, `Error report '${params[0]}' not found.`)] };
      state.errorReports.splice(i, 1);
      return { entries: [entry(DELETED, `Error report '${params[0]}' deleted.`)] };
    },
  },
];
