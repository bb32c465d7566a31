// The dashboard page: lists a LINSTOR cluster through the SDK's browser entry, spawns and deletes
// resources, and stays current (node events, or polling). Bundled by build.ts; runs under
// `Content-Security-Policy: script-src 'self'`.
import { ApiCallResponse, describeError, Linstor } from '../../src/index';
import { type LiveMode, startLive } from './live';
import { renderSnapshot, setStatus } from './render';
import { loadSnapshot } from './view-model';

/** The simulator's (and the controller's) default address, used without `?controller=`. */
const DEFAULT_CONTROLLER = 'http://127.0.0.1:3370';
const DEFAULT_POLL_MS = 3000;

const params = new URLSearchParams(location.search);
const controller = params.get('controller') || DEFAULT_CONTROLLER;
const pollMs = Math.max(250, Number(params.get('poll')) || DEFAULT_POLL_MS);

const lin = new Linstor(controller, {
  // In a browser, fetch follows the controller's HTTP->HTTPS redirect invisibly and mixed content
  // rules decide anyway, so the probe would only cost a request: use the URL as given.
  probeHttps: false,
  timeoutMs: 15_000,
  agentInfo: 'linstor-api dashboard',
});

// ------------------------------------------------------------------------------------ refreshing

let rendered = '';
let running: Promise<void> | undefined;
let again = false;

/** Reloads everything; overlapping calls collapse into one extra run after the current one. */
function refresh(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await refreshOnce();
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function refreshOnce(): Promise<void> {
  try {
    const snapshot = await loadSnapshot(lin);
    const version = lin.controllerVersionInfo?.version;
    setStatus(
      'connection',
      'ok',
      `connected to ${controller} (controller ${version ?? '?'}, REST ${lin.restApiVersion ?? '?'})`,
    );
    const problems = Object.entries(snapshot.schemaProblems);
    if (problems.length === 0)
      setStatus('schema-check', 'ok', 'schema check: replies match the OpenAPI document');
    else
      setStatus(
        'schema-check',
        'warn',
        `schema check: ${problems.map(([op, errors]) => `${op}: ${errors.slice(0, 2).join('; ')}`).join(' | ')}`,
      );
    // re-render only on change, so a poll never replaces rows (or a button) the user is pointing at
    const key = JSON.stringify(snapshot);
    if (key !== rendered) {
      renderSnapshot(snapshot);
      rendered = key;
    }
    const updated = document.getElementById('updated');
    if (updated) updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
    document.body.dataset.loaded = 'true';
  } catch (error) {
    setStatus('connection', 'error', `cannot list the cluster at ${controller}: ${describeError(error)}`);
  }
}

// --------------------------------------------------------------------------------------- actions

function showResult(state: 'pending' | 'ok' | 'error', text: string): void {
  setStatus('action-result', state, text);
}

/** Success line, or the controller's error messages. */
function report(action: string, replies: ApiCallResponse[]): void {
  const errors = ApiCallResponse.filterApiCallResponseErrors(replies);
  if (errors.length === 0) showResult('ok', `${action}: done`);
  else showResult('error', `${action} failed: ${errors.map((e) => e.message).join('; ')}`);
}

async function spawn(form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const group = String(data.get('group') ?? '');
  const name = String(data.get('name') ?? '').trim();
  const size = String(data.get('size') ?? '').trim();
  const button = form.querySelector('button');
  if (button) button.disabled = true;
  showResult('pending', `spawning ${name} (${size}) from ${group}…`);
  try {
    report(
      `spawn ${name} from ${group}`,
      await lin.resourceGroupSpawn({ rscGrpName: group, rscDfnName: name, vlmSizes: [size] }),
    );
  } catch (error) {
    showResult('error', `spawn ${name} failed: ${describeError(error)}`);
  } finally {
    if (button) button.disabled = false;
  }
  await refresh();
}

async function remove(name: string, button: HTMLButtonElement): Promise<void> {
  if (!window.confirm(`Delete resource ${name} and all its replicas?`)) return;
  button.disabled = true;
  showResult('pending', `deleting ${name}…`);
  try {
    report(`delete ${name}`, await lin.resourceDfnDelete({ name }));
  } catch (error) {
    showResult('error', `delete ${name} failed: ${describeError(error)}`);
  }
  await refresh();
}

// ----------------------------------------------------------------------------------------- wiring

function wire(): void {
  const controllerForm = document.getElementById('controller-form') as HTMLFormElement | null;
  const controllerInput = document.getElementById('controller-url') as HTMLInputElement | null;
  if (controllerInput) controllerInput.value = controller;
  controllerForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(location.search);
    next.set('controller', controllerInput?.value ?? DEFAULT_CONTROLLER);
    location.search = next.toString();
  });

  document.getElementById('spawn-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void spawn(event.currentTarget as HTMLFormElement);
  });

  document.getElementById('resources')?.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-delete]');
    if (button?.dataset.delete) void remove(button.dataset.delete, button);
  });

  const modeState: Record<LiveMode, 'pending' | 'ok' | 'warn'> = {
    starting: 'pending',
    events: 'ok',
    polling: 'warn',
  };
  void refresh().then(() =>
    startLive({
      lin,
      refresh,
      pollMs,
      signal: new AbortController().signal,
      onMode: (mode, detail, why) => {
        setStatus('live-mode', modeState[mode], detail);
        document.getElementById('live-mode')?.setAttribute('title', why ?? '');
        document.body.dataset.live = mode;
      },
    }),
  );
}

wire();
