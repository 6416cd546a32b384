/**
 * The bot's one way to the backend: a typed client over fetch for /api/bot. The backend
 * is the one source of truth (people, dialogues, handled message ids, cases), so the bot
 * can restart or move without losing anything.
 *
 * Network errors, timeouts and 5xx are retried with doubling backoff; when they persist
 * the call throws BackendUnavailableError, which callers treat as "try again later",
 * never as a refusal. A 4xx is an ApiError carrying the backend's Chinese message,
 * ready to show to the person.
 */

import type {
  Person,
  Region,
  Place,
  DeputyMatch,
  CaseDraft,
  SubmittedCase,
  CaseListItem,
  CaseDetail,
  CaseBrief,
  DeputyCase,
  DeputyCaseRead,
  AnsweredLatelyCase,
  OutboxItem,
  TransferChoice,
  CaseRules,
  AlertKind,
  MeetingAnswer,
  MeetingCheckIn,
  StationToAsk,
} from './client-types.js'
import type { SendFailureCode } from './send-failure.js'

// The shapes live in client-types.ts; importers keep reading them from here (all of them, so no list to keep in step).
export type * from './client-types.js'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = [],
  ) {
    super(message)
  }
}

export class BackendUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`backend unavailable: ${reason}`)
  }
}

export const isUnavailable = (err: unknown): err is BackendUnavailableError => err instanceof BackendUnavailableError

export interface ClientOptions {
  baseUrl: string
  secret: string
  timeoutMs?: number
  retries?: number
  backoffMs?: number
  sleep?: (ms: number) => Promise<void>
}

const enc = encodeURIComponent

/** How long the rating rules read from the backend are used before they are read again. */
const RULES_TTL_MS = 10 * 60_000

export class LiaisonClient {
  private readonly timeoutMs: number
  private readonly retries: number
  private readonly backoffMs: number
  private readonly sleep: (ms: number) => Promise<void>
  private rules: { value: CaseRules; at: number } | null = null

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 8000
    this.retries = options.retries ?? 2
    this.backoffMs = options.backoffMs ?? 400
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
  }

  // Dedupe and people
  /** `claim` is this handling's own id: a retry after a lost answer is still "first". */
  async seen(messageId: string, claim: string) {
    return (await this.call<{ first: boolean }>('POST', '/events/seen', { messageId, claim })).first
  }
  resolvePerson(contact: { contactId: string; alias?: string | null; name?: string }) {
    return this.call<Person>('POST', '/people/resolve', contact)
  }
  /**
   * `summary`: what she reads before agreeing; `text`: the whole notice ("全文"); `whatChanged`: since the version
   * before, in one line (absent from an older backend).
   */
  privacy() {
    return this.call<{ version: string; title: string; summary: string; text: string; whatChanged?: string }>('GET', '/privacy')
  }
  consent(personId: string, version: string) {
    return this.call<{ version: string }>('POST', `/people/${enc(personId)}/consent`, { version })
  }
  /**
   * `joinAsked`: the code was a resident's from the mini-program; her chat joins that account only once she says in
   * the mini-program (within `minutes`) that this WeChat, `name` (the contact's WeChat name, which she is shown), is hers.
   */
  bind(personId: string, code: string, name?: string) {
    return this.call<Pick<Person, 'deputy' | 'staff'> & { joinAsked?: { minutes: number } }>('POST', `/people/${enc(personId)}/bind`, {
      code,
      // A name longer than any WeChat allows is cut, never refused: it is only shown to her.
      ...(name ? { name: Array.from(name).slice(0, 60).join('') } : {}),
    })
  }

  // Dialogue state
  async dialogue(contactId: string) {
    // wordsLapsed: her unsent words went at the time she was told; absent from an older backend.
    return this.call<{ state: Record<string, unknown> | null; updatedAt: string | null; wordsLapsed?: boolean }>('GET', `/dialogues/${enc(contactId)}`)
  }
  /**
   * `keepHours`: how long the backend may keep it unless it is saved again (it deletes it then, the bot running or not).
   * `holdsWords`: it holds her words not sent yet (when they go then, the backend keeps a mark, for her to be told).
   */
  saveDialogue(contactId: string, state: Record<string, unknown>, keepHours?: number, holdsWords = false) {
    return this.call<{ updatedAt: string }>('PUT', `/dialogues/${enc(contactId)}`, {
      state,
      ...(keepHours === undefined ? {} : { keepHours }),
      ...(holdsWords ? { holdsWords } : {}),
    })
  }
  clearDialogue(contactId: string) {
    return this.call<void>('DELETE', `/dialogues/${enc(contactId)}`)
  }

  // Directory
  async regions(parentId?: string) {
    return (await this.call<{ items: Region[] }>('GET', `/regions${parentId ? `?parentId=${enc(parentId)}` : ''}`)).items
  }
  /** Every place a message can go to (districts, streets, communities; no grids), each with its parent: the whole tree at once. */
  async placeTree() {
    return (await this.call<{ items: Place[] }>('GET', '/regions/tree')).items
  }
  /** The station of a poster code, or null when no station has it. */
  async station(code: string): Promise<{ code: string; name: string } | null> {
    try {
      return await this.call<{ code: string; name: string }>('GET', `/stations/${enc(code)}`)
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null
      throw err
    }
  }

  async deputies(q: string) {
    return (await this.call<{ items: DeputyMatch[] }>('GET', `/deputies?q=${enc(q)}`)).items
  }

  // A resident's cases
  /** The key is the bot's id for this draft: a retry after a timeout never makes a second case. */
  submitCase(personId: string, draft: CaseDraft, idempotencyKey: string) {
    return this.call<SubmittedCase>('POST', `/people/${enc(personId)}/cases`, draft, { 'Idempotency-Key': idempotencyKey })
  }
  /** Her newest messages (a page). */
  async cases(personId: string) {
    return (await this.caseList(personId)).items
  }
  /** Her newest messages; `more`: she has older ones, not in `items` (found by number with `casesNamed`). */
  async caseList(personId: string) {
    const list = await this.call<{ items: CaseListItem[]; more?: boolean }>('GET', `/people/${enc(personId)}/cases`)
    return { items: list.items, more: list.more ?? false }
  }
  /** Her messages she can withdraw (撤回) or ask to be handled again (重新办理) now, however old; newest first. */
  async casesShe(personId: string, can: 'withdraw' | 'reopen') {
    return (await this.call<{ items: CaseListItem[] }>('GET', `/people/${enc(personId)}/cases?can=${can}`)).items
  }
  /**
   * Her messages she may ask to have handled again that the backend holds to be about the same matter as her new
   * words (the same thing, in no other place), most alike first; none when her words are a new matter.
   */
  async casesSameMatter(personId: string, text: string) {
    return (await this.call<{ items: CaseListItem[] }>('POST', `/people/${enc(personId)}/cases/same-matter`, { text })).items
  }
  /**
   * Her own messages a number names, however old: the whole number (20261122-0042), or its last four digits,
   * which start again at 0001 each day and may name several; newest first. None for another person's number.
   */
  async casesNamed(personId: string, ref: string) {
    const { items } = await this.call<{ items: CaseListItem[] }>('GET', `/people/${enc(personId)}/cases?ref=${enc(ref)}`)
    // An older backend ignores `ref` and answers with her newest page: only what the number names is hers to act on.
    return items.filter((c) => (ref.includes('-') ? c.ticket === ref : c.ticket.endsWith(`-${ref}`)))
  }
  caseDetail(personId: string, ticket: string) {
    return this.call<CaseDetail>('GET', `/people/${enc(personId)}/cases/${enc(ticket)}`)
  }
  rate(personId: string, ticket: string, rating: number, comment?: string) {
    // commentWindowMs: how long her words may still be added to this rating (absent from an older backend: none invited).
    return this.call<CaseBrief & { canReopen: boolean; commentWindowMs?: number }>(
      'POST',
      `/people/${enc(personId)}/cases/${enc(ticket)}/rate`,
      comment ? { rating, comment } : { rating },
    )
  }
  /**
   * Her words after a score she gave alone: added to that rating, and passed to the deputy; the same words again are
   * answered as taken. Words about another thing than the message are refused (422 comment_off_subject, the message's
   * subject in details[0].message) unless `confirmed`: she said they are about it.
   */
  commentOnRating(personId: string, ticket: string, comment: string, confirmed = false) {
    return this.call<CaseBrief>('POST', `/people/${enc(personId)}/cases/${enc(ticket)}/comment`, confirmed ? { comment, confirmed: true } : { comment })
  }
  reopen(personId: string, ticket: string, reason: string) {
    return this.call<CaseBrief>('POST', `/people/${enc(personId)}/cases/${enc(ticket)}/reopen`, { reason })
  }

  // A resident's rights over their data
  withdraw(personId: string, ticket: string) {
    return this.call<CaseBrief>('POST', `/people/${enc(personId)}/cases/${enc(ticket)}/withdraw`, {})
  }
  withdrawConsent(personId: string) {
    return this.call<{ message: string }>('DELETE', `/people/${enc(personId)}/consent`)
  }
  /** The stations handling her messages, latest first (none before her first message, or from an older backend). */
  async stationsToAsk(personId: string): Promise<StationToAsk[]> {
    try {
      return (await this.call<{ items: StationToAsk[] }>('GET', `/people/${enc(personId)}/stations`)).items
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return []
      throw err
    }
  }
  /**
   * "解除" in a chat joined to a mini-program account: the chat takes back what it brought (and wrote while joined); 409
   * chat_not_joined, in words, when it is joined to none.
   */
  unjoinChat(personId: string) {
    return this.call<{ message: string; cases: number }>('DELETE', `/people/${enc(personId)}/chat-join`)
  }
  /** What erasePerson will do, said before she confirms it (a staff member's binding stays, and where she lets go of it). */
  erasureWarning(personId: string) {
    return this.call<{ message: string }>('GET', `/people/${enc(personId)}/erasure`)
  }
  erasePerson(personId: string) {
    return this.call<{ message: string; withdrawn: string[]; anonymised: number }>('DELETE', `/people/${enc(personId)}`)
  }

  // A deputy's cases
  async deputyCases(personId: string) {
    return (await this.deputyInbox(personId)).items
  }
  /** His 待办, and the messages he answered lately from the chat or his page (absent from an older backend). */
  deputyInbox(personId: string) {
    return this.call<{ items: DeputyCase[]; answeredLately?: AnsweredLatelyCase[] }>('GET', `/people/${enc(personId)}/deputy/cases`)
  }
  acknowledge(personId: string, ref: string) {
    // replyByText: the day his answer is due, as 待办 says it ("12月22日前（含当日）"); absent from an older backend.
    return this.call<CaseBrief & { replyByText?: string }>('POST', `/people/${enc(personId)}/deputy/cases/${enc(ref)}/acknowledge`, {})
  }
  /** `station`: the message's station by name, whom he asks to add to a sent answer (absent from an older backend). */
  reply(personId: string, ref: string, text: string) {
    return this.call<CaseBrief & { station?: string | null }>('POST', `/people/${enc(personId)}/deputy/cases/${enc(ref)}/reply`, { text })
  }
  /** To the colleague with `deputyCode`, or back to the station's staff without one. */
  transfer(personId: string, ref: string, reason: string, deputyCode?: string) {
    return this.call<CaseBrief>('POST', `/people/${enc(personId)}/deputy/cases/${enc(ref)}/transfer`, deputyCode ? { reason, deputyCode } : { reason })
  }
  /**
   * The resident's phone number on one of his open messages (null: she left none); the backend audits the read.
   * `answered`: he has replied to it already (absent from an older backend); `inMessage`: the number is the one she
   * wrote in her message, as she left no phone field (absent from an older backend).
   */
  /** "查看 0001": one of his messages whole; the backend counts it as his opening it. */
  deputyCaseRead(personId: string, ref: string) {
    return this.call<DeputyCaseRead>('GET', `/people/${enc(personId)}/deputy/cases/${enc(ref)}`)
  }
  residentPhone(personId: string, ref: string) {
    return this.call<{ ticket: string; phone: string | null; answered?: boolean; inMessage?: boolean }>(
      'GET',
      `/people/${enc(personId)}/deputy/cases/${enc(ref)}/phone`,
    )
  }
  async transferOptions(personId: string, ref: string) {
    return (await this.call<{ choices: TransferChoice[] }>('GET', `/people/${enc(personId)}/deputy/cases/${enc(ref)}/transfer-options`)).choices
  }

  // Rules
  /**
   * Which scores may ask for 重新办理, as the backend is configured. Read once a while: they change
   * only with the backend's config; null when they cannot be read now (the words then stay general).
   */
  async caseRules(): Promise<CaseRules | null> {
    const now = Date.now()
    if (this.rules && now - this.rules.at < RULES_TTL_MS) return this.rules.value
    try {
      const value = await this.call<CaseRules>('GET', '/case-rules')
      this.rules = { value, at: now }
      return value
    } catch {
      return this.rules?.value ?? null
    }
  }

  // Meetings
  /**
   * "参加" / "请假 原因": answers the meeting with this id, or ('next') the one meeting still waiting for this person's
   * answer (the backend refuses with several_meetings_awaiting when more than one does: it never guesses).
   */
  answerMeeting(personId: string, response: 'attend' | 'leave', reason?: string, meetingId = 'next') {
    return this.call<MeetingAnswer>(
      'POST',
      `/people/${enc(personId)}/meetings/${enc(meetingId)}/rsvp`,
      response === 'leave' ? { response, reason } : { response },
    )
  }
  /**
   * A bound deputy's 暂停接收留言: his stations' names (whom to ask for it), and the pause staff set, while it stands
   * (`text`: "联络站已为您暂停接收新留言（11月28日至12月4日），您手上的留言仍由您办理"), else null.
   */
  deputyAway(personId: string) {
    return this.call<{ stations: string[]; away: { from: string; until: string; text: string } | null }>('GET', `/people/${enc(personId)}/deputy/away`)
  }
  /** "忘记签到了怎么办": his meetings begun (or open for scanning) lately, latest first, each with what is true and what to do. */
  async meetingCheckIns(personId: string) {
    return (await this.call<{ items: MeetingCheckIn[] }>('GET', `/people/${enc(personId)}/meetings/check-in`)).items
  }
  /** The meetings this person is invited to that are not over yet, earliest first, with their answers. */
  async meetings(personId: string) {
    return (await this.call<{ items: MeetingAnswer[] }>('GET', `/people/${enc(personId)}/meetings`)).items
  }

  // Rooms, alerts
  /** `topic`: the group's name, by which the bot finds it again when a re-login changes its id. */
  bindRoom(personId: string, roomId: string, stationCode: string, topic: string | null = null) {
    return this.call<{ station: { code: string; name: string } }>('POST', '/rooms/bind', { personId, roomId, stationCode, topic })
  }
  alert(kind: AlertKind, text: string, qrUrl?: string) {
    return this.call<unknown>('POST', '/alerts', qrUrl ? { kind, text, qrUrl } : { kind, text })
  }

  // Outbox
  async lease(limit: number, instance: string) {
    return (await this.call<{ items: OutboxItem[] }>('POST', '/outbox/lease', { limit, instance })).items
  }
  /** `address`: where the conversation was found, when not at the id leased (a re-login changed it). */
  ack(id: string, instance: string, address?: string) {
    return this.call<{ id: string; status: string }>('POST', `/outbox/${enc(id)}/ack`, address ? { instance, address } : { instance })
  }
  /**
   * Right before saying a leased message to a person: whether `address` (the contact it is about to be said to; `alias`,
   * the remark that contact was found by when its id had changed) is still that person's chat. `send: false`: it is
   * not any more (a 解除 since the lease …), the backend has routed the message again, and nothing is to be said.
   */
  beforeSending(id: string, instance: string, address: string, alias: string | null) {
    return this.call<{ id: string; send: boolean }>('POST', `/outbox/${enc(id)}/before-sending`, { instance, address, alias })
  }
  /** `code`: why, in a word the backend says plainly on 消息发送情况 (send-failure.ts); `error`, the puppet's own, for the logs. */
  fail(id: string, instance: string, error: string, retryable: boolean, code: SendFailureCode = 'unknown') {
    return this.call<{ id: string; status: string }>('POST', `/outbox/${enc(id)}/fail`, { instance, error: error.slice(0, 500), retryable, code })
  }

  /** One call with retries. Only network errors, timeouts and 5xx are retried; a 4xx is an answer. */
  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let lastReason = ''
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await this.sleep(this.backoffMs * 2 ** (attempt - 1))
      let res: Response
      try {
        res = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/api/bot${path}`, {
          method,
          headers: {
            authorization: `Bearer ${this.options.secret}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        })
      } catch (err) {
        lastReason = (err as Error).name === 'TimeoutError' ? `timeout after ${this.timeoutMs} ms` : String((err as Error).cause ?? (err as Error).message)
        continue
      }
      if (res.status >= 500) {
        lastReason = `${res.status} ${await res.text().catch(() => '')}`.slice(0, 200)
        continue
      }
      if (res.status === 204) return undefined as T
      const parsed = await res.json().catch(() => null)
      if (res.status >= 400) {
        const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
        throw new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `请求失败（${res.status}）`, error?.details)
      }
      return parsed as T
    }
    throw new BackendUnavailableError(`${method} ${path}: ${lastReason}`)
  }
}
