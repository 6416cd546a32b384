import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import { awayDateProblems, awayEndedWords, awaySetWords, awayState, type AwayReason, type DeputyAway } from '../../domain/deputy-away.js'
import { ConflictError, ValidationError } from '../../errors.js'
import type { DeputyRecord, OutboxMessage, Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { DeputyView, DirectoryService } from './directory.js'

export interface AwayMark {
  from: string
  until: string
  reason: AwayReason
  note?: string | null
}

export interface DeputyAwayDeps {
  store: Pick<Store, 'deputies' | 'stations'>
  directory: Pick<DirectoryService, 'writableDeputy' | 'viewFor' | 'officeOfStaff'>
  audit: AuditTrail
  clock: Clock
  timeZone: string
  /** Told after every change, so that routing's cached directory starts afresh at once. */
  onChange: () => void
}

/**
 * 暂停接收留言: station staff and organizers whose scope covers a deputy mark him away for some dates
 * (routing then gives him no new message) or end it early. Messages he holds stay his: the clerk sees
 * the mark beside them and moves those she wants to. He is told either way, in the chat or on a card as his
 * other notices reach him, in the same write as the mark.
 */
export class DeputyAwayService {
  constructor(private readonly deps: DeputyAwayDeps) {}

  async set(actor: StaffPrincipal, deputyId: string, mark: AwayMark): Promise<DeputyView> {
    const deputy = await this.deps.directory.writableDeputy(actor, deputyId)
    if (!deputy.active) throw new ConflictError('这位代表已离任，不用再设置暂停接收留言', [], 'deputy_left_office')
    const problems = awayDateProblems(mark.from, mark.until, this.today())
    if (problems.length)
      throw new ValidationError(
        problems[0].message,
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      )
    const note = mark.note?.trim() || null
    const away: DeputyAway = { from: mark.from, until: mark.until, reason: mark.reason, note }
    const { setBy, contact } = await this.whoTells(actor, deputy)
    const told = this.notice(deputy, 'deputy.away', away, awaySetWords(deputy.name, away, setBy, contact))
    const updated = await this.deps.store.deputies.setAway(deputy.id, away, [told])
    this.deps.onChange()
    // The note may name an illness: the trail keeps the dates and the kind, not the words.
    await this.deps.audit.record(actor, 'deputy.away.set', { kind: 'deputy', id: deputy.id }, { from: mark.from, until: mark.until, reason: mark.reason })
    return this.deps.directory.viewFor(actor, updated)
  }

  /** Ends the mark now (today he takes messages again), or drops one that has not started. */
  async end(actor: StaffPrincipal, deputyId: string): Promise<DeputyView> {
    const deputy = await this.deps.directory.writableDeputy(actor, deputyId)
    const state = awayState(deputy.away, this.today())
    if (!state) throw new ConflictError('这位代表现在没有暂停接收留言', [], 'not_away')
    const { setBy } = await this.whoTells(actor, deputy)
    const told = this.notice(deputy, 'deputy.away_ended', deputy.away!, awayEndedWords(deputy.name, deputy.away!, setBy))
    const updated = await this.deps.store.deputies.setAway(deputy.id, null, [told])
    this.deps.onChange()
    await this.deps.audit.record(
      actor,
      'deputy.away.ended',
      { kind: 'deputy', id: deputy.id },
      { from: deputy.away!.from, until: deputy.away!.until, wasAway: state === 'now' },
    )
    return this.deps.directory.viewFor(actor, updated)
  }

  private today() {
    return localDate(this.deps.clock.now(), this.deps.timeZone)
  }

  /**
   * Who set or ended the mark as he reads it (his station's name when its staff did, else the office of whoever did,
   * by its name: "湛河区人大常委会办公室"), and whom he asks to change it: his station, where the mark is kept.
   */
  private async whoTells(actor: StaffPrincipal, deputy: DeputyRecord) {
    const nameOf = async (id: string | undefined) => (id ? ((await this.deps.store.stations.get(id))?.name ?? null) : null)
    const contact = (await nameOf(deputy.stationIds[0])) ?? '联络站'
    if (actor.role !== 'station_staff') return { setBy: await this.deps.directory.officeOfStaff(actor), contact }
    const setBy = (await nameOf(deputy.stationIds.find((id) => actor.stationIds.includes(id)))) ?? '联络站'
    return { setBy, contact: setBy }
  }

  /** The notice of a change of the mark, to the deputy; `from`/`until` say which mark it tells of (superseded.ts). */
  private notice(
    deputy: DeputyRecord,
    kind: 'deputy.away' | 'deputy.away_ended',
    away: Pick<DeputyAway, 'from' | 'until'>,
    words: { text: string; cardText: string },
  ): OutboxMessage {
    const at = this.deps.clock.now()
    return outboxMessage({
      to: { kind: 'deputy', id: deputy.id },
      kind,
      payload: { ...words, from: away.from, until: away.until },
      dedupeKey: `${kind}:${deputy.id}:${away.from}:${away.until}:${at.toISOString()}`,
      at,
    })
  }
}
