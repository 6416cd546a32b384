import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.js'
import { deputyRoutingWhy, officeRoutingWhy, residentSummary } from '../../src/domain/routing-explain.js'
import { buildRoutingIndex, route } from '../../src/domain/routing.js'
import type { RoutingInput, RoutingOptions } from '../../src/domain/routing-types.js'
import { smallCity } from '../fixtures.js'

/*
 * A station or deputy chosen inside the mini-program (找我的代表's station card, 再写一条, 给联络站留言) is
 * not a code she scanned. The small city: 光明社区 c010102 is looked after by 光明社区代表联络点 st003
 * (刘洋); 轻工街道代表联络站 st001 looks after the rest of 轻工街道.
 */
const OPTIONS: RoutingOptions = {
  timeZone: 'Asia/Shanghai',
  deputyCapacity: 30,
  topics: loadConfig().business.topics,
  topicKeywords: JSON.parse(readFileSync(new URL('../../config/topic-keywords.json', import.meta.url), 'utf8')).keywords,
}
const index = buildRoutingIndex(((c) => ({ ...c, deputies: c.deputies.map((d) => ({ ...d, dutyByStation: d.dutyByStation ?? {} })) }))(smallCity()))
const send = (input: Partial<RoutingInput>) => route({ text: '小区停车难', at: new Date('2026-11-26T10:00:00+08:00'), ...input }, index, {}, OPTIONS)
const codes = (input: Partial<RoutingInput>) => send(input).reasons.map((r) => r.code)

describe('routing: a target chosen in the mini-program is said as chosen, never as a scan', () => {
  it('her own community’s station: she reads 您所在社区由该站联系; the deputy and staff read where she lives', () => {
    const input = { stationCode: 'ST003', regionId: 'c010102', targetChosen: true }
    const d = send(input)
    expect(d.stationId).to.equal('st003')
    expect(residentSummary(d, index, 'c010102')).to.equal('已交给光明社区代表联络点的刘洋代表（您所在社区由该站联系）')
    expect(deputyRoutingWhy(codes(input), { name: '刘洋', isYou: true }, d.topic)).to.equal('群众住在本站联系的片区')
    expect(officeRoutingWhy(codes(input), '刘洋', '光明社区代表联络点', d.topic)).to.include('群众住在光明社区代表联络点联系的片区')
  })

  it('another station she picked: 您选择了该站, 群众选择了本站', () => {
    const input = { stationCode: 'ST001', regionId: 'c010102', targetChosen: true }
    const d = send(input)
    expect(d.stationId).to.equal('st001')
    expect(residentSummary(d, index, 'c010102')).to.match(/^已交给轻工街道代表联络站的.+代表（您选择了该站/)
    expect(deputyRoutingWhy(codes(input), { name: '张伟', isYou: true }, d.topic)).to.match(/^群众选择了本站/)
    expect(officeRoutingWhy(codes(input), '张伟', '轻工街道代表联络站', d.topic)).to.match(/^群众选择了轻工街道代表联络站/)
    expect(d.reasons.map((r) => r.message).join(' ')).not.to.include('二维码')
  })

  it('the deputy she wrote to before (再写一条): 您选择了张伟代表', () => {
    const input = { deputyCode: 'DP0001', regionId: 'c010101', targetChosen: true }
    const d = send(input)
    expect(residentSummary(d, index, 'c010101')).to.equal('已交给轻工街道代表联络站的张伟代表（您选择了张伟代表）')
    expect(deputyRoutingWhy(codes(input), { name: '张伟', isYou: true }, d.topic)).to.equal('群众选择了您')
  })

  it('a scanned code still says 二维码', () => {
    expect(residentSummary(send({ stationCode: 'ST003', regionId: 'c010102' }), index, 'c010102')).to.equal(
      '已交给光明社区代表联络点的刘洋代表（您通过该站的二维码留言）',
    )
    expect(residentSummary(send({ deputyCode: 'DP0001', regionId: 'c010101' }), index, 'c010101')).to.include('您通过张伟代表的二维码留言')
  })
})
