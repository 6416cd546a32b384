/** What audit entries name by id and the store names in one read per kind (AuditRepo.names). */
export const AUDIT_NAMED_KINDS = [
  'staff',
  'deputy',
  'station',
  'unit',
  'region',
  'case',
  'meeting',
  'survey',
  'quiz',
  'quiz_question',
  'campaign',
  'reading_item',
  'livelihood_cycle',
  'livelihood_project',
  'livelihood_proposal',
  'suggestion',
] as const
export type AuditNamedKind = (typeof AUDIT_NAMED_KINDS)[number]

export interface AuditRef {
  kind: AuditNamedKind
  id: string
}
/** A thing's name as people say it: a person's or a place's name, a case's ticket, a title; a staff member's role too. */
export interface AuditName extends AuditRef {
  name: string
  role: string | null
}
/** The names read for a page of entries; undefined for what no longer exists. */
export type AuditNameBook = (kind: AuditNamedKind, id: string) => AuditName | undefined

/** One entry of the trail as stored (the store's AuditEntry), what its words are made from. */
export interface AuditLine {
  actorKind: string
  actorId: string | null
  action: string
  targetKind: string | null
  targetId: string | null
  details: Record<string, unknown>
}

export const isNamed = (kind: string | null): kind is AuditNamedKind => kind !== null && (AUDIT_NAMED_KINDS as readonly string[]).includes(kind)

/** The refs grouped by kind, each id once: what the store reads in one go per kind. */
export function idsByKind(refs: AuditRef[]): Map<AuditNamedKind, string[]> {
  const by = new Map<AuditNamedKind, Set<string>>()
  for (const r of refs) if (isNamed(r.kind) && r.id) by.set(r.kind, (by.get(r.kind) ?? new Set()).add(r.id))
  return new Map([...by].map(([kind, ids]) => [kind, [...ids]]))
}
