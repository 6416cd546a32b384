import type { Clock } from '../../clock.js'
import { canTransition, type CaseRecord } from '../../domain/case.js'
import { MASKS, maskStrings } from '../../domain/pii-mask.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { CaseCopiesMasked, Store } from '../../store/ports.js'
import type { CaseWorkflow } from '../cases/case-workflow.js'
import type { MpPrincipal, MpSessions } from '../accounts/mp-sessions.js'
import type { Uploads } from '../cases/uploads.js'
import { maskKnowingNames, namesGivenIn } from './known-names.js'

/** Audit details that are words someone wrote (a reason, a note), not ids or counts. */
const FREE_TEXT = new Set(['note', 'reason', 'text', 'comment', 'reply'])

const namesIn = (texts: Array<string | null | undefined>) => texts.flatMap((t) => namesGivenIn(t))

export interface ErasureOutcome {
  /** Tickets of messages that were still being handled and were withdrawn. */
  withdrawn: string[]
  /** Messages kept for the statistics with the person masked out of them. */
  anonymised: number
  /**
   * The rest of what was hers, counted before it was unlinked, so that she is told what became of each: answers to
   * questionnaires and opinions on drafts, quiz attempts, reading, 民生实事 proposals and seats taken — kept for the
   * counts without her; and the titles of the campaigns she followed, whose follow (a wish to be reminded) is gone.
   */
  others: {
    surveys: number
    consultations: number
    quizzes: number
    reading: number
    proposals: number
    registrations: number
    followed: string[]
  }
}

/** A staff member erasing for her, at her request (联络站), through one of her messages. */
export interface ErasureOnRequest {
  staffId: string
  caseId: string
  ticket: string
  /** Typed by the staff member: how she asked (居民来电要求 …). */
  reason: string
  /** The note on her withdrawn messages, saying staff did it (else hers: 群众申请删除个人信息). */
  withdrawalNote?: string
}

/** What PersonalDataErasure is built from (one object: the parameters are many). */
export interface PersonalDataErasureDeps {
  store: Pick<Store, 'audit' | 'campaigns' | 'cases' | 'mpUsers' | 'privacy' | 'publications' | 'surveys'>
  workflow: CaseWorkflow
  sessions: MpSessions
  uploads: Uploads
  clock: Clock
}

/**
 * Erasure (PIPL art. 47): a person's account emptied of everything that identifies them,
 * and their messages anonymised — the text kept with names, phones, addresses and ID
 * numbers masked, the link to them, their phone and their images removed — as are their
 * 民生实事 proposals (and photos), the photos they uploaded and never sent, and the names they
 * gave for public meetings, so that the counts and statistics offices are judged by do not
 * change. The retention job uses the same case anonymisation for messages closed longer than
 * the retention period.
 */
export class PersonalDataErasure {
  private readonly store: Pick<Store, 'audit' | 'campaigns' | 'cases' | 'mpUsers' | 'privacy' | 'publications' | 'surveys'>
  private readonly workflow: CaseWorkflow
  private readonly sessions: MpSessions
  private readonly uploads: Uploads
  private readonly clock: Clock

  constructor(deps: PersonalDataErasureDeps) {
    ;({ store: this.store, workflow: this.workflow, sessions: this.sessions, uploads: this.uploads, clock: this.clock } = deps)
  }

  /**
   * The retention rule (PIPL art. 47): messages finished before `cutoff` are anonymised, at
   * most `batch` per call; `more` says a full batch was found and the next call goes on.
   */
  async anonymiseFinishedBefore(cutoff: Date, batch: number): Promise<{ anonymised: number; more: boolean }> {
    const due = await this.store.privacy.casesToAnonymise(cutoff, batch)
    let anonymised = 0
    for (const c of due) if (await this.anonymiseCase(c)) anonymised++
    return { anonymised, more: due.length === batch }
  }

  /**
   * Masks one case and deletes its images; false when it was anonymised already. Every word about it
   * is masked: its text, reply, ratings, timeline notes, every text field of every message about it
   * (the reply in full, the words quoting her message) and the notes of audit entries about it. The
   * names she is known by (`knownNames`, and those she wrote after 我叫/我是/本人 in this case) go
   * wherever they are written.
   */
  async anonymiseCase(c: CaseRecord, knownNames: readonly string[] = [], mergedBefore: readonly string[] = []): Promise<boolean> {
    const events = await this.store.cases.events(c.id)
    const messages = await this.store.privacy.caseMessages(c.id)
    const audit = await this.auditAbout(c.id)
    const names = [
      ...knownNames,
      ...namesIn([c.text, c.ratingComment, ...c.ratings.map((r) => r.comment), ...events.filter((e) => e.actorRole === 'resident').map((e) => e.note)]),
    ]
    const mask = maskKnowingNames(names)
    const optional = (text: string | null) => (text === null ? null : mask(text))
    const done = await this.store.privacy.anonymiseCase(
      {
        caseId: c.id,
        text: mask(c.text),
        reply: optional(c.reply),
        ratingComment: optional(c.ratingComment),
        ratingComments: c.ratings.map((r) => optional(r.comment)),
        eventNotes: Object.fromEntries(events.map((e) => [e.id, optional(e.note)])),
        messageTexts: Object.fromEntries(messages.flatMap((m) => (m.text === null ? [] : [[m.id, mask(m.text)]]))),
        messageFields: Object.fromEntries(messages.map((m) => [m.id, maskStrings(m.fields, mask) as Record<string, string>])),
        auditNotes: Object.fromEntries(audit.map((e) => [e.id, maskStrings(e.words, mask) as Record<string, string>])),
        copies: await this.copiesOf(c, mask, mergedBefore),
      },
      this.clock.now(),
    )
    // Files go after the commit: a crash between leaves a file no record points to, never the reverse.
    if (done) for (const image of c.images) await this.uploads.remove(image)
    return done
  }

  /**
   * `onRequest`: done by a staff member for her, at her request by phone or in person (联络站, OfficePrivacyRequests),
   * reached through one of her messages: the same erasure, and its audit entry names who did it, the message and the
   * reason they typed instead of her.
   */
  async erase(person: MpPrincipal, onRequest?: ErasureOnRequest): Promise<ErasureOutcome> {
    if (!(await this.store.mpUsers.get(person.id))) throw new NotFoundError('用户不存在')
    const others = await this.othersOf(person.id)
    await this.store.publications.unpublishResident(person.id)
    const withdrawn: string[] = []
    // Withdrawing frees the messages merged into hers; an answer copied onto them before still names her.
    const merged = new Map<string, string[]>()
    for (const c of await this.casesOf(person.id))
      merged.set(
        c.id,
        (await this.mergedInto(c.id)).map((m) => m.id),
      )
    for (const c of await this.casesOf(person.id)) {
      if (!canTransition('withdraw', c.status)) continue
      try {
        await this.workflow.withdraw(person, c.id, onRequest?.withdrawalNote ?? '群众申请删除个人信息')
        withdrawn.push(c.ticket)
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err // changed meanwhile: it is anonymised below all the same
      }
    }
    const cases = await this.casesOf(person.id)
    // The names she is known by: those she wrote after a cue word in any of her messages, and those she gave for a seat.
    const names = [...(await this.namesWrittenIn(cases)), ...(await this.store.privacy.publicRegistrationsOf(person.id)).map((r) => r.name)]
    const mask = maskKnowingNames(names)
    let anonymised = 0
    for (const c of cases) if (await this.anonymiseCase(c, names, merged.get(c.id))) anonymised++
    const contributions = await this.store.privacy.maskContributions(person.id, mask)
    const proposals = await this.store.privacy.maskProposals(person.id, mask)
    for (const photo of proposals.photos) await this.uploads.remove(photo)
    // Photos uploaded and never sent (a message given up): nothing holds them, they go now.
    const unsent = await this.uploads.deleteUnattachedOf(person.id, this.clock.now())
    const registrations = await this.store.privacy.maskPublicRegistrations(person.id, MASKS.name)
    await this.sessions.revokeAll(person.id)
    await this.store.privacy.eraseMpUser(person.id, this.clock.now())
    const counts = { anonymised, withdrawn: withdrawn.length, contributions, proposals: proposals.proposals, registrations, unsentPhotos: unsent }
    const at = this.clock.now()
    if (onRequest)
      await this.store.audit.append({
        at,
        actorKind: 'staff',
        actorId: onRequest.staffId,
        action: 'privacy.erased_on_request',
        targetKind: 'case',
        targetId: onRequest.caseId,
        details: { ...counts, ticket: onRequest.ticket, reason: onRequest.reason },
      })
    else
      await this.store.audit.append({
        at,
        actorKind: 'mp_user',
        actorId: person.id,
        action: 'privacy.erased',
        targetKind: 'mp_user',
        targetId: person.id,
        details: counts,
      })
    return { withdrawn, anonymised, others: { ...others, proposals: proposals.proposals, registrations } }
  }

  /** What else is hers, read before erasure unlinks it (after, nothing finds it by her any more). */
  private async othersOf(mpUserId: string): Promise<Omit<ErasureOutcome['others'], 'proposals' | 'registrations'>> {
    const reader = { kind: 'mp_user' as const, id: mpUserId }
    const answers = await this.store.privacy.surveyAnswersOf(mpUserId)
    let consultations = 0
    for (const a of answers) if ((await this.store.surveys.get(a.surveyId))?.kind === 'consultation') consultations++
    const followed = await this.store.campaigns.followedBy(reader)
    const titles = new Map((await this.store.campaigns.getMany(followed)).map((c) => [c.id, c.title]))
    return {
      surveys: answers.length - consultations,
      consultations,
      quizzes: (await this.store.privacy.quizAttemptsOf([reader])).length,
      reading: (await this.store.campaigns.reachFor(reader, {})).length,
      followed: followed.map((id) => titles.get(id)).filter((t): t is string => !!t),
    }
  }

  /** Names after a cue word in her messages, ratings and her own timeline notes (a reopen reason …). */
  private async namesWrittenIn(cases: CaseRecord[]) {
    const names: string[] = []
    for (const c of cases) {
      const own = (await this.store.cases.events(c.id)).filter((e) => e.actorRole === 'resident').map((e) => e.note)
      names.push(...namesIn([c.text, c.ratingComment, ...c.ratings.map((r) => r.comment), ...own]))
    }
    return names
  }

  /**
   * Her case's answer where it was copied (case-workflow reply and merge): the timeline step on each message merged into
   * hers (`viaCaseId`), and the messages telling its resident, which name her message's number. Those merged in now, in
   * turn too, and those merged before (`mergedBefore`, freed since).
   */
  private async copiesOf(c: CaseRecord, mask: (text: string) => string, mergedBefore: readonly string[]): Promise<CaseCopiesMasked[]> {
    const ids = new Set([...(await this.mergedInto(c.id)).map((m) => m.id), ...mergedBefore])
    const copies: CaseCopiesMasked[] = []
    for (const id of ids) {
      const events = (await this.store.cases.events(id)).filter((e) => e.data.viaCaseId === c.id && e.note !== null)
      const quoting = (await this.store.privacy.caseMessages(id)).filter((m) => [m.text, ...Object.values(m.fields)].some((t) => t?.includes(c.ticket)))
      if (!events.length && !quoting.length) continue
      copies.push({
        caseId: id,
        eventNotes: Object.fromEntries(events.map((e) => [e.id, mask(e.note!)])),
        messageTexts: Object.fromEntries(quoting.flatMap((m) => (m.text === null ? [] : [[m.id, mask(m.text)]]))),
        messageFields: Object.fromEntries(quoting.map((m) => [m.id, maskStrings(m.fields, mask) as Record<string, string>])),
      })
    }
    return copies
  }

  /** The messages merged into a case, and those merged into them in turn. */
  private async mergedInto(caseId: string) {
    const found: CaseRecord[] = []
    const queue = [caseId]
    while (queue.length) {
      for (const m of await this.store.cases.mergedInto(queue.shift()!)) {
        if (m.id === caseId || found.some((f) => f.id === m.id)) continue
        found.push(m)
        queue.push(m.id)
      }
    }
    return found
  }

  /** The audit entries about a case and their free-text fields (a 转交 reason may quote her), by entry id. */
  private async auditAbout(caseId: string) {
    const found: Array<{ id: string; words: Record<string, string> }> = []
    let cursor: string | null = null
    do {
      const page = await this.store.audit.list({ targetId: caseId, limit: 100, cursor })
      for (const e of page.items) {
        if (e.targetKind !== 'case') continue
        const words = Object.fromEntries(Object.entries(e.details).filter(([k, v]) => FREE_TEXT.has(k) && typeof v === 'string')) as Record<string, string>
        if (Object.keys(words).length) found.push({ id: e.id, words })
      }
      cursor = page.nextCursor
    } while (cursor)
    return found
  }

  private async casesOf(residentId: string) {
    const all: CaseRecord[] = []
    let cursor: string | null = null
    do {
      const page = await this.store.cases.search({ residentId, limit: 100, cursor })
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return all
  }
}
