/**
 * REST API versions ("1.28.0", also with a pre-release suffix such as "1.28.0-rc1", which sorts before
 * "1.28.0" as in semver). python compares int tuples and would fail on the suffix.
 */
export const API_VERSION_MIN = '1.0.4';

interface ParsedVersion {
  nums: number[];
  pre: string[];
}

function parse(version: string): ParsedVersion {
  const [core, ...preParts] = version.trim().split('-');
  const nums = core.split('.').map((p) => {
    const n = Number.parseInt(p, 10);
    return Number.isNaN(n) ? 0 : n;
  });
  // "rc10" is split into "rc" and "10" so that rc2 < rc10 (natural order)
  const pre = preParts.length ? (preParts.join('-').match(/\d+|[^\d.]+/g) ?? []) : [];
  return { nums, pre };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  const len = Math.max(pa.nums.length, pb.nums.length);
  for (let i = 0; i < len; i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pb.pre.length - pa.pre.length;
  const n = Math.max(pa.pre.length, pb.pre.length);
  for (let i = 0; i < n; i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (xn !== yn) {
      return xn ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** The controller's REST version is usable: major version 1 and at least {@link API_VERSION_MIN}. */
export function isSupportedRestVersion(version: string): boolean {
  return /^1(\.|$)/.test(version.trim()) && compareVersions(version, API_VERSION_MIN) >= 0;
}
