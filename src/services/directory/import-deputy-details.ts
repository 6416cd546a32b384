import type { DeputyRecord } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { deputyDetailsChange, detailsChangedWarning, NOT_IN_FILE_LISTED, sameNamePairs, sameNameWarning, type ImportReport } from './import-report.js'

/**
 * The deputies kept whose own details changed (a name, a phone or 关注领域, cleared or changed), and each new deputy
 * with the name of one in office the file leaves out: in the report's lists and in the lines the page shows (`notes`).
 */
export function tellDeputyDetails(report: ImportReport, existing: DeputyRecord[], incoming: DeputyRecord[]) {
  const before = new Map(existing.map((d) => [d.id, d]))
  const changes = incoming.flatMap((d) => {
    const old = before.get(d.id)
    const change = old && deputyDetailsChange(old, d)
    return change ? [change] : []
  })
  report.detailsChanged = { count: changes.length, items: changes.slice(0, NOT_IN_FILE_LISTED) }
  report.sameName = sameNamePairs(existing, incoming).map((p) => ({ ...p, text: sameNameWarning(p) }))
  const lines = [...report.sameName.map((p) => p.text), ...(changes.length ? [detailsChangedWarning(changes.length, changes.slice(0, 10))] : [])]
  report.warnings.push(...lines)
  report.notes.push(...lines)
}

/**
 * Each deputy the import changed gets his own entry in 操作记录, as an edit in the console does (deputy.update, with the
 * fields changed): whoever later asks who cleared a phone or renamed him finds it by the deputy.
 */
export async function auditDeputyChanges(audit: Pick<AuditTrail, 'record'>, actor: StaffPrincipal | null, existing: DeputyRecord[], changed: DeputyRecord[]) {
  const before = new Map(existing.map((d) => [d.id, d]))
  for (const now of changed) {
    const old = before.get(now.id)
    if (!old) continue
    const fields = [
      ...(deputyDetailsChange(old, now)?.fields ?? []),
      ...(old.level !== now.level ? ['level'] : []),
      ...(canonical(old.stationIds) !== canonical(now.stationIds) ? ['stationIds'] : []),
      ...(canonical(old.dutyByStation ?? {}) !== canonical(now.dutyByStation ?? {}) ? ['dutyDates'] : []),
    ]
    if (fields.length) await audit.record(actor, 'deputy.update', { kind: 'deputy', id: now.id }, { fields, via: 'import' })
  }
}

/** Records compare by value: key order differs between the file and the store. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  )
}
