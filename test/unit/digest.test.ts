import { expect } from 'chai'
import { firstWords } from '../../src/domain/deputy-gist.js'
import { composeDigest, DIGEST_EXCERPT_MAX, type DigestInput, type DigestMeeting } from '../../src/domain/digest.js'
import { maskPhoneAndIdNumbers } from '../../src/domain/pii-mask.js'

const base: DigestInput = { deputyName: '张伟', date: '2026-11-23', timeZone: 'Asia/Shanghai', cases: [], meetings: [], reading: [], tasks: [] }
const c = (ticket: string, over: Partial<DigestInput['cases'][number]> = {}) => ({
  ticket,
  topic: '环境保护',
  excerpt: '小区垃圾没人清运',
  overdue: false,
  isNew: false,
  ...over,
})
const meeting = (over: Partial<DigestMeeting> = {}): DigestMeeting => ({
  title: '常委会会议',
  startsAt: new Date('2026-11-26T01:30:00Z'), // Thursday 09:30 in Asia/Shanghai
  place: '市人大会议室',
  rsvp: 'pending',
  rsvpOwed: true,
  ...over,
})

describe('the daily digest', () => {
  it('says nothing when there is nothing to say', () => {
    expect(composeDigest(base)).to.equal(null)
  })

  it('puts overdue cases first, then new ones, and counts them in the title', () => {
    const digest = composeDigest({ ...base, cases: [c('20261120-0001'), c('20261122-0007', { isNew: true }), c('20261119-0003', { overdue: true })] })!
    expect(digest.title).to.equal('每日摘要：1 条留言答复已超期')
    const lines = digest.text.split('\n')
    expect(lines[0]).to.equal('张伟代表，您好！今日摘要（11月23日）')
    expect(lines.slice(2, 6)).to.deep.equal([
      '【待办留言 3 条，其中答复已超期 1 条】',
      '1. 0003 环境保护：小区垃圾没人清运（答复已超期）',
      '2. 0007 环境保护：小区垃圾没人清运（新）',
      '3. 0001 环境保护：小区垃圾没人清运',
    ])
  })

  it('says under each message by when to acknowledge or answer it, in words with the day of the week', () => {
    const digest = composeDigest({
      ...base,
      cases: [
        c('20261123-0001', { due: { at: new Date('2026-11-24T02:00:00Z'), act: 'acknowledge' } }),
        // The reply clock ends at 24:00 of a working day: the whole day counts.
        c('20261120-0002', { topic: '城乡建设', excerpt: '路灯坏了', due: { at: new Date('2026-12-14T16:00:00Z'), act: 'reply' } }),
        // Not acknowledged in time, its answer not yet due: 已过受理期限, not 答复已超期 (the answer's deadline).
        c('20261119-0003', { topic: '社区治理', excerpt: '扶手断了', ackLate: true, due: { at: new Date('2026-11-20T02:00:00Z'), act: 'acknowledge' } }),
      ],
    })!
    expect(digest.text).to.include(
      [
        '【待办留言 3 条，其中已过受理期限 1 条】',
        '1. 0003 社区治理：扶手断了',
        '   已过受理期限 3 天，请尽快受理',
        '2. 0001 环境保护：小区垃圾没人清运',
        '   请在11月24日（星期二）上午10:00前受理',
        '3. 0002 城乡建设：路灯坏了',
        '   请在12月14日（星期一）前（含当日）答复',
      ].join('\n'),
    )
  })

  it('ends with what to send in the chat to act, with his own numbers, as the bot takes them', () => {
    const digest = composeDigest({
      ...base,
      cases: [
        c('20261120-0002', { due: { at: new Date('2026-12-14T16:00:00Z'), act: 'reply' } }),
        c('20261123-0003', { due: { at: new Date('2026-11-24T02:00:00Z'), act: 'acknowledge' } }),
      ],
      meetings: [meeting()],
    })!
    expect(digest.text.split('\n\n').at(-1)).to.equal(
      [
        '【办理方法】直接在这里回复：',
        '受理请回复：受理 0003',
        '答复请回复：回复 0002 再写上答复',
        '发送"待办"可以看全部待办留言',
        '会议请回复"参加"，或"请假 原因"',
      ].join('\n'),
    )
  })

  it('names a message by its whole number when another of his ends the same, in the list and in what to send', () => {
    const due = { at: new Date('2026-11-24T02:00:00Z'), act: 'acknowledge' as const }
    const digest = composeDigest({ ...base, cases: [c('20261123-0001', { due }), c('20261125-0001', { due })] })!
    expect(digest.text).to.include('1. 20261123-0001 环境保护').and.include('2. 20261125-0001 环境保护').and.include('受理请回复：受理 20261123-0001')
  })

  it('writes every number whole when two of his end the same, never whole beside four digits in one message', () => {
    const due = { at: new Date('2026-11-24T02:00:00Z'), act: 'acknowledge' as const }
    const digest = composeDigest({ ...base, cases: [c('20261123-0001', { due }), c('20261125-0001', { due }), c('20261123-0002', { due })] })!
    const numbered = digest.text.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(numbered.map((l) => l.split(' ')[1])).to.deep.equal(['20261123-0001', '20261123-0002', '20261125-0001'])
    expect(digest.text).to.include('受理请回复：受理 20261123-0001').and.include('回复 20261123-0001 再写上答复')
  })

  it('writes every number as its last four digits when none of his end the same', () => {
    const due = { at: new Date('2026-11-24T02:00:00Z'), act: 'acknowledge' as const }
    const digest = composeDigest({ ...base, cases: [c('20261123-0001', { due }), c('20261125-0003', { due }), c('20261123-0002', { due })] })!
    const numbered = digest.text.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(numbered.map((l) => l.split(' ')[1])).to.deep.equal(['0001', '0002', '0003'])
  })

  it('says for each meeting, in plain dates, whether he has answered: 已回复参加, 已请假 or 还没回复', () => {
    const digest = composeDigest({
      ...base,
      meetings: [
        meeting({ title: '视察调研', place: '马庄社区', startsAt: new Date('2026-11-27T06:00:00Z'), rsvp: 'attend', rsvpOwed: false }),
        meeting({ title: '代表接待日', place: '联络站', startsAt: new Date('2026-11-28T11:00:00Z'), rsvp: 'leave', rsvpOwed: false }),
        meeting(),
        meeting({ title: '专题座谈', place: '区人大', startsAt: new Date('2026-11-24T04:00:00Z'), rsvpOwed: false }),
      ],
    })!
    expect(digest.text).to.include(
      [
        '【近 7 天会议活动 4 个】',
        '· 11月24日（星期二）中午12:00 专题座谈（区人大），没有回复，回复时间已过',
        '· 11月26日（星期四）上午9:30 常委会会议（市人大会议室），还没回复',
        '· 11月27日（星期五）下午2:00 视察调研（马庄社区），已回复参加',
        '· 11月28日（星期六）晚上7:00 代表接待日（联络站），已请假',
      ].join('\n'),
    )
    expect(digest.text).not.to.match(/\d+\/\d+ \d\d:\d\d/)
    expect(digest.counts).to.deep.include({ meetings: 4, rsvpOwed: 1 })
  })

  it('sends nothing for a meeting he has excused himself from, when nothing else is there', () => {
    expect(composeDigest({ ...base, meetings: [meeting({ rsvp: 'leave', rsvpOwed: false })] })).to.equal(null)
  })

  it('is titled by what is in it: a meeting to answer, a meeting already answered, reading', () => {
    expect(composeDigest({ ...base, meetings: [meeting()] })!.title).to.equal('每日摘要：1 个会议还没说参不参加')
    const answered = composeDigest({ ...base, meetings: [meeting({ rsvp: 'attend', rsvpOwed: false })] })!
    expect(answered.title).to.equal('每日摘要：近期会议 1 个')
    expect(answered.text, 'nothing to send: no 办理方法').not.to.include('办理方法')
    expect(composeDigest({ ...base, reading: [{ title: '代表法释义', required: true }] })!.title).to.equal('每日摘要：新学习材料 1 篇')
    for (const d of [answered, composeDigest({ ...base, meetings: [meeting()] })!]) expect(d.title).not.to.include('待办留言 0 条')
  })

  it('gives the subscribe card a line that fits its 20 characters whole, the most pressing counts first', () => {
    const digest = composeDigest({
      ...base,
      cases: [c('20261120-0001', { overdue: true }), c('20261120-0002')],
      meetings: [meeting()],
      reading: [{ title: '代表法释义', required: true }],
      surveys: [{ title: '问卷', ballot: false, closesAt: new Date('2026-11-30T10:00:00Z') }],
    })!
    expect(digest.cardText).to.equal('留言2条（超期1），会议1个，问卷1份')
    expect(Array.from(digest.cardText).length).to.be.at.most(20)
    expect(composeDigest({ ...base, meetings: [meeting()] })!.cardText).to.equal('会议1个，点开查看')
  })

  it('lists reading, required first, and tasks, and sends him to the mini-program for them', () => {
    const digest = composeDigest({
      ...base,
      reading: [
        { title: '代表法释义', required: false },
        { title: '中央人大工作会议精神', required: true },
      ],
      tasks: [{ campaign: '学习宣传月', text: '完成本周学习打卡' }],
    })!
    expect(digest.counts).to.deep.include({ reading: 2, tasks: 1, cases: 0 })
    expect(digest.text).to.include('【新学习材料 2 篇】\n· 《中央人大工作会议精神》（必读）\n· 《代表法释义》')
    expect(digest.text).to.include('【学习任务 1 项】\n· 学习宣传月：完成本周学习打卡')
    expect(digest.text).to.include('【办理方法】直接在这里回复：\n看学习材料、学习打卡请打开小程序')
  })

  it("shows each office's meeting times in its own time zone", () => {
    const m = meeting({ startsAt: new Date('2026-11-25T01:00:00Z') })
    expect(composeDigest({ ...base, meetings: [m] })!.text).to.include('· 11月25日（星期三）上午9:00 常委会会议')
    expect(composeDigest({ ...base, timeZone: 'Asia/Urumqi', meetings: [m] })!.text).to.include('· 11月25日（星期三）上午7:00 常委会会议')
  })

  it('keeps a long list short', () => {
    const digest = composeDigest({ ...base, cases: Array.from({ length: 8 }, (_, i) => c(`20261120-000${i}`)) })!
    expect(digest.text).to.include('……另有 3 条')
    expect(digest.text.split('\n').filter((l) => /^\d\. /.test(l))).to.have.length(5)
  })
})

describe("a resident's words in a digest line", () => {
  // What the digest service puts in a line: deputyGist(text, DIGEST_EXCERPT_MAX), the one first-words rule.
  const line = (text: string) => firstWords(text, DIGEST_EXCERPT_MAX, maskPhoneAndIdNumbers)

  it('are cut at the end of a clause and marked "…", with the phone number masked', () => {
    expect(line('我们楼下的路灯坏了两个星期了，晚上老人出门看不见路。我电话13812345678')).to.equal('我们楼下的路灯坏了两个星期了，晚上老人出门看不见路…')
    expect(line('小区门口路灯坏了好久了请尽快处理谢谢您我的电话13812345678')).to.equal('小区门口路灯坏了好久了请尽快处理谢谢您我的电话（已隐去）')
    expect(line('小区门口的垃圾桶三天没人清运了')).to.equal('小区门口的垃圾桶三天没人清运了')
    expect(line('第一行\n第二行')).to.equal('第一行 第二行')
  })

  it('are never cut in the middle of a number or of a mask', () => {
    expect(line('小区门口路灯坏了好久了请尽快处理谢谢您我家水表号12345678901234')).to.equal('小区门口路灯坏了好久了请尽快处理谢谢您我家水表号…')
    expect(line('小区门口路灯坏了好久了请尽快处理谢谢您了我的电话13812345678请回电')).to.equal('小区门口路灯坏了好久了请尽快处理谢谢您了我的电话…')
  })
})
