import { localDate, monthDayText } from './dates.js'
import { caseOrder, fitDigest, inTheApp, pressing, pressingListed, type DigestPart } from './digest-fit.js'
import { lastOpenMoment } from './due-date-text.js'
import { endOfLocalDay } from './local-days.js'
import { endsInBrackets } from './meeting-words.js'
import { quizClosesText } from './quiz.js'
import { spokenDeadline, spokenMoment, spokenTime } from './spoken-dates.js'
import { deputyLateWords } from './late-words.js'
import { listTicketRefs } from './ticket-refs.js'

/**
 * The deputy's daily digest: one short message instead of twenty. A pure function of what
 * is waiting for the deputy that morning; nothing to say means no message at all.
 */

export interface DigestCase {
  ticket: string
  topic: string
  /** The resident's words, shortened and with phone and ID numbers masked (deputyGist). */
  excerpt: string
  /** 答复已超期: waiting past its reply deadline, as the office counts 超期 (case-stats.ts waitingLate). */
  overdue: boolean
  /**
   * Not acknowledged by its deadline, its reply not yet due (case-stats.ts ackLate): said apart, in its own words
   * (已过受理期限), never counted as 超期. Absent means not.
   */
  ackLate?: boolean
  /** News to him: arrived since the last digest, and not already brought to him by its own notice. */
  isNew: boolean
  /** The deadline that presses now, and what it is for: acknowledging (受理) or answering (答复); null when none. */
  due?: { at: Date; act: 'acknowledge' | 'reply' } | null
  /**
   * While it is late, the deadline gone by: the reply's when `overdue` (he may owe its 受理 too), else the
   * acknowledgement's. Its days are said as his workbench says them ("答复已超期 2 天"); absent, `due`'s is taken.
   */
  lateSince?: Date
}
export interface DigestMeeting {
  title: string
  startsAt: Date
  place: string
  /** What the deputy answered so far: 参加, 请假, or nothing yet. */
  rsvp: 'attend' | 'leave' | 'pending'
  /** Not answered, and the RSVP still takes an answer (as 我的待办 judges it). */
  rsvpOwed: boolean
  /** He has checked in: coming answered it, so he is neither asked nor told his reply time passed. */
  checkedIn?: boolean
  /** When answers close, when that is before the start: said while his answer is owed ("请在…前回复"). */
  rsvpBy?: Date | null
  /**
   * It starts after the digest's week: listed only because his answer is owed and due within it (a meeting
   * called ten days ahead, answers due in three), under its own heading.
   */
  answerOnly?: boolean
}
export interface DigestReading {
  title: string
  required: boolean
}
/** A ballot to cast or a survey to fill in, still open. */
export interface DigestSurvey {
  title: string
  ballot: boolean
  closesAt: Date
}
export interface DigestTask {
  campaign: string
  text: string
}
/** A quiz open to him that he has still to do (as 我的待办 judges it: QuizTaking.owedTo). */
export interface DigestQuiz {
  title: string
  closesAt: Date
}
/** His 暂停接收留言 mark, while it covers the digest's date. */
export interface DigestAway {
  /** Last local date away, YYYY-MM-DD. */
  until: string
  /** Whom to ask to hand his messages on: his station, by name. */
  contact: string
}

export interface DigestInput {
  deputyName: string
  /** The local date the digest is for, YYYY-MM-DD. */
  date: string
  timeZone: string
  cases: DigestCase[]
  meetings: DigestMeeting[]
  reading: DigestReading[]
  tasks: DigestTask[]
  /** Ballots and surveys owed; absent means none. */
  surveys?: DigestSurvey[]
  /** Quizzes still to do; absent means none. */
  quizzes?: DigestQuiz[]
  /** He is paused (暂停接收留言) on the digest's date; absent or null when not. */
  away?: DigestAway | null
}

export interface Digest {
  title: string
  /**
   * The message itself, as the bot says it in his private chat: the only channel that carries
   * the whole text (a subscribe card shows the title and `cardText` and opens his 工作台), so the
   * ways to act it names are the chat's ("受理 0001", "回复 0001 …", "参加").
   */
  text: string
  /** The line of the subscribe card (20 characters): what is waiting, in counts. */
  cardText: string
  /**
   * The messages its numbered lines name, in their numbers' order, with the words each line quotes: the chat reads her
   * "2" as the second of these, whatever her 待办 holds by then (bots/flows/deputy-numbers.ts).
   */
  listed: Array<{ ticket: string; excerpt: string }>
  counts: {
    cases: number
    overdue: number
    /** Of the cases, those only late in being acknowledged (已过受理期限): never among `overdue`. */
    ackLate: number
    meetings: number
    rsvpOwed: number
    reading: number
    tasks: number
    ballots: number
    surveys: number
    quizzes: number
  }
}

const MAX_PER_SECTION = 5
/** Characters of a resident's words a digest line shows (deputyGist cuts them: the one first-words rule). */
export const DIGEST_EXCERPT_MAX = 28
/** Characters a subscribe card's text keyword holds (wechat.md §2.4). */
const CARD_MAX = 20

/** After "……另有 N": where he sees the messages the digest leaves out (the chat's word for his whole list). */
const ALL_CASES = '条，发送"待办"查看全部'

/** The first `shown` items (MAX_PER_SECTION by default) and how many more there are. */
function listed<T>(items: T[], line: (item: T, i: number) => string, unit: string, shown = MAX_PER_SECTION): string[] {
  const lines = items.slice(0, shown).map(line)
  if (items.length > shown) lines.push(`……另有 ${items.length - shown} ${unit}`)
  return lines
}

/** A moment on the digest's own date, as people say it that morning: "今天下午5:00前", or "今天之内" for the whole day. */
function byToday(at: Date, timeZone: string): string {
  const last = lastOpenMoment(at, timeZone)
  return endOfLocalDay(last, timeZone).getTime() === last.getTime() ? '今天之内' : `今天${spokenTime(last, timeZone)}前`
}

/**
 * What he answered to a meeting, in the words of the chat; while his answer is owed, by when, as people say it: "请在
 * 12月4日（星期五）下午5:00前回复", on the day itself "请在今天下午5:00前回复".
 */
function rsvpWords(m: DigestMeeting, date: string, timeZone: string, today: Date): string {
  if (m.rsvp === 'attend') return '已回复参加'
  if (m.rsvp === 'leave') return '已请假'
  if (m.checkedIn) return '已签到'
  if (!m.rsvpOwed) return '没有回复，回复时间已过'
  if (!m.rsvpBy) return '还没回复'
  if (localDate(lastOpenMoment(m.rsvpBy, timeZone), timeZone) !== date) return `还没回复，请在${spokenDeadline(m.rsvpBy, timeZone, today)}回复`
  return `还没回复，请在${byToday(m.rsvpBy, timeZone)}回复`
}

/** A meeting she goes to today, or must answer today (参加 or 请假): said before anything else. */
function meetingToday(m: DigestMeeting, date: string, timeZone: string): boolean {
  if (localDate(m.startsAt, timeZone) === date) return m.rsvp !== 'leave'
  return m.rsvpOwed && !!m.rsvpBy && localDate(lastOpenMoment(m.rsvpBy, timeZone), timeZone) === date
}

/**
 * A meeting's line: when (today's as "今天下午2:30": the heading gives the date), what, where (after a title that ends in
 * brackets, not in another pair), and his answer.
 */
function meetingLine(m: DigestMeeting, date: string, timeZone: string, today: Date): string {
  const where = endsInBrackets(m.title) ? `，地点 ${m.place}` : `（${m.place}）`
  const when = localDate(m.startsAt, timeZone) === date ? `今天${spokenTime(m.startsAt, timeZone)}` : spokenMoment(m.startsAt, timeZone, today)
  return `· ${when} ${m.title}${where}，${rsvpWords(m, date, timeZone, today)}`
}

/** What the digest is about, for its title: late messages, else those due today, else messages, else the first thing there is. */
function titleOf(counts: Digest['counts'], dueToday: number): string {
  if (counts.overdue) return `每日摘要：${counts.overdue} 条留言答复已超期`
  if (counts.ackLate) return `每日摘要：${counts.ackLate} 条留言已过受理期限`
  if (dueToday) return `每日摘要：${dueToday} 条留言今天到期`
  // 待办留言, as the text's own heading says (【待办留言 2 条】): its meetings are counted apart.
  if (counts.cases) return `每日摘要：待办留言 ${counts.cases} 条`
  // As its heading says (【还没说参不参加的会议 N 个】); a thing keyword (≤ 20): 18 characters with 99 meetings.
  if (counts.rsvpOwed) return `每日摘要：${counts.rsvpOwed} 个会议还没说参不参加`
  if (counts.ballots) return `每日摘要：${counts.ballots} 项待投票`
  if (counts.meetings) return `每日摘要：近期会议 ${counts.meetings} 个`
  if (counts.surveys) return `每日摘要：${counts.surveys} 份问卷待填写`
  if (counts.quizzes) return `每日摘要：${counts.quizzes} 项答题待完成`
  if (counts.reading) return `每日摘要：新学习材料 ${counts.reading} 篇`
  return `每日摘要：学习任务 ${counts.tasks} 项`
}

/** "（超期1，过受理期限1）": the late ones of the card's 留言 count, each kind apart (never one counted twice); '' when none. */
function lateCount(counts: Digest['counts']): string {
  const parts = [counts.overdue ? `超期${counts.overdue}` : '', counts.ackLate ? `过受理期限${counts.ackLate}` : ''].filter(Boolean)
  return parts.length ? `（${parts.join('，')}）` : ''
}

/** The card's line: as many of the counts as fit whole in its 20 characters, the most pressing first. */
function cardTextOf(counts: Digest['counts']): string {
  const parts = [
    counts.cases ? `留言${counts.cases}条${lateCount(counts)}` : '',
    counts.meetings ? `会议${counts.meetings}个` : '',
    counts.ballots ? `投票${counts.ballots}项` : '',
    counts.surveys ? `问卷${counts.surveys}份` : '',
    counts.quizzes ? `答题${counts.quizzes}项` : '',
    counts.reading ? `学习材料${counts.reading}篇` : '',
    counts.tasks ? `打卡${counts.tasks}项` : '',
  ].filter(Boolean)
  let line = ''
  for (const part of parts) {
    const next = line ? `${line}，${part}` : part
    if (Array.from(next).length > CARD_MAX) break
    line = next
  }
  const withHint = `${line}，点开查看`
  return Array.from(withHint).length <= CARD_MAX ? withHint : line
}

export function composeDigest(input: DigestInput): Digest | null {
  const rank = (c: DigestCase) => pressing(c, input.date, input.timeZone)
  const cases = [...input.cases].sort(caseOrder(rank))
  const meetings = [...input.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const reading = [...input.reading].sort((a, b) => Number(b.required) - Number(a.required))
  // Ballots first (a deputy's duty), then the soonest closing.
  const surveys = [...(input.surveys ?? [])].sort((a, b) => Number(b.ballot) - Number(a.ballot) || a.closesAt.getTime() - b.closesAt.getTime())
  const quizzes = [...(input.quizzes ?? [])].sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
  const counts = {
    cases: cases.length,
    overdue: cases.filter((c) => c.overdue).length,
    ackLate: cases.filter((c) => !c.overdue && c.ackLate).length,
    meetings: meetings.length,
    rsvpOwed: meetings.filter((m) => m.rsvpOwed).length,
    reading: reading.length,
    tasks: input.tasks.length,
    ballots: surveys.filter((x) => x.ballot).length,
    surveys: surveys.filter((x) => !x.ballot).length,
    quizzes: quizzes.length,
  }
  // A meeting he has excused himself from is listed with the rest, but is no reason for a message on its own.
  const toAttend = meetings.filter((m) => m.rsvp !== 'leave').length
  if (counts.cases + toAttend + counts.reading + counts.tasks + surveys.length + quizzes.length === 0) return null

  // Noon of the digest's date stands for "now": only its year matters (said when a date is in another).
  const today = new Date(`${input.date}T12:00:00Z`)
  const { timeZone } = input
  // The number he writes a message by in the chat, as 待办 gives it: every line the last four digits, or every
  // line the whole number when two of his messages end the same (one way of writing them in one message).
  const ticketOf = listTicketRefs(cases.map((c) => c.ticket))
  const ref = (c: DigestCase) => ticketOf(c.ticket)
  const word = (act: 'acknowledge' | 'reply') => (act === 'acknowledge' ? '受理' : '答复')
  // 超期 is the answer's deadline gone by (he may not have acknowledged it either); a late 受理 alone says only that.
  // With its days, as his workbench says it the same morning ("已过受理期限 2 天"), not "受理期限已过" beside it.
  const lateWords = (c: DigestCase) => {
    const since = c.lateSince ?? c.due?.at
    const kind = c.overdue ? '答复已超期' : '已过受理期限'
    return since ? deputyLateWords(c.overdue ? 'reply' : 'acknowledge', since, input.date, timeZone) : kind
  }
  const dueLine = (c: DigestCase) => {
    if (!c.due) return null
    if (c.overdue) return `   ${lateWords(c)}，请尽快${c.due.act === 'acknowledge' ? '受理并答复' : '答复'}`
    if (c.ackLate) return `   ${lateWords(c)}，请尽快受理`
    return `   请在${rank(c) ? byToday(c.due.at, timeZone) : spokenDeadline(c.due.at, timeZone, today)}${word(c.due.act)}`
  }
  const dueToday = cases.filter((c) => rank(c) === 1).length
  // Every one due today and the late ones (pressingListed), then the others up to the section's five.
  const pressingShown = pressingListed(cases, rank)
  const shownCases = [...pressingShown, ...cases.filter((c) => !rank(c)).slice(0, Math.max(MAX_PER_SECTION - pressingShown.length, 0))]
  const [, month, date] = input.date.split('-').map(Number)
  // Top to bottom as he reads it; past one message's length the lower ones give way first (fitDigest), each to its count.
  const parts: DigestPart[] = [{ full: `${input.deputyName}代表，您好！今日摘要（${month}月${date}日）` }]
  // Paused: said first, in one line. What he holds stays his (as he was told when the mark was set), and is listed below.
  if (input.away) parts.push({ full: awayLine(input.away, cases.length) })
  // What she goes to or must answer today comes first, before the messages (whose own due today lead their list).
  const line = (m: DigestMeeting) => meetingLine(m, input.date, timeZone, today)
  const todays = meetings.filter((m) => meetingToday(m, input.date, timeZone))
  if (todays.length) parts.push({ full: [`【今天要参加或回复的会议 ${todays.length} 个】`, ...todays.map(line)].join('\n') })
  // Messages counted in 条, as his chat, his mini-program and his 履职档案 count them; late said as 待办 says it (答复已超期).
  // Shortened, the late and the due today stay, each whole; the rest is counted, with the chat's word for the whole list.
  let casesPart: DigestPart | null = null
  if (cases.length) {
    const heading = `【待办留言 ${counts.cases} 条${lateHeading(counts, dueToday)}】`
    const caseLine = (c: DigestCase, i: number) => {
      const due = dueLine(c)
      const mark = c.overdue || c.ackLate ? (due ? '' : `（${lateWords(c)}）`) : c.isNew ? '（新）' : ''
      return [`${i + 1}. ${ref(c)} ${c.topic}：${c.excerpt}${mark}`, due].filter(Boolean).join('\n')
    }
    // The lines, and past them how many more there are ("……另有 8 条，发送"待办"查看全部").
    const linesOf = (shown: DigestCase[]) => [
      ...shown.map(caseLine),
      ...(cases.length > shown.length ? [`……另有 ${cases.length - shown.length} ${ALL_CASES}`] : []),
    ]
    const rest = pressingShown.length ? linesOf(pressingShown) : [`发送"待办"查看全部 ${cases.length} 条`]
    casesPart = { full: [heading, ...linesOf(shownCases)].join('\n'), short: [heading, ...rest].join('\n'), yields: 1 }
    parts.push(casesPart)
  }
  const thisWeek = meetings.filter((m) => !m.answerOnly && !todays.includes(m))
  const toAnswer = meetings.filter((m) => m.answerOnly && !todays.includes(m))
  const section = (heading: string, items: string[], unit: string, yields: number): DigestPart => ({
    full: [heading, ...listed(items, (x) => x, `${unit}，请打开小程序查看`)].join('\n'),
    short: inTheApp(heading),
    yields,
  })
  if (thisWeek.length) parts.push(section(`【近 7 天会议活动 ${thisWeek.length} 个】`, thisWeek.map(line), '个', 2))
  // Further off, but his answer is due this week: while he can still give it.
  if (toAnswer.length) parts.push(section(`【还没说参不参加的会议 ${toAnswer.length} 个】`, toAnswer.map(line), '个', 3))
  if (surveys.length) {
    const heading = [counts.ballots ? `待投票 ${counts.ballots} 项` : '', counts.surveys ? `待填写问卷 ${counts.surveys} 份` : ''].filter(Boolean).join('，')
    // The closing time as the meetings above say theirs: one way of writing a time in one message.
    const until = (x: DigestSurvey) => `请在${spokenDeadline(x.closesAt, timeZone, today)}${x.ballot ? '投票' : '填写'}`
    parts.push(
      section(
        `【${heading}】`,
        surveys.map((x) => `· ${x.ballot ? '票决' : '问卷'}《${x.title}》，${until(x)}`),
        '项',
        4,
      ),
    )
  }
  if (quizzes.length) {
    parts.push(
      section(
        `【待答题 ${counts.quizzes} 项】`,
        quizzes.map((q) => `· 《${q.title}》，请在${quizClosesText(q, timeZone, today)}答题`),
        '项',
        5,
      ),
    )
  }
  if (reading.length)
    parts.push(
      section(
        `【新学习材料 ${counts.reading} 篇】`,
        reading.map((r) => `· 《${r.title}》${r.required ? '（必读）' : ''}`),
        '篇',
        6,
      ),
    )
  if (input.tasks.length)
    parts.push(
      section(
        `【学习任务 ${counts.tasks} 项】`,
        input.tasks.map((t) => `· ${t.campaign}：${t.text}`),
        '项',
        7,
      ),
    )
  // Its example numbers are of lines she can see above: with the messages shortened, of those still listed.
  const actions = (shown: DigestCase[]) => {
    const words = howToAct(shown, ref, counts)
    return words.length ? ['【办理方法】直接在这里回复：', ...words].join('\n') : ''
  }
  if (actions(shownCases)) parts.push({ full: actions(shownCases), short: actions(pressingShown), yields: 1 })
  const text = fitDigest(parts)
  // Shortened to fit, the lines left are the pressing ones, numbered as before.
  const listedCases = !casesPart ? [] : text.includes(casesPart.full) ? shownCases : pressingShown
  return {
    title: titleOf(counts, dueToday),
    text,
    cardText: cardTextOf(counts),
    counts,
    listed: listedCases.map((c) => ({ ticket: c.ticket, excerpt: c.excerpt })),
  }
}

/** "，其中答复已超期 1 条，已过受理期限 1 条，今天到期 2 条": the late and the due today among the messages; '' when none. */
function lateHeading(counts: Digest['counts'], dueToday: number): string {
  const parts = [
    counts.overdue ? `答复已超期 ${counts.overdue} 条` : '',
    counts.ackLate ? `已过受理期限 ${counts.ackLate} 条` : '',
    dueToday ? `今天到期 ${dueToday} 条` : '',
  ].filter(Boolean)
  return parts.length ? `，其中${parts.join('，')}` : ''
}

/**
 * What to send in the chat to act on what the digest lists, with his own numbers, as the case
 * notices word it (a whole line copied from here works too): 受理 while a message waits for it,
 * 回复 with the answer, 待办 for the whole list, 参加 or 请假 for a meeting still waiting for his
 * answer. Ballots, surveys and reading are done in the mini-program.
 */
function howToAct(shown: DigestCase[], ref: (c: DigestCase) => string, counts: Digest['counts']): string[] {
  const lines: string[] = []
  const toAcknowledge = shown.find((c) => c.due?.act === 'acknowledge')
  if (toAcknowledge) lines.push(`受理请回复：受理 ${ref(toAcknowledge)}`)
  if (shown.length) {
    lines.push(`答复请回复：回复 ${ref(shown.find((c) => c.due?.act === 'reply') ?? shown[0])} 再写上答复`)
    // The word alone: the bot takes "待办" as it is, not inside a sentence copied whole.
    lines.push('发送"待办"可以看全部待办留言')
  }
  if (counts.rsvpOwed) lines.push('会议请回复"参加"，或"请假 原因"')
  const inTheApp = [
    counts.ballots && '投票',
    counts.surveys && '填问卷',
    counts.quizzes && '答题',
    counts.reading && '看学习材料',
    counts.tasks && '学习打卡',
  ].filter(Boolean)
  if (inTheApp.length) lines.push(`${inTheApp.join('、')}请打开小程序`)
  return lines
}

/**
 * The one line of a paused deputy's digest: until when no new message comes to him, and, when he holds some, that
 * they are still his and whom to ask to hand them on (his station), as the mark's own notice told him.
 */
function awayLine(away: DigestAway, holding: number): string {
  const held = holding ? `；您手上还有 ${holding} 条留言仍由您办理，如需他人代办，请联系${away.contact}` : ''
  return `留言暂停接收至${monthDayText(away.until)}：这几天群众的新留言交给联络站或其他代表办理${held}。`
}
