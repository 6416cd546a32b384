import type { SuggestionRecord } from '../../domain/suggestion.js'
import { UnprocessableError } from '../../errors.js'
import type { CaseSubmitter } from '../cases/case-submission.js'
import type { SuggestionBook } from './suggestion-book.js'

/** A resident's message is at most this long (the cases' schema). */
const CASE_TEXT_MAX = 2000

/**
 * 转为群众留言: a suggestion that is really one place's matter becomes a message to the lead
 * deputy's station, written through the same CaseSubmitter as a resident's (routing, ticket,
 * deadlines), in the deputy's own mini-program account so the replies reach them. Routing
 * passes the deputy over: the message goes to another deputy of the station, or its staff.
 */
export class SuggestionConversion {
  constructor(
    private readonly book: SuggestionBook,
    private readonly submitter: Pick<CaseSubmitter, 'submit'>,
  ) {}

  async toCase(s: SuggestionRecord): Promise<{ id: string; ticket: string }> {
    const text = `${s.title}\n${s.body}`
    // Cut, the message would lose what the deputy asked for; they shorten it or it is handled as a suggestion.
    if (text.length > CASE_TEXT_MAX)
      throw new UnprocessableError(
        `建议标题和内容共 ${text.length} 字，群众留言最多 ${CASE_TEXT_MAX} 字，不能转为群众留言；可退回请代表精简后再提交`,
        [{ path: 'body.decision', message: 'convert' }],
        'too_long_for_case',
      )
    const [account] = (await this.book.store.mpUsers.listByDeputyId(s.deputy.id)).filter((u) => u.openid)
    if (!account)
      throw new UnprocessableError('领衔代表还没有绑定小程序，不能转为群众留言', [{ path: 'body.decision', message: 'convert' }], 'deputy_not_bound')
    const prepared = await this.book.directory.prepared()
    const stationId = prepared.deputies.get(s.deputy.id)?.stationIds[0]
    const stationCode = stationId ? prepared.stations.get(stationId)?.code : undefined
    // The key makes a retry (the suggestion's own write failed) answer with the same case, never a second.
    const { record } = await this.submitter.submit(
      { kind: 'mp_user', id: account.id, deputyId: s.deputy.id },
      // sendAgain: the office's decision on a suggestion, not a resident unsure whether her message went.
      { text, images: [], stationCode, notDeputyId: s.deputy.id, anonymous: false, publicConsent: false, sendAgain: true },
      `suggestion:${s.id}`,
    )
    return { id: record.id, ticket: record.ticket }
  }
}
