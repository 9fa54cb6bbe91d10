/** The TPS a witness chose last, remembered on the device so the next upload starts there. */
export type ChosenTps = { code: string; name: string; place: string };

const STORAGE_KEY = 'cocok.lastTps';

/** Reads a stored choice, refusing anything not of the expected shape (an old version, a hand edit). */
export function parseChosenTps(text: string | null): ChosenTps | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ChosenTps>;
    if (
      typeof v.code === 'string' &&
      /^[0-9A-Z]{13}$/.test(v.code) &&
      typeof v.name === 'string' &&
      typeof v.place === 'string'
    ) {
      return { code: v.code, name: v.name, place: v.place };
    }
  } catch {
    // Not JSON: treated as nothing remembered.
  }
  return null;
}

export function loadLastTps(): ChosenTps | null {
  try {
    return parseChosenTps(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveLastTps(tps: ChosenTps): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(tps));
  } catch {
    // Private browsing may forbid storage: the choice then lasts for this visit only.
  }
}

/** "DKI JAKARTA › ADM. KEP. SERIBU › …": where a TPS is, from its breadcrumb without the nation. */
export function placeOf(trail: readonly { level: number; name: string }[]): string {
  return trail
    .filter((r) => r.level > 0)
    .map((r) => r.name)
    .join(' › ');
}
