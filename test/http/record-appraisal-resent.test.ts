import { expect } from 'chai'
import { asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const OPEN = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }
const ANSWERS = { overall: 4, verdict: 'satisfied', advice: '希望多来社区听听老年人的意见' }

/**
 * 述职评议: 王阿姨 rates 张伟's yearly report; her answer is stored but her phone loses the reply, and she taps
 * again. The resend carries the same Idempotency-Key: she reads success (201, the same receipt), and her answer
 * counts once in what 张伟 and the office read. The same key with other answers, or another answer of hers, changes nothing.
 */
describe('述职评议: an answer resent after a lost reply counts once', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const answer = (who: Client, surveyId: string, answers: Record<string, unknown>, key?: string) =>
    who.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers }, key ? { 'Idempotency-Key': key } : {})

  it('answers the resend as the first, refuses changed answers under the same key, and counts one answer', async () => {
    const opened = await (await asStaff(app, 'sunli')).post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(opened.status).to.equal(201)
    const surveyId = opened.body.surveyId as string
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    const wang = await asResident(app)

    const first = await answer(wang, surveyId, ANSWERS, 'mp-appraise-1')
    expect(first.status, JSON.stringify(first.body)).to.equal(201)
    const resent = await answer(wang, surveyId, ANSWERS, 'mp-appraise-1')
    expect(resent.status, JSON.stringify(resent.body)).to.equal(201)
    expect(resent.body.id, 'the same answer').to.equal(first.body.id)
    expect(resent.headers.get('idempotent-replayed')).to.equal('true')

    const changed = await answer(wang, surveyId, { ...ANSWERS, overall: 1 }, 'mp-appraise-1')
    expect(changed.status).to.equal(422)
    expect(changed.body.error).to.include({ code: 'idempotency_key_reused', message: '刚才已经送出过一次，那次已经收到；这次改过的内容没有再送出。每人限一次' })
    const another = await answer(wang, surveyId, ANSWERS, 'mp-appraise-2')
    expect(another.status, 'a second answer, not a resend').to.equal(409)
    expect(another.body.error.code).to.equal('already_responded')

    // Counted once: he and the office read the count (one rater is too few for anyone to read the ratings).
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    const mine = (await (await asDeputy(app, 'dp0001')).get('/api/mp/records/appraisals')).body.items
    expect(mine[0]).to.include({ surveyId, responses: 1 })
    const theirs = (await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001/appraisals')).body.items[0]
    expect(theirs).to.include({ responses: 1, sealed: true })
  })
})
