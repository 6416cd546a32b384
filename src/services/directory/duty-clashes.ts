import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import type { Station } from '../../domain/directory.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import { clashLine, meetingDays, type MeetingDay } from '../../domain/duty-clashes.js'
import { startOfLocalDate } from '../../domain/local-days.js'
import type { Store } from '../../store/ports.js'

/** A day of a meeting one of the station's deputies is expected at, and whether he is on duty at the station then. */
export interface StationMeetingDay extends MeetingDay {
  deputyName: string
  onDuty: boolean
  /** The clerk's line when he is on duty that day ("与会议时间冲突：…"); null otherwise. */
  clash: string | null
}

/** A duty day as the clerk's 近期接待值班 lists it, with who sits that day by id. */
export interface DutyDayAt {
  stationId: string
  date: string
  deputies: ReadonlyArray<{ id: string; name: string }>
}

/**
 * Which deputies on reception duty are expected at a meeting the same day (domain/duty-clashes.ts): read for the
 * station's roster (代表与值班) and the clerk's 工作概览, from today on. Meetings are the offices' to run: this only reads.
 */
export class DutyClashes {
  private readonly store: Pick<Store, 'meetings' | 'deputies'>
  private readonly clock: Clock
  private readonly timeZone: string

  constructor(deps: { store: Pick<Store, 'meetings' | 'deputies'>; clock: Clock; timeZone: string }) {
    ;({ store: this.store, clock: this.clock, timeZone: this.timeZone } = deps)
  }

  /**
   * The meeting days ahead of the station's deputies in office, each marked on duty or not: the roster says the
   * clashes, and the day's dialog says beside a deputy that he has a meeting before the clerk puts him on duty.
   */
  async ofStation(station: Pick<Station, 'id'>): Promise<StationMeetingDay[]> {
    const deputies = (await this.store.deputies.listByStation(station.id)).filter((d) => d.active)
    const byId = new Map(deputies.map((d) => [d.id, d]))
    const days = await this.meetingDaysOf(
      deputies.map((d) => d.id),
      station.id,
    )
    return days.flatMap((day) => {
      const deputy = byId.get(day.deputyId)
      if (!deputy) return []
      const onDuty = dutyDatesAt(deputy.dutyByStation, station.id).includes(day.date)
      return [{ ...day, deputyName: deputy.name, onDuty, clash: onDuty ? clashLine(deputy.name, day) : null }]
    })
  }

  /** For each duty day, the lines of its deputies' meetings that day (none: an empty list), in the days' order. */
  async clashesOn(days: readonly DutyDayAt[]): Promise<string[][]> {
    const byStation = new Map<string, Set<string>>()
    for (const day of days) for (const d of day.deputies) byStation.set(day.stationId, (byStation.get(day.stationId) ?? new Set()).add(d.id))
    const found = new Map<string, MeetingDay[]>()
    for (const [stationId, ids] of byStation) found.set(stationId, await this.meetingDaysOf([...ids], stationId))
    return days.map((day) =>
      day.deputies.flatMap((d) => (found.get(day.stationId) ?? []).filter((m) => m.deputyId === d.id && m.date === day.date).map((m) => clashLine(d.name, m))),
    )
  }

  /** The meeting days of these deputies from today on (a station's own 接待日 for its deputies left out). */
  private async meetingDaysOf(deputyIds: readonly string[], stationId: string): Promise<MeetingDay[]> {
    if (!deputyIds.length) return []
    const today = localDate(this.clock.now(), this.timeZone)
    const invitations = await this.store.meetings.invitationsOfMany(
      deputyIds.map((id) => ({ kind: 'deputy' as const, id })),
      { statuses: ['published'], endFrom: startOfLocalDate(today, this.timeZone) },
    )
    return meetingDays(invitations, { from: today, timeZone: this.timeZone, stationId })
  }
}
