import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * caseCity plus two more deputies of 轻工街道代表联络站: 高峰, and 陈静, who has left office. 张伟's
 * colleagues there are 李强 (who also sits at 马庄), 王芳 and 高峰; 赵敏 and 刘洋 are other stations'.
 */
async function cityWithMoreColleagues() {
  const city = caseCity()
  const deputy = (id: string, name: string, level: 'city' | 'county') => ({
    id,
    code: id.toUpperCase(),
    name,
    level,
    stationIds: ['st001'],
    topics: [],
    phone: null,
  })
  city.deputies.push(deputy('dp0006', '高峰', 'county'), deputy('dp0007', '陈静', 'city'))
  const app = await startApp({ directory: city })
  app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  const left = await (await asAdmin(app)).patch('/api/admin/deputies/dp0007', { active: false })
  expect(left.status, JSON.stringify(left.body)).to.equal(200)
  return app
}

const EVERY_DEPUTY = ['DP0001', 'DP0002', 'DP0003', 'DP0004', 'DP0005', 'DP0006', 'DP0007']

/**
 * 张伟 holds a resident's message and wants to hand it on (转给谁). The backend says whom he may
 * choose, by the same rule the transfer keeps: the page offers no one it would then refuse.
 */
describe('a deputy asks whom he may hand a message to', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await cityWithMoreColleagues()
  })
  afterEach(() => app.close())

  /** A new resident's message, addressed to 张伟 at 轻工街道代表联络站. */
  async function zhangWeiHolds(text = '小区门口的垃圾好几天没人清运') {
    const resident = await asResident(app)
    const written = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    expect(written.body.handledBy).to.deep.include({ station: '轻工街道代表联络站', deputy: '张伟' })
    return written.body.id as string
  }

  it('offers 交回轻工街道代表联络站 first, then his colleagues there in office by level and name: not himself, not another station’s, not one who has left', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const caseId = await zhangWeiHolds()

    const options = await zhang.get(`/api/mp/deputy/cases/${caseId}/transfer-options`)
    expect(options.status, JSON.stringify(options.body)).to.equal(200)
    const here = '轻工街道代表联络站'
    expect(options.body).to.deep.equal({
      choices: [
        { kind: 'station', deputyCode: null, name: here, levelLabel: null, stationName: here },
        { kind: 'deputy', deputyCode: 'DP0003', name: '李强', levelLabel: '全国人大代表', stationName: here },
        // County-level deputies of a station in 湛河区: 区人大代表, as people there say it.
        { kind: 'deputy', deputyCode: 'DP0006', name: '高峰', levelLabel: '区人大代表', stationName: here },
        { kind: 'deputy', deputyCode: 'DP0002', name: '王芳', levelLabel: '区人大代表', stationName: here },
      ],
    })
  })

  it('lists exactly whom 转交 accepts: each listed colleague takes a message, everyone else is refused in words', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const listed = (await zhang.get(`/api/mp/deputy/cases/${await zhangWeiHolds()}/transfer-options`)).body.choices
      .map((c: { deputyCode: string | null }) => c.deputyCode)
      .filter(Boolean)

    const refusals: Record<string, [number, string | undefined, string | undefined]> = {}
    for (const code of EVERY_DEPUTY) {
      const caseId = await zhangWeiHolds(`建设路的路灯坏了（交给 ${code}）`)
      const moved = await zhang.post(`/api/mp/deputy/cases/${caseId}/transfer`, { deputyCode: code, reason: '这位代表更了解情况' })
      if (listed.includes(code)) {
        expect(moved.status, `${code}: ${JSON.stringify(moved.body)}`).to.equal(200)
        const theirs = await asDeputy(app, code.toLowerCase())
        const seen = await theirs.get(`/api/mp/deputy/cases/${caseId}`)
        expect([seen.status, seen.body.status, seen.body.station], code).to.deep.equal([200, 'assigned', '轻工街道代表联络站'])
      } else refusals[code] = [moved.status, moved.body.error?.code, moved.body.error?.message]
    }

    expect(listed).to.have.members(['DP0002', 'DP0003', 'DP0006'])
    expect(refusals).to.deep.equal({
      DP0001: [409, 'conflict', '留言已在该代表名下'],
      DP0004: [403, 'outside_scope', '只能转交给轻工街道代表联络站的代表，或交回轻工街道代表联络站'],
      DP0005: [403, 'outside_scope', '只能转交给轻工街道代表联络站的代表，或交回轻工街道代表联络站'],
      DP0007: [422, 'deputy_inactive', '该代表已离任，请选择其他代表'],
    })
  })

  it('names the colleague from another station who was refused', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const caseId = await zhangWeiHolds()
    const refused = await zhang.post(`/api/mp/deputy/cases/${caseId}/transfer`, { deputyCode: 'DP0004', reason: '赵敏代表住得近' })
    expect([refused.status, refused.body.error?.details]).to.deep.equal([403, [{ path: 'body.deputyCode', message: '赵敏代表不是轻工街道代表联络站的代表' }]])
    expect((await zhang.get(`/api/mp/deputy/cases/${caseId}`)).body.status, 'still his').to.equal('assigned')
  })

  it('answers only about a message he holds: another deputy’s, or one he has handed on, is not found; a bad number is refused', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const caseId = await zhangWeiHolds()

    const zhao = await asDeputy(app, 'dp0004')
    const notHers = await zhao.get(`/api/mp/deputy/cases/${caseId}/transfer-options`)
    expect([notHers.status, notHers.body.error.message]).to.deep.equal([404, '留言不存在'])

    expect((await zhang.post(`/api/mp/deputy/cases/${caseId}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表熟悉' })).status).to.equal(200)
    expect((await zhang.get(`/api/mp/deputy/cases/${caseId}/transfer-options`)).status, 'handed on').to.equal(404)
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/deputy/cases/${caseId}/transfer-options`)).status, 'now hers').to.equal(200)

    const bad = await zhang.get('/api/mp/deputy/cases/not-a-case/transfer-options')
    expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'validation_failed'])
  })

  it('refuses a blank colleague: the message stays with him, not handed back to the station', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const caseId = await zhangWeiHolds()
    const blank = await zhang.post(`/api/mp/deputy/cases/${caseId}/transfer`, { deputyCode: '   ', reason: '王芳代表熟悉' })
    expect([blank.status, blank.body.error.code, blank.body.error.details[0].message]).to.deep.equal([400, 'validation_failed', '请选择接手的代表'])
    const still = await zhang.get(`/api/mp/deputy/cases/${caseId}`)
    expect(still.body.status, 'still waiting for him').to.equal('assigned')
    expect((await zhang.get(`/api/mp/deputy/cases/${caseId}/transfer-options`)).status, 'still his').to.equal(200)
  })

  it('says why when the message can no longer be handed on', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const caseId = await zhangWeiHolds()
    await zhang.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已联系环卫所，明天清运。' })
    const answered = await zhang.get(`/api/mp/deputy/cases/${caseId}/transfer-options`)
    expect([answered.status, answered.body.error.code, answered.body.error.message]).to.deep.equal([
      409,
      'illegal_transition',
      '这条留言您已经答复了，不能再退回',
    ])
  })
})
