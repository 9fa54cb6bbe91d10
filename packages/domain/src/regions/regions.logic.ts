/**
 * Region codes nest: province 2 characters, regency 4, district 6, village 10, TPS 13 (village + 3).
 * Domestic codes are digits; some overseas codes (province 99) carry letters, e.g. regency 99AA.
 * The nation is 'ID'. Pure helpers for codes and levels.
 */
export const NATION_CODE = 'ID';
export const LEVELS = ['nation', 'province', 'regency', 'district', 'village', 'tps'] as const;
export type LevelName = (typeof LEVELS)[number];
export const CODE_LENGTH_BY_LEVEL = [0, 2, 4, 6, 10, 13] as const;

export type RegionRow = { code: string; parentCode: string | null; level: number; name: string };

export function levelOfCode(code: string): number | null {
  if (code === NATION_CODE) return 0;
  if (!/^[0-9A-Z]+$/.test(code)) return null;
  const level = CODE_LENGTH_BY_LEVEL.indexOf(code.length as never);
  return level > 0 ? level : null;
}

export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === null || level === 0) return null;
  if (level === 1) return NATION_CODE;
  return code.slice(0, CODE_LENGTH_BY_LEVEL[level - 1]);
}

/** Every ancestor of a region or TPS, nation first, the code itself excluded. */
export function ancestorsOfCode(code: string): string[] {
  const out: string[] = [];
  for (let p = parentOfCode(code); p !== null; p = parentOfCode(p)) out.unshift(p);
  return out;
}

export function isTpsCode(code: string): boolean {
  return /^[0-9A-Z]{13}$/.test(code);
}

export function isRegionCode(code: string): boolean {
  const level = levelOfCode(code);
  return level !== null && level <= 4;
}

export type RegistryProblem = { code: string; problem: string };

/**
 * Verifies a registry file's rows before they are loaded: each code has the length of its level,
 * starts with its parent's code, and names hold no separators.
 */
export function validateRegistryRows(rows: readonly string[][], level: number): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  for (const row of rows) {
    const [code, parent, name] = row;
    if (row.length !== 3) problems.push({ code: row[0] ?? '', problem: `expected 3 columns, got ${row.length}` });
    else if (levelOfCode(code) !== level) problems.push({ code, problem: `code is not a level-${level} code` });
    else if (level > 1 && parentOfCode(code) !== parent)
      problems.push({ code, problem: `parent ${parent} does not prefix the code` });
    else if (!name.trim()) problems.push({ code, problem: 'empty name' });
    if (problems.length >= 20) break;
  }
  return problems;
}
