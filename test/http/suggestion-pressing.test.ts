import { expect } from 'chai'
import { caseCity } from '../fixtures.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, localToday, suggestionAt, told } from '../helpers/suggestions.js'

const DAY = 86_400_000

interface Event {
  action: string
  text: string
  actor: { name: string }
}

/**
 * 孙丽 of 湛河区's office opens a suggestion its units let pass the deadline: she presses them (催办), once a day,
 * and records a 督办 with her note. The units' staff read it in their notices, the suggestion's timeline keeps both,
 * and nobody outside her district can do it.
 */
describe('代表建议: the office presses the units of an overdue suggestion (催办, 督办)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  /** Assigned to 市住建局 (lead) and 湛河区人民政府 (co), due today; then `late` days pass. */
  async function overdue(late: number) {
    const { id } = await suggestionAt(app, 'accepted')
    const sunli = await asStaff(app, 'sunli')
    const assigned = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u02'], deadline: localToday(app) })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    app.clock.advance(late * DAY)
    // Signed in again: her session would have ended over those days.
    return { id, number: assigned.body.number as string, sunli: await asStaff(app, 'sunli') }
  }

  it('催办: tells the staff of the units still owing the answer how late it is, with her note, and keeps it on the timeline', async () => {
    const { id, number, sunli } = await overdue(3)
    const urged = await sunli.post(`/api/admin/suggestions/${id}/urge`, { note: '请本周内书面答复' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const last: Event = urged.body.timeline.at(-1)
    expect(last.actor.name).to.equal('孙丽')
    expect(last.text).to.match(/^催办 市住房和城乡建设局、湛河区人民政府：办理期限 \d{4}年\d{1,2}月\d{1,2}日，已超期 3 天；附言：请本周内书面答复$/)
    const notices = await told(app, 'suggestion.urged')
    expect(notices).to.have.length(2)
    expect(notices.map((n) => n.split(' → ')[0])).to.have.members(['staff:sf21', 'staff:sf22'])
    expect(notices[0].split(' → ')[1]).to.match(
      new RegExp(
        `^湛河区人大常委会办公室孙丽催办代表建议 ${number}《建设路加装路灯》：办理期限 \\d{4}年\\d{1,2}月\\d{1,2}日，已超期 3 天，请尽快答复。附言：请本周内书面答复$`,
      ),
    )

    const again = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_urged', message: '这条建议今天已由孙丽催办过，每天只能催办一次，请明天再催办' })
    expect(await told(app, 'suggestion.urged'), 'nothing more sent').to.have.length(2)
    app.clock.advance(DAY)
    const nextDay = await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/urge`, {})
    expect(nextDay.status, 'the next day she may press again').to.equal(200)
    expect(await told(app, 'suggestion.urged')).to.have.length(4)
  })

  it('presses only the lead once a co-unit has given its opinion', async () => {
    const { id, sunli } = await overdue(1)
    expect((await (await asStaff(app, 'wujing')).post(`/api/unit/suggestions/${id}/answer`, { text: '配合选址' })).status).to.equal(200)
    const urged = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect(urged.body.timeline.at(-1).text).to.match(/^催办 市住房和城乡建设局：办理期限 .*，已超期 1 天$/)
    expect((await told(app, 'suggestion.urged')).map((n) => n.split(' → ')[0])).to.deep.equal(['staff:sf21'])
  })

  it('督办: records the office’s note on the timeline and tells the units; a 督办 without a note is refused', async () => {
    const { id, number, sunli } = await overdue(33)
    const empty = await sunli.post(`/api/admin/suggestions/${id}/supervision`, { note: '  ' })
    expect(empty.status).to.equal(400)
    expect(empty.body.error.details).to.deep.equal([{ path: 'body.note', message: '督办意见不能为空' }])
    const done = await sunli.post(`/api/admin/suggestions/${id}/supervision`, { note: '赵副主任已电话督办，要求月底前答复' })
    expect(done.status, JSON.stringify(done.body)).to.equal(200)
    expect(done.body.timeline.at(-1)).to.deep.include({
      action: 'supervised',
      text: '督办 市住房和城乡建设局、湛河区人民政府：赵副主任已电话督办，要求月底前答复',
    })
    const notices = await told(app, 'suggestion.supervised')
    expect(notices.map((n) => n.split(' → ')[0])).to.have.members(['staff:sf21', 'staff:sf22'])
    expect(notices[0].split(' → ')[1]).to.match(
      new RegExp(
        `^湛河区人大常委会办公室督办代表建议 ${number}《建设路加装路灯》，办理期限 \\d{4}年\\d{1,2}月\\d{1,2}日，已超期 33 天。督办意见：赵副主任已电话督办，要求月底前答复$`,
      ),
    )
  })

  it('keeps another district’s organizer out and refuses to press a suggestion already answered, changing nothing', async () => {
    const { id, sunli } = await overdue(2)
    const qianqi = await asStaff(app, 'qianqi') // organizer of 新华区; the suggestion is 湛河区's
    expect((await qianqi.post(`/api/admin/suggestions/${id}/urge`, {})).status).to.equal(404)
    expect((await qianqi.post(`/api/admin/suggestions/${id}/supervision`, { note: '请答复' })).status).to.equal(404)
    expect((await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已办好' })).status).to.equal(200)
    const late = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect(late.status).to.equal(409)
    expect(late.body.error.message).to.equal('只有承办单位还在办理的建议可以催办或督办（现在：已答复待评价）')
    const long = await sunli.post(`/api/admin/suggestions/${id}/urge`, { note: '催'.repeat(301) })
    expect(long.status).to.equal(400)
    expect(await told(app, 'suggestion.urged')).to.deep.equal([])
    const timeline: Event[] = (await sunli.get(`/api/admin/suggestions/${id}`)).body.timeline
    expect(timeline.filter((e) => e.action === 'urged' || e.action === 'supervised')).to.deep.equal([])
  })

  it('puts the office’s 退回 and 代为办结 in the audit log too, with what was decided', async () => {
    const sunli = await asStaff(app, 'sunli')
    const { id: returned } = await suggestionAt(app, 'submitted', { title: '多建停车场' })
    const back = await sunli.post(`/api/admin/suggestions/${returned}/review`, { decision: 'return', reason: '属于个人诉求' })
    const { id } = await suggestionAt(app, 'assigned')
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已加装' })
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    const closed = await sunli.post(`/api/admin/suggestions/${id}/close`)
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200)
    const words = async (target: string) =>
      (await admin.get(`/api/admin/audit?targetId=${target}`)).body.items.map((e: { actionWords: string; targetWords: string; detailWords: string }) =>
        [e.actionWords, e.targetWords, e.detailWords].join(' | '),
      )
    expect((await words(returned))[0]).to.equal(`退回代表建议 | 代表建议 ${back.body.number} | 退回：属于个人诉求`)
    expect((await words(id))[0]).to.equal(`代为办结代表建议 | 代表建议 ${closed.body.number} | 领衔代表张伟已离任，由湛河区人大常委会办公室办结（未评价）`)
  })

  it('puts 催办 and 督办 in the audit log, by name and suggestion number, in words', async () => {
    const { id, number, sunli } = await overdue(5)
    await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    await sunli.post(`/api/admin/suggestions/${id}/supervision`, { note: '请书面说明原因' })
    const admin = await asAdmin(app)
    const rows = (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items.map(
      (e: { actorWords: string; actionWords: string; targetWords: string; detailWords: string }) =>
        [e.actorWords, e.actionWords, e.targetWords, e.detailWords].join(' | '),
    )
    expect(rows[0]).to.equal(`孙丽（人大办工作人员） | 督办代表建议 | 代表建议 ${number} | 督办 市住房和城乡建设局、湛河区人民政府：请书面说明原因`)
    expect(rows[1]).to.match(
      new RegExp(`^孙丽（人大办工作人员） \\| 催办代表建议 \\| 代表建议 ${number} \\| 催办 市住房和城乡建设局、湛河区人民政府：办理期限 .*，已超期 5 天$`),
    )
  })
})
