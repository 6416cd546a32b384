import { expect } from 'chai'
import { composeDigest, type DigestInput } from '../../src/domain/digest.js'

const base: DigestInput = { deputyName: '张伟', date: '2026-11-23', timeZone: 'Asia/Shanghai', cases: [], meetings: [], reading: [], tasks: [] }
const c = (ticket: string, over: Partial<DigestInput['cases'][number]> = {}) => ({
  ticket,
  topic: '环境保护',
  excerpt: '小区垃圾没人清运',
  overdue: false,
  isNew: false,
  ...over,
})

describe('the daily digest', () => {
  it('says nothing when there is nothing to say', () => {
    expect(composeDigest(base)).to.equal(null)
  })

  it('puts overdue cases first, then new ones, and counts them in the title', () => {
    const digest = composeDigest({ ...base, cases: [c('20261120-0001'), c('20261122-0007', { isNew: true }), c('20261119-0003', { overdue: true })] })!
    expect(digest.title).to.equal('每日摘要：1 件留言已逾期')
    const lines = digest.text.split('\n')
    expect(lines[0]).to.equal('张伟代表，您好！今日摘要（11月23日）')
    expect(lines.slice(2, 6)).to.deep.equal([
      '【待办留言 3 件，其中逾期 1 件】',
      '1. 0003 环境保护：小区垃圾没人清运（已逾期）',
      '2. 0007 环境保护：小区垃圾没人清运（新）',
      '3. 0001 环境保护：小区垃圾没人清运',
    ])
  })

  it('lists meetings in order with the RSVPs still owed, required reading first, and tasks', () => {
    const digest = composeDigest({
      ...base,
      meetings: [
        { title: '视察调研', startsAt: new Date('2026-11-26T01:30:00Z'), place: '马庄社区', rsvpOwed: false },
        { title: '常委会会议', startsAt: new Date('2026-11-25T01:00:00Z'), place: '市人大会议室', rsvpOwed: true },
      ],
      reading: [
        { title: '代表法释义', required: false },
        { title: '中央人大工作会议精神', required: true },
      ],
      tasks: [{ campaign: '学习宣传月', text: '完成本周学习打卡' }],
    })!
    expect(digest.counts).to.deep.include({ meetings: 2, rsvpOwed: 1, reading: 2, tasks: 1, cases: 0 })
    expect(digest.text).to.include('【近 7 天会议活动 2 个】\n· 11/25 09:00 常委会会议（市人大会议室） 请回复是否参加\n· 11/26 09:30 视察调研（马庄社区）')
    expect(digest.text).to.include('【新学习材料 2 篇】\n· 《中央人大工作会议精神》（必读）\n· 《代表法释义》')
    expect(digest.text).to.include('【学习任务 1 项】\n· 学习宣传月：完成本周学习打卡')
  })

  it("shows each office's meeting times in its own time zone, one after the other", () => {
    const meeting = { title: '常委会会议', startsAt: new Date('2026-11-25T01:00:00Z'), place: '市人大会议室', rsvpOwed: false }
    const shanghai = composeDigest({ ...base, meetings: [meeting] })!
    const urumqi = composeDigest({ ...base, timeZone: 'Asia/Urumqi', meetings: [meeting] })!
    expect(shanghai.text).to.include('· 11/25 09:00 常委会会议')
    expect(urumqi.text).to.include('· 11/25 07:00 常委会会议')
  })

  it('keeps a long list short', () => {
    const digest = composeDigest({ ...base, cases: Array.from({ length: 8 }, (_, i) => c(`20261120-000${i}`)) })!
    expect(digest.text).to.include('……另有 3 件')
    expect(digest.text.split('\n').filter((l) => /^\d\. /.test(l))).to.have.length(5)
  })
})
