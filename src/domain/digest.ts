import { closingText } from './due-date-text.js'

/**
 * The deputy's daily digest: one short message instead of twenty. A pure function of what
 * is waiting for the deputy that morning; nothing to say means no message at all.
 */

export interface DigestCase {
  ticket: string
  topic: string
  excerpt: string
  overdue: boolean
  /** Arrived since the last digest. */
  isNew: boolean
}
export interface DigestMeeting {
  title: string
  startsAt: Date
  place: string
  /** The deputy has not said yet whether they attend. */
  rsvpOwed: boolean
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
}

export interface Digest {
  title: string
  text: string
  counts: { cases: number; overdue: number; meetings: number; rsvpOwed: number; reading: number; tasks: number; ballots: number; surveys: number }
}

const MAX_PER_SECTION = 5

/** Overdue first, then new, then the rest; ties by ticket so the order is stable. */
function caseOrder(a: DigestCase, b: DigestCase) {
  return Number(b.overdue) - Number(a.overdue) || Number(b.isNew) - Number(a.isNew) || a.ticket.localeCompare(b.ticket)
}

function listed<T>(items: T[], line: (item: T, i: number) => string, unit: string): string[] {
  const lines = items.slice(0, MAX_PER_SECTION).map(line)
  if (items.length > MAX_PER_SECTION) lines.push(`……另有 ${items.length - MAX_PER_SECTION} ${unit}`)
  return lines
}

// Making an Intl formatter costs far more than using one (it was half of a digest run): one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>()
function dayFormat(timeZone: string) {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
    dayFormats.set(timeZone, format)
  }
  return format
}

export function composeDigest(input: DigestInput): Digest | null {
  const cases = [...input.cases].sort(caseOrder)
  const meetings = [...input.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const reading = [...input.reading].sort((a, b) => Number(b.required) - Number(a.required))
  // Ballots first (a deputy's duty), then the soonest closing.
  const surveys = [...(input.surveys ?? [])].sort((a, b) => Number(b.ballot) - Number(a.ballot) || a.closesAt.getTime() - b.closesAt.getTime())
  const counts = {
    cases: cases.length,
    overdue: cases.filter((c) => c.overdue).length,
    meetings: meetings.length,
    rsvpOwed: meetings.filter((m) => m.rsvpOwed).length,
    reading: reading.length,
    tasks: input.tasks.length,
    ballots: surveys.filter((x) => x.ballot).length,
    surveys: surveys.filter((x) => !x.ballot).length,
  }
  if (counts.cases + counts.meetings + counts.reading + counts.tasks + surveys.length === 0) return null

  const format = dayFormat(input.timeZone)
  const day = (d: Date) => format.format(d)
  const [, month, date] = input.date.split('-').map(Number)
  const sections: string[] = [`${input.deputyName}代表，您好！今日摘要（${month}月${date}日）`]
  if (cases.length) {
    sections.push(
      [
        `【待办留言 ${counts.cases} 件${counts.overdue ? `，其中逾期 ${counts.overdue} 件` : ''}】`,
        ...listed(cases, (c, i) => `${i + 1}. ${c.ticket.slice(-4)} ${c.topic}：${c.excerpt}${c.overdue ? '（已逾期）' : c.isNew ? '（新）' : ''}`, '件'),
      ].join('\n'),
    )
  }
  if (meetings.length) {
    sections.push(
      [
        `【近 7 天会议活动 ${counts.meetings} 个】`,
        ...listed(meetings, (m) => `· ${day(m.startsAt)} ${m.title}（${m.place}）${m.rsvpOwed ? ' 请回复是否参加' : ''}`, '个'),
      ].join('\n'),
    )
  }
  if (surveys.length) {
    const heading = [counts.ballots ? `待投票 ${counts.ballots} 项` : '', counts.surveys ? `待填写问卷 ${counts.surveys} 份` : ''].filter(Boolean).join('，')
    // Noon of the digest's date stands for "now": only its year matters (said when the close is in another).
    const today = new Date(`${input.date}T12:00:00Z`)
    const until = (x: DigestSurvey) => `请在${closingText(x.closesAt, input.timeZone, today)}${x.ballot ? '投票' : '填写'}`
    sections.push([`【${heading}】`, ...listed(surveys, (x) => `· ${x.ballot ? '票决' : '问卷'}《${x.title}》，${until(x)}`, '项')].join('\n'))
  }
  if (reading.length) {
    sections.push([`【新学习材料 ${counts.reading} 篇】`, ...listed(reading, (r) => `· 《${r.title}》${r.required ? '（必读）' : ''}`, '篇')].join('\n'))
  }
  if (input.tasks.length) {
    sections.push([`【学习任务 ${counts.tasks} 项】`, ...listed(input.tasks, (t) => `· ${t.campaign}：${t.text}`, '项')].join('\n'))
  }
  const title = counts.overdue ? `每日摘要：${counts.overdue} 件留言已逾期` : `每日摘要：待办 ${counts.cases} 件`
  return { title, text: sections.join('\n\n'), counts }
}
