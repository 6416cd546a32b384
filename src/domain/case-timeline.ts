import type { CaseEvent } from './case.js'

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

/** The ids a timeline names, so that the caller can look their names up once. */
export function namedIds(events: CaseEvent[]) {
  const deputies = new Set<string>()
  const staff = new Set<string>()
  const stations = new Set<string>()
  const offices = new Set<string>()
  for (const e of events) {
    if (e.actorId && e.actorRole === 'deputy') deputies.add(e.actorId)
    else if (e.actorId && e.actorRole !== 'resident' && e.actorRole !== 'system') staff.add(e.actorId)
    for (const k of ['deputyId', 'fromDeputyId']) if (str(e.data[k])) deputies.add(e.data[k] as string)
    for (const k of ['stationId', 'fromStationId', 'toStation']) if (str(e.data[k])) stations.add(e.data[k] as string)
    for (const k of ['toOffice', 'fromOffice']) if (str(e.data[k])) offices.add(e.data[k] as string)
  }
  return { deputies, staff, stations, offices }
}
