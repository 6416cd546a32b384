import type { ActorRole, CaseEvent } from '../../domain/case.js'

/**
 * A timeline step as people read it: who acted (name and role), from whom to whom the
 * case moved, the department it was forwarded to, the score of a rating, and the case a
 * merged duplicate is handled with. Names come from `names` (see CaseQueries.detail).
 */

export const ROLE_LABELS: Record<ActorRole, string> = {
  resident: '群众',
  deputy: '代表',
  station_staff: '联络站工作人员',
  organizer: '人大常委会办公室',
  admin: '系统管理员',
  unit_staff: '承办单位',
  system: '系统',
}

/**
 * Display names by "deputy:ID", "staff:ID", "station:ID" and "office:ID" ("office:city" for the city office), and an
 * organizer's own office by "staffOffice:ID".
 */
export type NameBook = Record<string, string>

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

function side(names: NameBook, deputyId: unknown, stationId: unknown, officeId: unknown) {
  const deputy = str(deputyId) ? (names[`deputy:${deputyId}`] ?? null) : null
  const station = str(stationId) ? (names[`station:${stationId}`] ?? null) : null
  const office = str(officeId) ? (names[`office:${officeId}`] ?? null) : null
  return deputy || station || office ? { deputy, station, office } : null
}

export function timelineDetails(e: CaseEvent, names: NameBook) {
  const d = e.data
  const actorName =
    e.actorId && e.actorRole === 'deputy'
      ? (names[`deputy:${e.actorId}`] ?? null)
      : e.actorId && e.actorRole !== 'resident' && e.actorRole !== 'system'
        ? (names[`staff:${e.actorId}`] ?? null)
        : null
  const moved = e.type === 'assigned' || e.type === 'transferred' || e.type === 'referred'
  const related = str(d.into)
    ? { id: d.into as string, ticket: str(d.intoTicket) }
    : str(d.viaCaseId)
      ? { id: d.viaCaseId as string, ticket: str(d.viaTicket) }
      : str(d.duplicateId)
        ? { id: d.duplicateId as string, ticket: str(d.duplicateTicket) }
        : null
  // An organizer is named by her office ("澜江区人大常委会办公室"), not the bare 人大常委会办公室 of no place.
  const office = e.actorRole === 'organizer' && e.actorId ? (names[`staffOffice:${e.actorId}`] ?? null) : null
  return {
    actor: { role: e.actorRole, roleLabel: office ?? ROLE_LABELS[e.actorRole], name: actorName },
    from: moved ? side(names, d.fromDeputyId, d.fromStationId, d.fromOffice) : null,
    // 催办 names the deputy who was pressed.
    to: moved ? side(names, d.deputyId, d.stationId ?? d.toStation, d.toOffice) : e.type === 'urged' ? side(names, d.deputyId, null, null) : null,
    department: str(d.department),
    /** The department's reference number (文号) the deputy gave when forwarding: what the station quotes when it chases the department. */
    reference: str(d.reference),
    rating: typeof d.rating === 'number' ? d.rating : null,
    relatedCase: related,
    topic: str(d.toTopic) ? { from: str(d.fromTopic), to: d.toTopic as string } : null,
  }
}
