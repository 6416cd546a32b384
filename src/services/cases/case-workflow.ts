import { canTransition, reopenBlock, reopenDeadline, type CaseRecord } from '../../domain/case.js'
import { reopenBlockedText } from '../../domain/case-refusals.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import { replyRefusal } from '../../domain/reply-words.js'
import { slaDeadlines } from '../../domain/sla.js'
import { rulesReplyDueAt } from '../../domain/reply-deadline.js'
import { withRoundSentBack } from '../../domain/rounds-sent-back.js'
import { ConflictError, UnprocessableError } from '../../errors.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { caseCards } from './case-cards.js'
import { caseEvent, caseMessage, deputyActor, excerpt, queueOf, resident, staffActor, toDeputy, withExtra } from './case-changes.js'
import { CaseMerging } from './case-merge.js'
import { maskKnowingNames, namesGivenIn } from '../privacy/known-names.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { awayNotice } from '../../domain/deputy-away.js'
import { localDate } from '../../domain/dates.js'
import { shortOfficeName, staffOfficeName } from '../../domain/office-name.js'

export type { CaseWorkflowDeps, WorkflowPolicy } from './case-mechanics.js'

/**
 * How long after her score her words may still be added to it (the chat's comment after a bare score).
 * The one value of it: the bot is told it with every rating (bot rate route) and invites her words only
 * this long, so the server never takes words later than the chat asked for them.
 */
export const RATING_COMMENT_WINDOW_MS = 30 * 60_000

/**
 * What the deputy reads of a rating: the score, and her words when she wrote any, whole (at most 500 characters, the
 * schemas' limit): the chat is where he reads it, and a cut comment would hide what she was unhappy about. The
 * subscribe card has its own short line (caseCards.rated) and opens his page of the message, which shows them whole.
 */
const ratedText = (ticket: string, rating: number, comment?: string | null) =>
  `您答复的留言 ${ticket} 获得 ${rating} 分评价。${comment ? `群众说：${maskPhoneAndIdNumbers(comment)}` : ''}`
export type { TransferOptions } from './case-placing.js'

/**
 * An answer written to one resident as the residents merged with her read it: her names (those she wrote after 我叫…)
 * and every phone, address and ID number masked, as the strict mask does for any resident's words shown to another.
 */
const answerForOthers = (carrier: Pick<CaseRecord, 'text'>, answer: string) => maskKnowingNames(namesGivenIn(carrier.text))(answer)

/** Whether a closed message may be handled again now (allowed), the last moment to ask (until), and why not once past it (refusal). */
export interface ReopenOffer {
  allowed: boolean
  until: Date
  refusal: string | null
}

/**
 * The moves of the closed loop: deputies acknowledge, forward and reply; staff reject, and merge
 * (CaseMerging, case-merge.ts); residents withdraw, rate and reopen; and, from CasePlacing
 * (case-placing.ts), who handles it: staff assign and hand up, deputies transfer. Each move is
 * checked against the state machine (409 with the current state otherwise), recorded in the
 * timeline and announced through the outbox in the same transaction.
 */
export class CaseWorkflow extends CaseMerging {
  // ——— deputies ———

  async acknowledge(deputy: MpPrincipal, caseId: string, note?: string) {
    const c = await this.deputyCase(deputy, caseId)
    const name = await this.deputyName(c.deputyId)
    return this.apply(c, deputyActor(deputy), {
      action: 'acknowledge',
      type: 'acknowledged',
      to: 'acknowledged',
      note,
      patch: { acknowledgedAt: this.clock.now() },
      tell: [
        resident(
          c,
          'case.acknowledged',
          // Her date is the rules' she was told, not an earlier one staff asked of him (rulesReplyDueAt).
          // Her words (已看到，正在办, as her message's state says), not the office's 受理.
          `${name}代表已看到${this.yours(c)}，正在办，将在${residentDueDateText(rulesReplyDueAt(c), this.policy.timeZone, this.clock.now())}答复您。`,
          caseCards.acknowledged(name, rulesReplyDueAt(c), this.policy.timeZone, this.clock.now()),
        ),
      ],
    })
  }

  async forward(deputy: MpPrincipal, caseId: string, to: { department: string; reference?: string | null; note?: string | null }) {
    const c = await this.deputyCase(deputy, caseId)
    return this.apply(c, deputyActor(deputy), {
      action: 'forward',
      type: 'forwarded',
      to: 'forwarded',
      note: to.note,
      patch: { forwardedTo: { department: to.department, reference: to.reference ?? null } },
      data: { department: to.department, reference: to.reference ?? null },
      tell: [resident(c, 'case.forwarded', `${this.yours(c)}已交${to.department}办理，代表会跟进办理进度。`, caseCards.forwarded(to.department))],
    })
  }

  async reply(deputy: MpPrincipal, caseId: string, text: string) {
    const c = await this.deputyCase(deputy, caseId)
    // "收到" or "已处理" alone would ask the resident to rate words that tell her nothing: refused, nothing
    // written, as the chat refuses them. A message that cannot be answered now says so first (409).
    const refusal = canTransition('reply', c.status) ? replyRefusal(text, canTransition('acknowledge', c.status)) : null
    if (refusal) throw new UnprocessableError(refusal.message, [{ path: 'body.text', message: refusal.message }], refusal.code)
    const name = await this.deputyName(c.deputyId)
    const now = this.clock.now()
    // The residents whose duplicates were merged into this case were promised the answer.
    const duplicates = await this.mergedDuplicates(c.id)
    // The answer may name her and give her number ("王秀兰阿姨您好…"): the other residents read it masked.
    const copied = answerForOthers(c, text)
    // An answer after she asked for it to be handled again says so: it must not read as the first answer sent twice.
    const again = c.reopenCount > 0
    return this.apply(c, deputyActor(deputy), {
      action: 'reply',
      type: 'replied',
      to: 'replied',
      note: text,
      patch: { reply: text, repliedAt: now, acknowledgedAt: c.acknowledgedAt ?? now },
      // The whole reply rides along: the bot sends it in full; the subscribe card has its own line, made to fit.
      tell: [
        withExtra(
          resident(
            c,
            'case.replied',
            `${name}代表${again ? '再次' : ''}答复了${this.yours(c)}：${excerpt(text, 60)} 请为办理结果打分（1–5 分）。`,
            caseCards.replied(name),
          ),
          // `about`: how the bot names her message above the answer it sends in full; `again`: the answer after 重新办理.
          { reply: text, about: this.yours(c), ...(again ? { again: true } : {}) },
        ),
      ],
      also: (event, at) => {
        const events = duplicates.map((m) => caseEvent(m, 'replied', deputyActor(deputy), at, { note: copied, data: { viaCaseId: c.id, viaTicket: c.ticket } }))
        const messages = duplicates.map((m, i) =>
          caseMessage(
            m,
            'case.replied',
            { kind: 'mp_user', id: m.residentId },
            `${this.yours(m)}与留言 ${c.ticket} 合并办理，${name}代表已答复：${excerpt(copied, 60)}`,
            `case:${m.id}:${events[i].id}:via:${event.id}`,
            at,
            { cardText: caseCards.repliedMerged(name) },
          ),
        )
        return { events, messages }
      },
    })
  }

  // ——— station staff and organizers ———

  async reject(staff: StaffPrincipal, caseId: string, reason: string) {
    const c = await this.staffCase(staff, caseId)
    return this.apply(c, staffActor(staff), {
      action: 'reject',
      type: 'rejected',
      to: 'rejected',
      note: reason,
      patch: { closedAt: this.clock.now() },
      tell: [
        resident(c, 'case.rejected', `很抱歉，${this.yours(c)}不予受理：${reason}`, caseCards.rejected(staff.role === 'station_staff')),
        ...(await this.rejectedFromHolder(staff, c)),
      ],
    }).then((done) => this.freeDuplicates(done))
  }

  /**
   * The deputy holding a message staff turned down hears so, as at 改派, 上报 and 合并, instead of learning it from a
   * refused answer: by whom it was decided, never the reason (it may quote the resident; the timeline keeps it).
   * Only when he knew of it: a "您无需再处理" about a message whose 分派 notice never reached him would puzzle him.
   */
  private async rejectedFromHolder(staff: StaffPrincipal, c: CaseRecord) {
    if (!c.deputyId || !(await this.heardOf(c, c.deputyId))) return []
    const prepared = await this.directory.prepared()
    const station = staff.role === 'station_staff' && c.stationId ? prepared.stations.get(c.stationId)?.name : undefined
    const by = station ?? shortOfficeName(staffOfficeName(staff, prepared))
    const card = caseCards.rejectedFromYou(by, station ? '联络站' : '人大办')
    return [toDeputy(c.deputyId, 'case.rejected', `留言 ${c.ticket} 已由${by}决定不予受理，您无需再处理。谢谢您！`, card)]
  }

  // ——— residents ———

  async withdraw(author: MpPrincipal, caseId: string, reason?: string) {
    const c = await this.residentCase(author, caseId)
    const tell = c.deputyId ? [toDeputy(c.deputyId, 'case.withdrawn', `留言 ${c.ticket} 已被群众撤回。`, caseCards.withdrawn())] : []
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'withdraw',
        type: 'withdrawn',
        to: 'withdrawn',
        note: reason,
        patch: { closedAt: this.clock.now() },
        tell,
      },
    ).then((done) => this.freeDuplicates(done))
  }

  async rate(author: MpPrincipal, caseId: string, rating: number, comment?: string | null) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const tell = c.deputyId ? [toDeputy(c.deputyId, 'case.rated', ratedText(c.ticket, rating, comment), caseCards.rated(rating, !!comment))] : []
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'rate',
        type: 'rated',
        to: 'closed',
        note: comment ?? null,
        data: { rating },
        patch: { rating, ratingComment: comment ?? null, ratedAt: now, closedAt: now, ratings: [...c.ratings, { rating, comment: comment ?? null, at: now }] },
        tell,
      },
    )
  }

  /**
   * Her words after the score, when she gave the score alone (the chat asks for the score first, and
   * "路灯还是没修好" comes next): kept as the rating's comment, as the mini-program sends it with the score,
   * and the deputy reads them as he reads a comment ("群众说：…"). Once per rating, shortly after it; no
   * new timeline entry (the rating is one), and a rating notice still waiting is replaced by this one.
   * `check`: the chat's test of her words against the message (bot-cases.ts), once they could be taken.
   */
  async commentOnRating(author: MpPrincipal, caseId: string, comment: string, check?: (c: CaseRecord) => void) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const last = c.ratings.at(-1)
    // The same words again are the bot retrying after an answer it lost: already kept and told, so they
    // are answered as taken (nothing written or sent twice), however late the retry comes.
    if (c.status === 'closed' && c.rating !== null && last?.comment === comment && c.ratingComment === comment) return c
    const fresh = c.ratedAt !== null && now.getTime() - c.ratedAt.getTime() <= RATING_COMMENT_WINDOW_MS
    if (c.status !== 'closed' || c.rating === null || !last || last.comment || c.ratingComment || !fresh) {
      throw new ConflictError('这次评价已经不能再补充了。还有问题的话，请再写一条留言', [{ path: 'status', message: c.status }], 'comment_closed')
    }
    check?.(c)
    const ratings = [...c.ratings.slice(0, -1), { ...last, comment }]
    const tell = c.deputyId
      ? [
          caseMessage(
            c,
            'case.rated',
            { kind: 'deputy', id: c.deputyId },
            ratedText(c.ticket, c.rating, comment),
            `case:${c.id}:rating-comment:${c.ratedAt!.toISOString()}`,
            now,
            {
              cardText: caseCards.rated(c.rating, true),
            },
          ),
        ]
      : []
    return this.store.cases.update({ ...c, ratingComment: comment, ratings, updatedAt: now }, [], tell, { withdraw: ['case.rated'] })
  }

  /** Whether the resident may now ask for this closed case to be handled again: rated low enough, within the window. */
  mayReopen(c: Pick<CaseRecord, 'rating' | 'repliedAt'>) {
    return this.reopenBlocked(c) === null
  }

  /** Why a closed case may not be handled again now (rated too well, or past the window); null when it may. */
  reopenBlocked(c: Pick<CaseRecord, 'rating' | 'repliedAt'>) {
    return reopenBlock(c, this.policy, this.clock.now())
  }

  /**
   * 重新办理 as the resident's page offers it: for a closed message she rated low enough, whether
   * she may still ask, until when, and once the window has passed what she can do instead; null
   * when there is nothing to offer (still open, or rated well). The page never judges the window
   * itself: the phone's clock may be wrong.
   */
  reopenOffer(c: Pick<CaseRecord, 'status' | 'rating' | 'repliedAt'>): ReopenOffer | null {
    if (c.status !== 'closed') return null
    const blocked = this.reopenBlocked(c)
    if (blocked === 'reopen_not_allowed') return null
    return { allowed: blocked === null, until: reopenDeadline(c, this.policy), refusal: blocked ? reopenBlockedText(blocked, this.policy) : null }
  }

  async reopen(author: MpPrincipal, caseId: string, reason: string) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const blocked = c.status === 'closed' ? reopenBlock(c, this.policy, now) : null
    if (blocked) throw new ConflictError(reopenBlockedText(blocked, this.policy), [], blocked)
    const { ackDueAt, replyDueAt, provisional } = slaDeadlines(now, await this.calendar.current(), this.policy)
    // The deputy who answered takes it again while in office and not paused today (暂停接收留言: routing's isAwayOn
    // rule); one who has left or is away is given nothing new, and it goes back to its station's (or office's) queue,
    // as does a message answered without a deputy: the pause promised the station that messages naming him come to it.
    const held = c.deputyId ? (await this.directory.prepared()).deputies.get(c.deputyId) : undefined
    // "暂停接收留言至12月5日" as residents read it beside his name (awayNotice): null unless he is away today.
    const away = held?.active ? awayNotice(held.away, localDate(now, this.policy.timeZone)) : null
    const deputyId = held?.active && !away ? c.deputyId : null
    const unhappy = `群众不满意（${c.rating} 分）`
    // As a new message is given to him: by name, with the time he has to acknowledge it again (the notice's hint
    // says 受理 first, as 待办 lists it: 待受理), then to answer.
    const name = deputyId ? await this.deputyName(deputyId) : ''
    // Her words with the score go along when they differ from her reason: the rating notice, if still waiting, is
    // withdrawn below, and this one message then tells him all she said (one message for one act of hers).
    // Her words as every notice quotes her, to the deputy or to the station's queue (its WeChat room reads them too):
    // phone and ID numbers masked before they are cut (no half number).
    const herWords = (words: string) => excerpt(maskPhoneAndIdNumbers(words), 40).replace(/[。！!？?.]+$/, '')
    const scored = c.ratingComment && c.ratingComment.trim() !== reason.trim() ? `群众评价时说：${herWords(c.ratingComment)}。` : ''
    const reopenedText = `${name ? `${name}代表，` : ''}留言 ${c.ticket} ${unhappy}，已重新交您办理：${herWords(reason)}。${scored}请在${spokenDeadline(ackDueAt, this.policy.timeZone, now)}受理。`
    const tell = deputyId
      ? [toDeputy(deputyId, 'case.reopened', reopenedText, caseCards.reopened(c.rating))]
      : [
          {
            to: queueOf(c),
            kind: 'case.queued',
            text: `留言 ${c.ticket} ${unhappy}，申请重新办理${away ? `，原办理代表${away}` : c.deputyId ? '，原办理代表已离任' : ''}，请登录工作台分派：${herWords(reason)}`,
          },
        ]
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'reopen',
        type: 'reopened',
        to: deputyId ? 'reopened' : 'submitted',
        note: reason,
        patch: {
          deputyId,
          ackDueAt,
          replyDueAt,
          // A new round runs on the rules' deadlines: an earlier reply date asked for the last round is over.
          slaReplyDueAt: undefined,
          // The round sent back keeps its acknowledgement and answer where they happened (rounds-sent-back.ts).
          sentBack: withRoundSentBack(c),
          deadlinesProvisional: provisional,
          acknowledgedAt: null,
          repliedAt: null,
          reply: null,
          closedAt: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
          ackEscalation: 0,
          replyEscalation: 0,
          reopenCount: c.reopenCount + 1,
        },
        data: { previousRating: c.rating },
        tell,
        // "获得 2 分评价" not yet sent (kept from his last WeChat credit, or not yet out): the reopen notice says the
        // score and her words, and asks him to act; two messages for one act of hers would spend two credits.
        withdraw: ['case.rated'],
      },
    )
  }
}
