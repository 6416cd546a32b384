import { expect } from 'chai'
import { asAdmin, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { deputySheet } from '../helpers/sheets.js'

/**
 * 刘洋 serves 光明社区代表联络点, where no clerk has an account. When he leaves office, the message in his hands goes
 * back to the station as always, but nobody there reads its queue: 湛河区's office is told at once, and the console
 * says where the message went instead of "由工作人员重新分派". 张伟's station has its clerk: nothing changes for him.
 */
describe('a deputy of a station without a clerk leaves office', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  const queuedFor = async (caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.queued' })).items
      .filter((m) => m.payload.caseId === caseId)
      .map((m) => `${m.recipientKind}:${m.recipientId} ${String(m.payload.text)}`)

  it('tells the district office at once and says so, where a station with a clerk is told as before', async () => {
    const resident = await asResident(app)
    const gym = (await resident.post('/api/mp/cases', { text: '光明社区的健身器材坏了', deputyCode: 'DP0005', regionId: 'c010102' })).body
    const lamp = (await resident.post('/api/mp/cases', { text: '建设路的路灯坏了', deputyCode: 'DP0001', regionId: 'c010101' })).body

    // The import's list says it before anyone presses 设为离任.
    const report = await admin.post('/api/admin/directory/import', {
      sheets: [
        deputySheet(
          'DP0002,王芳,县区人大代表,轻工街道代表联络站,,,',
          'DP0003,李强,全国人大代表,马庄街道代表联络站、轻工街道代表联络站,,,',
          'DP0004,赵敏,乡镇人大代表,马庄街道代表联络站,,,',
        ),
      ],
    })
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    const leftOut = new Map(report.body.leftOut.deputies.map((d: { code: string; text: string }) => [d.code, d.text]))
    expect(leftOut.get('DP0005')).to.include('由工作人员重新分派（光明社区代表联络点没有在用的工作人员账号，那里的留言会告知人大办分派）')
    expect(leftOut.get('DP0001')).not.to.include('没有在用的工作人员账号')

    const liu = await admin.patch('/api/admin/deputies/dp0005', { active: false })
    expect(liu.status, JSON.stringify(liu.body)).to.equal(200)
    expect(liu.body).to.include({
      casesReturned: 1,
      casesReturnedText: '1 条未办结留言已退回光明社区代表联络点，该站没有在用的工作人员账号，已告知湛河区人大办分派',
    })
    expect(await queuedFor(gym.id)).to.deep.equal([
      `station:st003 留言 ${gym.ticket}（${gym.topic}）的办理代表已离任，请登录工作台重新分派。`,
      `office:d01 留言 ${gym.ticket}（${gym.topic}）的办理代表已离任，留言已退回光明社区代表联络点，但该站没有在用的工作人员账号，请登录工作台分派代表。`,
    ])

    const zhang = await admin.patch('/api/admin/deputies/dp0001', { active: false })
    expect(zhang.body).to.include({ casesReturned: 1, casesReturnedText: '1 条未办结留言已退回联络站，由工作人员重新分派' })
    expect((await queuedFor(lamp.id)).map((m) => m.split(' ')[0])).to.deep.equal(['station:st001'])
  })
})
