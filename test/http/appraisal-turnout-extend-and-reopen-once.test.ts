import { expect } from 'chai'
import { asAdmin, asResident } from '../helpers/app.js'
import { AFTER_CLOSE, useZhangWeiAppraisal, WHILE_OPEN } from '../helpers/appraisals.js'
import { asStaff } from '../helpers/meetings.js'

const RATING = { overall: 4, verdict: 'satisfied' }

/**
 * 周主任 opened 张伟's 述职评议 (12月1日 to 12月15日). While it runs he must read how many took part against the 5 it needs
 * to show the ratings, and be able to extend it; closed with too few raters, he may reopen it once — without a developer
 * (review 38 § 4: "已结束 共 2 人参加 … 不显示评分" and no button; a second appraisal for the year 409, the survey frozen).
 */
describe('述职评议: the turnout against the 5 raters needed, 延长评议 while it runs, and 重新开放 once after too few', () => {
  const story = useZhangWeiAppraisal()
  const office = async () => (await (await asStaff(story.app, 'sunli')).get('/api/admin/records/dp0001/appraisals')).body.items[0]
  const extend = async (username: string, closesAt: string, deputyId = 'dp0001') =>
    (await asStaff(story.app, username)).post(`/api/admin/records/${deputyId}/appraisals/${story.surveyId}/extend`, { closesAt })

  it('says while it runs how many more raters it needs, and extends it by the office’s new end, recorded in 操作记录', async () => {
    await story.rated(2, () => RATING)
    expect(await office()).to.include({
      phase: 'open',
      responses: 2,
      turnoutText: '已有 2 人参加，至少 5 人参加才能显示评分，还差 3 人。人数不够可以点“延长评议”。',
      canExtend: true,
      canReopen: false,
    })
    const moved = await extend('sunli', '2026-12-22T23:59:59+08:00')
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body).to.include({ closesAt: '2026-12-22T15:59:59.000Z', phase: 'open' })
    const entries = (await (await asAdmin(story.app)).get('/api/admin/audit?action=record.appraisal_extended')).body.items
    expect(entries).to.have.length(1)
  })

  it('refuses an end not later than the one in force, in words, and changes nothing', async () => {
    story.app.clock.set(WHILE_OPEN)
    const early = await extend('sunli', '2026-12-10T23:59:59+08:00')
    expect(early.status).to.equal(422)
    expect(early.body.error.details[0]).to.deep.include({ path: 'body.closesAt' })
    expect(early.body.error.details[0].message).to.match(/^新的结束时间应晚于原来的结束时间（12月15日.*），也应晚于现在$/)
    expect((await office()).closesAt).to.equal('2026-12-15T10:00:00.000Z')
  })

  it('after a close with 2 raters offers 重新开放, lets residents rate again, and never reopens it a second time', async () => {
    await story.rated(2, () => RATING)
    story.app.clock.set(AFTER_CLOSE)
    expect(await office()).to.include({
      phase: 'closed',
      sealed: true,
      turnoutText: '只有 2 人参加，不足 5 人，不显示评分。可以点“重新开放”，定一个新的结束日期，请更多群众参加（只能重新开放一次）。',
      canExtend: false,
      canReopen: true,
    })
    const reopened = await extend('sunli', '2026-12-23T23:59:59+08:00')
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)
    expect(reopened.body).to.include({ phase: 'open', canReopen: false, canExtend: true })
    expect((await (await asAdmin(story.app)).get('/api/admin/audit?action=record.appraisal_reopened')).body.items).to.have.length(1)

    // Two more residents rate; it closes again with 4: too few still, and it was reopened once already.
    for (let i = 0; i < 2; i++) {
      const sent = await (await asResident(story.app)).post(`/api/mp/appraisals/${story.surveyId}/responses`, { regionId: 'c010101', answers: RATING })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    story.app.clock.set(new Date('2026-12-24T02:00:00Z'))
    expect(await office()).to.include({
      responses: 4,
      canReopen: false,
      turnoutText: '只有 4 人参加，不足 5 人，不显示评分。这次评议已经重新开放过一次，不能再开放。',
    })
    const again = await extend('sunli', '2026-12-30T23:59:59+08:00')
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'appraisal_reopened_once', message: '这次评议已经重新开放过一次，不能再开放' })
    expect((await office()).phase, 'nothing changed').to.equal('closed')
  })

  it('refuses to reopen one whose ratings are shown', async () => {
    await story.rated(5, () => RATING)
    story.app.clock.set(AFTER_CLOSE)
    const refused = await extend('sunli', '2026-12-23T23:59:59+08:00')
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'appraisal_over', message: '这次评议有 5 人参加，已经结束，评分已经显示，不能重新开放' })
  })

  it('is the office’s, within its scope: a clerk is refused, another district’s organizer finds no such appraisal', async () => {
    story.app.clock.set(WHILE_OPEN)
    const clerk = await extend('lina', '2026-12-22T23:59:59+08:00')
    expect(clerk.status).to.equal(403)
    const elsewhere = await extend('qianqi', '2026-12-22T23:59:59+08:00')
    expect(elsewhere.status).to.equal(404)
    const wrongDeputy = await extend('sunli', '2026-12-22T23:59:59+08:00', 'dp0002')
    expect(wrongDeputy.status, 'the appraisal is 张伟’s, not 王芳’s').to.equal(404)
    expect((await office()).closesAt, 'nothing changed').to.equal('2026-12-15T10:00:00.000Z')
  })
})
