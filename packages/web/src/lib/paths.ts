import { NATION_CODE } from '@cocok/domain';

/** The portal's stable URLs, in one place so links and the router cannot disagree. */
export function regionPath(code: string): string {
  return code === NATION_CODE ? '/' : `/wilayah/${encodeURIComponent(code)}`;
}

export function tpsPath(code: string): string {
  return `/tps/${encodeURIComponent(code)}`;
}

export function searchPath(q: string): string {
  return `/cari?q=${encodeURIComponent(q)}`;
}

/** A full TPS code typed in the search box opens the TPS directly. */
export function asTpsCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[0-9A-Z]{13}$/.test(code) && /\d/.test(code) ? code : null;
}
