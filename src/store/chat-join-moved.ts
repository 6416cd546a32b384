/**
 * What a chat's join to a mini-program account moved, kept with the join (sqlite's chat_joins.moved, migration 075;
 * mongo's ChatJoin.moved) so that 解除 said in the chat can give it back (ChatJoinRepo.undoFromChat). Each adapter
 * records here what its mover moved, item by item, and reads it back the same way: one shape, one merge. Times are
 * ISO text in both adapters. A file of its own so that ports and adapters share it without importing each other.
 */
export interface ChatJoinMoved {
  /** The chat person as it was before the join deleted it: recreated under the same id when the chat takes its own back. */
  chat: { createdAt: string; consentVersion: string | null; consentAt: string | null } | null
  /** The account's own agreement before the join, and the one the join left on it (the later of the two). */
  account: { consentVersion: string | null; consentAt: string | null } | null
  joinedConsent: { consentVersion: string | null; consentAt: string | null } | null
  /** Her messages, each with the idempotency key it had under the chat (the join may have added ":chat"). */
  cases: Array<{ id: string; key: string | null }>
  /** Messages to her (outbox rows) by id. */
  outbox: string[]
  /** Her subscription credits as the chat held them, and whether the account had long-term there before. */
  credits: Array<{ templateId: string; oneTime: number; longTerm: boolean; accountLongTerm: boolean }>
  /** Her survey answers, each with the respondent key it had under the chat. */
  responses: Array<{ id: string; key: string }>
  /** Her opinions on drafts, by id. */
  opinions: string[]
  /**
   * The latest agreement (or withdrawal) given while joined from the chat, and from the mini-program (ChatJoinRepo
   * .consentWhileJoined); null when that side chose nothing. The two are one record while joined, but each side's
   * choice is its own: whichever side says 解除, the chat goes on with the chat's latest choice, the account with its own.
   */
  chatChoice?: Consent | null
  accountChoice?: Consent | null
}

/** An agreement as kept with the join: the notice's version (null: none, or withdrawn) and when. */
export interface Consent {
  consentVersion: string | null
  consentAt: string | null
}

/**
 * Notices addressed to the chat itself (domain/notice-kinds.ts). The movers never hand them to the account: the chat
 * is told whatever the account does (ChannelResolver finds the chat while it goes on as the account).
 */
export { CHAT_JOINED_KIND, CHAT_UNJOINED_KIND, TO_THE_CHAT_KINDS } from '../domain/notice-kinds.js'

/**
 * The agreement each side has once the join is undone (either side's 解除): the chat its latest choice made from the
 * chat, else the one it had before the join; the account its own latest choice, else its own from before the join.
 * For joins recorded before choices were kept (neither side's is), a change since the join is read as before: the
 * account keeps what it has, and a withdrawal reaches the chat too (never agreeing for it).
 */
export function consentsApart(moved: ChatJoinMoved, now: Consent): { chat: Consent; account: Consent } {
  const none: Consent = { consentVersion: null, consentAt: null }
  const beforeChat = moved.chat ? { consentVersion: moved.chat.consentVersion, consentAt: moved.chat.consentAt } : none
  const unchanged = moved.joinedConsent !== null && now.consentVersion === moved.joinedConsent.consentVersion && now.consentAt === moved.joinedConsent.consentAt
  const tracked = moved.chatChoice != null || moved.accountChoice != null
  const chat = moved.chatChoice ?? (tracked || unchanged || now.consentVersion !== null ? beforeChat : none)
  const account = moved.accountChoice ?? (tracked || unchanged ? (moved.account ?? now) : now)
  return { chat, account }
}

/** The messages a 解除 gives back: those the join moved and those the chat wrote while joined, each once. */
export const casesToGiveBack = (moved: ChatJoinMoved, writtenInChat: readonly string[]): string[] => [
  ...new Set([...moved.cases.map((c) => c.id), ...writtenInChat]),
]

/**
 * What the account keeps of a credit the chat takes back: its one-time count less what the chat brought, long-term
 * only if the account had that before the join.
 */
export const creditLeftOnAccount = (now: { oneTime: number; longTerm: boolean }, taken: ChatJoinMoved['credits'][number]) => ({
  oneTime: Math.max(0, now.oneTime - taken.oneTime),
  longTerm: taken.accountLongTerm && now.longTerm,
})

/** Whether a later gathering moved anything (`count` messages, or other belongings) worth adding to the join's record. */
export const movedAny = (count: number, moved: Partial<ChatJoinMoved>): boolean =>
  Boolean(count || moved.outbox?.length || moved.credits?.length || moved.responses?.length || moved.opinions?.length)

export const NOTHING_MOVED: ChatJoinMoved = {
  chat: null,
  account: null,
  joinedConsent: null,
  cases: [],
  outbox: [],
  credits: [],
  responses: [],
  opinions: [],
}

/** One more move (a message gathered after the join) added to what was moved: an item once, the first record of it kept. */
export function addMoved(into: ChatJoinMoved | null, more: Partial<ChatJoinMoved>): ChatJoinMoved {
  const base = into ?? NOTHING_MOVED
  const union = <T>(a: T[], b: T[] | undefined, key: (t: T) => string) => {
    const seen = new Set(a.map(key))
    return [...a, ...(b ?? []).filter((t) => !seen.has(key(t)))]
  }
  return {
    chat: base.chat ?? more.chat ?? null,
    account: base.account ?? more.account ?? null,
    joinedConsent: base.joinedConsent ?? more.joinedConsent ?? null,
    cases: union(base.cases, more.cases, (c) => c.id),
    outbox: union(base.outbox, more.outbox, (id) => id),
    credits: union(base.credits, more.credits, (c) => c.templateId),
    responses: union(base.responses, more.responses, (r) => r.id),
    opinions: union(base.opinions, more.opinions, (id) => id),
    // A choice is the latest one: given, it replaces the one kept.
    chatChoice: more.chatChoice !== undefined ? more.chatChoice : (base.chatChoice ?? null),
    accountChoice: more.accountChoice !== undefined ? more.accountChoice : (base.accountChoice ?? null),
  }
}

/** What a stored value reads as (null, text from sqlite, an object from mongo): an older join without a record moved nothing known. */
export function readMoved(stored: unknown): ChatJoinMoved {
  const value = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored
  return value && typeof value === 'object' ? addMoved(null, value as Partial<ChatJoinMoved>) : NOTHING_MOVED
}
