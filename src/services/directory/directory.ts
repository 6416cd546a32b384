import { GONE } from '../../domain/choice-words.js'
import type { Deputy, ReceptionHours, Weekday } from '../../domain/directory.js'
import { dutyDatesAt, dutyStationFor } from '../../domain/duty-days.js'
import { pastDaysChanged } from '../../domain/duty-day-save.js'
import { dutyDaysChangedError, pastDutyDayError } from './duty-day-refusals.js'
import { handedBackText } from './deputy-hand-back.js'
import { officeName, shortOfficeName } from '../../domain/office-name.js'
import { normalizePhone } from '../../domain/phone.js'
import { phoneRefused } from '../phone-refused.js'
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../errors.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { DeputyPatch, DeputyRecord } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { DirectoryReads } from './directory-reads.js'
import type { DeputyView } from './deputy-view.js'

export type { DeputyView } from './deputy-view.js'
export type { DirectoryServiceDeps } from './directory-reads.js'

export interface StationEdit {
  name?: string
  address?: string
  receptionDays?: Weekday[]
  /** 接待时间 of every reception day; null says none. */
  receptionHours?: ReceptionHours | null
  regionIds?: string[]
}
export interface DeputyEdit {
  name?: string
  level?: Deputy['level']
  stationIds?: string[]
  topics?: string[]
  /** The duty dates at one station (`stationId`, needed when the editor could mean several), replacing that station's only. */
  dutyDates?: string[]
  stationId?: string
  /** His duty dates at that station as the editor read them: `dutyDates` is saved only over those (else 409 duty_day_changed). */
  seenDutyDates?: string[]
  phone?: string | null
  /** False takes a deputy who has left office out of service; true puts them back. */
  active?: boolean
}

/** Reading and editing the directory: regions, stations and deputies; the reads are DirectoryReads's (directory-reads.ts). */
export class DirectoryService extends DirectoryReads {
  /**
   * A deputy the actor may change, judged as every deputy write is: on his stations as stored now;
   * outside the actor's part of the city it is 404, as for a read (ids there are not to be learned).
   */
  async writableDeputy(actor: StaffPrincipal, id: string): Promise<DeputyRecord> {
    const [deputy, mayWrite] = await Promise.all([this.store.deputies.get(id), this.scope.writable(actor)])
    if (!deputy || !mayWrite(await this.scope.stationsByIds(deputy.stationIds))) throw new NotFoundError('代表不存在')
    return deputy
  }

  async updateStation(actor: StaffPrincipal, id: string, edit: StationEdit) {
    // As its read answers: a station outside the editor's part of the city is not found, its id not to be learned.
    const station = await this.stationFor(actor, id)
    const mayEdit = actor.role !== 'station_staff' || (edit.regionIds === undefined && edit.name === undefined)
    if (!mayEdit) throw new ForbiddenError('联络站工作人员只能修改本站的地址、接待日和接待时间')
    if (edit.regionIds) {
      await this.requireRegions(edit.regionIds, 'body.regionIds')
      await this.scope.requireRegionsInScope(actor, changed(station.regionIds, edit.regionIds), edit.regionIds, 'body.regionIds')
    }
    const updated = await this.store.stations.update(station.id, edit)
    this.onChange()
    await this.audit.record(actor, 'station.update', { kind: 'station', id }, { fields: Object.keys(edit) })
    return updated
  }

  /**
   * `active: false` takes a deputy out of service: routing passes them over from now on, and the
   * messages still in their hands go back to their stations' queues (`casesReturned` says how many, `casesReturnedText`
   * where, in words: a station with no clerk in service has its office told instead).
   * Leaving office or another station marks him on the lists of meetings ahead that are no longer his
   * (`meetingsWithdrawn` says how many: 已离任 / 已调到…); back in office or at the station, he is expected again;
   * at a new station, he joins the lists ahead that invite its deputies (`meetingsJoined`) and is sent their notices.
   */
  async updateDeputy(
    actor: StaffPrincipal,
    id: string,
    edit: DeputyEdit,
  ): Promise<DeputyView & { casesReturned?: number; casesReturnedText?: string; meetingsWithdrawn?: number; meetingsJoined?: number }> {
    const [deputy, mayWrite] = await Promise.all([this.store.deputies.get(id), this.scope.writable(actor)])
    // As for a read, not "forbidden"; but judged on the deputy's stations as stored now.
    if (!deputy || !mayWrite(await this.scope.stationsByIds(deputy.stationIds))) throw new NotFoundError('代表不存在')
    // seenDutyDates changes nothing: it only says what the dutyDates are saved over.
    const fields = Object.keys(edit).filter((f) => f !== 'seenDutyDates')
    if (actor.role === 'station_staff' && fields.some((f) => f !== 'dutyDates' && f !== 'stationId')) {
      throw new ForbiddenError('联络站工作人员只能安排代表的接待日期')
    }
    const { phone, dutyDates, stationId, seenDutyDates, ...rest } = edit
    if (rest.stationIds) {
      await this.requireStations(rest.stationIds)
      await this.scope.requireStationsInScope(actor, changed(deputy.stationIds, rest.stationIds), rest.stationIds)
    }
    // In or out of service reaches every station the deputy serves, their messages there too: a
    // district's organizer decides it only for a deputy wholly of their places; the city office for the rest.
    if (edit.active !== undefined) await this.scope.requireStationsInScope(actor, deputy.stationIds, deputy.stationIds, 'body.active')
    rest.topics?.forEach((t, i) => {
      if (!this.topics.includes(t)) throw new ValidationError('关注领域无效', [{ path: `body.topics[${i}]`, message: `未知的关注领域 "${t}"` }])
    })
    // The day of the edit: his duty before it at a station he leaves stays that station's history and his record.
    const patch: DeputyPatch = { ...rest, today: this.today() }
    // One station's days only: the store keeps the other stations' as they are then (another
    // station's staff may be saving theirs), and drops those of a station the deputy leaves.
    const stationIds = rest.stationIds ?? deputy.stationIds
    const dutyStation = dutyDates === undefined ? undefined : await this.dutyStation(actor, stationIds, stationId)
    if (dutyStation) {
      // Days gone by are the station's record, as the console's calendar keeps them: refused, nothing written.
      const past = pastDaysChanged(dutyDatesAt(deputy.dutyByStation, dutyStation), dutyDates!, patch.today!)
      if (past.length) throw pastDutyDayError(past[0], 'body.dutyDates')
      // Over his days there as she read them, when she says so: a day saved meanwhile (the calendar's) is never undone unseen.
      patch.dutyAt = { stationId: dutyStation, dates: dutyDates!, ...(seenDutyDates ? { seen: seenDutyDates } : {}) }
    }
    if (phone !== undefined) {
      const normalized = phone === null || phone.trim() === '' ? null : normalizePhone(phone)
      // On top and beside the field alike: the console says the top's words, once.
      if (phone && !normalized) throw phoneRefused(phone)
      patch.phoneEnc = normalized ? this.cipher.encrypt(normalized, deputy.id) : null
      patch.phoneIndex = normalized ? this.cipher.blindIndex(normalized) : null
    }
    const updated = await this.store.deputies.update(deputy.id, patch).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || err.conflict !== 'duty_day_changed' || !dutyStation) throw err
      const station = (await this.cache.prepared()).stations.get(dutyStation)
      throw dutyDaysChangedError(deputy.name, station?.name ?? '', String(err.facts.dutyDatesNow ?? ''))
    })
    // Routing reads the directory afresh before the messages are handed back: none can land on them meanwhile.
    this.onChange()
    const leaving = edit.active === undefined ? {} : { active: edit.active, wasActive: deputy.active }
    await this.audit.record(actor, 'deputy.update', { kind: 'deputy', id }, { fields, ...leaving, ...(dutyStation ? { dutyStationId: dutyStation } : {}) })
    const view = this.view(updated, await this.scope.manageable(actor, await this.cache.scopeOf(actor)), await this.levelOf(), dutyStation)
    const moved = rest.stationIds !== undefined && changed(deputy.stationIds, rest.stationIds).length > 0
    const changes = this.departures && (edit.active !== undefined || moved) ? await this.departures.reconsider([deputy.id]) : null
    // Put on a list of his new station's (meetingsJoined) he was sent its 会议通知; marks a crash left out are the maintenance job's.
    const meetings = changes ? { meetingsWithdrawn: changes.filter((c) => c.withdrawn).length, meetingsJoined: changes.filter((c) => c.joined).length } : {}
    // Again when already out of service: whatever a failed first attempt left behind goes back too.
    if (edit.active === false) {
      const back = await this.handBack.handBackOpenCases(deputy.id)
      const prepared = await this.cache.prepared()
      const text = handedBackText(
        back,
        (id) => prepared.stations.get(id)?.name ?? '联络站',
        (id) => shortOfficeName(officeName(id, prepared)),
      )
      return { ...view, ...meetings, casesReturned: back.count, casesReturnedText: text }
    }
    return { ...view, ...meetings }
  }

  /**
   * The station whose duty days a plain `dutyDates` list replaces: the one named, else the only one of the
   * deputy's stations the editor looks after. A deputy of several of them needs the station named.
   */
  private async dutyStation(actor: StaffPrincipal, deputyStationIds: string[], named: string | undefined): Promise<string> {
    const mayWrite = await this.scope.writable(actor)
    const stations = await this.scope.stationsByIds(deputyStationIds)
    const allowed = stations.filter((s) => mayWrite([s])).map((s) => s.id)
    const choice = dutyStationFor(deputyStationIds, allowed, named)
    if (choice.ok) return choice.stationId
    if (choice.reason === 'ambiguous') {
      const names = stations.filter((s) => choice.stationIds.includes(s.id)).map((s) => s.name)
      throw new UnprocessableError(
        `该代表在 ${names.length} 个联络站值班，请说明是哪个联络站的值班日期`,
        [{ path: 'body.stationId', message: `请选择联络站：${names.join('、')}` }],
        'duty_station_required',
      )
    }
    if (named !== undefined && !deputyStationIds.includes(named)) {
      const station = await this.store.stations.get(named)
      throw new ValidationError('该代表不属于这个联络站', [{ path: 'body.stationId', message: station ? `该代表不属于${station.name}` : GONE.station }])
    }
    throw new ForbiddenError('只能安排本站的接待值班日期', 'outside_scope', [{ path: 'body.stationId', message: '不是您负责的联络站' }])
  }

  private async requireStations(ids: string[]) {
    const found = await Promise.all(ids.map((id) => this.store.stations.get(id)))
    const details = ids.flatMap((id, i) => (found[i] ? [] : [{ path: `body.stationIds[${i}]`, message: GONE.station }]))
    if (details.length) throw new ValidationError('联络站无效', details)
  }

  private async requireRegions(ids: string[], path: string) {
    const found = await Promise.all(ids.map((id) => this.store.regions.get(id)))
    const details = ids.flatMap((id, i) => (found[i] ? [] : [{ path: `${path}[${i}]`, message: GONE.region }]))
    if (details.length) throw new ValidationError('区域无效', details)
  }
}

/** The ids added or removed by an edit. */
function changed(before: string[], after: string[]) {
  return [...after.filter((id) => !before.includes(id)), ...before.filter((id) => !after.includes(id))]
}
