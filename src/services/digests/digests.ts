import { canSeeCase } from '../../domain/case-access.js'
import { startOfLocalDate } from '../../domain/business-calendar.js'
import { localDate } from '../../domain/dates.js'
import type { Digest } from '../../domain/digest.js'
import { canFollowMeeting } from '../../domain/meeting.js'
import { clockText, inSendWindow, isQuietTime, sendWindow, type QuietHours } from '../../domain/quiet-hours.js'
import { NotFoundError, UnprocessableError } from '../../errors.js'
import type { DigestPreferences, OutboxMessage, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { DigestGathering } from './digest-gathering.js'

export type { DigestServiceDeps, DigestSettings } from './digest-gathering.js'

export const DEFAULT_PREFERENCES: DigestPreferences = { channels: [], sendAt: null, muteWeekends: false }
/** The ways a deputy may choose for their digest: personal ones (a group is never a way to a person). */
export const DIGEST_CHANNELS = ['mp_subscribe', 'bot_private'] as const

/**
 * Preferences as stored, made to what can be kept. Older versions offered the station's WeCom
 * group, which never reaches a person: a choice of only that would leave every digest
 * undeliverable, so it is dropped, and an empty list means the office's order, as always. They
 * also took a time within quiet hours, when the digest would only wait (and a 21:30 digest held
 * till the next morning would say yesterday's date on a muted Saturday): it goes when they end.
 */
function usable(p: DigestPreferences | null | undefined, quiet: QuietHours): DigestPreferences {
  if (!p) return DEFAULT_PREFERENCES
  const channels = p.channels.filter((c) => (DIGEST_CHANNELS as readonly string[]).includes(c))
  const sendAt = p.sendAt ? keptTime(p.sendAt, quiet) : p.sendAt
  return channels.length === p.channels.length && sendAt === p.sendAt ? p : { ...p, channels, sendAt }
}
/** A time outside the send window as it can be kept: inside quiet hours, their end; just before them, the window's last minute. */
function keptTime(at: string, quiet: QuietHours): string {
  const window = sendWindow(quiet)
  if (!window || inSendWindow(at, window)) return at
  return isQuietTime(at, quiet) ? quiet.end : window.to
}
/** Deputies whose digests are made together: reading read in one go, recorded in one write. */
const CHUNK = 500

/**
 * The deputies' daily digest: built for everyone whose time has come, recorded once per
 * deputy per day together with its outbox message (a re-run, or a second instance, finds
 * it done), and delivered through the channels each deputy chose, in their order.
 */
export class DigestService extends DigestGathering {
  /** One run of the digest job: returns how many digests were made now. */
  async buildDue(): Promise<{ day: string; made: number; skipped: number }> {
    const now = this.clock.now()
    const day = localDate(now, this.settings.timeZone)
    // Things fall due on a 调休 Saturday and wait over a holiday Monday: the office's days off, not the weekday.
    const dayOff = !(await this.calendar.current()).isWorkingDay(day)
    const [prepared, preferences, done] = await Promise.all([this.directory.prepared(), this.store.digests.allPreferences(), this.store.digests.sentOn(day)])
    const sent = new Set(done)
    const midnight = startOfLocalDate(day, this.settings.timeZone).getTime()
    const due = [...prepared.deputies.values()].filter((d) => {
      // A deputy who has left office has no work to be told of.
      if (!d.active || sent.has(d.id)) return false
      const p = usable(preferences[d.id], this.settings.quietHours)
      if (dayOff && p.muteWeekends) return false
      return now.getTime() >= midnight + minutesOf(this.sendAt(p)) * 60_000
    })
    if (!due.length) return { day, made: 0, skipped: 0 }
    const gathered = await this.gather(now)
    let made = 0
    let skipped = 0
    // A chunk of deputies at a time: their reading is read together, their digests recorded in one write.
    for (let i = 0; i < due.length; i += CHUNK) {
      const chunk = due.slice(i, i + CHUNK)
      const reading = await this.reading.forDeputies(
        chunk.map((d) => d.id),
        (id) => this.since(id, now, gathered),
      )
      const batch: Array<{ deputyId: string; message: OutboxMessage }> = []
      const told = await this.toldOnTheirOwn(
        chunk.map((d) => d.id),
        now,
        gathered,
      )
      for (const deputy of chunk) {
        const digest = await this.compose(deputy.id, deputy.name, day, now, gathered, reading.get(deputy.id)!, told)
        if (!digest) {
          skipped++
          continue
        }
        batch.push({ deputyId: deputy.id, message: this.message(deputy.id, day, digest, usable(preferences[deputy.id], this.settings.quietHours), now) })
      }
      if (batch.length) made += await this.store.digests.record(day, batch, now)
    }
    return { day, made, skipped }
  }

  /**
   * Any deputy's digest for any date, as it would read at that day's sending time; nothing is
   * recorded. Read by a console user, it holds only the messages and meetings that user may
   * open: a deputy of stations in two districts gets both districts' in the digest itself,
   * but one district's organizer previewing it never reads the other's residents' words.
   */
  async preview(deputyId: string, day: string, reader?: StaffPrincipal) {
    const deputy = (await this.directory.prepared()).deputies.get(deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    const preferences = usable(await this.store.digests.preferences(deputyId), this.settings.quietHours)
    const at = new Date(startOfLocalDate(day, this.settings.timeZone).getTime() + minutesOf(this.sendAt(preferences)) * 60_000)
    const scope = reader && (await this.directory.scopeOf(reader))
    const viewer = reader && (await this.directory.caseViewer(reader))
    const gathered = await this.gather(at, viewer && scope && { case: (c) => canSeeCase(viewer, c), meeting: (m) => canFollowMeeting(m, scope) })
    const reading = await this.reading.forDeputies([deputyId], (id) => this.since(id, at, gathered))
    return this.compose(deputyId, deputy.name, day, at, gathered, reading.get(deputyId)!, await this.toldOnTheirOwn([deputyId], at, gathered))
  }

  /**
   * A deputy's choices as they take effect, with the times of day a digest may be sent and the station's own time
   * (stationSendAt, "07:00"): the page says 按联络站统一时间（07:00）, not a time he must guess.
   */
  async preferences(deputyId: string) {
    return {
      ...usable(await this.store.digests.preferences(deputyId), this.settings.quietHours),
      sendWindow: sendWindow(this.settings.quietHours),
      stationSendAt: this.sendAt(DEFAULT_PREFERENCES),
    }
  }

  async savePreferences(deputyId: string, preferences: DigestPreferences) {
    const window = sendWindow(this.settings.quietHours)
    if (preferences.sendAt && window && !inSendWindow(preferences.sendAt, window)) {
      const { start, end } = this.settings.quietHours
      // Said as every time of ours is read (8:00, not 08:00); compared as written (HH:MM), where 21:00 > 08:00 holds.
      const [from, to, night, morning] = [window.from, window.to, start, end].map(clockText)
      const words = `发送时间请选 ${from}–${to}（${night} 至${start > end ? '次日 ' : ' '}${morning} 夜间免打扰，不发消息）`
      throw new UnprocessableError(words, [{ path: 'body.sendAt', message: words }], 'send_time_quiet')
    }
    await this.store.digests.savePreferences(deputyId, preferences, this.clock.now())
    return { ...preferences, sendWindow: window, stationSendAt: this.sendAt(DEFAULT_PREFERENCES) }
  }

  /**
   * Where a day's digests are: counts per channel and state, and when each channel should
   * be done at its rate (9,000 digests can never all go through the bot quickly).
   */
  async delivery(day: string) {
    const byChannel: Record<string, Record<string, number>> = {}
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<Store['outbox']['search']>> = await this.store.outbox.search({ kind: 'digest', limit: 100, cursor })
      for (const m of page.items) {
        if ((m.payload as { day?: string }).day !== day) continue
        const counts = (byChannel[m.channel] ??= {})
        counts[m.status] = (counts[m.status] ?? 0) + 1
      }
      cursor = page.nextCursor
    } while (cursor)
    const now = this.clock.now()
    return Object.entries(byChannel).map(([channel, counts]) => {
      const waiting = (counts.pending ?? 0) + (counts.sending ?? 0) + (counts.failed ?? 0)
      const perMinute = this.settings.channelPerMinute[channel]
      return {
        channel,
        counts,
        expectedDoneAt: waiting === 0 ? now.toISOString() : perMinute ? new Date(now.getTime() + Math.ceil(waiting / perMinute) * 60_000).toISOString() : null,
      }
    })
  }

  /** When a deputy's digest is made: their time, else the office's, kept out of quiet hours. */
  private sendAt(p: DigestPreferences) {
    return keptTime(p.sendAt ?? this.settings.sendAt, this.settings.quietHours)
  }

  private message(deputyId: string, day: string, digest: Digest, preferences: DigestPreferences, now: Date): OutboxMessage {
    return outboxMessage({
      to: { kind: 'deputy', id: deputyId },
      kind: 'digest',
      // listed: the messages its numbered lines name, for the chat to read a number of his by (leased with it).
      payload: { title: digest.title, text: digest.text, cardText: digest.cardText, day, channels: preferences.channels, listed: digest.listed },
      dedupeKey: `digest:${deputyId}:${day}`,
      at: now,
    })
  }
}

function minutesOf(hhmm: string) {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}
