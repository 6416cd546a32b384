import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const DAY = 24 * 3_600_000

/**
 * 一起催办 names the deadline each late message has passed. 张伟 holds three messages about the broken lift of 建设路社区:
 * two written two months ago, one he acknowledged, both now past their reply deadline (已超期); one written on Sunday,
 * not acknowledged, only its 受理 deadline gone, its answer weeks ahead. 孙丽 read "其中 3 条已过期限" before, as if all
 * three were late to be answered; she and 张伟 now read which deadline, each in their own words: she as her inbox says
 * it (2 条已超期、1 条未按时受理), he as his 待办 and each line of the notice do (2 条答复已超期、1 条已过受理期限).
 */
describe('一起催办 says which deadline has passed: 受理 or 答复', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-09-21T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function write(text: string) {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('says 其中 2 条已超期、1 条未按时受理 to her before and after, and 其中 2 条答复已超期、1 条已过受理期限 to the deputy', async () => {
    const old = await write('建设路社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯')
    const older = await write('建设路社区3号楼的电梯坏了一个星期了，没人来修')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${old.id}/acknowledge`, {})).status).to.equal(200)
    app.clock.advance(62 * DAY) // Sunday 22 November: both far past their reply deadline
    const fresh = await write('3号楼电梯坏了好几天，老人腿脚不便上不去楼')
    app.clock.advance(2 * DAY) // Tuesday: a day to acknowledge it has passed, its answer weeks ahead
    const ids = [old.id, older.id, fresh.id]

    const sunli = await asStaff(app, 'sunli')
    const preview = await sunli.get(`/api/admin/cases-together/urge?ids=${ids.join(',')}`)
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200)
    expect(preview.body.text).to.equal('将催办 3 条留言，涉及 1 位代表，其中 2 条已超期、1 条未按时受理。')

    const urged = await sunli.post('/api/admin/cases-together/urge', { ids })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 3 条留言，涉及 1 位代表，其中 2 条已超期、1 条未按时受理。')
    const notice = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged' })).items
    expect(notice).to.have.length(1)
    // Each on its line, by the number he acts on it by (0001 names two of them: the whole number), saying which is late and by how many days, as his 待办 does.
    const [head, ...lines] = (notice[0].payload.text as string).split('\n')
    expect(head).to.match(/^催办：张伟代表，工作人员孙丽催办您的 3 条留言（.+），其中 2 条答复已超期、1 条已过受理期限，请尽快办理：$/)
    expect(lines).to.deep.equal([
      `${old.ticket} 建设路社区3号楼电梯又坏了…（答复已超期 36 天）`,
      `${older.ticket.slice(-4)} 建设路社区3号楼的电梯坏了一个星期了…（答复已超期 36 天）`,
      `${fresh.ticket} 3号楼电梯坏了好几天…（已过受理期限 1 天）`,
    ])
  })

  it('says 都已超期 to her and 答复都已超期 to him when every one is past its reply deadline', async () => {
    const ids = [(await write('建设路社区3号楼电梯又坏了，老人上不去楼')).id, (await write('3号楼的电梯坏了好几天，没人来修')).id]
    app.clock.advance(62 * DAY)
    const urged = await (await asStaff(app, 'sunli')).post('/api/admin/cases-together/urge', { ids })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 2 条留言，涉及 1 位代表，都已超期。')
    const notice = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged' })).items
    expect((notice[0].payload.text as string).split('\n')[0]).to.match(/^催办：张伟代表，工作人员孙丽催办您的 2 条留言（.+），答复都已超期，请尽快办理：$/)
  })
})
