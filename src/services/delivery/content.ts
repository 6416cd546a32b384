import type { CaseRecord } from '../../domain/case.js'
import type { MeetingRecord } from '../../domain/meeting.js'
import type { OutboxMessage } from '../../store/ports.js'
import { localDate, monthDayText } from '../../domain/dates.js'
import { firstWordsOfMasked } from '../../domain/deputy-gist.js'
import { firstMaskAt, maskPersonalData } from '../../domain/pii-mask.js'
import { formatWeChatTime } from '../../wechat/subscribe-values.js'
import { titleOf } from './kinds.js'

/**
 * What a message is about: the record its page opens and its reference is made from. `workbench`: a deputy's own
 * standing (his 暂停接收新留言 set or ended), which his workbench shows.
 */
export type SubjectKind = 'case' | 'meeting' | 'survey' | 'quiz' | 'reading' | 'digest' | 'notice' | 'suggestion' | 'workbench'
export const SUBJECT_KINDS: SubjectKind[] = ['case', 'meeting', 'survey', 'quiz', 'reading', 'digest', 'notice', 'suggestion', 'workbench']

/** Kinds about the deputy himself rather than a record: their card opens his workbench, which says where he stands. */
const WORKBENCH_KINDS: ReadonlySet<string> = new Set(['deputy.away', 'deputy.away_ended'])

/** The records a message is about, as they are now (loaded by the dispatcher just before sending). */
export interface Subjects {
  case?: CaseRecord | null
  meeting?: MeetingRecord | null
}

/**
 * The values a template's placeholders take. None is ever empty: WeChat refuses an empty
 * keyword (47003) and the message would be lost.
 * - title: what kind of news (留言已答复, 会议通知：…, 每日摘要：待办留言 3 件)
 * - ticket: a reference in ASCII (the case ticket, HY… for a meeting, WJ… a survey, RB… a digest)
 * - text: the news itself, in a few words
 * - time: when it happens (a meeting's start), else when it was written
 * - place: a meeting's place, else the same as text
 * - excerpt: her own message's first words, on a card to the resident who wrote it (else the same as text)
 */
export interface MessageContent {
  title: string
  ticket: string
  text: string
  time: string
  place: string
  excerpt: string
  /** The page the card opens, by subject, and its query (caseId=…, meetingId=…). */
  link: { subject: SubjectKind; query: string }
}

interface Payload {
  text?: string
  /** The card's line when the text, said to a person by name, would not fit its 20 characters. */
  cardText?: string
  /** The card's title when the kind's own would mislead (a message a colleague handed back is no 新留言), made to fit. */
  cardTitle?: string
  title?: string
  ticket?: string
  caseId?: string
  meetingId?: string
  surveyId?: string
  quizId?: string
  itemId?: string
  campaignId?: string
  opinionId?: string
  day?: string
  reason?: string
  suggestionId?: string
  number?: string | null
}

/** Letters and digits of an id, upper case, with a prefix naming what it is: HY1A2B3C4D. */
const reference = (prefix: string, id: string) =>
  `${prefix}${id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-8)
    .toUpperCase()}`

/** The subject of a message from what its writer put in the payload; the kind decides between survey kinds. */
export function subjectOf(m: Pick<OutboxMessage, 'id' | 'kind' | 'payload' | 'createdAt'>): { subject: SubjectKind; query: string; ref: string } {
  const p = m.payload as Payload
  if (p.caseId) return { subject: 'case', query: `caseId=${p.caseId}`, ref: p.ticket || reference('LY', p.caseId) }
  if (p.meetingId) return { subject: 'meeting', query: `meetingId=${p.meetingId}`, ref: reference('HY', p.meetingId) }
  if (p.surveyId) {
    const prefix = m.kind.startsWith('ballot.') ? 'PJ' : p.opinionId ? 'YJ' : 'WJ'
    return { subject: 'survey', query: `surveyId=${p.surveyId}`, ref: reference(prefix, p.opinionId ?? p.surveyId) }
  }
  if (p.quizId) return { subject: 'quiz', query: `quizId=${p.quizId}`, ref: reference('DT', p.quizId) }
  if (p.itemId) return { subject: 'reading', query: `itemId=${p.itemId}`, ref: reference('XX', p.itemId) }
  if (p.suggestionId) return { subject: 'suggestion', query: `suggestionId=${p.suggestionId}`, ref: p.number || reference('JY', p.suggestionId) }
  if (m.kind === 'digest') {
    const day = p.day ?? m.createdAt.toISOString().slice(0, 10)
    return { subject: 'digest', query: `day=${day}`, ref: `RB${day.replace(/-/g, '')}` }
  }
  // 一起催办's notice names several of his messages, no one of them: his workbench lists them, each marked 已催办.
  const several = m.kind === 'case.urged' && Array.isArray((m.payload as { caseIds?: unknown }).caseIds)
  if (WORKBENCH_KINDS.has(m.kind) || several) return { subject: 'workbench', query: `messageId=${m.id}`, ref: reference('TZ', m.id) }
  return { subject: 'notice', query: `messageId=${m.id}`, ref: reference('TZ', m.id) }
}

/** The headings of a digest's sections, as a short line: 待办留言3件；近7天会议活动1个. */
function digestSummary(text: string): string {
  const headings = [...text.matchAll(/【([^】]+)】/g)].map((h) => h[1].replace(/\s+/g, ''))
  return headings.join('；')
}

function meetingLine(kind: string, meeting: MeetingRecord | null | undefined): string | null {
  if (!meeting) return null
  if (kind === 'meeting.cancelled') return meeting.cancelReason ? `已取消：${meeting.cancelReason}` : '会议已取消'
  return `地点：${meeting.place}`
}

/** What a `thing` keyword holds (wechat.md §2.4): 20 characters, counted as WeChat counts them. */
const THING_MAX = 20
/** Fewer first words than this name nothing; the title then stays the kind alone. */
const GIST_MIN = 4

/**
 * Her own message masked for a card, or null when the card is not to the resident who wrote it.
 * Masked once (maskPersonalData, her stricter mask: a card shows on a locked screen) for both of
 * the card's keywords that quote it, each cut at its own width by residentGist.
 */
function residentWords(m: OutboxMessage, c: CaseRecord | null | undefined): string | null {
  if (!c || m.recipientKind !== 'mp_user' || m.recipientId !== c.residentId) return null
  return maskPersonalData(c.text)
}

/**
 * The first words of her own message, for a card to the resident who wrote it: a number alone
 * (20261205-0001) tells a woman with two messages nothing. The same rule as a deputy's notice
 * (firstWords: never cut inside a number or a mask （…已隐去）), on her words masked by residentWords.
 * Empty for anyone else's card, and when fewer than GIST_MIN characters are left, which name nothing.
 */
function residentGist(masked: string | null, max: number, day: string): string {
  if (masked === null || max < GIST_MIN) return ''
  const mask = firstMaskAt(masked)
  if (mask >= 0) return wordsBeforeMask(masked.slice(0, mask), max) || (Array.from(day).length <= max ? day : '')
  const gist = firstWordsOfMasked(masked, max)
  return !gist.endsWith('…') || Array.from(gist).length > GIST_MIN ? gist : ''
}

/** Fewer of her words than this before a masked part name too little: the card names her message by its day instead. */
const BEFORE_MASK_MIN = 6

/**
 * Her card never shows a mask (（门牌号已隐去） in her own words reads oddly to her, and her number is never
 * put on it): her words up to the first masked part, cut at the last clause before it ("我家楼道的灯坏了，电话"
 * → "我家楼道的灯坏了…": the words that lead into the number go with it), marked "…". '' when too few are left.
 */
function wordsBeforeMask(before: string, max: number): string {
  const trim = (words: string) => words.replace(/[\s，。、；：！？,.;:!?"'“”‘’（(【[-]+$/u, '')
  const words = trim(firstWordsOfMasked(before, max).replace(/…$/, ''))
  const clause = Math.max(...['，', '。', '；', '！', '？', ',', ';', '!', '?'].map((p) => words.lastIndexOf(p)))
  const whole = trim(words.slice(0, clause))
  const kept = clause > 0 && Array.from(whole).length >= BEFORE_MASK_MIN ? whole : words
  return Array.from(kept).length >= BEFORE_MASK_MIN ? `${kept}…` : ''
}

/** The values for a message's template, from the message and the records it is about. Pure. */
export function messageContent(m: OutboxMessage, subjects: Subjects, timeZone: string): MessageContent {
  const p = m.payload as Payload
  const { subject, query, ref } = subjectOf(m)
  const kindTitle = titleOf(m.kind)
  const meeting = subject === 'meeting' ? subjects.meeting : null
  // The digest's title says it all; anything else names its kind, then what it is about.
  const about = meeting?.title ?? p.title
  // Her own message named in the title (the one keyword every template has): 留言已答复：小区路灯不亮… —
  // the title, "：" and "…" leave the rest of the 20 characters to her words.
  const herWords = subject === 'case' ? residentWords(m, subjects.case) : null
  // Her message by the day she wrote it ("您11月23日的留言"), when her first words run into a masked part.
  const herDay = herWords !== null && subjects.case ? `您${monthDayText(localDate(subjects.case.createdAt, timeZone))}的留言` : ''
  const gist = about ? '' : residentGist(herWords, THING_MAX - Array.from(kindTitle).length - 2, herDay)
  const title =
    m.kind === 'digest' ? p.title || kindTitle : p.cardTitle?.trim() || (about ? `${kindTitle}：${about}` : gist ? `${kindTitle}：${gist}` : kindTitle)
  // A digest's own card line, made to fit (older ones in the outbox carry none: the headings of their sections).
  const line = m.kind === 'digest' ? p.cardText?.trim() || (p.text ? digestSummary(p.text) : null) : meetingLine(m.kind, meeting)
  const text = line || p.cardText?.trim() || p.text?.trim() || kindTitle
  const at = meeting ? meeting.startAt : m.createdAt
  return {
    title,
    ticket: p.ticket || ref,
    text,
    time: formatWeChatTime(at, timeZone),
    place: meeting?.place || text,
    // For a template with a keyword of its own for it ({excerpt}): as many of her words as a thing holds.
    excerpt: residentGist(herWords, THING_MAX - 1, herDay) || text,
    link: { subject, query },
  }
}
