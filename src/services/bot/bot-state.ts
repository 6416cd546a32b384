import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { deputyLevelLabel, type Region } from '../../domain/directory.js'
import { NotFoundError, PayloadTooLargeError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

const MAX_DIALOGUE_BYTES = 16 * 1024
const HOUR = 3_600_000

/** The longest a dialogue is kept untouched: nothing the bot keeps for a person (a draft, a score awaited) outlasts a week. */
export const DIALOGUE_UNTOUCHED_MS = 7 * 24 * HOUR

/**
 * What the bot keeps in the backend so it can restart anywhere: handled message ids,
 * dialogue state; plus finding a deputy a resident names and telling the admins when
 * the bot is throttled or logged out.
 */
export class BotState {
  constructor(
    private readonly store: Pick<Store, 'bot' | 'deputies' | 'outbox' | 'stations'>,
    private readonly directory: DirectoryCache,
    private readonly clock: Clock,
  ) {}

  firstSighting(messageId: string, claim: string | null) {
    return this.store.bot.firstSighting(messageId, this.clock.now(), claim)
  }

  /** The dialogue the bot saved, as long as it may be kept: past the time it said, none (the purge may not have run). */
  dialogue(contactId: string) {
    return this.store.bot.dialogue(contactId, this.clock.now())
  }

  /**
   * `keepHours`: how long it may be kept unless saved again, as the bot told the person (her words at the privacy
   * notice a day, a summary left unsent a week); the maintenance job deletes it then. Without it (an older bot),
   * it goes once untouched for DIALOGUE_UNTOUCHED_MS.
   */
  async saveDialogue(contactId: string, state: Record<string, unknown>, keepHours?: number, holdsWords = false) {
    if (JSON.stringify(state).length > MAX_DIALOGUE_BYTES) throw new PayloadTooLargeError('对话状态过大')
    const now = this.clock.now()
    // `holdsWords`: her words not sent yet are in it; when they go at that time, a mark stays for the bot to tell her.
    await this.store.bot.saveDialogue(contactId, state, now, keepHours === undefined ? null : new Date(now.getTime() + keepHours * HOUR), holdsWords)
    return now
  }

  clearDialogue(contactId: string) {
    return this.store.bot.clearDialogue(contactId)
  }

  /** A station by the code on its poster; null when there is none (a typo, an old poster). */
  /** A station by the code a person typed; not found says which code was not. */
  async findStation(code: string) {
    const station = await this.store.stations.getByCode(code).catch(() => null)
    if (!station) throw new NotFoundError(`没有找到编号为 ${code} 的联络站`)
    return { code: station.code, name: station.name }
  }

  /**
   * A deputy by exact code, else by part of the name: what "我要给张伟代表留言" needs. His level as people say it where
   * he serves, as the mini-program names him (deputyLevelLabel: 区人大代表 in a 区, 县人大代表 in a 县).
   */
  async findDeputies(q: string) {
    const byCode = await this.store.deputies.getByCode(q).catch(() => null)
    const found = byCode ? [byCode] : (await this.store.deputies.search({ q, limit: 10 })).items
    const { regions } = await this.directory.prepared()
    const { stations, stationDistrict } = await this.directory.stationPlaces()
    // Residents are offered only deputies in office.
    return found
      .filter((d) => d.active)
      .map((d) => {
        const station = d.stationIds[0] ?? ''
        return {
          code: d.code,
          name: d.name,
          levelLabel: deputyLevelLabel(d.level, regions.get(stationDistrict.get(station) ?? '')?.name),
          station: stations.get(station)?.name ?? null,
        }
      })
  }

  /**
   * Every place a message can go to (districts, streets, communities; not grids), from the cached directory: the
   * chat reads the whole tree at once, where a /regions call per district and street cost it a hundred and more.
   */
  async places(): Promise<Region[]> {
    return [...(await this.directory.prepared()).regions.values()].filter((r) => r.kind !== 'grid')
  }

  /** To the city office through the outbox: once a minute per kind, but a new login QR code is news even within the minute. */
  async alert(kind: string, text: string, qrUrl: string | null) {
    const now = this.clock.now()
    const qrKey = qrUrl ? createHash('sha256').update(qrUrl).digest('hex').slice(0, 12) : ''
    await this.store.outbox.enqueue([
      outboxMessage({
        to: { kind: 'office', id: 'city' },
        kind: `bot.${kind}`,
        payload: { text: qrUrl ? `${text} 扫码登录：${qrUrl}` : text },
        dedupeKey: `bot-alert:${kind}:${Math.floor(now.getTime() / 60_000)}:${qrKey}`,
        at: now,
      }),
    ])
  }
}
