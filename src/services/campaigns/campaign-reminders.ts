import type { Clock } from '../../clock.js'
import { campaignPhase, inBookMarks, type CampaignRecord, type ReachRecord, type ReadReceipt, type ReadingItem } from '../../domain/campaign.js'
import type { PersonProgress } from '../../domain/campaign-progress.js'
import { momentLabel } from '../../domain/meeting.js'
import { ConflictError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { NotYet, ReminderOutcome, ReminderRound, ReminderState } from '../reminder-round.js'
import type { CampaignProgress } from './campaign-progress.js'

export const READING_REMINDER = 'reading.reminder'
/** A campaign sends no first notice of its own: a deputy who has not read may be reminded at once. */
const notYet = (u: { person: { id: string; name: string } }): NotYet => ({
  deputyId: u.person.id,
  name: u.person.name,
  noticeSentAt: null,
  noticeWaiting: false,
})
/** Titles named in one reminder before "等". */
const TITLES_SAID = 3

/** Whether 提醒未读 may remind now, and for how many deputies, for the console's panel (closed: 未开始, 已结束). */
export type CampaignReminderState = ReminderState

/** The dedupe key of one deputy's reminder of one campaign on one business day. */
export const campaignReminderKey = (campaignId: string, deputyId: string, day: string) => `campaign:${campaignId}:reminder:${day}:deputy:${deputyId}`

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
 * 提醒未读: an organizer reminds the deputies of a running campaign who were reached by its reading
 * and have not read it — those whose progress they follow — one message each, naming what is
 * still to read and opening the first of it. At most once a day (ReminderRound); audited. Staff and
 * residents who follow it are not reminded: the campaign asks deputies to study.
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
    return this.round.state(this.closedWords(campaign), READING_REMINDER, unread.map(notYet), (id, day) => campaignReminderKey(campaign.id, id, day))
  }

  async remind(staff: StaffPrincipal, campaignId: string): Promise<ReminderOutcome> {
    const { campaign, items, unread } = await this.unreadOf(staff, campaignId)
    const closed = this.closedWords(campaign)
    if (closed) throw new ConflictError(closed, [], campaignPhase(campaign, this.clock.now()) === 'ended' ? 'campaign_ended' : 'campaign_not_started')
    if (!unread.length)
      throw new ConflictError(items.length ? '收到学习材料的代表都已读完，不用提醒' : '这项活动还没有发布学习材料，不用提醒', [], 'nobody_waiting')
    const owed = new Map(unread.map((u) => [u.person.id, u.items]))
    const outcome = await this.round.run(
      READING_REMINDER,
      unread.map(notYet),
      (id, day) => campaignReminderKey(campaign.id, id, day),
      (deputyId, dedupeKey, at) => {
        const toRead = owed.get(deputyId)!
        return outboxMessage({
          to: { kind: 'deputy', id: deputyId },
          kind: READING_REMINDER,
          // `itemId`: the card opens the first item still to read.
          payload: { campaignId: campaign.id, itemId: toRead[0].id, title: campaign.title, ...campaignReminderTexts(campaign, toRead, this.timeZone) },
          dedupeKey,
          at,
        })
      },
    )
    await this.audit.record(
      staff,
      'campaign.reminded',
      { kind: 'campaign', id: campaign.id },
      { reminded: outcome.reminded, unreachable: outcome.unreachable.length },
    )
    return outcome
  }

  /** The deputies in office the organizer follows who were reached and have not read, each with what they owe (also 导出未读名单's rows). */
  async unreadOf(staff: StaffPrincipal, campaignId: string) {
    const { campaign, dir, items, reach, reads, people } = await this.progress.seenBy(staff, campaignId)
    const inOffice = new Set(dir.deputies.filter((d) => d.active !== false).map((d) => d.id))
    const unread = people
      .filter((p) => p.kind === 'deputy' && p.reached && !p.read && inOffice.has(p.id))
      .map((person) => ({ person, items: unreadItems(person, items, reach, reads) }))
      .filter((u) => u.items.length)
    return { campaign, dir, items, unread }
  }

  private closedWords(c: CampaignRecord): string | null {
    const phase = campaignPhase(c, this.clock.now())
    if (phase === 'upcoming') return `活动还没有开始（${momentLabel(c.startsAt, this.timeZone)} 开始），开始以后才能提醒`
    if (phase === 'ended') return '活动已经结束，不能再提醒'
    return null
  }
}
