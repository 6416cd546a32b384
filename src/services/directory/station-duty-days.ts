import type { Clock } from '../../clock.js'
import { localDate, monthDayText } from '../../domain/dates.js'
import { onDutyThatDay } from '../../domain/duty-day-save.js'
import { isPastDutyDay } from '../../domain/duty-days.js'
import { ConflictError, UnprocessableError, type ErrorDetail } from '../../errors.js'
import { pastDutyDayError } from './duty-day-refusals.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { DeputyView, DirectoryService } from './directory.js'

export interface StationDutyDaysDeps {
  store: Pick<Store, 'deputies'>
  directory: Pick<DirectoryService, 'stationFor' | 'viewFor'>
  audit: AuditTrail
  clock: Clock
  timeZone: string
  /** Told after every save, so that routing's cached directory (who is on duty today) starts afresh at once. */
  onChange: () => void
}

/**
 * One day of a station's reception duty (接待值班), as its clerk arranges it on the calendar: who sits that day, saved
 * as one write over who sat as she saw it. Two clerks saving the same day at once: the second is told who sits there
 * now (409), never silently undone. A day gone by is the station's record (履职档案 counts it): refused, nothing written.
 */
export class StationDutyDays {
  constructor(private readonly deps: StationDutyDaysDeps) {}

  /**
   * `deputyIds`: who sits on `date` after the save; `seen`: who sat as the clerk read it. Returns the deputies whose
   * days changed, each as the station's list reads him (his days there).
   */
  async saveDay(actor: StaffPrincipal, stationId: string, date: string, day: { deputyIds: string[]; seen: string[] }): Promise<DeputyView[]> {
    // Held to the stations the actor may change, as every directory write (not hers: not found, as for a read).
    const station = await this.deps.directory.stationFor(actor, stationId)
    const today = localDate(this.deps.clock.now(), this.deps.timeZone)
    if (isPastDutyDay(date, today)) throw pastDutyDayError(date, 'params.date')
    const deputies = await this.deps.store.deputies.listByStation(station.id)
    const problems: ErrorDetail[] = []
    day.deputyIds.forEach((id, i) => {
      const d = deputies.find((x) => x.id === id)
      // One who left office keeps a day he already had (the console leaves it as it is), but is given none.
      if (!d) problems.push({ path: `body.deputyIds[${i}]`, message: `不是${station.name}的代表` })
      else if (!d.active && !day.seen.includes(id)) problems.push({ path: `body.deputyIds[${i}]`, message: `${d.name}代表已离任，不能安排值班` })
    })
    if (problems.length) throw new UnprocessableError('只能安排本站在任的代表值班', problems, 'not_station_deputy')
    const changed = await this.deps.store.deputies.setDutyDay(station.id, date, { onDuty: day.deputyIds, seen: day.seen }).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || err.conflict !== 'duty_day_changed') throw err
      throw await this.changedMeanwhile(station.id, date)
    })
    this.deps.onChange()
    for (const d of changed) {
      await this.deps.audit.record(actor, 'deputy.update', { kind: 'deputy', id: d.id }, { fields: ['dutyDates'], dutyStationId: station.id, date })
    }
    return Promise.all(changed.map((d) => this.deps.directory.viewFor(actor, d, station.id)))
  }

  /** Another save of the day came first: who sits that day now, by name, and what to do. Nothing of hers was written. */
  private async changedMeanwhile(stationId: string, date: string): Promise<ConflictError> {
    const deputies = await this.deps.store.deputies.listByStation(stationId)
    const ids = onDutyThatDay(deputies, stationId, date)
    const names = ids.map((id) => `${deputies.find((d) => d.id === id)!.name}代表`)
    const who = names.length ? `现在值班的是${names.join('、')}` : '现在这一天没有代表值班'
    // The ids for programs (who sits now), the words for the clerk.
    return new ConflictError(
      `${monthDayText(date)}的值班刚刚被别人改过，${who}。您这次的安排没有保存，请重新载入后再安排`,
      [{ path: 'body.seen', message: ids.join(',') }],
      'duty_day_changed',
    )
  }
}
