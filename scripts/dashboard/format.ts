// Small text formatting helpers of the dashboard.

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 104857600 -> '100 GiB', 1536 -> '1.5 MiB' (binary units, as LINSTOR reports sizes in KiB). */
export function formatKib(kib: number | undefined): string {
  if (kib === undefined || !Number.isFinite(kib)) return '–';
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** A connection status as a badge colour. */
export function connectionState(status: string): 'ok' | 'warn' | 'error' {
  if (status === 'ONLINE' || status === 'CONNECTED') return 'ok';
  if (status === 'OFFLINE' || status.startsWith('VERSION_MISMATCH') || status.includes('DENIED'))
    return 'error';
  return 'warn';
}
