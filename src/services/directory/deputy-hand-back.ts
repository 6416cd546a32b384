import { WAITING_STATUSES, type CaseRecord } from '../../domain/case.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { caseMessage } from '../cases/case-changes.js'
import type { CaseSystemMoves } from '../cases/case-system-moves.js'

/** The note in each case's timeline, read by the staff who place it again. */
export const DEPUTY_LEFT_NOTE = '代表已离任，请重新分派'

/** How often one case is read again when someone else changed it meanwhile (a last reply, a withdrawal). */
const ATTEMPTS = 3

/**
 * The messages a departed deputy's leaving sent back: how many, and of those the ones now at a station with no
 * clerk in service to place them again, by the office told of them instead (`officeId`: a district's, or 'city').
 */
export interface HandedBack {
  count: number
  unstaffed: Array<{ stationId: string; officeId: string; count: number }>
}

/**
 * When a deputy leaves office, the messages still waiting in their hands go back to their stations'
 * queues (or the office's) through the case workflow, one case at a time, so that each is a move in
 * its own timeline and its station is told. A station with no clerk's account in service has nobody to
 * read that notice nor place the message: its office is told at once, as the SLA's report beyond a
 * station would tell it a working day later. Running it again hands back whatever is still theirs.
 */
export class DeputyHandBack {
  constructor(
    private readonly deps: { store: Pick<Store, 'cases' | 'staff' | 'stations' | 'outbox'>; moves: Pick<CaseSystemMoves, 'returnOnDeputyLeaving'> },
  ) {}

  /** The messages that went back, and those the office was told of (HandedBack). */
  async handBackOpenCases(deputyId: string): Promise<HandedBack> {
    const open = await this.deps.store.cases.listForStats({ deputyId, statuses: [...WAITING_STATUSES] })
    const back: CaseRecord[] = []
    for (const c of open) {
      const moved = await this.handBack(c.id, deputyId)
      if (moved) back.push(moved)
    }
    return { count: back.length, unstaffed: await this.tellOfficesOfUnstaffed(back) }
  }

  /**
   * Every message still waiting with a deputy who has left office, found in one read of the store (the SLA job's
   * repair: a message routed to them by another instance in the minute it still thought them in office). How many went back.
   */
  async handBackDeparted(): Promise<number> {
    const back: CaseRecord[] = []
    for (const c of await this.deps.store.cases.waitingOnDeparted()) {
      const moved = await this.handBack(c.id, c.deputyId!)
      if (moved) back.push(moved)
    }
    await this.tellOfficesOfUnstaffed(back)
    return back.length
  }

  /**
   * Each message gone back to a station with no clerk in service is told to the office supervising it, addressed as
   * the SLA's report beyond a station is (escalationRecipient): the district handling it, else the city's office.
   */
  private async tellOfficesOfUnstaffed(back: CaseRecord[]): Promise<HandedBack['unstaffed']> {
    const staffed = new Map<string, boolean>()
    const told = new Map<string, HandedBack['unstaffed'][number]>()
    const messages = []
    for (const c of back) {
      if (!c.stationId) continue
      if (!staffed.has(c.stationId)) staffed.set(c.stationId, await this.hasClerk(c.stationId))
      if (staffed.get(c.stationId)) continue
      const officeId = c.handlingDistrictId ?? c.districtId ?? c.officeRegionId ?? 'city'
      const station = (await this.deps.store.stations.get(c.stationId))?.name ?? '联络站'
      const text = `留言 ${c.ticket}（${c.topic}）的办理代表已离任，留言已退回${station}，但该站没有在用的工作人员账号，请登录工作台分派代表。`
      messages.push(
        caseMessage(c, 'case.queued', { kind: 'office', id: officeId }, text, `case:${c.id}:deputy-left-unstaffed:${c.updatedAt.toISOString()}`, c.updatedAt),
      )
      const key = `${c.stationId}|${officeId}`
      const entry = told.get(key) ?? { stationId: c.stationId, officeId, count: 0 }
      entry.count++
      told.set(key, entry)
    }
    if (messages.length) await this.deps.store.outbox.enqueue(messages)
    return [...told.values()]
  }

  /** Whether a station has a clerk whose account is in service: someone who reads its queue and places its messages. */
  private async hasClerk(stationId: string): Promise<boolean> {
    let cursor: string | undefined
    do {
      const page = await this.deps.store.staff.search({ role: 'station_staff', stationId, limit: 50, cursor })
      if (page.items.some((s) => s.active)) return true
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return false
  }

  /** The case as moved back, or null when it was no longer theirs. */
  private async handBack(caseId: string, deputyId: string): Promise<CaseRecord | null> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.deps.store.cases.get(caseId)
      if (!c || !stillTheirs(c, deputyId)) return null
      try {
        return await this.deps.moves.returnOnDeputyLeaving(c, noteFor(c))
      } catch (err) {
        // Changed since it was read: read it again and judge afresh.
        if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err
      }
    }
  }
}

/** A message already forwarded to a department is followed up, not started again: the next deputy reads where it went. */
function noteFor(c: CaseRecord) {
  if (c.status !== 'forwarded' || !c.forwardedTo) return DEPUTY_LEFT_NOTE
  const { department, reference } = c.forwardedTo
  return `${DEPUTY_LEFT_NOTE}。此前已交${department}办理${reference ? `（${reference}）` : ''}，请新代表继续跟踪督办`
}

function stillTheirs(c: CaseRecord, deputyId: string) {
  return c.deputyId === deputyId && WAITING_STATUSES.includes(c.status)
}

/**
 * What the console says of a departed deputy's messages, truthfully: back at their stations for the clerks to place
 * again, or, at a station with no clerk in service, told to the office instead ("湛河区人大办"). `station` and `office`
 * name them by id.
 */
export function handedBackText(back: HandedBack, station: (id: string) => string, office: (id: string) => string): string {
  if (!back.count) return '没有未办结的留言'
  const told = (u: HandedBack['unstaffed'][number]) => `该站没有在用的工作人员账号，已告知${office(u.officeId)}分派`
  const unstaffed = back.unstaffed.reduce((n, u) => n + u.count, 0)
  if (!unstaffed) return `${back.count} 条未办结留言已退回联络站，由工作人员重新分派`
  const [only] = back.unstaffed
  if (unstaffed === back.count && back.unstaffed.length === 1) return `${back.count} 条未办结留言已退回${station(only.stationId)}，${told(only)}`
  const each = back.unstaffed.map((u) => `${u.count} 条在${station(u.stationId)}，${told(u)}`).join('；')
  return `${back.count} 条未办结留言已退回联络站，由工作人员重新分派；其中 ${each}`
}
