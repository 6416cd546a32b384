import { expect } from 'chai'
import { composeDigest, type DigestCase, type DigestInput, type DigestMeeting } from '../../src/domain/digest.js'

/**
 * Deputy Liu's worst morning: every section of the digest full. It came as 2,653 characters, which the bot sent in
 * pieces; the later pieces read as other messages. It must be one message (1,500 characters), with every message late
 * or due today named whole, and every other section there at least as its count and where to see the rest.
 */
const at = (local: string) => new Date(`${local}+08:00`)
const base: DigestInput = { deputyName: '刘建国', date: '2026-12-07', timeZone: 'Asia/Shanghai', cases: [], meetings: [], reading: [], tasks: [] }
const words = '我们小区的电梯坏了一个多月了，老人下不了楼，买菜看病都成问题'
const message = (n: number, over: Partial<DigestCase>): DigestCase => ({
  ticket: `202612${String(n).padStart(2, '0')}-00${String(n).padStart(2, '0')}`,
  topic: '城乡建设',
  excerpt: `${n}号楼${words}`,
  overdue: false,
  isNew: false,
  ...over,
})
// Three late in answering, one late in acknowledging, three due today, eight more further off.
const late = [1, 2, 3].map((n) => message(n, { overdue: true, due: { at: at('2026-12-04T23:59:59'), act: 'reply' } }))
const ackLate = [message(4, { ackLate: true, due: { at: at('2026-12-05T10:00:00'), act: 'acknowledge' } })]
const dueToday = [5, 6, 7].map((n) => message(n, { due: { at: at('2026-12-07T17:00:00'), act: 'acknowledge' } }))
const later = Array.from({ length: 8 }, (_, i) => message(10 + i, { isNew: true, due: { at: at('2026-12-18T23:59:59'), act: 'reply' } }))
const meeting = (n: number, over: Partial<DigestMeeting> = {}): DigestMeeting => ({
  title: `区人大常委会第${n}次会议暨专题询问会`,
  startsAt: at(`2026-12-${String(7 + n).padStart(2, '0')}T14:30:00`),
  place: '区政府三楼会议室',
  rsvp: 'pending',
  rsvpOwed: true,
  ...over,
})
const full: DigestInput = {
  ...base,
  cases: [...later, ...late, ...ackLate, ...dueToday],
  meetings: [
    meeting(0, { title: '代表小组活动', startsAt: at('2026-12-07T14:30:00') }),
    ...[1, 2, 3, 4, 5, 6].map((n) => meeting(n)),
    ...[12, 13, 14].map((n) => meeting(n, { answerOnly: true, rsvpBy: at(`2026-12-${n - 2}T17:00:00`) })),
  ],
  surveys: Array.from({ length: 6 }, (_, i) => ({
    title: `关于2027年度民生实事项目第${i + 1}批候选项目的票决`,
    ballot: i < 3,
    closesAt: at('2026-12-12T17:00:00'),
  })),
  quizzes: Array.from({ length: 6 }, (_, i) => ({ title: `学习贯彻代表法知识竞赛第${i + 1}期`, closesAt: at('2026-12-15T23:59:59') })),
  reading: Array.from({ length: 6 }, (_, i) => ({ title: `全国人大常委会关于加强代表工作的意见解读之${i + 1}`, required: i < 2 })),
  tasks: Array.from({ length: 6 }, (_, i) => ({ campaign: '宪法宣传周', text: `第${i + 1}天学习打卡：阅读一篇宪法学习材料并写下体会` })),
  away: { until: '2026-12-20', contact: '轻工街道代表联络站' },
}

describe("Deputy Liu's digest on a morning with every section full", () => {
  it('is one message of at most 1,500 characters that still names every message late or due today, whole', () => {
    const text = composeDigest(full)!.text
    expect(Array.from(text).length, text).to.be.at.most(1500)
    for (const c of [...late, ...ackLate, ...dueToday]) expect(text, c.ticket).to.include(`${c.ticket.slice(-4)} 城乡建设：${c.excerpt}`)
    expect(text).to.include('   请在今天下午5:00前受理')
    expect(text).to.include('   答复已超期 3 天，请尽快答复')
    // Today's meeting stays as it is: what she goes to today.
    expect(text).to.include('【今天要参加或回复的会议 1 个】\n· 今天下午2:30 代表小组活动')
  })

  it('shows every section at least as its count and where to see the rest, none left out', () => {
    const text = composeDigest(full)!.text
    expect(text).to.include('【待办留言 15 条，其中答复已超期 3 条，已过受理期限 1 条，今天到期 3 条】')
    expect(text).to.include('……另有 8 条，发送"待办"查看全部')
    for (const heading of [
      '【近 7 天会议活动 6 个】',
      '【还没说参不参加的会议 3 个】',
      '【待投票 3 项，待填写问卷 3 份】',
      '【待答题 6 项】',
      '【新学习材料 6 篇】',
      '【学习任务 6 项】',
    ])
      expect(text, heading).to.match(new RegExp(`${heading.replace(/[【】]/g, '\\$&')}(请打开小程序查看|\\n· )`))
    expect(text).to.include('【办理方法】直接在这里回复：')
  })

  it('names every message due today even when twelve late ones would fill the list, and counts the late left out', () => {
    // Liu's morning as the reviewer found it: 12 late, 6 due today at 17:00, three meetings today, away.
    const late12 = Array.from({ length: 12 }, (_, i) => message(i + 1, { overdue: true, due: { at: at('2026-12-04T23:59:59'), act: 'reply' } }))
    const today6 = Array.from({ length: 6 }, (_, i) => message(30 + i, { due: { at: at('2026-12-07T17:00:00'), act: 'reply' } }))
    const sessions = [1, 2, 3].map((n) =>
      meeting(n, {
        title: `区人大常委会第${n}次会议暨关于城市管理工作情况报告的专题询问会`,
        startsAt: at(`2026-12-07T${String(8 + n).padStart(2, '0')}:30:00`),
      }),
    )
    const text = composeDigest({ ...full, cases: [...late12, ...today6], meetings: sessions, surveys: [], quizzes: [], tasks: [] })!.text
    expect(Array.from(text).length, text).to.be.at.most(1500)
    expect(text).to.include('【待办留言 18 条，其中答复已超期 12 条，今天到期 6 条】')
    for (const c of today6) expect(text, c.ticket).to.include(`${c.ticket.slice(-4)} 城乡建设：${c.excerpt}\n   请在今天下午5:00前答复`)
    // The late still lead, as many as the ten lines leave, the rest counted with where to see them.
    expect(text).to.include(`1. 0001 城乡建设：${late12[0].excerpt}\n   答复已超期 3 天，请尽快答复`)
    expect(text).to.include('……另有 8 条，发送"待办"查看全部')
  })

  it('leaves a short morning as it was, every line listed', () => {
    const text = composeDigest({ ...full, cases: later.slice(0, 2), meetings: [meeting(1)], surveys: [], quizzes: [], reading: [], tasks: [] })!.text
    expect(text).to.include('【近 7 天会议活动 1 个】\n· 12月8日（星期二）下午2:30 区人大常委会第1次会议暨专题询问会')
    expect(text).not.to.include('请打开小程序查看')
  })
})
