import { randomUUID } from 'node:crypto'
import { dayText } from '../../domain/dates.js'
import { yourMessage } from '../../domain/message-about.js'
import { addMonths } from '../../domain/suggestion-due.js'
import { cosignStanding, type CosignRules } from '../../domain/suggestion-cosign.js'
import {
  afterRating,
  latestLeadAnswer,
  linkedCaseTitle,
  promisedBy,
  RATING_SCORE_LABELS,
  suggestionNumber,
  unitIdsOf,
  type RatingScore,
  type SuggestionEvent,
  type SuggestionRecord,
} from '../../domain/suggestion.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Page } from '../../store/ports.js'
import type { Uploads } from '../cases/uploads.js'
import type { SuggestionBook } from './suggestion-book.js'

export interface SuggestionDraft {
  title: string
  body: string
  attachmentIds?: string[]
  caseIds?: string[]
}

/** The deputy behind a mini-program session. */
export interface DeputyActor {
  id: string
  deputyId: string
}

/** A 不满意 in the first round gives the units this long again. */
export const REHANDLING_MONTHS = 1

/** A deputy's side of a suggestion: draft, submit, rate the answer (附议 is SuggestionCosigning's). */
export class SuggestionDrafts {
  constructor(
    private readonly book: SuggestionBook,
    private readonly uploads: Pick<Uploads, 'checkAttachments' | 'keep'>,
    private readonly rules: CosignRules,
  ) {}

  async list(deputy: DeputyActor, box: 'mine' | 'cosign', page: { cursor?: string | null; limit: number }): Promise<Page<SuggestionRecord>> {
    const filter = box === 'mine' ? { deputyId: deputy.deputyId } : { cosignOpenAt: this.book.clock.now(), notDeputyId: deputy.deputyId }
    const found = await this.book.store.suggestions.search({ ...filter, ...page })
    return { ...found, items: found.items.map((s) => this.asSeenBy(deputy, s)) }
  }

  /** What a deputy reads: residents' messages only for the lead deputy and co-signers, not every deputy asked to co-sign. */
  async read(deputy: DeputyActor, id: string) {
    return this.asSeenBy(deputy, await this.get(deputy, id))
  }

  asSeenBy(deputy: DeputyActor, s: SuggestionRecord): SuggestionRecord {
    const involved = s.deputy.id === deputy.deputyId || s.coSigners.some((c) => c.deputyId === deputy.deputyId)
    return involved ? s : { ...s, cases: [] }
  }

  /** The lead deputy and co-signers see it; any deputy while it asks for co-signers. */
  async get(deputy: DeputyActor, id: string) {
    const s = await this.book.store.suggestions.get(id)
    const mine = s && (s.deputy.id === deputy.deputyId || s.coSigners.some((c) => c.deputyId === deputy.deputyId))
    if (!s || !(mine || s.status === 'cosigning')) throw new NotFoundError('建议不存在')
    return s
  }

  async create(deputy: DeputyActor, draft: SuggestionDraft): Promise<SuggestionRecord> {
    const now = this.book.clock.now()
    const { ref, districtId } = await this.book.deputy(deputy.deputyId)
    const s: SuggestionRecord = {
      id: `sg-${randomUUID()}`,
      number: null,
      year: Number(this.book.today(now).slice(0, 4)),
      title: draft.title,
      body: draft.body,
      attachments: this.attachments(deputy, draft.attachmentIds ?? []),
      deputy: ref,
      districtId,
      coSigners: [],
      invitees: [],
      cosignUntil: null,
      cases: [],
      status: 'draft',
      review: null,
      mergedInto: null,
      convertedCaseId: null,
      assignment: null,
      answers: [],
      ratings: [],
      round: 1,
      requests: [],
      published: false,
      timeline: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    }
    await this.linkCases(deputy, s, draft.caseIds ?? [])
    this.book.note(s, this.actor(s), 'created', `${ref.name}起草了建议`, now)
    // Attached before the draft is written, so that the unattached-uploads job leaves them.
    await this.uploads.keep(draft.attachmentIds ?? [], now, 'attachmentIds')
    return this.book.store.suggestions.create(s, [])
  }

  async edit(deputy: DeputyActor, id: string, patch: Partial<SuggestionDraft>) {
    const s = await this.lead(deputy, id)
    this.book.requireStep('edit', s)
    if (patch.title !== undefined) s.title = patch.title
    if (patch.body !== undefined) s.body = patch.body
    if (patch.attachmentIds !== undefined) s.attachments = this.attachments(deputy, patch.attachmentIds)
    if (patch.caseIds !== undefined) await this.linkCases(deputy, s, patch.caseIds)
    this.book.note(s, this.actor(s), 'edited', '修改了建议')
    if (patch.attachmentIds !== undefined) await this.uploads.keep(patch.attachmentIds, this.book.clock.now(), 'attachmentIds')
    return this.book.save(s)
  }

  async submit(deputy: DeputyActor, id: string) {
    const s = await this.lead(deputy, id)
    this.book.requireStep('submit', s)
    const now = this.book.clock.now()
    // Local rules may ask for co-signers (config suggestions.minCoSigners); his page says how many are still needed.
    const missing = cosignStanding(s, this.rules.minCoSigners, now).missing
    if (missing)
      throw new ConflictError(
        `还需 ${missing} 位代表附议才能提交（至少要 ${this.rules.minCoSigners} 位代表附议）`,
        [{ path: 'coSigners', message: String(s.coSigners.length) }],
        'too_few_cosigners',
      )
    s.year = Number(this.book.today(now).slice(0, 4))
    s.number = suggestionNumber(s.year, await this.book.store.suggestions.nextNumber(s.year))
    s.status = 'submitted'
    // Submitting ends the co-signing window.
    if (s.cosignUntil && s.cosignUntil > now) s.cosignUntil = now
    this.book.note(s, this.actor(s), 'submitted', `提交建议，编号 ${s.number}`)
    const office = this.book.message(
      s,
      this.book.officeOf(s),
      'suggestion.submitted',
      `${s.deputy.name}代表提交了建议 ${s.number}《${s.title}》，请审查。`,
      'submitted',
    )
    return this.book.save(s, [office, ...(await this.tellResidents(s))])
  }

  async rate(deputy: DeputyActor, id: string, score: RatingScore, comment: string) {
    const s = await this.lead(deputy, id)
    this.book.requireStep('rate', s)
    const now = this.book.clock.now()
    s.ratings.push({ score, comment, at: now, round: s.round })
    const label = RATING_SCORE_LABELS[score]
    this.book.note(s, this.actor(s), 'rated', comment ? `评价：${label}（${comment}）` : `评价：${label}`, now)
    const messages: OutboxMessage[] = []
    const next = afterRating(score, s.round, latestLeadAnswer(s)?.category ?? null)
    if (next === 'rehandling') {
      s.round = 2
      s.status = 'rehandling'
      s.assignment!.deadline = addMonths(this.book.today(now), REHANDLING_MONTHS)
      this.book.note(s, { role: 'system', id: null, name: '系统' }, 'rehandling', `代表不满意，退回重新办理，期限 ${dayText(s.assignment!.deadline)}`, now)
      for (const to of await this.book.unitStaff(unitIdsOf(s)))
        messages.push(
          this.book.message(
            s,
            to,
            'suggestion.rehandling',
            `建议 ${s.number}《${s.title}》代表不满意，请重新办理，${s.assignment!.deadline}前答复。`,
            `rehandling:${to.id}`,
          ),
        )
    } else if (next === 'following') {
      // 正在解决或列入计划 is a promise: rated, it stays open until the lead unit reports the work done (afterRating).
      s.status = 'following'
      const by = promisedBy(s)
      const when = by ? `，承诺${dayText(by)}前完成` : ''
      this.book.note(s, { role: 'system', id: null, name: '系统' }, 'following', `单位答复正在解决或列入计划${when}，建议继续办理，办完后请代表再评价`, now)
      for (const to of await this.book.unitStaff([s.assignment!.leadUnit.id]))
        messages.push(
          this.book.message(
            s,
            to,
            'suggestion.following',
            `建议 ${s.number}《${s.title}》代表已评价（${label}）。答复说正在解决或列入计划${when}：办完后请在“交办建议”里报告办理结果，代表会再评价。`,
            `following:r${s.round}:${s.answers.length}:${to.id}`,
          ),
        )
    } else {
      s.status = 'closed'
      this.book.note(s, { role: 'system', id: null, name: '系统' }, 'closed', '建议已办结', now)
    }
    return this.book.save(s, messages)
  }

  /** Only the lead deputy changes a suggestion; a co-signer may read it but not act for it. */
  async lead(deputy: DeputyActor, id: string) {
    const s = await this.get(deputy, id)
    if (s.deputy.id !== deputy.deputyId) throw new ForbiddenError('只有领衔代表可以这样做')
    return s
  }

  actor(s: SuggestionRecord): SuggestionEvent['actor'] {
    return { role: 'deputy', id: s.deputy.id, name: s.deputy.name }
  }

  private attachments(deputy: DeputyActor, urls: string[]) {
    this.uploads.checkAttachments(urls, deputy.id)
    return urls.map((url) => ({ id: url, name: url.split('/').pop() ?? url }))
  }

  /**
   * Links residents' cases the deputy was given; nobody is told yet: a draft he may drop promises her nothing
   * (tellResidents, at 提交). A case not assigned to this deputy is refused.
   */
  private async linkCases(deputy: DeputyActor, s: SuggestionRecord, caseIds: string[]) {
    const unique = [...new Set(caseIds)]
    const found = await Promise.all(unique.map((id) => this.book.store.cases.get(id)))
    // Not named by its ticket: a case not theirs is none of their business, whatever its number.
    const refused = unique.flatMap((_id, i) =>
      found[i]?.deputyId === deputy.deputyId ? [] : [{ path: `body.caseIds[${i}]`, message: '这条留言不是交给您办理的，或已改由其他代表办理' }],
    )
    if (refused.length) throw new UnprocessableError('只能关联您负责的群众留言', refused, 'not_your_case')
    s.cases = found.map((c) => ({ id: c!.id, ticket: c!.ticket, title: linkedCaseTitle(c!.text) }))
  }

  /**
   * At 提交, each resident whose message the suggestion carries then is told, once per message (by its dedupe key):
   * those linked while it was a draft and later, not one unlinked before; a message gone since (erased), withdrawn by
   * her, or handed to another deputy since it was linked is skipped: he is not the one carrying it any more.
   */
  private async tellResidents(s: SuggestionRecord): Promise<OutboxMessage[]> {
    const found = await Promise.all(s.cases.map((c) => this.book.store.cases.get(c.id)))
    const now = this.book.clock.now()
    return found.flatMap((c) =>
      c && c.status !== 'withdrawn' && c.deputyId === s.deputy.id
        ? [
            this.book.message(
              s,
              { kind: 'mp_user', id: c.residentId },
              'suggestion.linked',
              // Her message by its day and first words, as her other notices name it: a number alone does not say which one.
              `${yourMessage(c, this.book.timeZone, now)}已被${s.deputy.name}代表写入代表建议《${s.title}》，代表将推动有关部门办理。`,
              `linked:${c.id}`,
              c.id,
            ),
          ]
        : [],
    )
  }
}
