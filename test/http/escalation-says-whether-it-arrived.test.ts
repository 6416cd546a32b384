import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asResident, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { startApp } from '../helpers/app.js'
import { startWithWeChat } from '../helpers/wechat.js'

const HOUR = 3_600_000

/**
 * Review 37 § 5: 陈敏 read "逾期督办：已报告澜江区人大常委会办公室" on a message whose two reports had both died
 * (未能送达: neither her station nor the office had a group that receives notices), and did not phone the office.
 * Each 超期督办 step now says what was done: 已通知 only once the report arrived, 已发出 while it is on its way, and
 * when it will not arrive, whom it was meant for, why, and what to do.
 */
describe('超期督办 on the timeline says whether the report reached the station and the office', () => {
  let app: TestApp
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const escalations = async (clerk: Awaited<ReturnType<typeof asStaff>>, id: string) =>
    (await clerk.get(`/api/admin/cases/${id}`)).body.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { label: string }) => e.label)

  it('never says 已报告 when neither the station nor the office has a group to receive it, and says what to do', async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区垃圾没人清运', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(25 * HOUR) // past the day to acknowledge: reported to the station
    await sla()
    app.clock.advance(73 * HOUR) // three days more: to the district's office
    await sla()
    await app.liaison.services.dispatcher.drain() // the dispatcher finds no way to either: both 未能送达

    const lina = await asStaff(app, 'lina')
    const labels = await escalations(lina, sent.body.id)
    expect(labels).to.deep.equal([
      '超期督办：应通知轻工街道代表联络站，但未能送达（这个联络站还没有接收提醒的微信群，可在“绑定码”页绑定本站微信群）',
      '超期督办：应通知湛河区人大常委会办公室，但未能送达（人大办还没有接收提醒的微信群，请电话告知）',
    ])
    // 查看完整原文 shows the same timeline: it says the same of each report.
    expect(
      (await lina.get(`/api/admin/cases/${sent.body.id}/whole-words`)).body.timeline
        .filter((e: { type: string }) => e.type === 'escalated')
        .map((e: { label: string }) => e.label),
    ).to.deep.equal(labels)
  })

  it('says 已发出 while a report is on its way and 已通知 once the station’s group robot has it; the office with none is said apart', async () => {
    const wechat = await startWithWeChat() // 新华街道代表联络站 (st004) has a group robot; 新华区's office has none
    app = wechat
    // 新华社区 is covered by st004, which has no deputy yet: the message waits in the station's queue.
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '新华社区路口的红绿灯坏了三天', regionId: 'c020101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(25 * HOUR)
    await sla()
    const wangwu = await asStaff(app, 'wangwu')
    expect(await escalations(wangwu, sent.body.id), 'written, not yet sent').to.deep.equal(['超期督办：已发出，正在通知新华街道代表联络站'])

    await app.liaison.services.dispatcher.drain()
    expect(await escalations(wangwu, sent.body.id)).to.deep.equal(['超期督办：已通知新华街道代表联络站'])
    const posted = wechat.fake.robotMessages('robot-key-xinhua').map((m) => JSON.stringify(m.body))
    expect(
      posted.some((text) => text.includes('督办：')),
      'the group really has it',
    ).to.equal(true)

    app.clock.advance(73 * HOUR)
    await sla()
    await app.liaison.services.dispatcher.drain()
    const [, office] = await escalations(await asStaff(app, 'wangwu'), sent.body.id) // days later: a new login
    expect(office).to.match(/^超期督办：应通知新华区人大常委会办公室，但未能送达（人大办还没有接收提醒的微信群，请电话告知）$/)
  })
})
