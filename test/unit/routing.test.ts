import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.js'
import { fullSizeDirectory } from '../../src/demo/full-size.js'
import type { DirectoryFile, Region } from '../../src/domain/directory.js'
import { stationsCovering } from '../../src/domain/region-tree.js'
import { officeRoutingWhy, residentSummary } from '../../src/domain/routing-explain.js'
import { buildRoutingIndex, route, routeStation, type RoutingIndex } from '../../src/domain/routing.js'
import type { RoutingDecision, RoutingDirectory, RoutingInput, RoutingOptions } from '../../src/domain/routing-types.js'
import { smallCity } from '../fixtures.js'

/*
 * The small city of test/fixtures.ts:
 *   湛河区 d01
 *     轻工街道 s0101 ← 轻工街道代表联络站 st001: 张伟 dp0001 (环境保护, on duty 2026-11-25),
 *                                             王芳 dp0002 (教育), 李强 dp0003 (also st002, listed first)
 *       建设路社区 c010101 — 建设路第一网格 g01010101
 *       光明社区 c010102 ← 光明社区代表联络点 st003: 刘洋 dp0005 (医疗卫生, 社会保障)
 *     马庄街道 s0102 ← 马庄街道代表联络站 st002: 李强 dp0003, 赵敏 dp0004
 *       马庄社区 c010201
 *   新华区 d02 — no station at all
 */
type City = Required<DirectoryFile>

const KEYWORDS = JSON.parse(readFileSync(new URL('../../config/topic-keywords.json', import.meta.url), 'utf8')).keywords
const OPTIONS: RoutingOptions = {
  timeZone: 'Asia/Shanghai',
  deputyCapacity: 30,
  topics: loadConfig().business.topics,
  topicKeywords: KEYWORDS,
}
/** A Wednesday when 张伟 receives residents, and a Thursday when nobody does. */
const DUTY_DAY = new Date('2026-11-25T10:00:00+08:00')
const ORDINARY_DAY = new Date('2026-11-26T10:00:00+08:00')

/** Texts whose topic the tests rely on. */
const ABOUT = {
  rubbish: '楼下垃圾站臭味很大', // 环境保护: 张伟
  school: '孩子明年上小学，学位够不够', // 教育: 王芳
  parking: '小区停车难', // 交通出行: nobody's topic
  nothing: '谢谢代表们', // 其他
}

const city = (change?: (c: City) => void): RoutingIndex => {
  const c = smallCity()
  change?.(c)
  return buildRoutingIndex({ ...c, deputies: c.deputies.map((d) => ({ ...d, dutyByStation: d.dutyByStation ?? {} })) })
}
const send = (index: RoutingIndex, input: Partial<RoutingInput>, loads: Record<string, number> = {}, options: Partial<RoutingOptions> = {}) =>
  route({ text: ABOUT.parking, at: ORDINARY_DAY, ...input }, index, loads, { ...OPTIONS, ...options })
const codes = (d: RoutingDecision) => d.reasons.map((r) => `${r.rule}:${r.code}`)
const messages = (d: RoutingDecision) => d.reasons.map((r) => r.message)
const outcome = (d: RoutingDecision) => ({ stationId: d.stationId, deputyId: d.deputyId, officeRegionId: d.officeRegionId })

describe('routing', () => {
  describe('1. explicit target', () => {
    it('a resident of 马庄 who scanned 张伟’s code reaches 张伟 at his own station, whatever the topic', () => {
      const d = send(city(), { deputyCode: 'DP0001', regionId: 'c010201', text: ABOUT.school })
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0001', officeRegionId: null })
      expect(d.topic).to.equal('教育')
      expect(codes(d)).to.deep.equal(['explicit:deputy_code', 'place:place_overridden', 'topic:topic'])
      // Staff read names; the directory's codes (DP0001) mean nothing to them.
      expect(messages(d)[0]).to.equal('来自代表二维码：张伟代表')
    })

    it('says the resident chose the deputy when they typed the name or code, not that they scanned it', () => {
      const index = city()
      const typed = send(index, { deputyCode: 'DP0001', regionId: 'c010201', text: ABOUT.school, targetTyped: true })
      expect(codes(typed)[0]).to.equal('explicit:deputy_named')
      expect(messages(typed)[0]).to.equal('居民指定：张伟代表')
      expect(residentSummary(typed, index, 'c010201'))
        .to.include('您指定了张伟代表')
        .and.not.include('二维码')
      const scanned = send(index, { deputyCode: 'DP0001', regionId: 'c010201', text: ABOUT.school })
      expect(residentSummary(scanned, index, 'c010201')).to.include('您通过张伟代表的二维码留言')
    })

    it('a poster of a deputy who has left office reaches their station, said by name', () => {
      const d = send(
        city((c) => Object.assign(c.deputies[0], { active: false })),
        { deputyCode: 'DP0001' },
      )
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: null, officeRegionId: null })
      expect(messages(d)[0]).to.equal('张伟代表已离任，转轻工街道代表联络站工作人员分派')
    })

    it('reads a deputy code in any case and with spaces around it', () => {
      expect(send(city(), { deputyCode: ' dp0004 ' }).deputyId).to.equal('dp0004')
    })

    it('takes a deputy of two stations to the one that covers the resident, else to the first', () => {
      const near = send(city(), { deputyCode: 'DP0003', regionId: 'g01010101' })
      expect(outcome(near)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0003', officeRegionId: null })
      expect(codes(near)).to.deep.equal(['explicit:deputy_code', 'explicit:deputy_covering_station', 'topic:topic'])

      const nowhere = send(city(), { deputyCode: 'DP0003' })
      expect(outcome(nowhere)).to.deep.equal({ stationId: 'st002', deputyId: 'dp0003', officeRegionId: null })
      expect(codes(nowhere)).to.deep.equal(['explicit:deputy_code', 'explicit:deputy_first_station', 'topic:topic'])
    })

    it('uses the station of the scanned code when the deputy belongs to it, and ignores it when not', () => {
      const both = send(city(), { deputyCode: 'DP0003', stationCode: 'ST001' })
      expect(outcome(both)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0003', officeRegionId: null })
      expect(codes(both)).to.deep.equal(['explicit:deputy_code', 'explicit:station_code', 'topic:topic'])
      expect(messages(both).slice(0, 2)).to.deep.equal(['来自代表二维码：李强代表', '来自联络站二维码：轻工街道代表联络站'])

      const foreign = send(city(), { deputyCode: 'DP0001', stationCode: 'ST002' })
      expect(outcome(foreign)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0001', officeRegionId: null })
      expect(codes(foreign)).to.deep.equal(['explicit:deputy_code', 'explicit:station_code_ignored', 'topic:topic'])
    })

    it('still gives the message to a chosen deputy at capacity, and says so', () => {
      const d = send(city(), { deputyCode: 'DP0001' }, { dp0001: 30 })
      expect(d.deputyId).to.equal('dp0001')
      expect(codes(d)).to.deep.equal(['explicit:deputy_code', 'topic:topic', 'load:explicit_at_capacity'])
      expect(messages(d)[2]).to.include('张伟代表在办留言已满（30 条）')
    })

    it('a resident of 马庄 who scanned the 轻工 station code reaches 轻工: the code beats the place', () => {
      const d = send(city(), { stationCode: 'st001', regionId: 'c010201', text: ABOUT.rubbish })
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0001', officeRegionId: null })
      expect(codes(d)).to.deep.equal(['explicit:station_code', 'place:place_overridden', 'topic:topic', 'topic:topic_match', 'load:fewest_open'])
      expect(messages(d)[0]).to.equal('来自联络站二维码：轻工街道代表联络站')
      const typed = send(city(), { stationCode: 'st001', regionId: 'c010201', text: ABOUT.rubbish, targetTyped: true })
      expect(messages(typed)[0]).to.equal('居民指定：轻工街道代表联络站')
    })

    it('ignores unknown codes with a reason and goes on by place', () => {
      const d = send(city(), { deputyCode: 'DP9999', stationCode: 'ST999', regionId: 'c010201' })
      expect(outcome(d)).to.deep.equal({ stationId: 'st002', deputyId: 'dp0003', officeRegionId: null })
      expect(codes(d).slice(0, 3)).to.deep.equal(['explicit:unknown_deputy_code', 'explicit:unknown_station_code', 'place:covering_station'])
      expect(messages(d)[0]).to.equal('代表代码 DP9999 不存在，已忽略')
    })

    it('ignores an unknown place when the resident came by a code', () => {
      const d = send(city(), { stationCode: 'ST002', regionId: 'x404' })
      expect(outcome(d)).to.deep.equal({ stationId: 'st002', deputyId: 'dp0003', officeRegionId: null })
      expect(codes(d).slice(0, 2)).to.deep.equal(['explicit:station_code', 'place:unknown_region'])
    })
  })

  describe('2. place', () => {
    it('a community goes to the station that covers its street', () => {
      const d = send(city(), { regionId: 'c010101', text: ABOUT.rubbish })
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0001', officeRegionId: null })
      expect(d.reasons[0]).to.deep.equal({
        rule: 'place',
        code: 'covering_station',
        message: '所在区域建设路社区由轻工街道代表联络站联系（该站覆盖轻工街道）',
      })
    })

    it('works at every level: a grid, a street', () => {
      expect(send(city(), { regionId: 'g01010101' }).stationId).to.equal('st001')
      expect(send(city(), { regionId: 's0102' }).stationId).to.equal('st002')
    })

    it('the most specific coverage wins: 光明社区 has its own point inside 轻工街道', () => {
      const d = send(city(), { regionId: 'c010102', text: '医保报销太慢' })
      expect(outcome(d)).to.deep.equal({ stationId: 'st003', deputyId: 'dp0005', officeRegionId: null })
      expect(d.reasons[0].message).to.equal('所在区域光明社区由光明社区代表联络点联系')
    })

    it('two stations covering the same place: the lower station id, in whatever order they are listed', () => {
      const twin = (c: City) => {
        c.stations.unshift({ ...c.stations[0], id: 'st009', code: 'ST009', name: '轻工街道第二联络站' })
        c.deputies.push({ ...c.deputies[3], id: 'dp0009', code: 'DP0009', stationIds: ['st009'] })
      }
      expect(send(city(twin), { regionId: 'c010101' }).stationId).to.equal('st001')
    })

    it('agrees with stationsCovering for every region of the small and the full-size city', () => {
      for (const dir of [smallCity(), fullSizeDirectory()]) {
        const index = buildRoutingIndex(dir as RoutingDirectory)
        const regions = new Map((dir.regions ?? []).map((r) => [r.id, r] as [string, Region]))
        const sample = [...regions.keys()].filter((_, i) => i % 7 === 0)
        for (const id of sample) {
          const expected = stationsCovering(id, regions, dir.stations ?? [])[0]?.station.id ?? null
          expect(index.covering.get(id)?.station.id ?? null, id).to.equal(expected)
        }
      }
    })
  })

  describe('3. topic', () => {
    it('is always classified and said, also for an explicit target', () => {
      const d = send(city(), { deputyCode: 'DP0004', text: '垃圾站的噪音' })
      expect(d.topic).to.equal('环境保护')
      expect(d.reasons.find((r) => r.rule === 'topic')!.message).to.equal('留言主题：环境保护（垃圾站、噪音）')
    })

    it("says a learned model's words without a percentage, and asks staff to check a topic it was unsure of", () => {
      const sure = send(city(), { text: ABOUT.rubbish }, {}, { classifyTopic: () => ({ topic: '环境保护', matched: ['垃圾站', '臭味'], confidence: 0.97 }) })
      expect(messages(sure).find((m) => m.startsWith('留言主题'))).to.equal('留言主题：环境保护（依据：垃圾站、臭味）')
      const unsure = send(city(), { text: ABOUT.rubbish }, {}, { classifyTopic: () => ({ topic: '环境保护', matched: ['垃圾站'], confidence: 0.31 }) })
      expect(messages(unsure).find((m) => m.startsWith('留言主题'))).to.equal('留言主题：环境保护（依据：垃圾站；系统不太确定，如分错了请更正主题）')
      expect(messages(unsure).join()).to.not.include('把握').and.not.include('%')
    })

    it('prefers the deputy with that topic: a school question goes to 王芳, not to 张伟 with the lower id', () => {
      const d = send(city(), { regionId: 'c010101', text: ABOUT.school })
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: 'dp0002', officeRegionId: null })
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:topic', 'topic:topic_match', 'load:fewest_open'])
    })

    it('the topic comes before duty and load', () => {
      const d = send(city(), { regionId: 'c010101', text: ABOUT.school, at: DUTY_DAY }, { dp0001: 0, dp0002: 12 })
      expect(d.deputyId).to.equal('dp0002')
      expect(messages(d)).to.include('王芳代表在办留言最少（12 条）')
    })

    it('when no deputy of the station has the topic, every deputy of the station is considered', () => {
      const d = send(city(), { regionId: 'c010101', text: ABOUT.parking }, { dp0001: 4, dp0002: 1, dp0003: 2 })
      expect(d.deputyId).to.equal('dp0002')
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:topic', 'topic:no_topic_deputy', 'load:fewest_open'])
    })

    it('when the deputies with the topic are full, the others are considered', () => {
      const d = send(city(), { regionId: 'c010101', text: ABOUT.school }, { dp0002: 30, dp0001: 3 })
      expect(d.deputyId).to.equal('dp0003')
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:topic', 'topic:topic_deputies_full', 'load:at_capacity', 'load:fewest_open'])
    })

    it('a message that matches nothing is 其他 and prefers nobody', () => {
      const d = send(
        city((c) => (c.deputies[2].topics = ['其他'])),
        { regionId: 'c010101', text: ABOUT.nothing },
      )
      expect(d.topic).to.equal('其他')
      expect(d.deputyId).to.equal('dp0001')
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:no_topic', 'load:fewest_open', 'load:tie_by_id'])
    })
  })

  describe('4. duty and load', () => {
    it('the deputy on duty that day takes it, even with more open cases', () => {
      const d = send(city(), { regionId: 'c010101', at: DUTY_DAY }, { dp0001: 5 })
      expect(d.deputyId).to.equal('dp0001')
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:topic', 'topic:no_topic_deputy', 'duty:on_duty'])
      expect(d.reasons[3].message).to.equal('张伟代表11月25日接待值班')
    })

    it('the duty date is the date in the business time zone', () => {
      const earlyMorning = new Date('2026-11-24T16:30:00Z') // 00:30 on the 25th in Shanghai
      expect(send(city(), { regionId: 'c010101', at: earlyMorning }, { dp0001: 5 }).deputyId).to.equal('dp0001')
      expect(send(city(), { regionId: 'c010101', at: earlyMorning }, { dp0001: 5 }, { timeZone: 'UTC' }).deputyId).to.equal('dp0002')
    })

    it('a deputy of two stations is on duty only at the station where they sit that day', () => {
      // 李强 sits at 马庄 (st002) on Tuesday 1 December and at 轻工 (st001) on Wednesday 2 December.
      const liQiang = city((c) => (c.deputies[2].dutyByStation = { st002: ['2026-12-01'], st001: ['2026-12-02'] }))
      const tuesday = new Date('2026-12-01T10:00:00+08:00')
      const wednesday = new Date('2026-12-02T10:00:00+08:00')
      const maZhuang = (at: Date) => send(liQiang, { regionId: 'c010201', at }, { dp0003: 1 })

      const atHisStation = maZhuang(tuesday)
      expect(atHisStation.deputyId).to.equal('dp0003')
      expect(messages(atHisStation)).to.include('李强代表12月1日接待值班')
      expect(residentSummary(atHisStation, liQiang, 'c010201')).to.include('李强代表今日接待值班')

      // On Wednesday he is at 轻工: 马庄's message goes by load, and nobody tells the resident he is on duty there.
      const elsewhere = maZhuang(wednesday)
      expect(elsewhere.deputyId).to.equal('dp0004')
      expect(codes(elsewhere)).to.not.include('duty:on_duty')
      expect(residentSummary(elsewhere, liQiang, 'c010201')).to.not.include('接待值班')

      const qingGong = send(liQiang, { regionId: 'c010101', at: wednesday }, { dp0003: 1 })
      expect(qingGong.deputyId).to.equal('dp0003')
      expect(messages(qingGong)).to.include('李强代表12月2日接待值班')
      expect(codes(send(liQiang, { regionId: 'c010101', at: tuesday }, { dp0003: 1 }))).to.not.include('duty:on_duty')
    })

    it('otherwise the deputy with the fewest open cases', () => {
      const d = send(city(), { regionId: 'c010101' }, { dp0001: 3, dp0002: 2, dp0003: 7 })
      expect(d.deputyId).to.equal('dp0002')
      expect(d.reasons.at(-1)).to.deep.equal({ rule: 'load', code: 'fewest_open', message: '王芳代表在办留言最少（2 条）' })
    })

    it('passes over a deputy at capacity, even on duty', () => {
      const d = send(city(), { regionId: 'c010101', at: DUTY_DAY }, { dp0001: 30, dp0002: 1 })
      expect(d.deputyId).to.equal('dp0003')
      expect(codes(d).slice(3)).to.deep.equal(['load:at_capacity', 'load:fewest_open'])
      expect(d.reasons[3].message).to.equal('张伟代表在办留言已满（30 条），跳过')
    })

    it('breaks ties by deputy id, whatever the order of the directory', () => {
      const d = send(
        city((c) => c.deputies.reverse()),
        { regionId: 'c010101' },
      )
      expect(d.deputyId).to.equal('dp0001')
      expect(codes(d).at(-1)).to.equal('load:tie_by_id')
      expect(messages(d).at(-1), 'the name, not the code').to.equal('多位代表条件相同，按名册顺序选定张伟代表')
    })

    it('the capacity is an option: set lower, it passes over deputies sooner', () => {
      const zhaoOnDuty = city((c) => (c.deputies[3].dutyByStation = { st002: ['2026-11-26'] }))
      expect(send(zhaoOnDuty, { regionId: 'c010201' }, { dp0004: 3 }).deputyId).to.equal('dp0004')
      expect(send(zhaoOnDuty, { regionId: 'c010201' }, { dp0004: 3 }, { deputyCapacity: 3 }).deputyId).to.equal('dp0003')
    })
  })

  describe('5. fallback', () => {
    it('everyone at capacity: the station’s staff queue', () => {
      const d = send(city(), { regionId: 'c010101' }, { dp0001: 30, dp0002: 31, dp0003: 40 })
      expect(outcome(d)).to.deep.equal({ stationId: 'st001', deputyId: null, officeRegionId: null })
      expect(codes(d).slice(3)).to.deep.equal(['load:at_capacity', 'load:at_capacity', 'load:at_capacity', 'fallback:station_queue'])
    })

    it('lists at most three deputies at capacity and counts the rest', () => {
      const crowded = (c: City) => {
        for (let n = 6; n <= 9; n++) c.deputies.push({ ...c.deputies[3], id: `dp000${n}`, code: `DP000${n}`, stationIds: ['st002'] })
      }
      const loads = Object.fromEntries(['dp0003', 'dp0004', 'dp0006', 'dp0007', 'dp0008', 'dp0009'].map((id) => [id, 30]))
      const d = send(city(crowded), { regionId: 'c010201' }, loads)
      expect(d.deputyId).to.equal(null)
      expect(messages(d).slice(-2)).to.deep.equal(['另有 3 位代表在办留言已满，跳过', '该站暂无可分派的代表（在办留言均已满），进入联络站工作人员待办'])
    })

    it('a station with no deputy: its staff queue', () => {
      const empty = (c: City) => c.stations.push({ ...c.stations[1], id: 'st004', code: 'ST004', name: '马庄社区联络点', regionIds: ['c010201'] })
      const d = send(city(empty), { regionId: 'c010201' })
      expect(outcome(d)).to.deep.equal({ stationId: 'st004', deputyId: null, officeRegionId: null })
      expect(codes(d)).to.deep.equal(['place:covering_station', 'topic:topic', 'fallback:station_queue'])
    })

    it('no station covers the place: the office of the nearest district above it', () => {
      const xinhua = (c: City) =>
        c.regions.push(
          { id: 's0201', name: '西市街道', kind: 'street', parentId: 'd02' },
          { id: 'c020101', name: '西市社区', kind: 'community', parentId: 's0201' },
        )
      const d = send(city(xinhua), { regionId: 'c020101' })
      expect(outcome(d)).to.deep.equal({ stationId: null, deputyId: null, officeRegionId: 'd02' })
      expect(d.reasons.at(-1)).to.deep.equal({
        rule: 'fallback',
        code: 'district_office',
        message: '所在区域西市社区无联络站覆盖，转新华区人大常委会办公室',
      })
    })

    it('no place given, or a place that does not exist: the city office, never an error', () => {
      const none = send(city(), {})
      expect(outcome(none)).to.deep.equal({ stationId: null, deputyId: null, officeRegionId: null })
      expect(codes(none)).to.deep.equal(['topic:topic', 'fallback:city_office'])
      expect(none.reasons[1].message).to.equal('未提供所在区域，转市人大常委会办公室')

      const unknown = send(city(), { regionId: 'nowhere' })
      expect(outcome(unknown)).to.deep.equal({ stationId: null, deputyId: null, officeRegionId: null })
      expect(codes(unknown)).to.deep.equal(['place:unknown_region', 'topic:topic', 'fallback:city_office'])
      expect(unknown.reasons[0].message).to.equal('留言人选的所在区域已不在名录中（编号 nowhere）')
    })

    it('a place under no district at all: the city office', () => {
      const orphan = (c: City) => c.regions.push({ id: 's9901', name: '飞地街道', kind: 'street', parentId: null })
      const d = send(city(orphan), { regionId: 's9901' })
      expect(outcome(d)).to.deep.equal({ stationId: null, deputyId: null, officeRegionId: null })
      expect(codes(d).at(-1)).to.equal('fallback:city_office')
    })

    it('odd input still gets a decision: empty text, blank codes, an invalid date', () => {
      const d = send(city(), { text: '', regionId: ' ', deputyCode: '', stationCode: null, at: new Date('nonsense') })
      expect(outcome(d)).to.deep.equal({ stationId: null, deputyId: null, officeRegionId: null })
      expect(send(city(), { regionId: 'c010101', at: new Date('nonsense') }).deputyId).to.equal('dp0001')
    })
  })

  describe('the station or office alone, before topic and load are known', () => {
    it('is where the whole rules send the message, whatever the topic, the load and the codes', () => {
      const xinhua = (c: City) =>
        c.regions.push(
          { id: 's0201', name: '西市街道', kind: 'street', parentId: 'd02' },
          { id: 'c020101', name: '西市社区', kind: 'community', parentId: 's0201' },
          { id: 's9901', name: '飞地街道', kind: 'street', parentId: null },
        )
      const index = city(xinhua)
      const inputs: Array<Partial<RoutingInput>> = [
        {},
        { regionId: 'nowhere' },
        { regionId: ' ' },
        { regionId: 'c010101', text: ABOUT.rubbish },
        { regionId: 'c010102', text: ABOUT.school },
        { regionId: 'g01010101' },
        { regionId: 's0102' },
        { regionId: 'd02' },
        { regionId: 'c020101' },
        { regionId: 's9901' },
        { deputyCode: 'DP0001', regionId: 'c010201' },
        { deputyCode: 'DP0003', regionId: 'g01010101' },
        { deputyCode: 'DP0003' },
        { deputyCode: 'DP0003', stationCode: 'ST001' },
        { deputyCode: 'DP0001', stationCode: 'ST002' },
        { stationCode: 'st001', regionId: 'c010201' },
        { stationCode: 'ST002', regionId: 'x404' },
        { deputyCode: 'DP9999', stationCode: 'ST999', regionId: 'c020101' },
        { deputyCode: 'DP9999', regionId: 'd02', targetTyped: true },
      ]
      const full = { dp0001: 30, dp0002: 30, dp0003: 30, dp0004: 30, dp0005: 30 }
      for (const input of inputs)
        for (const loads of [{}, full]) {
          const { stationId, officeRegionId } = send(index, input, loads)
          expect(routeStation(input, index), JSON.stringify(input)).to.deep.equal({ stationId, officeRegionId })
        }
    })
  })

  describe('what the resident is told', () => {
    const told = (input: Partial<RoutingInput>, loads: Record<string, number> = {}, index = city()) =>
      residentSummary(send(index, input, loads), index, input.regionId)

    it('the deputy and why, in plain words', () => {
      expect(told({ regionId: 'c010101', text: ABOUT.rubbish })).to.equal('已交给轻工街道代表联络站的张伟代表（您所在社区由该站联系；张伟代表关注环境保护）')
      expect(told({ regionId: 'c010101', at: DUTY_DAY })).to.equal('已交给轻工街道代表联络站的张伟代表（您所在社区由该站联系；张伟代表今日接待值班）')
      expect(told({ deputyCode: 'DP0001', regionId: 'c010201' })).to.equal('已交给轻工街道代表联络站的张伟代表（您通过张伟代表的二维码留言）')
      expect(told({ stationCode: 'ST002' })).to.equal('已交给马庄街道代表联络站的李强代表（您通过该站的二维码留言）')
      expect(told({ regionId: 's0102' })).to.equal('已交给马庄街道代表联络站的李强代表（您所在街道由该站联系）')
    })

    it('without the place it says 区域, and warns when the chosen deputy is busy', () => {
      const index = city()
      expect(residentSummary(send(index, { regionId: 'c010101' }), index)).to.equal('已交给轻工街道代表联络站的张伟代表（您所在区域由该站联系）')
      expect(told({ deputyCode: 'DP0002' }, { dp0002: 30 })).to.equal(
        '已交给轻工街道代表联络站的王芳代表（您通过王芳代表的二维码留言；王芳代表近期留言较多，答复可能稍慢）',
      )
    })

    it('the fallbacks', () => {
      expect(told({ regionId: 'c010101' }, { dp0001: 30, dp0002: 30, dp0003: 30 })).to.equal('已交给轻工街道代表联络站，联络站工作人员会尽快请一位代表办理')
      expect(told({ regionId: 'd02' })).to.equal('已交给新华区人大常委会办公室（您所在区域暂无代表联络站）')
      expect(told({ regionId: 'nowhere' })).to.equal('已交给市人大常委会办公室')
      expect(told({})).to.equal('已交给市人大常委会办公室')
    })
  })

  describe("what office and station staff are told (the console's 办理经过)", () => {
    const staffTold = (input: Partial<RoutingInput>, loads: Record<string, number> = {}, index = city()) => {
      const d = send(index, input, loads)
      const deputy = index.deputies.get(d.deputyId!)!
      return officeRoutingWhy(
        d.reasons.map((r) => r.code),
        deputy.name,
        index.stations.get(d.stationId!)?.name ?? null,
        d.topic,
      )
    }

    it('calls the resident 群众 and names the deputy and station, never 您', () => {
      expect(staffTold({ deputyCode: 'DP0001', regionId: 'c010201', targetTyped: true })).to.equal('群众指定了张伟代表')
      expect(staffTold({ deputyCode: 'DP0001', regionId: 'c010201' })).to.equal('群众扫了张伟代表的二维码留言')
      expect(staffTold({ regionId: 'c010101', text: ABOUT.rubbish })).to.equal(
        '群众住在轻工街道代表联络站联系的片区；张伟代表关注环境保护；张伟代表在办留言最少',
      )
      expect(staffTold({ stationCode: 'ST002' })).to.match(/^群众扫了马庄街道代表联络站的二维码留言/)
      expect(staffTold({ deputyCode: 'DP0002' }, { dp0002: 30 })).to.equal('群众扫了王芳代表的二维码留言；王芳代表近期留言较多，仍按群众指定分派')
    })
  })
})
