import { scopeHasStation } from '../../domain/staff-scope.js'
import { noticeAfterClose, noticeState, type NoticeState } from '../../domain/notice-delivery.js'
import { surveyPhase } from '../../domain/survey.js'
import type { Clock } from '../../clock.js'
import type { SurveyRecord } from '../../domain/survey.js'
import { UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { publishNoticeKey } from '../publish-notices.js'
import type { BallotCount } from './ballot-count.js'
import type { SurveyResponses } from './survey-responses.js'
import type { SurveyService } from './surveys.js'

export interface NotVoted {
  deputyId: string
  name: string
  notice: NoticeState
}

/**
 * Organizers follow a ballot's roll while it runs: how many voted, and who has not yet, each
 * with whether the ballot notice reached them. Who voted is not secret (how is): an
 * anonymous ballot keeps keyed hashes, recomputed here per deputy on the roll.
 */
export class BallotRoll {
  constructor(
    private readonly store: Pick<Store, 'mpUsers' | 'outbox' | 'surveys'>,
    private readonly surveys: Pick<SurveyService, 'visible' | 'scopeOf'>,
    private readonly responses: Pick<SurveyResponses, 'deputyKeys'>,
    /** A report, not a write: names and stations come from the shared cache (a console edit invalidates it). */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly count: Pick<BallotCount, 'uncounted'>,
    private readonly clock: Clock,
  ) {}

  async notVoted(staff: StaffPrincipal, surveyId: string): Promise<{ survey: SurveyRecord; roll: number; voted: number; items: NotVoted[] }> {
    const s = await this.surveys.visible(staff, surveyId)
    const asked = s.ballot?.rollDeputyIds ?? s.audienceDeputyIds
    if (!asked) {
      throw new UnprocessableError(
        '这份问卷面向所有人（扫码填写），没有邀请名单，也就没有"未回复"名单',
        [{ path: 'params.id', message: s.kind }],
        'not_a_ballot',
      )
    }
    const { stations, deputies } = await this.directory.prepared()
    // An organizer of some districts or streets follows the deputies of their own stations only.
    const scope = await this.surveys.scopeOf(staff)
    const ours = (id: string) => (deputies.get(id)?.stationIds ?? []).some((st) => scopeHasStation(scope, stations.get(st)))
    const ourRoll = scope.kind === 'regions' ? asked.filter(ours) : asked
    const voted = new Set((await this.store.surveys.responses(s.id)).map((r) => r.respondentKey))
    // A ballot's roll counts as its pass rule does: once closed, as it was at the close.
    const uncounted = s.kind === 'ballot' ? new Set(await this.count.uncounted(s)) : null
    const waiting: string[] = []
    const roll: string[] = []
    for (const id of ourRoll) {
      const answered = await this.answered(s, id, voted)
      // Someone who left office since can no longer answer: not waited for, nor counted (as the pass rule's base).
      if (!answered && (uncounted ? uncounted.has(id) : deputies.get(id)?.active === false)) continue
      roll.push(id)
      if (!answered) waiting.push(id)
    }
    const key = (id: string) => publishNoticeKey(s.kind === 'ballot' ? 'ballot' : 'survey', s.id, { kind: 'deputy', id })
    const rows = new Map((await this.store.outbox.byDedupeKeys(waiting.map(key))).map((m) => [m.dedupeKey, m]))
    // Closed: a notice still held (quiet hours, no subscription credit) will be dropped when its time comes, not sent.
    const closed = surveyPhase(s, this.clock.now()) === 'closed'
    const over = s.kind === 'ballot' ? '投票已经截止，不再通知' : s.kind === 'consultation' ? '征求意见已经截止，不再通知' : '问卷已经截止，不再通知'
    const notice = (row: Parameters<typeof noticeState>[0]) => (closed ? noticeAfterClose(noticeState(row), row, over) : noticeState(row))
    return {
      survey: s,
      roll: roll.length,
      voted: roll.length - waiting.length,
      items: waiting.map((id) => ({ deputyId: id, name: deputies.get(id)?.name ?? id, notice: notice(rows.get(key(id))) })),
    }
  }

  private async answered(s: SurveyRecord, deputyId: string, keys: Set<string>): Promise<boolean> {
    const accounts = s.kind === 'ballot' ? [] : await this.store.mpUsers.listByDeputyId(deputyId)
    return this.responses.deputyKeys(s, deputyId, accounts).some((k) => keys.has(k))
  }
}
