import { receptionDaysText } from '../../domain/reception-days.js'
import { dayText, localDate } from '../../domain/dates.js'
import { noticesOnShort } from '../../domain/notices-on.js'
import { phoneWord } from '../../domain/phone.js'
import { casePhoneNote } from '../../domain/case-phone.js'
import type { DataOverview, KeptPhone } from '../../services/privacy/personal-data-overview.js'
import type { ReadingTime } from './cases.js'

// Presenters name every field they return: phones are personal data.

/** One line of 我的信息's summary: "问卷：2 份". */
interface Fact {
  label: string
  value: string
}

/**
 * A number with its unit, joined by a no-break space: on a narrow phone in large text the line may wrap, but never
 * between "2" and "条" (a reviewer read "0 / 条").
 */
const count = (n: number, unit: string) => `${n}\u00a0${unit}`

/** Where each number is kept, as her copy says it: the one on her account (手机号 or 电话), those on messages. */
function phonesWhere(copy: DataOverview['copy']) {
  const onMessages = copy.cases.filter((c) => c.phone).length
  const kept = [copy.account.phone ? `账号里的${phoneWord(copy.account.phone)}` : null, onMessages ? `${count(onMessages, '条')}留言里留了电话` : null]
  const where = kept.filter((k): k is string => k !== null)
  return where.length ? `有（${where.join('，')}）` : '没有'
}

/**
 * What is kept about her, one fact a line: her messages, phones and consent always (none is worth saying), the rest only
 * when she has some, so a page of zeros for things she never used does not bury what she has. Named as her copy names
 * them (问卷 counts questionnaires and opinions on drafts alike, as its 【问卷】 part does).
 */
function factsOf({ copy, notices: on }: DataOverview, noticeVersion: string, at: ReadingTime): Fact[] {
  const consent = copy.account.consent
  const optional: Array<[string, number, string]> = [
    ['问卷', copy.surveyAnswers.length, '份'],
    ['答题', copy.quizAttempts.length, '次'],
    ['学习材料', copy.reading.reached.length, '篇'],
    ['关注的学习活动', copy.reading.campaignsFollowed.length, '个'],
    ['学习打卡', copy.reading.checkIns.length, '次'],
    ['会议', copy.meetings.length, '个'],
    ['旁听报名', copy.publicMeetings.length, '次'],
    ['民生实事建议', copy.proposals.length, '条'],
  ]
  const notices = noticesOnShort(on)
  return [
    { label: '留言', value: copy.cases.length ? count(copy.cases.length, '条') : '没有' },
    { label: '联系电话', value: phonesWhere(copy) },
    { label: '个人信息保护说明', value: consentWords(consent, noticeVersion) },
    // The WeChat whose chat messages are kept here too: she sees which one, and since when.
    ...(copy.account.chatBot.joined ? [{ label: '微信聊天', value: joinedWords(copy.account.chatBot.joined, at) }] : []),
    ...optional.filter(([, n]) => n > 0).map(([label, n, unit]) => ({ label, value: count(n, unit) })),
    ...(notices ? [{ label: '微信通知', value: notices }] : []),
  ]
}

/** Her joined chat in words, as 我的 says it: "已和微信“王阿姨”连在一起（2026年11月22日起）". */
function joinedWords(joined: { name: string | null; at: Date }, at: ReadingTime) {
  const who = joined.name ? `微信“${joined.name}”` : '一个微信'
  return `已和${who}连在一起（${dayText(localDate(joined.at, at.timeZone))}起），那个聊天里发的留言也在这里`
}

/** Her consent in a word: to the notice as it reads now, to an earlier one (then the page asks her to read it again), or none. */
function consentWords(consent: DataOverview['copy']['account']['consent'], noticeVersion: string) {
  if (!consent) return '还没有同意'
  if (consent.version !== noticeVersion) return '有更新，请再看一下'
  // Which version is the office's word: she agreed to the notice as it reads now, and that is all she needs to read.
  return '已同意'
}

// Beside a phone on a message: why she may change it, or why only removing it makes sense (casePhoneNote).
const presentPhone = (p: KeptPhone, at: ReadingTime) =>
  p.on === 'account'
    ? { key: 'account', ticket: null, label: `账号里的${phoneWord(p.phone)}`, phone: p.phone, canChange: true, note: null }
    : {
        key: p.caseId,
        ticket: p.ticket,
        label: `留言 ${p.ticket} 里的电话`,
        phone: p.phone,
        canChange: p.standing.canChange,
        note: casePhoneNote(p.standing, p, at),
      }

/**
 * 我的信息 as it opens: `facts`, what is kept, a line each; `phones`, each number kept with what she may do with it
 * (`canChange`: change it as well as remove it; `note`: why, in her words); `stations`, the stations handling her
 * messages, to be asked about what she cannot change herself (the place, the words of a message); `noticeUpdated`:
 * she agreed to an earlier privacy notice than `noticeVersion`, the one in force, so the page offers to read and agree;
 * `consented`: she agrees to a notice now (not withdrawn), so the page offers 撤回同意 only then.
 */
export const presentDataOverview = (o: DataOverview, at: ReadingTime, noticeVersion: string) => ({
  facts: factsOf(o, noticeVersion, at),
  noticeUpdated: o.copy.account.consent !== null && o.copy.account.consent.version !== noticeVersion,
  consented: o.copy.account.consent !== null,
  phones: o.phones.map((p) => presentPhone(p, at)),
  // receptionText: when it receives people, in the words the chat bot and the station's page say it.
  stations: o.stations.map((s) => ({
    name: s.name,
    address: s.address,
    receptionDays: s.receptionDays,
    receptionText: receptionDaysText(s.receptionDays, s.receptionHours),
  })),
})
