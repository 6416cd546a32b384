import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000
/** The broken lift of 建设路社区, in a few of the ways residents write it. */
const WORDS = [
  '建设路社区3号楼电梯又坏了，老人上不去楼',
  '3号楼的电梯坏了好几天，没人来修',
  '3号楼电梯坏了，老人腿脚不便上不去楼',
  '3号楼电梯又停了，请代表催一下修电梯',
]

/**
 * A hot issue bigger than an address holds: 230 messages about the broken lift of 建设路社区, with 张伟, 王芳 and 李强,
 * and one more written to 新华区's 陈静. The inbox opens it by its filters; 孙丽 of 湛河区's office still urges the
 * whole issue at once (its messages sent in the request's body): first what it would do, then each deputy told once;
 * 新华区's message counted as not hers, as for a small issue.
 */
describe('一起催办 of a whole hot issue of more than 200 messages', function () {
  this.timeout(120_000)
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('reads what it would do and urges all of her 230, one notice per deputy, from the issue’s ids in a body', async () => {
    const resident = await asResident(app)
    const deputies = ['DP0001', 'DP0002', 'DP0003']
    for (let i = 0; i < 230; i++) {
      // Her words come round again while the first are open: she was asked, and sends them all the same.
      const again = i >= WORDS.length
      const sent = await resident.post('/api/mp/cases', { text: WORDS[i % WORDS.length], regionId: 'c010101', deputyCode: deputies[i % 3], sendAgain: again })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      app.clock.advance(60_000)
    }
    const other = await (await asResident(app)).post('/api/mp/cases', { text: WORDS[0], regionId: 'c020101', deputyCode: 'DP0006' })
    expect(other.status).to.equal(201)
    app.clock.advance(26 * HOUR)

    const sunli = await asStaff(app, 'sunli')
    const issues = (await sunli.get('/api/admin/analysis/hot-issues')).body.issues as Array<{ caseIds: string[]; messages: number }>
    const lift = issues.find((i) => i.messages === 230)!
    expect(lift, JSON.stringify(issues.map((i) => i.messages))).to.not.equal(undefined)
    const ids = [...lift.caseIds, other.body.id as string]

    const inAddress = await sunli.get(`/api/admin/cases-together/urge?ids=${ids.slice(0, 201).join(',')}`)
    expect(inAddress.status, 'an address holds no more than 200').to.equal(422)

    const plan = await sunli.post('/api/admin/cases-together/urge/plan', { ids })
    expect(plan.status, JSON.stringify(plan.body)).to.equal(200)
    expect(plan.body).to.deep.include({
      urged: 230,
      deputyCount: 3,
      text: '将催办 230 条留言，涉及 3 位代表，都未按时受理。',
      deputiesText: '张伟代表 77 条、王芳代表 77 条、李强代表 76 条',
    })
    expect(plan.body.skipped).to.deep.equal(['其中 1 条不归您管，不会催办。'])
    expect((await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged' })).items, 'reading it sends nothing').to.deep.equal([])

    const urged = await sunli.post('/api/admin/cases-together/urge', { ids, note: '电梯的事群众反映很多，请本周内答复' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 230 条留言，涉及 3 位代表，都未按时受理。')
    expect(urged.body.skipped).to.deep.equal(['其中 1 条不归您管，未催办。'])
    const notices = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId).sort()).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
    expect(notices.find((m) => m.recipientId === 'dp0001')!.payload.text).to.match(
      // A line a message, ten of them, then how many more: his 待办 lists them all.
      /^催办：张伟代表，工作人员孙丽催办您的 77 条留言（.+），都已过受理期限，请尽快办理：\n(\S+ .+（(?:今天已过受理期限|已过受理期限 \d+ 天)）\n){10}……另有 67 条\n附言：电梯的事群众反映很多，请本周内答复$/,
    )
    const steps = await Promise.all(lift.caseIds.map(async (id) => (await app.liaison.store.cases.events(id)).at(-1)!.type))
    expect(new Set(steps)).to.deep.equal(new Set(['urged']))

    for (const bad of [{ ids: [] }, { ids: ['20261123-0001'] }, { ids, note: '请' }]) {
      const refused = await sunli.post('/api/admin/cases-together/urge/plan', bad)
      expect(refused.status, JSON.stringify(bad).slice(0, 60)).to.equal(400)
      expect(refused.body.error.code).to.be.a('string')
    }
    const tooMany = await sunli.post('/api/admin/cases-together/urge/plan', {
      ids: [...ids, ...Array.from({ length: 2000 }, (_, i) => `cs-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)],
    })
    expect(tooMany.status).to.equal(422)
    expect(tooMany.body.error.message).to.equal('一次最多催办 2000 条留言，请分几次催办')
  })
})
