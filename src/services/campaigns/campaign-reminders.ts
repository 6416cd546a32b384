import type { Clock } from '../../clock.js'
import {
  campaignPhase,
  inBookMarks,
  type CampaignRecord,
  type PersonKind,
  type ReachRecord,
  type ReadReceipt,
  type ReadingItem,
} from '../../domain/campaign.js'
import type { PersonProgress } from '../../domain/campaign-progress.js'
import { momentLabel } from '../../domain/meeting-words.js'
import { ConflictError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { NotYet, ReminderOutcome, ReminderRound, ReminderState } from '../reminder-round.js'
import type { CampaignProgress } from './campaign-progress.js'

export const READING_REMINDER = 'reading.reminder'
/** A campaign sends no first notice of its own: whoever has not read may be reminded at once. */
const notYet = (u: { person: { id: string; name: string; kind: PersonKind } }): NotYet => ({
  deputyId: u.person.id,
  kind: u.person.kind,
  name: u.person.name,
  noticeSentAt: null,
  noticeWaiting: false,
})
/** Titles named in one reminder before "等". */
const TITLES_SAID = 3

/** Whether 提醒未读 may remind now, and for how many deputies, for the console's panel (closed: 未开始, 已结束). */
export type CampaignReminderState = ReminderState

/** The dedupe key of one person's reminder of one campaign on one business day (a deputy's, unless `kind` says otherwise). */
export const campaignReminderKey = (campaignId: string, personId: string, day: string, kind: PersonKind = 'deputy') =>
  `campaign:${campaignId}:reminder:${day}:${kind}:${personId}`

/**
 * What one deputy still has to read, as the progress counts it (PersonProgress.read): the required
 * items that reached them and they have not opened, or, when none required reached them, every item
 * that reached them (they have read none).
 */
export function unreadItems(p: PersonProgress, items: ReadingItem[], reach: ReachRecord[], reads: ReadReceipt[]): ReadingItem[] {
  const mine = (r: { personKind: string; personId: string }) => r.personKind === p.kind && r.personId === p.id
  const reached = new Set(reach.filter(mine).map((r) => r.itemId))
  const read = new Set(reads.filter(mine).map((r) => r.itemId))
  const owed = items.filter((i) => reached.has(i.id) && !read.has(i.id))
  return p.requiredReached > 0 ? owed.filter((i) => i.required) : owed
}

/** "学习提醒：「学习贯彻代表法」还有 2 篇必读材料您还没有读：《…》《…》。请在…前打开小程序“学习”阅读。" */
export function campaignReminderTexts(c: Pick<CampaignRecord, 'title' | 'endsAt'>, unread: ReadingItem[], timeZone: string) {
  const required = unread.every((i) => i.required) ? '必读' : ''
  const titles = `${unread
    .slice(0, TITLES_SAID)
    .map((i) => inBookMarks(i.title))
    .join('')}${unread.length > TITLES_SAID ? '等' : ''}`
  return {
    text: `学习提醒：「${c.title}」还有 ${unread.length} 篇${required}学习材料您还没有读：${titles}。请在${momentLabel(c.endsAt, timeZone)} 前打开小程序“学习”阅读。`,
    cardText: `还有${unread.length}篇${required}学习材料未读`,
  }
}

/**
 * 提醒未读: an organizer reminds everyone of a running campaign who was reached by its reading and
 * has not read it — those whose progress they follow: deputies, station staff of its audience and
 * residents who follow it, counted as 学习进度 counts them — one message each, naming what is still
 * to read and opening the first of it. At most once a day (ReminderRound); audited.
 */
export class CampaignReminders {
  constructor(
    private readonly progress: Pick<CampaignProgress, 'seenBy'>,
    private readonly round: Pick<ReminderRound, 'run' | 'state'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async state(staff: StaffPrincipal, campaignId: string): Promise<CampaignReminderState> {
    const { campaign, unread } = await this.unreadOf(staff, campaignId)
    return this.round.state(this.closedWords(campaign), READING_REMINDER, unread.map(notYet), keysOf(campaign.id, unread))
  }

  async remind(staff: StaffPrincipal, campaignId: string): Promise<ReminderOutcome> {
    const { campaign, items, unread } = await this.unreadOf(staff, campaignId)
    const closed = this.closedWords(campaign)
    if (closed) throw new ConflictError(closed, [], campaignPhase(campaign, this.clock.now()) === 'ended' ? 'campaign_ended' : 'campaign_not_started')
    if (!unread.length)
      throw new ConflictError(items.length ? '收到学习材料的人都已读完，不用提醒' : '这项活动还没有发布学习材料，不用提醒', [], 'nobody_waiting')
    const owed = new Map(unread.map((u) => [u.person.id, u.items]))
    const kindOf = new Map(unread.map((u) => [u.person.id, u.person.kind]))
    const outcome = await this.round.run(READING_REMINDER, unread.map(notYet), keysOf(campaign.id, unread), (personId, dedupeKey, at) => {
      const toRead = owed.get(personId)!
      return outboxMessage({
        to: { kind: kindOf.get(personId) ?? 'deputy', id: personId },
        kind: READING_REMINDER,
        // `itemId`: the card opens the first item still to read.
        payload: { campaignId: campaign.id, itemId: toRead[0].id, title: campaign.title, ...campaignReminderTexts(campaign, toRead, this.timeZone) },
        dedupeKey,
        at,
      })
    })
    await this.audit.record(
      staff,
      'campaign.reminded',
      { kind: 'campaign', id: campaign.id },
      { reminded: outcome.reminded, unreachable: outcome.unreachable.length },
    )
    return outcome
  }

  /**
   * Everyone the organizer follows who was reached and has not read — deputies in office, staff still
   * at work, followers — each with what they owe (also 导出未读名单's rows): 学习进度's 未读, person for person.
   */
  async unreadOf(staff: StaffPrincipal, campaignId: string) {
    const { campaign, dir, items, reach, reads, people } = await this.progress.seenBy(staff, campaignId)
    const gone = new Set([
      ...dir.deputies.filter((d) => d.active === false).map((d) => `deputy:${d.id}`),
      ...dir.staff.filter((st) => !st.active).map((st) => `staff:${st.id}`),
    ])
    const unread = people
      .filter((p) => p.reached && !p.read && !gone.has(`${p.kind}:${p.id}`))
      .map((person) => ({ person, items: unreadItems(person, items, reach, reads) }))
      .filter((u) => u.items.length)
    // `ended`: nobody is reminded or phoned about it any more (the 未读名单 says so of whom a message does not reach).
    return { campaign, dir, items, unread, ended: campaignPhase(campaign, this.clock.now()) === 'ended' }
  }

  private closedWords(c: CampaignRecord): string | null {
    const phase = campaignPhase(c, this.clock.now())
    if (phase === 'upcoming') return `活动还没有开始（${momentLabel(c.startsAt, this.timeZone)} 开始），开始以后才能提醒`
    if (phase === 'ended') return '活动已经结束，不能再提醒'
    return null
  }
}

/** The dedupe key of each person's reminder today, by their kind (ids of staff, deputies and residents never meet). */
function keysOf(campaignId: string, unread: ReadonlyArray<{ person: { id: string; kind: PersonKind } }>) {
  const kindOf = new Map(unread.map((u) => [u.person.id, u.person.kind]))
  return (id: string, day: string) => campaignReminderKey(campaignId, id, day, kindOf.get(id) ?? 'deputy')
}
