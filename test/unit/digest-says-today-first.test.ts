import { expect } from 'chai'
import { composeDigest, type DigestCase, type DigestInput, type DigestMeeting } from '../../src/domain/digest.js'

/**
 * Deputy Liu (66) reads her morning digest on 12月7日 (a Monday): what is due today comes first, in words of today,
 * and never behind "……另有 N 条"; the numbers its 办理方法 gives as examples are numbers she can see above them.
 */
const at = (local: string) => new Date(`${local}+08:00`)
const base: DigestInput = { deputyName: '刘芳', date: '2026-12-07', timeZone: 'Asia/Shanghai', cases: [], meetings: [], reading: [], tasks: [] }
const fresh = (n: number, excerpt: string): DigestCase => ({
  ticket: `20261207-000${n}`,
  topic: '城乡建设',
  excerpt,
  overdue: false,
  isNew: true,
  due: { at: at('2026-12-10T10:00:00'), act: 'acknowledge' },
})
const newFive = [fresh(1, '楼道灯坏了'), fresh(2, '垃圾没人清'), fresh(4, '学校门口堵车'), fresh(5, '低保怎么申请'), fresh(6, '社区医院排队久')]
// Her answer is due by the end of today: the reply clock ends at 24:00.
const lift: DigestCase = {
  ticket: '20261120-0003',
  topic: '城乡建设',
  excerpt: '电梯坏了老人下不了楼',
  overdue: false,
  isNew: false,
  due: { at: at('2026-12-08T00:00:00'), act: 'reply' },
}
const session: DigestMeeting = {
  title: '区人大常委会会议',
  startsAt: at('2026-12-07T14:30:00'),
  place: '区政府三楼会议室',
  rsvp: 'pending',
  rsvpOwed: true,
  rsvpBy: at('2026-12-07T12:00:00'),
}
const sectionsOf = (input: DigestInput) => composeDigest(input)!.text.split('\n\n')

describe('Deputy Liu’s digest says first what is due today', () => {
  it('starts with the meeting she must answer by noon, then the message due today above five new ones', () => {
    const digest = composeDigest({ ...base, cases: [...newFive, lift], meetings: [session] })!
    expect(digest.title).to.equal('每日摘要：1 条留言今天到期')
    const sections = digest.text.split('\n\n')
    expect(sections[1]).to.equal(
      ['【今天要参加或回复的会议 1 个】', '· 今天下午2:30 区人大常委会会议（区政府三楼会议室），还没回复，请在今天中午12:00前回复'].join('\n'),
    )
    expect(sections[2].split('\n').slice(0, 3)).to.deep.equal([
      '【待办留言 6 条，其中今天到期 1 条】',
      '1. 0003 城乡建设：电梯坏了老人下不了楼',
      '   请在今天之内答复',
    ])
    expect(digest.text, 'today is 今天, not its date').not.to.include('12月7日（星期一）')
  })

  it('gives as examples in 办理方法 only numbers of lines she can see', () => {
    // Five new to acknowledge fill the list; the one to answer, due on Friday, is the sixth, behind "另有 1 条".
    const later = { ...lift, due: { at: at('2026-12-12T00:00:00'), act: 'reply' as const } }
    const [, list, howTo] = sectionsOf({ ...base, cases: [...newFive, later] })
    expect(list).to.include('……另有 1 条').and.not.include('电梯坏了')
    const shown = [...list.matchAll(/^\d+\. (\S+) /gm)].map((m) => m[1])
    const examples = [...howTo.matchAll(/(?:受理|回复) (\d{4}|\d{8}-\d{4})/g)].map((m) => m[1])
    expect(examples).to.have.length(2)
    for (const n of examples) expect(shown, `例子里的编号 ${n}`).to.include(n)
  })

  it('lists every message late or due today, past the five of a section', () => {
    const late = (n: number): DigestCase => ({ ...fresh(n, '路灯不亮'), ticket: `20261201-000${n}`, isNew: false, overdue: true })
    const today = (n: number): DigestCase => ({ ...lift, ticket: `20261130-000${n}` })
    const cases = [...newFive, late(1), late(2), late(3), today(4), today(5), today(6), today(7)]
    const [, list] = sectionsOf({ ...base, cases })
    expect(list.split('\n')[0]).to.equal('【待办留言 12 条，其中答复已超期 3 条，今天到期 4 条】')
    const numbered = list.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(
      numbered.slice(0, 7).every((l) => /路灯不亮|电梯坏了/.test(l)),
      numbered.join('\n'),
    ).to.equal(true)
    expect(numbered).to.have.length(7)
    expect(list).to.include('……另有 5 条')
  })

  it('puts a meeting later in the week whose answer is due today at the top, and leaves one she is excused from today below', () => {
    const friday: DigestMeeting = { ...session, title: '视察调研', startsAt: at('2026-12-11T09:00:00'), rsvpBy: at('2026-12-07T17:00:00') }
    const excused: DigestMeeting = { ...session, title: '专题座谈', rsvp: 'leave', rsvpOwed: false, rsvpBy: null }
    const [, top, week] = sectionsOf({ ...base, meetings: [excused, friday] })
    expect(top).to.equal(
      ['【今天要参加或回复的会议 1 个】', '· 12月11日（星期五）上午9:00 视察调研（区政府三楼会议室），还没回复，请在今天下午5:00前回复'].join('\n'),
    )
    expect(week).to.equal(['【近 7 天会议活动 1 个】', '· 今天下午2:30 专题座谈（区政府三楼会议室），已请假'].join('\n'))
  })

  it('stays one WeChat message (the bot cuts above 1,500 characters) on a heavy morning: ten messages late or due, a week of meetings', () => {
    const long = '我们小区的电梯坏了一个多月了，老人下不了楼，买菜看病都成问题'
    const cases = Array.from({ length: 12 }, (_, i) => ({ ...lift, ticket: `202611${String(10 + i)}-0003`, excerpt: long, overdue: i < 6 }))
    const meetings = Array.from({ length: 7 }, (_, i) => ({
      ...session,
      title: `区人大常委会第${i + 1}次会议暨专题询问会`,
      startsAt: at(`2026-12-${String(i + 7).padStart(2, '0')}T14:30:00`),
    }))
    const text = composeDigest({ ...base, cases, meetings, away: { until: '2026-12-20', contact: '轻工街道代表联络站' } })!.text
    expect(text.split('\n').filter((l) => /^\d+\. /.test(l))).to.have.length(10)
    expect(Array.from(text).length).to.be.at.most(1500)
  })
})
