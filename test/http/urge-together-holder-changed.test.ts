import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * 孙丽 opens 一起催办 for the broken lift: two messages wait on 张伟, one on 王芳. While she reads the plan, a colleague
 * gives one of 张伟's to 李强. She confirms what she read. 张伟 is urged about the one he still holds, not about the one
 * he no longer has; 李强, whom her plan never named, is not urged about a message he was given a moment ago; her answer
 * says in words that one was given to another deputy after she looked, and was not urged, as 批量分派 says it.
 */
describe('一起催办: a message given to another deputy between the plan and her confirming is not urged', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function write(text: string, deputyCode: string): Promise<{ id: string; ticket: string }> {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body
  }

  it('urges only those still with the deputy her plan showed, and says why the other was not', async () => {
    const a1 = await write('建设路社区3号楼电梯又坏了，老人上不去楼', 'DP0001')
    const a2 = await write('3号楼电梯坏了一个星期了，没人来修', 'DP0001')
    const b1 = await write('3号楼电梯又坏了，求代表帮忙催一下', 'DP0002')
    app.clock.advance(26 * HOUR)
    const ids = [a1.id, a2.id, b1.id]
    const sunli = await asStaff(app, 'sunli')
    const plan = await sunli.post('/api/admin/cases-together/urge/plan', { ids })
    expect(plan.status, JSON.stringify(plan.body)).to.equal(200)
    expect(plan.body.deputiesText).to.equal('张伟代表 2 条、王芳代表 1 条')

    // Meanwhile a colleague gives 张伟's second to 李强.
    const moved = await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${a2.id}/assign`, { deputyId: 'dp0003', fromDeputyId: 'dp0001' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    const done = await sunli.post('/api/admin/cases-together/urge', { ids, fromDeputyIds: plan.body.fromDeputyIds })
    expect(done.status, JSON.stringify(done.body)).to.equal(200)
    expect(done.body.text).to.equal('已催办 2 条留言，涉及 2 位代表，都未按时受理。')
    expect(done.body.deputiesText).to.equal('张伟代表 1 条、王芳代表 1 条')
    expect(done.body.skipped).to.deep.equal(['其中 1 条在您看过之后交给了别的代表办理，未催办，请重新点“一起催办”看过再催。'])

    const notices = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId).sort(), '李强 is not urged').to.deep.equal(['dp0001', 'dp0002'])
    expect(notices.find((m) => m.recipientId === 'dp0001')!.payload.text, '张伟 is urged about the one he holds')
      .to.include(a1.ticket)
      .and.not.include(a2.ticket)
    const steps = await app.liaison.store.cases.events(a2.id)
    expect(steps.map((e) => e.type)).to.not.include('urged')
  })
})
