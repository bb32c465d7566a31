// `npm run demo` (scripts/demo.ts) end to end: run it as users do, against the embedded simulator.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function runDemo(controllers?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.LS_CONTROLLERS; // the embedded simulator unless a test names controllers
    if (controllers) env.LS_CONTROLLERS = controllers;
    const child = spawn('npx', ['tsx', 'scripts/demo.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('npm run demo walks through every documentation example and exits 0', async () => {
  const { code, stdout, stderr } = await runDemo();
  if (code !== 0) console.log(stdout, stderr);
  expect(code).toBe(0);
  const expected = [
    'linstor-api demo against the simulated controller at http://127.0.0.1:',
    // low level
    "── 2. Low level: create satellite 'alpha' (10.0.0.20)",
    '→ POST /v1/nodes {"name":"alpha","type":"Satellite"',
    "← 201 SUCC:New node 'alpha' registered.",
    '→ POST /v1/resource-definitions/rsc/resources [{"resource":{"node_name":"alpha"}}]',
    '= rsc on bravo: diskful',
    // resource group -> 3-way redundant resource
    '→ POST /v1/resource-groups {"name":"threeSSD","select_filter":{}}',
    '→ POST /v1/resource-groups/threeSSD/spawn {"resource_definition_name":"foo","volume_sizes":[20480]',
    '= foo (foo): bravo (diskful), charlie (diskful), delta (diskful)',
    // resize
    '→ PUT /v1/resource-definitions/foo/volume-definitions/0 {"size_kib":30720}',
    '→ PUT /v1/resource-definitions/foo/volume-definitions/0 {"size_kib":40960}',
    '=   volume 0: 40 MiB, /dev/drbd',
    // activate / deactivate, diskful / diskless / delete
    '→ POST /v1/resource-definitions/foo/resources/alpha/make-available {"diskful":false}',
    '→ DELETE /v1/resource-definitions/foo/resources/alpha',
    '→ PUT /v1/resource-definitions/foo/resources/alpha/toggle-disk/diskless',
    '→ POST /v1/resource-definitions/foo/resources [{"resource":{"node_name":"alpha","flags":["DISKLESS"]}}]',
    // dual primary
    '{"override_props":{"DrbdOptions/Net/allow-two-primaries":"yes"}}',
    '{"override_props":{"DrbdOptions/Net/allow-two-primaries":"no"}}',
    // queries
    '= disklessNodes(): ["alpha"]',
    "= isDiskful('alpha'): false",
    "= isAssigned('bravo'): true",
    '= volumes[0].backingDisk: /dev/ssd_vg/foo_00000',
    '= volumes[0].devicePath: /dev/drbd',
    // KV namespaces
    '→ PUT /v1/key-value-store/myKV {"override_props":{"/foo/bar/key":"val"}}',
    '= namespace /: [["foo/bar/key","val"]]',
    '= namespace /foo/bar/: [["key","val"]]   (/foo/baz/ is not visible)',
    'All 13 steps passed.',
  ];
  for (const line of expected) expect(stdout).toContain(line);
  expect(stdout).not.toContain('FAILED');
  expect(stderr).toBe('');
}, 120_000);

test('LS_CONTROLLERS selects the controller; a failing step ends the demo with status 1', async () => {
  // nothing listens on port 1 of the loopback: the first step cannot connect
  const { code, stdout } = await runDemo('linstor://127.0.0.1:1');
  expect(code).toBe(1);
  expect(stdout).toContain('linstor-api demo against linstor://127.0.0.1:1 (LS_CONTROLLERS)');
  expect(stdout).toContain('── 1. Low level: list the nodes');
  expect(stdout).toContain('✗ FAILED: Unable to connect to any of the given controller hosts');
  expect(stdout).not.toContain('── 2.');
}, 120_000);
