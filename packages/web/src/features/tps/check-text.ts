import { CHECKS, type CheckDefinition, type CheckResult } from '@cocok/domain';
import type { FieldName } from '@cocok/domain';
import { fieldLabel } from '../../lib/field-labels.ts';
import { hasText, lowerFirst, type Translate } from '../../lib/translate.ts';

export type CheckTextDeps = { t: Translate; n: (value: number | null | undefined) => string };

const byId = new Map(CHECKS.map((c) => [c.id, c]));

export function checkDefinition(id: string): CheckDefinition | undefined {
  return byId.get(id);
}

/**
 * A check's name in words. `rule` states what must hold ("Jumlah suara paslon = suara sah"), `flag`
 * states what is wrong when it does not ("… ≠ …"). Families of generated checks share one text.
 */
export function checkLabel(t: Translate, id: string, kind: 'rule' | 'flag'): string {
  if (hasText('checks', id)) return t(`checks.${id}.${kind}`);
  let m = /^(.+)_l_plus_p$/.exec(id);
  if (m && hasText('rows', m[1])) return t(`checks.lpj.${kind}`, { row: t(`rows.${m[1]}`) });
  m = /^pengguna_sum_(l|p|j)$/.exec(id);
  if (m && hasText('sex', m[1])) return t(`checks.usersBySex.${kind}`, { sex: t(`sex.${m[1]}`) });
  m = /^suara_paslon_(\d)_over_300$/.exec(id);
  if (m) return t(`checks.paslonOver300.${kind}`, { n: `0${m[1]}` });
  // A check added on the server before the web knows its name: its id is still better than nothing.
  return id;
}

/**
 * The figures behind a result in one sentence, e.g. "71 + 641 + 511 = 1.223, tetapi suara sah 185".
 * A side with one field is named; a side with several is shown as its sum, since the label names it.
 */
export function checkDetail(deps: CheckTextDeps, result: CheckResult, overseas: boolean): string {
  const { t, n } = deps;
  const def = checkDefinition(result.id);
  const known = Object.values(result.values).every((v) => v !== null && v !== undefined);
  if (result.status === 'skipped') {
    return def?.kind === 'at-most' && def.domesticOnly && overseas && known
      ? t('checkText.notApplicable')
      : t('checkText.skipped');
  }
  if (!def || result.left === undefined || result.right === undefined) return '';
  const pass = result.status === 'pass';
  switch (def.kind) {
    case 'equal':
      return t(pass ? 'checkText.equalPass' : 'checkText.equalFail', {
        left: side(deps, def.left, result),
        right: side(deps, def.right, result),
      });
    case 'not-above':
      return t(pass ? 'checkText.abovePass' : 'checkText.aboveFail', {
        left: side(deps, [def.field], result),
        right: side(deps, def.bound, result),
      });
    case 'at-most':
      return t(pass ? 'checkText.limitPass' : 'checkText.limitFail', {
        left: side(deps, [def.field], result),
        limit: n(def.limit),
      });
  }
}

function side({ t, n }: CheckTextDeps, fields: readonly FieldName[], result: CheckResult): string {
  const values = fields.map((f) => result.values[f] ?? null);
  if (fields.length === 1) return `${lowerFirst(fieldLabel(t, fields[0]))} ${n(values[0])}`;
  const sum = values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
  return `${values.map((v) => n(v)).join(' + ')} = ${n(sum)}`;
}

/** Failures first, since they are what a reader comes for; then passes, then what could not be checked. */
export function orderChecks(results: readonly CheckResult[]): CheckResult[] {
  const rank = { fail: 0, pass: 1, skipped: 2 } as const;
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank[a.r.status] - rank[b.r.status] || a.i - b.i)
    .map(({ r }) => r);
}

/** The fields that take part in at least one failed check, to mark them in the figures. */
export function fieldsInFailedChecks(results: readonly CheckResult[]): Set<string> {
  return new Set(results.filter((r) => r.status === 'fail').flatMap((r) => Object.keys(r.values)));
}
