/** Where a resident's message goes: a place, a deputy, or a station (from a poster code). */
export type Target =
  { kind: 'region'; id: string; label: string } | { kind: 'deputy'; code: string; label: string } | { kind: 'station'; code: string; label: string }

export interface Choice {
  id: string
  name: string
  kind: string
}

/** A resident leaving a message: place (or deputy) → text → confirm. */
export interface MessageFlow {
  name: 'message'
  /** 'samePlace': asked whether it goes where her last message went ("您上次是光明社区，还发这里吗？"). */
  stage: 'place' | 'deputy' | 'text' | 'confirm' | 'samePlace'
  /** The bot's id for this draft; with the draft's content it makes the Idempotency-Key. */
  draftId: string
  target: Target | null
  /** Regions chosen so far, district first. */
  path: Choice[]
  /** The numbered choices last shown. */
  options: Choice[]
  parts: string[]
  lastPartAt: number | null
  /**
   * The summary waited past the idle timeout: the draft is kept (one "1" still sends it), and her
   * next message first hears that it was not sent.
   */
  parked?: boolean
  /** When it was parked (bot clock, ms): a week on it is let go, and she is told so once. */
  parkedAt?: number
  /**
   * She asked for a new message while this draft was unsent: it was shown to her with the choice,
   * "1" sends it, "2" drops it and starts this one instead.
   */
  instead?: NewMessage
  /** Stage samePlace: the place of her last message, district first. */
  lastPlace?: Choice[]
  /** Stage confirm: the backend said these words are on a message of hers still being handled (its number); she is asked (sent-before.ts). */
  sentBefore?: string
  /** That message is answered and waits for her score: "3" scores it instead (sent-before.ts). */
  sentBeforeAnswered?: boolean
  /** That answered message was scored while the question waits: 3 is no longer offered (sent-before.ts). */
  sentBeforeScored?: boolean
  /** She answered that it goes all the same: sent with sendAgain. */
  sendAgain?: boolean
}

/** What a resident asked to start: "留言", a deputy named (with the words after it), a poster code. */
export type NewMessage = { kind: 'message' } | { kind: 'deputy'; who: string; text: string } | { kind: 'code'; code: string; text?: string }

/** The privacy notice is shown; "同意" continues with what the resident asked for. */
export interface PrivacyFlow {
  name: 'privacy'
  version: string
  next: NewMessage | { kind: 'resume'; flow: MessageFlow }
  /**
   * The notice waited past the idle timeout with her words in the draft: they are kept (bot clock, ms), she was told
   * they were not sent and that "同意" carries on; a day on they are let go (kept-draft.ts).
   */
  parkedAt?: number
}

/**
 * After a low rating: offer to reopen, then ask why. Or "重新办理" later, with several messages that may
 * be: which one (pick, from `choices`), then why.
 */
export interface ReopenFlow {
  name: 'reopen'
  /**
   * 'verdict': she wrote under an answer that it did not solve her problem; asked whether she means it is not solved.
   * 'again': her first words of a new message match one of hers that may be handled again ("下水道又堵了"): asked
   * whether to have that one handled again with them (1) or write a new message (2); `words` holds them.
   */
  stage: 'offer' | 'reason' | 'pick' | 'verdict' | 'again'
  /** The message to reopen ('' while she picks it). */
  ticket: string
  /** Stage pick: the tickets listed, in their numbers' order. */
  choices?: string[]
  /**
   * Stage pick: each listed message as she read it (where it stood, its first words), so the list shown again, after a
   * wrong answer or after his 待办, names them as the first time (reopen-pick.ts). Absent from a state saved before.
   */
  shown?: Array<{ ticket: string; statusLabel: string; excerpt: string }>
  /**
   * What she said after "不满意" ("不满意，灯还是不亮"): "1" reopens with it, without asking again. Kept whole: what is
   * longer than the backend takes is passed on in part and offered whole as a new message (reopen.ts, reopen).
   */
  reason?: string
  /** A new message she was writing when she rated: taken up again after the offer. */
  draft?: MessageFlow
  /** Her sentence, when one ending in 重新办理 was taken for a request: "2. 不用了" gives it back to the draft. */
  words?: string
  /** Words she typed under the offer ("路灯还是不亮，晚上黑乎乎的"): the reason "1" reopens with, never asked for again. */
  said?: string
  /** Stage reason: what she said with her score ("根本没修好"), the reason when she only repeats the request. */
  earlier?: string
  /** Stage again: what the message and her words share ("下水道"), to name it. */
  subject?: string
}

/** 删除我的信息 was asked: the next message confirms ("确认删除") or not (privacy-requests.ts). */
export interface EraseFlow {
  name: 'erase'
}

/**
 * A privacy request asked back before anything is done (privacy-ask.ts): 'which', a bare "删除" (her information, or a
 * message withdrawn); 'consent', 撤回同意, done only on her yes. `resume`: what was going on when she asked, given back
 * when she does not go ahead.
 */
export interface PrivacyAskFlow {
  name: 'privacyAsk'
  asks: 'which' | 'consent'
  resume?: Flow | null
  /** 撤回同意 answered with a yes of another kind ("好的"): asked once more, for "撤回" or "是". */
  askedAgain?: boolean
}

/**
 * Words right after a bare score that do not read as her verdict on the answer (longer, a place, a new
 * request), or that name another thing than the message (the backend says so): she is asked whether they are
 * for the deputy with the score (1) or a new message (2). Then, stage 'late': the rating could no longer take
 * them; 'whole': only their first part went with it. Either way "1" makes them a new message, "2" leaves them.
 */
export interface CommentFlow {
  name: 'comment'
  /** The message whose answer she has just scored. */
  ticket: string
  /** Her words, with any she sent while the question waited. */
  words: string
  /** What the message is about ("路灯"), as the backend named it when her words named something else. */
  subject?: string
  /**
   * Absent while she is asked which she means. 'again': more words after her comment was already taken (the
   * rating takes one); 'unsent': short words with nothing going on (no command, no greeting). Like 'late',
   * "1" makes them a new message and "2" leaves them.
   */
  stage?: 'late' | 'whole' | 'again' | 'unsent'
  /** Stage 'whole': how many characters of her words went to the deputy with the score. */
  sent?: number
  /** Stage 'unsent': how many of her messages were being handled then, said so she knows those went. */
  inHand?: number
  /** Stage 'unsent': how many of her messages were answered then and waited for her score (not "in hand"). */
  answered?: number
}

export type Flow = MessageFlow | PrivacyFlow | ReopenFlow | EraseFlow | PrivacyAskFlow | CommentFlow

/** A reply not rated within this long is no longer what a bare "5" means. */
export const RATING_WINDOW_MS = 7 * 24 * 3_600_000

/** A numbered list (her messages, his 待办) is what a bare number means for this long after it was shown. */
export const LIST_WINDOW_MS = 30 * 60_000

/** What the backend keeps for one contact between messages (and bot restarts). */
export interface DialogueState {
  flow: Flow | null
  /** A reply was delivered: the next "1"…"5" rates this case. */
  /**
   * `reason`: what she said with "重新办理" before scoring ("还是没修好，重新办理吧"), kept for a low score, so the
   * offer that follows has it and "1" does not ask for it again.
   */
  /** `spokeSince`: she has sent something since the answer asked for her score (resident-question.ts). */
  rating: { ticket: string; since: number; reason?: string; spokeSince?: boolean } | null
  /**
   * The numbered list of her messages just shown (查询, 撤回): her next message, if a number of it, picks
   * that message for what the list was for. Any other message ends it.
   */
  listed?: ListedMessages | null
  /**
   * When his 待办 lines were last shown to him numbered (待办, the morning digest, the help for a line number; bot clock,
   * ms): a deputy who is a resident too means a line of them by a number, unless a question of hers came after
   * (resident-question.ts). Kept while a number may still mean a line (LIST_WINDOW_MS), or beside a question of hers.
   */
  todoShownAt?: number
  /**
   * His 待办 lines as they were shown then (待办, the morning digest), in their numbers' order: while they stand, "2" or
   * "回复 2 …" is the second of these, never what is second in his 待办 now that one above it is done (deputy-numbers.ts).
   * Kept with todoShownAt; absent from a state saved before, or when the digest did not say them.
   */
  todoShownLines?: ShownLine[]
  /** When the residents' numbered menu was last shown to a deputy (bot clock, ms): his bare "1" then means 留言. */
  residentMenuAt?: number
  /**
   * When her flow under way last asked her its question (bot clock, ms): at each message of hers it answered, and when it
   * spoke unasked (the summary, the kept draft). His 待办 lines shown at or after it make a number maybe his
   * (resident-question.ts). Kept while a flow stands.
   */
  flowAskedAt?: number
  /**
   * She just gave a score alone: her next words, if they are no command, may be what she wants the deputy
   * to hear with it (the rating's comment), until `until` (bot clock, ms): the window the backend said
   * it keeps open when it took the score.
   */
  rated?: RatedJustNow | null
  /** A deputy named a colleague to hand a message to (转交 0002 王芳), or asked to hand it back (交回): his "是" does it. */
  transferAsk?: TransferAsk | null
  /** A deputy's answer to a resident, shown back to him before it goes (deputy-reply.ts): his "是" sends it. */
  replyAsk?: ReplyAsk | null
  /** The answers he sent from this chat lately: a new message ending in the same four digits is said to be another. */
  answered?: AnsweredLately[]
  /**
   * The bot's last word to a deputy that a yes may answer, besides the questions kept above (deputy-yes.ts): a command it
   * offered ready to copy ("…吗？是的话请发送：回复 0001 …"), or his meetings shown. Kept 30 minutes; any other message of
   * his leaves only `at`, which still ends the "just went" of an answer he sent before it (deputy-reply.ts).
   */
  yesTo?: YesTo | null
  /** A deputy said "请假" without a reason and was asked for one (or, run into other words, asked if he means a leave): for this meeting. */
  leaveAsk?: LeaveAsk | null
  /** A deputy said "参加" / "请假" with several meetings it could be for, and was shown them numbered: his number picks one. */
  meetingPick?: MeetingPick | null
  /**
   * Words of hers not sent went at the time she was told, while no bot let them go itself (a restart): the backend
   * said so. Kept until her next message tells her they were not kept.
   */
  wordsLapsed?: boolean
  /** The message she said to send again all the same (sent-before.ts) has just gone: its number and when (bot clock, ms). */
  sentAgain?: { ticket: string; at: number } | null
  /** When the resident last moved the flow on (bot clock, ms). */
  touchedAt: number
}

export interface RatedJustNow {
  ticket: string
  at: number
  until: number
  /** The score she gave: typed again ("5", "5分") it is answered as given, not with the menu. */
  score?: number
  /** Her comment was taken already (one per rating): further words are offered as a new message, never dropped. */
  commented?: boolean
}

/** A line of his 待办 as shown: the message's whole number and its first words as the line quoted them. */
export interface ShownLine {
  ticket: string
  excerpt?: string
}

export interface ListedMessages {
  kind: 'query' | 'withdraw'
  /** The tickets in their numbers' order. */
  tickets: string[]
  at: number
}

export interface TransferAsk {
  /** The message as he wrote its number, and its whole number. */
  ref: string
  ticket: string
  /** null: back to the office that placed it (交回), named in `deputyName` as he reads it ("联络站"). */
  deputyCode: string | null
  deputyName: string
  /** What he wrote after the name ('' when nothing); for 交回, his reason. */
  note: string
  at: number
}

export interface ReplyAsk {
  /** The message as he wrote its number (or its whole number, under a quoted notice), its whole number, its first words. */
  ref: string
  ticket: string
  excerpt: string
  /** His answer so far, with any words he added while it waited. */
  text: string
  at: number
  /** When it was dropped unsent (bot clock, ms): a lone "是" soon after is told it went nowhere, never the residents' menu. */
  dropped?: number
  /** A message ending in the same four digits he answered lately, in this chat or on his page, found when it was shown. */
  earlier?: AnsweredLately | null
  /** When a meeting notice reached her chat after it was shown (bot clock, ms): her bare "好的" may be to the notice. */
  noticeAt?: number
  /** She was asked whether her yes was for the answer or the meeting: now her "是" sends it. */
  askedWhich?: boolean
  /**
   * A notice naming another message reached her chat after it was shown (deputy-notice-crossed.ts): her bare yes and her
   * plain words may be for that one. `asks`: what the notice asks her to send ("受理 0002"), null when it names no one message.
   */
  crossed?: { asks: string | null }
}

export interface AnsweredLately {
  ticket: string
  excerpt: string
  /** When he sent it (bot clock, ms; the backend's time for one answered on his page). */
  at: number
  /** Its station by name: whom he asks to add to it (absent when the backend did not say). */
  station?: string | null
}

export interface YesTo {
  at: number
  /** The command offered, as his yes sends it (words he was to fill in left out: he is asked for them). */
  command?: string
  /** His meetings were shown or answered: his yes is read as to them. */
  meetings?: boolean
  /** The bot asked for the words of his answer to this message (its number as he wrote it): his next plain words are that answer. */
  wordsFor?: string
  /**
   * A notice naming a message came after the command offered (`offered`): his bare yes may be to either, so neither is
   * done and he is asked which. `notice`: what the notice asks him to send ("受理 0002"), null when it names no one message.
   */
  crossed?: { offered: string; notice: string | null }
  /**
   * Her words were asked for message `ref` and a notice naming another message came since: her next plain words are no
   * answer to either, and she hears they were not sent, with what to send (deputy-words-asked.ts).
   */
  wordsCrossed?: { ref: string; notice: string | null }
  /** He was asked which (`crossed` above) and nothing was done: another bare yes is told so again, with both commands. */
  askedWhich?: { offered: string; notice: string | null }
}

export interface LeaveAsk {
  /** The meeting the reason was asked for, as it stood then (its answer decides "已请假" or "已改为请假"). */
  meetingId: string
  title: string
  time: string
  rsvp: string
  at: number
  /** 请假 run into other words ("请假期间的补贴什么时候发"): asked whether he means a leave; only "是" records it, with these words as the reason. */
  heard?: string
}

export interface MeetingPick {
  /**
   * What he said: 参加, or 请假 with its reason ('' when he gave none: it is asked once he has picked); 'either' after
   * "好的" (said nothing of which): each number comes with 参加 or 请假 ("2 参加").
   */
  to: 'attend' | 'leave' | 'either'
  reason: string
  /** The meetings listed, in their numbers' order, as they stood then. */
  choices: Array<{ id: string; title: string; time: string; rsvp: string; status?: string; rsvpOpen?: boolean }>
  at: number
}

export const emptyDialogue = (now: number): DialogueState => ({
  flow: null,
  rating: null,
  listed: null,
  rated: null,
  transferAsk: null,
  replyAsk: null,
  leaveAsk: null,
  meetingPick: null,
  touchedAt: now,
})

/** Reads what the backend returned; anything unrecognised starts afresh rather than crash a conversation. */
export function readDialogue(raw: Record<string, unknown> | null, now: number): DialogueState {
  if (!raw || raw.v !== 1) return emptyDialogue(now)
  const s = raw as unknown as DialogueState
  return {
    flow: s.flow ?? null,
    rating: s.rating ?? null,
    listed: s.listed ?? null,
    // Past the list's half hour with nothing of hers waiting, it can outrank nothing to come: let go.
    ...(typeof s.todoShownAt === 'number' && (s.rating || s.listed || now - s.todoShownAt < LIST_WINDOW_MS)
      ? { todoShownAt: s.todoShownAt, ...(Array.isArray(s.todoShownLines) ? { todoShownLines: s.todoShownLines } : {}) }
      : {}),
    ...(typeof s.residentMenuAt === 'number' && now - s.residentMenuAt < LIST_WINDOW_MS ? { residentMenuAt: s.residentMenuAt } : {}),
    ...(s.flow && typeof s.flowAskedAt === 'number' ? { flowAskedAt: s.flowAskedAt } : {}),
    rated: s.rated ?? null,
    transferAsk: s.transferAsk ?? null,
    replyAsk: s.replyAsk ?? null,
    ...(Array.isArray(s.answered) && s.answered.length ? { answered: s.answered } : {}),
    ...(s.yesTo && typeof s.yesTo.at === 'number' && now - s.yesTo.at < LIST_WINDOW_MS ? { yesTo: s.yesTo } : {}),
    leaveAsk: s.leaveAsk ?? null,
    meetingPick: s.meetingPick ?? null,
    ...(s.wordsLapsed === true ? { wordsLapsed: true } : {}),
    ...(s.sentAgain && typeof s.sentAgain.at === 'number' ? { sentAgain: s.sentAgain } : {}),
    touchedAt: typeof s.touchedAt === 'number' ? s.touchedAt : now,
  }
}

export const writeDialogue = (s: DialogueState): Record<string, unknown> => ({
  v: 1,
  flow: s.flow,
  rating: s.rating,
  listed: s.listed ?? null,
  ...(s.todoShownAt !== undefined ? { todoShownAt: s.todoShownAt, ...(s.todoShownLines ? { todoShownLines: s.todoShownLines } : {}) } : {}),
  ...(s.residentMenuAt !== undefined ? { residentMenuAt: s.residentMenuAt } : {}),
  ...(s.flow && s.flowAskedAt !== undefined ? { flowAskedAt: s.flowAskedAt } : {}),
  rated: s.rated ?? null,
  transferAsk: s.transferAsk ?? null,
  replyAsk: s.replyAsk ?? null,
  ...(s.answered?.length ? { answered: s.answered } : {}),
  ...(s.yesTo ? { yesTo: s.yesTo } : {}),
  leaveAsk: s.leaveAsk ?? null,
  meetingPick: s.meetingPick ?? null,
  ...(s.wordsLapsed ? { wordsLapsed: true } : {}),
  ...(s.sentAgain ? { sentAgain: s.sentAgain } : {}),
  touchedAt: s.touchedAt,
})

export const isEmpty = (s: DialogueState) =>
  s.flow === null &&
  s.rating === null &&
  !s.listed &&
  !s.rated &&
  !s.transferAsk &&
  !s.replyAsk &&
  !s.answered?.length &&
  !s.yesTo &&
  !s.leaveAsk &&
  !s.meetingPick &&
  !s.wordsLapsed &&
  !s.sentAgain &&
  s.todoShownAt === undefined &&
  s.residentMenuAt === undefined
