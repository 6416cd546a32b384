import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.js'
import type { DirectoryFile } from '../../src/domain/directory.js'
import { awayDateProblems, awayLine, awayNotice, awayState, awayStaffNote, isAwayOn, type DeputyAway } from '../../src/domain/deputy-away.js'
import { residentSummary } from '../../src/domain/routing-explain.js'
import { buildRoutingIndex, route } from '../../src/domain/routing.js'
import type { RoutingInput, RoutingOptions } from '../../src/domain/routing-types.js'
import { smallCity } from '../fixtures.js'

const LEAVE: DeputyAway = { from: '2026-12-01', until: '2026-12-05', reason: 'leave', note: '住院' }

describe('a deputy away (暂停接收留言): the rule on dates', () => {
  it('is away from the first date to the last, both included, and not a day outside', () => {
    expect(isAwayOn(LEAVE, '2026-11-30')).to.equal(false)
    expect(isAwayOn(LEAVE, '2026-12-01')).to.equal(true)
    expect(isAwayOn(LEAVE, '2026-12-05')).to.equal(true)
    expect(isAwayOn(LEAVE, '2026-12-06'), 'ends by itself after the last date').to.equal(false)
    expect(isAwayOn(null, '2026-12-01')).to.equal(false)
    expect(isAwayOn(undefined, '2026-12-01')).to.equal(false)
  })

  it('says it to residents by the date only, to clerks with the kind, and to the console with the reason', () => {
    expect(awayNotice(LEAVE, '2026-12-02')).to.equal('暂停接收留言至12月5日')
    expect(awayNotice(LEAVE, '2026-12-06')).to.equal(null)
    expect(awayStaffNote(LEAVE, '2026-12-02')).to.equal('代表请假至12月5日')
    expect(awayStaffNote({ ...LEAVE, reason: 'study' }, '2026-12-02')).to.equal('代表外出学习至12月5日')
    expect(awayStaffNote(LEAVE, '2026-11-30'), 'not yet away').to.equal(null)
    expect(awayState(LEAVE, '2026-11-30')).to.equal('ahead')
    expect(awayState(LEAVE, '2026-12-05')).to.equal('now')
    expect(awayState(LEAVE, '2026-12-06')).to.equal(null)
    // The kind first, so a narrow column that wraps the line still reads what it is; 暂停接收留言 only for another reason.
    expect(awayLine(LEAVE, '2026-11-30')).to.equal('将请假 12月1日至12月5日（住院）')
    expect(awayLine(LEAVE, '2026-12-01')).to.equal('请假 12月1日至12月5日（住院）')
    expect(awayLine({ ...LEAVE, note: null, reason: 'study' }, '2026-12-01')).to.equal('外出学习 12月1日至12月5日')
    expect(awayLine({ ...LEAVE, bySelf: true }, '2026-12-01')).to.equal('请假 12月1日至12月5日（住院；代表本人设置）')
    expect(awayLine({ ...LEAVE, note: null, reason: 'other' }, '2026-12-01')).to.equal('暂停接收留言 12月1日至12月5日')
    expect(awayLine({ ...LEAVE, reason: 'other' }, '2026-12-01')).to.equal('暂停接收留言 12月1日至12月5日（住院）')
  })

  it('refuses dates that end before they start, that are over, or longer than a year, in words', () => {
    expect(awayDateProblems('2026-12-05', '2026-12-01', '2026-11-30')).to.deep.equal([{ path: 'until', message: '结束日期不能早于开始日期' }])
    expect(awayDateProblems('2026-11-01', '2026-11-05', '2026-11-30')).to.deep.equal([{ path: 'until', message: '结束日期已经过去了' }])
    expect(awayDateProblems('2026-12-01', '2027-12-31', '2026-11-30')[0].message).to.equal('最长暂停 366 天')
    expect(awayDateProblems('2026-11-30', '2026-11-30', '2026-11-30'), 'one day, today').to.deep.equal([])
  })
})

/*
 * The small city of test/fixtures.ts: 轻工街道代表联络站 st001 with 张伟 dp0001 (环境保护),
 * 王芳 dp0002 (教育) and 李强 dp0003; 建设路社区 c010101 is under it.
 */
describe('routing a new message round a deputy who is away', () => {
  const KEYWORDS = JSON.parse(readFileSync(new URL('../../config/topic-keywords.json', import.meta.url), 'utf8')).keywords
  const OPTIONS: RoutingOptions = { timeZone: 'Asia/Shanghai', deputyCapacity: 30, topics: loadConfig().business.topics, topicKeywords: KEYWORDS }
  const DURING = new Date('2026-12-03T10:00:00+08:00')
  const AFTER = new Date('2026-12-06T09:00:00+08:00')
  const index = (away: Record<string, DeputyAway>) => {
    const c: Required<DirectoryFile> = smallCity() as Required<DirectoryFile>
    return buildRoutingIndex({ ...c, deputies: c.deputies.map((d) => ({ ...d, dutyByStation: d.dutyByStation ?? {}, away: away[d.id] ?? null })) })
  }
  const send = (i: ReturnType<typeof index>, input: Partial<RoutingInput>) =>
    route({ text: '楼下垃圾站臭味很大', at: DURING, regionId: 'c010101', ...input }, i, {}, OPTIONS)

  it('a message by his code waits for the station staff, and she reads that he is away until when', () => {
    const i = index({ dp0001: LEAVE })
    const d = send(i, { deputyCode: 'DP0001' })
    expect(d).to.include({ stationId: 'st001', deputyId: null })
    expect(d.reasons.map((r) => r.message)).to.include('张伟代表暂停接收留言至12月5日（请假），转轻工街道代表联络站工作人员分派')
    expect(residentSummary(d, i, 'c010101', 'DP0001')).to.equal(
      '张伟代表这几天不在（暂停接收留言至12月5日），您的留言已交轻工街道代表联络站，由工作人员尽快安排其他代表办理',
    )
    expect(send(i, { deputyCode: 'DP0001', at: AFTER }), 'after the last date he has it again').to.include({ deputyId: 'dp0001' })
  })

  it('a message by place goes to another deputy of the station, the skip written down for staff', () => {
    const d = send(index({ dp0001: LEAVE }), {})
    expect(d.deputyId).to.be.a('string').and.not.equal('dp0001')
    expect(d.stationId).to.equal('st001')
    expect(d.reasons.map((r) => r.message)).to.include('张伟代表暂停接收留言至12月5日，跳过')
    expect(send(index({ dp0001: LEAVE }), { at: AFTER }).deputyId, 'his topic brings it to him after').to.equal('dp0001')
  })

  it('when every deputy of the station is away, the station staff have it', () => {
    const d = send(index({ dp0001: LEAVE, dp0002: LEAVE, dp0003: LEAVE }), {})
    expect(d).to.include({ stationId: 'st001', deputyId: null })
    expect(d.reasons.at(-1)!.message).to.equal('该站代表都暂停接收留言，进入联络站工作人员待办')
  })
})
