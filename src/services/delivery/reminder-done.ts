import { isLive } from '../../domain/campaign.js'
import { personProgress } from '../../domain/campaign-progress.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'

/** What each reminder asks of a deputy, said once it is done: the console's reason it was not sent. */
const DONE_WORDS: Record<string, string> = {
  'ballot.reminder': '（代表已经投票，不用再提醒）',
  'survey.reminder': '（代表已经填写，不用再提醒）',
  'reading.reminder': '（代表已经读完，不用再提醒）',
}

/**
 * Whether the deputy a reminder (票决提醒, 填写提醒, 学习提醒) is for has since done what it asks:
 * voted or answered, or read what was asked of him (every required item that reached him; any
 * item, when none of them is required, as the campaign's progress counts him). A reminder pressed
 * at 22:00 waits for 08:00 (quiet hours), or for the bot to be logged in again, and he may have
 * voted at 07:30 meanwhile: asked again to vote, he would wonder whether his vote counted.
 */
export class ReminderDone {
  constructor(
    private readonly store: Pick<Store, 'campaigns' | 'mpUsers' | 'surveys'>,
    /** The keys a deputy's answer is stored under (a keyed hash for a secret ballot). */
    private readonly responses: Pick<SurveyResponses, 'deputyKeys'>,
  ) {}

  /** Why this reminder is no longer needed, in words (DONE_WORDS), or null: still needed, or not a reminder. */
  async done(m: OutboxMessage): Promise<string | null> {
    const words = DONE_WORDS[m.kind]
    if (!words || m.recipientKind !== 'deputy') return null
    const p = m.payload as { surveyId?: string; campaignId?: string }
    if (m.kind === 'reading.reminder') return p.campaignId && (await this.hasRead(p.campaignId, m.recipientId)) ? words : null
    return p.surveyId && (await this.hasAnswered(p.surveyId, m.recipientId)) ? words : null
  }

  private async hasAnswered(surveyId: string, deputyId: string): Promise<boolean> {
    const survey = await this.store.surveys.get(surveyId)
    if (!survey) return false
    // A ballot's vote is the deputy's whichever account cast it; a survey's answer is an account's, any of his.
    const accounts = survey.kind === 'ballot' ? [] : await this.store.mpUsers.listByDeputyId(deputyId)
    for (const key of this.responses.deputyKeys(survey, deputyId, accounts)) if (await this.store.surveys.hasResponded(surveyId, key)) return true
    return false
  }

  private async hasRead(campaignId: string, deputyId: string): Promise<boolean> {
    const reader = { kind: 'deputy' as const, id: deputyId }
    // A withdrawn item no longer counts as reached or read, as on the organizer's progress page.
    const items = (await this.store.campaigns.items(campaignId)).filter(isLive)
    const live = new Set(items.map((i) => i.id))
    const reach = (await this.store.campaigns.reachFor(reader, { campaignId })).filter((r) => live.has(r.itemId))
    const reads = await this.store.campaigns.readsFor(
      reader,
      reach.map((r) => r.itemId),
    )
    const [him] = personProgress({ audience: [], items, reach, reads, checkIns: [] })
    return !!him?.read
  }
}
