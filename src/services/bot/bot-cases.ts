import { DEPUTY_IN_HAND_MAX } from '../../domain/ticket-refs.js'
import { inDigestOrder } from '../../domain/digest-fit.js'
import { OPEN_STATUSES, TRANSITIONS, type CaseRecord, type CaseStatus } from '../../domain/case.js'
import type { CaseQueries } from '../cases/case-queries.js'
import type { CaseDraft, CaseSubmitter } from '../cases/case-submission.js'
import { RATING_COMMENT_WINDOW_MS, type CaseWorkflow } from '../cases/case-workflow.js'
import { commentSubjectRule } from '../../domain/comment-subject.js'
import { sameMatter } from '../../domain/same-matter.js'
import { alikeness, contentGrams } from '../../domain/similarity.js'
import { UnprocessableError } from '../../errors.js'
import type { BotPeople, BotPrincipal } from './bot-people.js'

/** Most messages one 撤回 or 重新办理 without a number chooses among (the chat lists five at most). */
const ACTIONABLE_MAX = 20

/** A case the person asking may act on, found by the ticket they quoted. */
export interface CaseInHand<P extends BotPrincipal = BotPrincipal> {
  person: P
  case: CaseRecord
}

/** Some of a resident's messages, and how she writes each one's number in the chat. */
export interface CaseList {
  items: CaseRecord[]
  /** Older messages of hers are not in `items`. */
  more: boolean
  /** Ticket → its last four digits, or the whole number when another of hers ends the same. */
  refs: Map<string, string>
}

/** What a resident writes in the chat: text and where it should go, never images or anonymity. */
export type ChatDraft = Pick<CaseDraft, 'text' | 'regionId' | 'deputyCode' | 'stationCode' | 'sendAgain'>

/**
 * Cases from the chat: residents write, follow, rate, reopen and withdraw their messages by
 * the tickets they quote; bound deputies work their inbox by a ticket or its last digits.
 * The same workflow the mini-program's routes use, in the bot's words.
 */
export class BotCases {
  private readonly aboutRated: ReturnType<typeof commentSubjectRule>

  constructor(
    private readonly deps: {
      people: BotPeople
      submitter: CaseSubmitter
      queries: CaseQueries
      workflow: CaseWorkflow
      /** The topic dictionaries (config business): what a message is about, for her words after its score. */
      topics: { topics: readonly string[]; keywords: Readonly<Record<string, readonly string[]>> }
      /** How alike two messages naming no known thing must be to be one matter (config cases.similarThreshold). */
      similarThreshold: number
    },
  ) {
    this.aboutRated = commentSubjectRule(deps.topics.keywords, deps.topics.topics)
  }

  async submit(personId: string, draft: ChatDraft, idempotencyKey: string | null) {
    const person = await this.deps.people.principal(personId)
    // A typed code or name that names nobody is refused rather than ignored: the resident meant someone.
    // Its chat named: the message is whoever holds the chat when it is written (a 解除 may land in between).
    return this.deps.submitter.submit(
      person,
      { ...draft, images: [], anonymous: false, publicConsent: false, targetTyped: true, via: 'chat', chatContactId: person.user.botContactId },
      idempotencyKey,
    )
  }

  /**
   * The resident's latest messages; `more`: she has older ones too, found by their numbers (`named`);
   * `refs`: how she writes each number, among all her messages.
   */
  async mine(personId: string): Promise<CaseList> {
    const person = await this.deps.people.principal(personId)
    const page = await this.deps.queries.residentCases(person, { limit: 20 })
    return this.listed(person.id, page.items, page.nextCursor !== null)
  }

  /**
   * Her messages she can act on now, however old: those she may still withdraw (撤回), or answered,
   * rated and still within the time to ask for them to be handled again (重新办理); newest first.
   */
  async actionable(personId: string, can: 'withdraw' | 'reopen'): Promise<CaseList> {
    const person = await this.deps.people.principal(personId)
    const statuses: CaseStatus[] = can === 'withdraw' ? [...TRANSITIONS.withdraw] : ['closed']
    const page = await this.deps.queries.residentCases(person, { limit: ACTIONABLE_MAX, statuses })
    return this.listed(person.id, can === 'withdraw' ? page.items : page.items.filter((c) => this.reopenable(c) === 'allowed'))
  }

  /**
   * Her messages she may ask to have handled again now (as `actionable`) that are about the same matter as `text`,
   * her new words (same-matter.ts: the same thing, in no other place), most alike first: the chat offers 重新办理 of
   * such a one only, and otherwise makes her words a new message.
   */
  async sameMatter(personId: string, text: string): Promise<CaseList> {
    const list = await this.actionable(personId, 'reopen')
    const words = contentGrams(text)
    const alike = list.items
      .map((c) => ({ c, grams: contentGrams(c.text) }))
      .filter(({ grams }) => sameMatter(words, grams, this.deps.similarThreshold))
      .map(({ c, grams }) => ({ c, score: alikeness(words, grams) }))
      // Stable: equally alike ones stay newest first.
      .sort((a, b) => b.score - a.score)
      .map(({ c }) => c)
    return { ...list, items: alike }
  }

  /**
   * Her messages a number names, however old, and only hers: the whole number, or its last four digits
   * (several when messages of different days end alike: the chat then asks for the whole number).
   */
  async named(personId: string, ref: string): Promise<CaseList> {
    const person = await this.deps.people.principal(personId)
    return this.listed(person.id, await this.deps.people.residentCasesNamed(person.id, ref))
  }

  /** A list of hers with how she writes each number, among all her messages. */
  private async listed(personId: string, items: CaseRecord[], more = false): Promise<CaseList> {
    const tickets = items.map((c) => c.ticket)
    return { items, more, refs: await this.deps.people.residentRefs(personId, tickets) }
  }

  /**
   * Whether she may ask for a message to be handled again (重新办理) now, in the workflow's own rule:
   * 'allowed', or why not; null for a message not closed (not answered and rated yet, or ended otherwise).
   */
  reopenable(c: CaseRecord): 'allowed' | 'reopen_not_allowed' | 'reopen_window_passed' | null {
    return c.status === 'closed' ? (this.deps.workflow.reopenBlocked(c) ?? 'allowed') : null
  }

  /** The resident's own case by the ticket they quote. */
  async own(personId: string, ticket: string): Promise<CaseInHand> {
    const c = await this.deps.people.residentCase(personId, ticket)
    return { person: await this.deps.people.principal(personId), case: c }
  }

  detail({ person, case: c }: CaseInHand) {
    return this.deps.queries.forResident(person, c.id)
  }

  /**
   * Rates the answer; says whether this rating lets the resident ask for it to be handled again, and how
   * long her words may still be added to it (commentOnRating): the chat invites them only that long.
   */
  async rate({ person, case: c }: CaseInHand, rating: number, comment?: string) {
    const rated = await this.deps.workflow.rate(person, c.id, rating, comment)
    return { rated, canReopen: this.deps.workflow.mayReopen(rated), commentWindowMs: RATING_COMMENT_WINDOW_MS }
  }

  /**
   * Her words after a score she gave alone, added to that rating and passed to the deputy. Words that name
   * another thing than the message ("垃圾还是没人收" after an answer about a 路灯) are refused (422
   * comment_off_subject, the message's subject in details) unless `confirmed`: she said they are about it.
   */
  commentOnRating({ person, case: c }: CaseInHand, comment: string, confirmed = false) {
    const check = (held: CaseRecord) => {
      const { about, subject } = this.aboutRated(comment, held)
      if (!about)
        throw new UnprocessableError(
          `这段话说的好像不是留言 ${held.ticket}（${subject}）的事，没有加到评价里。`,
          [{ path: 'case.subject', message: subject }],
          'comment_off_subject',
        )
    }
    return this.deps.workflow.commentOnRating(person, c.id, comment, confirmed ? undefined : check)
  }

  reopen({ person, case: c }: CaseInHand, reason: string) {
    return this.deps.workflow.reopen(person, c.id, reason)
  }

  withdraw({ person, case: c }: CaseInHand, reason?: string) {
    return this.deps.workflow.withdraw(person, c.id, reason)
  }

  /**
   * A bound deputy's open cases, all those a short number is read among, in his digest's order that day (late, due
   * today, then the nearest deadline): line 1 of the chat's 待办 is line 1 of his morning digest.
   */
  async deputyInbox(personId: string, at: { now: Date; timeZone: string }) {
    const deputy = await this.deps.people.deputy(personId)
    const found = await this.deps.queries.deputyInbox(deputy, { limit: DEPUTY_IN_HAND_MAX })
    const page = { ...found, items: inDigestOrder(found.items, at.now, at.timeZone) }
    // Those the station pressed him on (催办), and those a colleague handed him (转交): his 待办 says so, as the mini-program's does.
    // And those he answered lately, from his page too: the chat tells a new message ending alike apart from them.
    const [urged, handed, answered] = await Promise.all([
      this.deps.queries.urgedOf(deputy.deputyId, page.items),
      this.deps.queries.handedToHim(deputy.deputyId, page.items),
      this.deps.people.deputyAnsweredLately(deputy.deputyId),
    ])
    return { ...page, urged, handed, answered }
  }

  /** One of the deputy's open cases by its ticket or the last four digits of it. */
  async deputyCase(personId: string, ref: string): Promise<CaseInHand<BotPrincipal & { deputyId: string }>> {
    const deputy = await this.deps.people.deputy(personId)
    return { person: deputy, case: await this.deps.people.deputyCase(deputy.deputyId, ref) }
  }

  /**
   * The message whose resident the deputy asks to phone ("电话 0001"), found by its number among all those the
   * mini-program's 打电话给群众 reads: his open ones, answered and awaiting her score (已答复) too, since he may
   * need to call after replying. revealPhone then applies that read's own rule (open, not merged, not anonymous).
   */
  async deputyCaseToCall(personId: string, ref: string): Promise<CaseInHand<BotPrincipal & { deputyId: string }>> {
    const deputy = await this.deps.people.deputy(personId)
    return { person: deputy, case: await this.deps.people.deputyCase(deputy.deputyId, ref, OPEN_STATUSES) }
  }

  /**
   * "查看 0001": one of his messages read whole in the chat, found as 电话 finds it (answered ones awaiting her score too)
   * and opened as his page opens it (CaseQueries.forDeputy keeps his first opening, case.opened: having read it, he has
   * heard of it), with whether staff press him on it and who handed it to him, as his 待办 says where it stands.
   */
  async deputyRead(personId: string, ref: string) {
    const { person, case: c } = await this.deputyCaseToCall(personId, ref)
    await this.deps.queries.forDeputy(person, c.id)
    const [urged, handed] = await Promise.all([this.deps.queries.urgedOf(person.deputyId, [c]), this.deps.queries.handedToHim(person.deputyId, [c])])
    return { case: c, urged: urged.has(c.id), handed: handed.get(c.id) ?? null }
  }

  acknowledge({ person, case: c }: CaseInHand) {
    return this.deps.workflow.acknowledge(person, c.id)
  }

  /** The answer sent, with its station's name: the chat says whom to ask when he wants to add to it. */
  async reply({ person, case: c }: CaseInHand, text: string) {
    const replied = await this.deps.workflow.reply(person, c.id, text)
    return { case: replied, station: await this.deps.people.stationName(replied.stationId) }
  }

  /** To a colleague at its station by code, or back to the station's staff when no code is given. */
  transfer({ person, case: c }: CaseInHand, reason: string, deputyCode?: string | null) {
    return this.deps.workflow.transfer(person, c.id, { reason, deputyCode: deputyCode ?? null })
  }

  /**
   * The resident's phone number on one of the deputy's open messages (null when she left none), by the
   * mini-program's audited read (打电话给群众): the same scope, the same audit record; `inMessage` when it is
   * the number she wrote in her words (a chat resident fills in no phone field).
   */
  revealPhone({ person, case: c }: CaseInHand) {
    return this.deps.queries.phoneToCall(person, c.id)
  }

  /** Whom the deputy may hand this message to now (转给谁): back to its station, or one of these colleagues. */
  transferOptions({ person, case: c }: CaseInHand) {
    return this.deps.workflow.transferOptions(person, c.id)
  }
}
