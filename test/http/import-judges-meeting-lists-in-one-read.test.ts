import { expect } from 'chai'
import { asAdmin, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { excel } from '../helpers/sheets.js'

/**
 * A new term's roster moves many deputies at once: here 张伟 and 王芳 leave 轻工 for 马庄, and 赵敏 is left out. The
 * report still says, for each, the messages he holds at the station he left and the meeting ahead he is marked on;
 * and the lists of meetings ahead take 马庄's newcomers. It is read in batches however many move: one read of all
 * the movers' invitations, one of the meetings ahead, one of their open messages (2,000 movers were some 10,000
 * reads, one after another, inside the request).
 */
describe('an import judges the meeting lists of everyone it moves with one read of each kind', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('says what each mover holds and where he is marked, and puts the newcomers on their station’s lists', async () => {
    const resident = await asResident(app)
    for (const [text, code] of [
      ['建设路的路灯坏了', 'DP0001'],
      ['学校门口缺红绿灯', 'DP0002'],
      ['马庄路的井盖丢了', 'DP0004'],
    ])
      expect((await resident.post('/api/mp/cases', { text, deputyCode: code, regionId: 'c010101' })).status).to.equal(201)
    const publish = async (title: string, stationId: string) => {
      const created = await admin.post(
        '/api/admin/meetings',
        meetingBody({
          title,
          kind: 'reception_day',
          startAt: '2026-11-27T09:00:00+08:00',
          endAt: '2026-11-27T11:30:00+08:00',
          selector: { stationIds: [stationId] },
        }),
      )
      expect((await admin.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
      return created.body.id as string
    }
    await publish('轻工街道代表联络站11月接待日', 'st001')
    const mazhuang = await publish('马庄街道代表联络站11月接待日', 'st002')

    const { meetings, cases } = app.liaison.store
    const reads = { invitationsOf: 0, invitationsOfMany: 0, list: 0, listForStats: 0 }
    const counted = <T extends object, K extends keyof T & keyof typeof reads>(repo: T, name: K) => {
      const read = (repo[name] as (...args: unknown[]) => unknown).bind(repo)
      ;(repo as Record<string, unknown>)[name] = (...args: unknown[]) => {
        reads[name]++
        return read(...args)
      }
    }
    counted(meetings, 'invitationsOf')
    counted(meetings, 'invitationsOfMany')
    counted(meetings, 'list')
    counted(cases, 'listForStats')

    const deputies = excel('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站',
      'DP0001,张伟,市人大代表,马庄街道代表联络站',
      'DP0002,王芳,县区人大代表,马庄街道代表联络站',
      'DP0003,李强,全国人大代表,马庄街道代表联络站、轻工街道代表联络站',
      'DP0005,刘洋,省人大代表,光明社区代表联络点',
      'DP0006,陈静,市人大代表,新华街道代表联络站',
    ])
    const report = await admin.post('/api/admin/directory/import', { sheets: [deputies] })
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(reads, 'one read of each, for all the movers together').to.deep.equal({ invitationsOf: 0, invitationsOfMany: 1, list: 1, listForStats: 1 })

    const moved = report.body.moved.map((m: { name: string; text: string }) => [m.name, m.text])
    expect(moved.map(([name]: string[]) => name)).to.deep.equal(['张伟', '王芳'])
    for (const [, text] of moved) {
      expect(text).to.include('手上还有轻工街道代表联络站的 1 条未办结留言')
      expect(text).to.include('“轻工街道代表联络站11月接待日”的参会名单上已标为“已调到马庄街道代表联络站”')
      expect(text).to.include('已加入“马庄街道代表联络站11月接待日”的参会名单，会议通知已发给本人')
    }
    expect(report.body.leftOut.deputies.map((d: { name: string; openCases: number }) => [d.name, d.openCases])).to.deep.equal([['赵敏', 1]])

    const table = await admin.get(`/api/admin/meetings/${mazhuang}/invitees`)
    expect(table.body.items.map((i: { name: string; rsvpLabel: string }) => `${i.name} ${i.rsvpLabel}`)).to.have.members([
      '李强 未回复',
      '赵敏 未回复',
      '张伟 未回复',
      '王芳 未回复',
    ])
  })
})
