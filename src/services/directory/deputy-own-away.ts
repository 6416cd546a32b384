import type { Clock } from '../../clock.js'
import { localDate } from '../../domain/dates.js'
import { awayDateProblems, awaySelfEndedWords, awaySelfSetWords, awaySetForYouWords, awayState, type DeputyAway } from '../../domain/deputy-away.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { DeputyRecord, OutboxMessage, Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { AuditTrail } from '../audit.js'
import type { AwayMark } from './deputy-away.js'

/**
 * His own 暂停接收留言 as his page shows it: the mark now or ahead (null when none), and today's date to pick from;
 * `askStation`: while the mark is his station's, whom he asks to change it, in words (he may not: `set`).
 */
export interface OwnAway {
  away: DeputyAway | null
  state: 'now' | 'ahead' | null
  today: string
  askStation: string | null
}

export interface DeputyOwnAwayDeps {
  store: Pick<Store, 'deputies' | 'stations'>
  audit: Pick<AuditTrail, 'record'>
  clock: Clock
  timeZone: string
  /** Told after every change, so that routing's cached directory starts afresh at once. */
  onChange: () => void
}

/**
 * A deputy pauses his own new messages (暂停接收留言) from the mini-program, or ends the pause, his and nobody
 * else's: the deputy is the one his session is bound to, never one named in the request. The mark is the one staff
 * set (routing gives him no new message on its dates; those he holds stay his), marked as his own. His stations'
 * staff are told in their group, in the same write, with the same kinds of notice as when they set it for him, saying
 * he did; the audit trail keeps it in his name.
 *
 * A mark his station (or the office) set is theirs: he may neither replace nor end it here (409 set_by_station, in
 * words naming whom to ask). They set it for a reason he may not be the one to judge (in hospital), were told it
 * stands, and told him to ask them to change it; his own dates would otherwise undo theirs with nobody there knowing.
 * Each write is made only on the mark as it was read (compare-and-set), so a station's write between his read and his
 * write is never undone unseen: he is asked to look again (409 stale_away).
 */
export class DeputyOwnAway {
  constructor(private readonly deps: DeputyOwnAwayDeps) {}

  async read(deputyId: string): Promise<OwnAway> {
    return this.standing(await this.deputy(deputyId))
  }

  async set(deputyId: string, mark: AwayMark): Promise<OwnAway> {
    const deputy = await this.deputy(deputyId)
    if (!deputy.active) throw new ConflictError('您已离任，不用再设置暂停接收留言', [], 'deputy_left_office')
    const problems = awayDateProblems(mark.from, mark.until, this.today())
    if (problems.length)
      throw new ValidationError(
        problems[0].message,
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      )
    // Days gone by are not paused after the fact (his stations would be told an untrue start); a pause of his own
    // already running keeps its first day when he changes its last.
    const today = this.today()
    if (mark.from < today && !(deputy.away?.bySelf && deputy.away.from === mark.from && awayState(deputy.away, today)))
      throw new ValidationError('开始日期不能早于今天', [{ path: 'body.from', message: '开始日期不能早于今天' }])
    await this.refuseStationsMark(deputy)
    const away: DeputyAway = { from: mark.from, until: mark.until, reason: mark.reason, note: mark.note?.trim() || null, bySelf: true }
    // The same pause saved again (a second tap on 保存): it stands already; nobody is told twice, nothing is recorded twice.
    if (awayState(deputy.away, this.today()) && sameMark(deputy.away!, away)) return this.standing(deputy)
    const told = this.notices(deputy, 'deputy.away', away, awaySelfSetWords(deputy.name, away))
    const updated = await this.deps.store.deputies.setAway(deputy.id, away, told, deputy.away ?? null)
    this.deps.onChange()
    // The note may name an illness: the trail keeps the dates and the kind, not the words.
    await this.deps.audit.record(
      null,
      'deputy.away.set',
      { kind: 'deputy', id: deputy.id },
      { from: away.from, until: away.until, reason: away.reason, via: 'mini-program' },
    )
    return this.standing(updated)
  }

  /** Ends his pause now (today he takes new messages again), or drops one that has not started. */
  async end(deputyId: string): Promise<OwnAway> {
    const deputy = await this.deputy(deputyId)
    const state = awayState(deputy.away, this.today())
    if (!state || !deputy.away) throw new ConflictError('您现在没有暂停接收留言', [], 'not_away')
    await this.refuseStationsMark(deputy)
    const told = this.notices(deputy, 'deputy.away_ended', deputy.away, awaySelfEndedWords(deputy.name, deputy.away))
    const updated = await this.deps.store.deputies.setAway(deputy.id, null, told, deputy.away)
    this.deps.onChange()
    await this.deps.audit.record(
      null,
      'deputy.away.ended',
      { kind: 'deputy', id: deputy.id },
      { from: deputy.away.from, until: deputy.away.until, wasAway: state === 'now', via: 'mini-program' },
    )
    return this.standing(updated)
  }

  private async deputy(deputyId: string): Promise<DeputyRecord> {
    const deputy = await this.deps.store.deputies.get(deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    return deputy
  }

  private async standing(deputy: DeputyRecord): Promise<OwnAway> {
    const today = this.today()
    const state = awayState(deputy.away, today)
    // Under the mark's own line ("联络站已为您暂停接收新留言（…）"), only whom to ask: the dates and who set them once.
    const askStation = state && !deputy.away!.bySelf ? `日期要改或提前恢复，请联系${await this.contact(deputy)}。` : null
    return { away: state ? deputy.away! : null, state, today, askStation }
  }

  /** A mark his station or the office set, now or ahead, is theirs to change: refused in words naming whom to ask. */
  private async refuseStationsMark(deputy: DeputyRecord) {
    if (!awayState(deputy.away, this.today()) || deputy.away!.bySelf) return
    throw new ConflictError(awaySetForYouWords(deputy.away!, await this.contact(deputy)), [], 'set_by_station')
  }

  /** Whom he asks to change a mark: his (first) station, where it is kept, as the notice of it told him. */
  private async contact(deputy: DeputyRecord): Promise<string> {
    const id = deputy.stationIds[0]
    return (id ? (await this.deps.store.stations.get(id))?.name : null) ?? '联络站'
  }

  private today() {
    return localDate(this.deps.clock.now(), this.deps.timeZone)
  }

  /**
   * The notice of his change to each of his stations (their group: the staff who place messages there). `deputyId`
   * and `from`/`until` say whose mark and which one it tells of (superseded.ts: not sent once it is no longer true).
   */
  private notices(
    deputy: DeputyRecord,
    kind: 'deputy.away' | 'deputy.away_ended',
    away: Pick<DeputyAway, 'from' | 'until'>,
    words: { text: string; cardTitle: string; cardText: string },
  ): OutboxMessage[] {
    const at = this.deps.clock.now()
    return [...new Set(deputy.stationIds)].map((stationId) =>
      outboxMessage({
        to: { kind: 'station', id: stationId },
        kind,
        payload: { ...words, deputyId: deputy.id, from: away.from, until: away.until },
        dedupeKey: `${kind}:${deputy.id}:${away.from}:${away.until}:${at.toISOString()}:station:${stationId}`,
        at,
      }),
    )
  }
}

/** The same pause: dates, kind and note, and his own. */
function sameMark(a: DeputyAway, b: DeputyAway): boolean {
  return a.from === b.from && a.until === b.until && a.reason === b.reason && (a.note ?? null) === (b.note ?? null) && !!a.bySelf === !!b.bySelf
}
