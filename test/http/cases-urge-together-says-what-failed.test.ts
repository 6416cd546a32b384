import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/**
 * Review 37, finding 8. 一起催办 urges each deputy's messages at once. When the store failed on one deputy's message
 * (a full disk, a lost connection), 孙丽 got a bare 500 while the others' urges had been written and their notices
 * sent: she could not tell what was done, and urging again would be refused as urged today. Now she is told what was
 * urged and, by deputy, what was not; only a request that urged nothing at all is an error.
 */
describe('一起催办: a failure on one deputy’s messages is said, and the rest stands', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string, deputyCode: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  /** The store fails, unexpectedly, on every write of these messages. */
  const failingOn = (...ids: string[]) => {
    const cases = app.liaison.store.cases
    const update = cases.update.bind(cases)
    ;(cases as { update: typeof update }).update = async (record, ...rest) => {
      if (ids.includes(record.id)) throw new Error('disk I/O error')
      return update(record, ...rest)
    }
  }
  const urgedSteps = async (id: string) => (await app.liaison.store.cases.events(id)).filter((e) => e.type === 'urged').length

  it('urges 张伟’s two and says 王芳’s one was not urged', async () => {
    const a1 = await write('建设路社区3号楼电梯又坏了，请尽快修电梯', 'DP0001')
    const a2 = await write('3号楼的电梯坏了一个星期了，没人来修', 'DP0001')
    const b1 = await write('3号楼电梯又坏了，求代表帮忙催一下', 'DP0002')
    failingOn(b1.id)

    const urged = await (await asStaff(app, 'sunli')).post('/api/admin/cases-together/urge', { ids: [a1.id, a2.id, b1.id] })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 2 条留言，涉及 1 位代表。')
    expect(urged.body.deputiesText).to.equal('张伟代表 2 条')
    expect(urged.body.skipped).to.deep.equal(['其中 1 条因为系统出错没有催办成功，请稍后对它们再催办一次。'])
    expect(urged.body.failed).to.deep.equal([{ name: '王芳', count: 1 }])
    expect(urged.body.failedText).to.equal('没有催办成功的：王芳代表 1 条。其他的已经催办，请稍后对没成功的再催办一次。')
    expect([await urgedSteps(a1.id), await urgedSteps(a2.id), await urgedSteps(b1.id)]).to.deep.equal([1, 1, 0])
    const notices = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId)).to.deep.equal(['dp0001'])
  })

  it('is an error, with nothing written, when nothing could be urged', async () => {
    const b1 = await write('3号楼电梯又坏了，求代表帮忙催一下', 'DP0002')
    failingOn(b1.id)
    const urged = await (await asStaff(app, 'sunli')).post('/api/admin/cases-together/urge', { ids: [b1.id] })
    expect(urged.status).to.equal(500)
    expect(urged.body.error.code).to.equal('internal_error')
    expect(await urgedSteps(b1.id)).to.equal(0)
  })
})
