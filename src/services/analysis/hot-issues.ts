import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { BigramTable } from '../../domain/hot-issue-clusters.js'
import { DEFAULT_SPIKE, groupHotIssues, spikingIssues, type HotIssue, type HotIssueCase, type SpikeRule } from '../../domain/hot-issues.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { CaseQueries } from '../cases/case-queries.js'
import { namer, type DirectoryNames } from './directory-names.js'

const DAY = 86_400_000
// Texts kept cleaned between requests: a province's month is some 40,000 messages, read again at each request.
const KEPT_TEXTS = 100_000

export interface HotIssueFilters {
  from?: Date
  to?: Date
  regionId?: string
  topic?: string
}

export interface HotIssueOptions {
  /** The window a list covers when the caller gives none. */
  windowDays: number
  spike: SpikeRule
}

export const DEFAULT_HOT_ISSUE_OPTIONS: HotIssueOptions = { windowDays: 30, spike: DEFAULT_SPIKE }

export interface HotIssueServiceDeps {
  store: Pick<Store, 'cases' | 'analysis'>
  queries: Pick<CaseQueries, 'scopedFilter'>
  directory: DirectoryNames
  clock: Clock
  options?: HotIssueOptions
}

/**
 * 热点问题 for staff (within what they may see) and the spike alert: when one place's
 * issue gets `spike.messages` messages within `spike.hours`, its station and district
 * office are told once.
 */
export class HotIssueService {
  private readonly store: Pick<Store, 'cases' | 'analysis'>
  private readonly queries: Pick<CaseQueries, 'scopedFilter'>
  private readonly directory: DirectoryNames
  private readonly clock: Clock
  private readonly options: HotIssueOptions
  private kept = new BigramTable()

  constructor(deps: HotIssueServiceDeps) {
    ;({ store: this.store, queries: this.queries, directory: this.directory, clock: this.clock, options: this.options = DEFAULT_HOT_ISSUE_OPTIONS } = deps)
  }

  async list(staff: StaffPrincipal, filters: HotIssueFilters) {
    const now = this.clock.now()
    const to = filters.to ?? now
    const from = filters.from ?? new Date(to.getTime() - this.options.windowDays * DAY)
    // Only the window's messages, and of each only what grouping reads (text, place, dates), not the whole case.
    const cases = await this.store.cases.listForHotIssues(
      await this.queries.scopedFilter(staff, { regionId: filters.regionId, topic: filters.topic, from, to }),
      now,
    )
    const issues = groupHotIssues(cases, { from, to, limit: 50, bigrams: this.bigrams() })
    const name = await namer(this.directory)
    return { from, to, issues: issues.map((i) => named(i, name)) }
  }

  /**
   * The other messages 热点问题 shows as one issue with this one: over the list's own window (the
   * last windowDays) and within what this staff member may see, as the page groups them; empty
   * when it stands alone. Grouping goes place by place, so only this message's place is read (the
   * store narrows to it: the 合并 dialog asks at each opening, and a scope's month is thousands).
   */
  async issueOf(staff: StaffPrincipal, c: Pick<HotIssueCase, 'id' | 'communityId' | 'districtId'>): Promise<string[]> {
    const to = this.clock.now()
    const from = new Date(to.getTime() - this.options.windowDays * DAY)
    // The place is put beside the scope, never through scopedFilter's own place filter (a region subtree, not
    // hot issues' community-else-district): the scope still bounds what is read, the place only narrows it.
    const hotIssuePlace = { communityId: c.communityId, districtId: c.districtId }
    const here = await this.store.cases.listForHotIssues({ ...(await this.queries.scopedFilter(staff, { from, to })), hotIssuePlace }, to)
    const issue = groupHotIssues(here, { from, to, bigrams: this.bigrams() }).find((i) => i.caseIds.includes(c.id))
    return issue ? issue.caseIds.filter((id) => id !== c.id) : []
  }

  /** Tells stations and offices of issues that spiked since the last run; how many were announced. */
  async announceSpikes(): Promise<number> {
    const now = this.clock.now()
    const from = new Date(now.getTime() - this.options.spike.hours * 3_600_000 * 2)
    const hot = await this.store.cases.listForHotIssues({ createdFrom: from, createdTo: now }, now)
    const issues = groupHotIssues(hot, { from, to: new Date(now.getTime() + 1), minMessages: this.options.spike.messages, bigrams: this.bigrams() })
    const alerted = await this.store.analysis.alertedCaseIds(new Date(from.getTime() - 30 * DAY))
    const name = await namer(this.directory)
    let announced = 0
    for (const issue of spikingIssues(issues, hot, this.options.spike, now, alerted)) {
      const place = issue.placeId ? name('region', issue.placeId) : '未填写地点的居民'
      const text = `${place}近${this.options.spike.hours}小时有${issue.messages}条相似留言（${issue.residents}位居民）：${issue.description}`
      const title = `${place}：${issue.topic}`
      const messages: OutboxMessage[] = []
      if (issue.stationId) messages.push(this.message('station', issue.stationId, issue, title, text, now))
      messages.push(this.message('office', issue.districtId ?? 'city', issue, title, text, now))
      const made = await this.store.analysis.recordAlert(
        { key: issue.key, caseIds: issue.caseIds, districtId: issue.districtId, stationId: issue.stationId, at: now },
        messages,
      )
      if (made) announced++
    }
    return announced
  }

  /** The texts cleaned by earlier requests, afresh once it holds more than a few months' messages. */
  private bigrams(): BigramTable {
    if (this.kept.size > KEPT_TEXTS) this.kept = new BigramTable()
    return this.kept
  }

  private message(recipientKind: 'station' | 'office', recipientId: string, issue: HotIssue, title: string, text: string, now: Date): OutboxMessage {
    return {
      id: randomUUID(),
      channel: 'auto',
      recipientKind,
      recipientId,
      kind: 'hot_issue.alert',
      payload: { title, text, issueKey: issue.key, caseIds: issue.caseIds },
      dedupeKey: `hot_issue:${issue.key}:${recipientKind}:${recipientId}`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
    }
  }
}

function named(i: HotIssue, name: (kind: 'region' | 'station' | 'deputy', id: string) => string) {
  return { ...i, placeName: i.placeId ? name('region', i.placeId) : '未填写地点', stationName: i.stationId ? name('station', i.stationId) : null }
}
