import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

interface Step {
  type: string
  label: string
  note: string | null
}

/**
 * The steps of her message (办理经过) as the resident who wrote it reads them on her message's page:
 * who did what, by name, and she is "您" — not the office's 分派代表, 转交, 群众撤回. The console keeps
 * its labels for the same steps, the deputy reads his own, and what staff and deputies write to each other
 * (给代表的话, why a deputy handed it back, a note on a forward) stays out of her sight, as before.
 */
describe('a resident reads the steps of her message in her own words', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('follows one message handed back, placed again, forwarded, answered, rated and reopened', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const { body: c } = await resident.post('/api/mp/cases', { text: '北门的路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })
    await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '这位居民上次和我吵过，请换人' })
    await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '王芳代表住得近，居民脾气急，注意方式' })
    await wang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await wang.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区住建局', note: '已电话联系住建局李科长' })
    await wang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '住建局已修好路灯。' })
    await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2, comment: '灯还是不亮' })
    const reopened = await resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '路灯修好两天又坏了' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)

    const mine: Step[] = (await resident.get(`/api/mp/cases/${c.id}`)).body.timeline
    expect(mine.map((e) => e.label)).to.deep.equal([
      '您送出了留言',
      '已交给张伟代表办理',
      '张伟代表看到了留言，开始办理',
      '张伟代表把留言交回轻工街道代表联络站重新安排',
      '已交给王芳代表办理',
      '王芳代表看到了留言，开始办理',
      '王芳代表已把留言交给区住建局办理',
      '王芳代表已答复',
      '您的评价：2 分',
      '您申请了重新办理',
    ])
    expect(mine.map((e) => e.note).slice(2), 'the notes she reads: the answer, her own words, nothing staff or deputies wrote to each other').to.deep.equal([
      null,
      null,
      null,
      null,
      null,
      '住建局已修好路灯。',
      '灯还是不亮',
      '路灯修好两天又坏了',
    ])
    expect(mine[1].note, 'where it went and why, as the system told her').to.match(/^已交给轻工街道代表联络站的张伟代表（/)
    // What her page and the chat show of a step: its label and its note.
    const shown = mine.map((e) => `${e.label} ${e.note ?? ''}`).join('\n')
    for (const office of ['分派代表', '转交', '群众', '转交部门', '吵过', '脾气急', '李科长']) expect(shown, office).not.to.include(office)

    // The console's page keeps the office's labels, and its notes.
    const console: Step[] = (await lina.get(`/api/admin/cases/${c.id}`)).body.timeline
    expect(console.map((e) => e.label)).to.deep.equal([
      '提交留言',
      '分派代表',
      '代表受理',
      '交回',
      '分派代表',
      '代表受理',
      '转交部门',
      '代表答复',
      '群众评价',
      '重新办理',
    ])
    expect(console.find((e) => e.type === 'transferred')!.note).to.equal('这位居民上次和我吵过，请换人')
    // The deputy reads the same steps in his words (群众, and 您 for himself), with the notes written to him.
    const deputy: Step[] = (await wang.get(`/api/mp/deputy/cases/${c.id}`)).body.timeline
    expect(deputy.map((e) => e.label)).to.deep.equal([
      '群众提交了留言',
      '交给张伟代表办理',
      '张伟代表受理了留言',
      '张伟代表把留言交回轻工街道代表联络站重新安排',
      // Staff who gave it to him are named: the note under it is theirs (review 37, finding 3).
      '联络站李娜交给您办理',
      '您受理了留言',
      '您把留言交给区住建局办理',
      '您答复了群众',
      '群众评价：2 分',
      '群众要求重新办理',
    ])
    expect(deputy[1].note, 'why routing gave it to 张伟, not the sentence the resident was shown').to.equal('群众扫了张伟代表的二维码留言')
    expect(deputy.find((e) => e.type === 'forwarded')!.note).to.equal('已电话联系住建局李科长')
  })

  it('says "您撤回了留言" and what became of a message folded into another', async () => {
    const resident = await asResident(app)
    const neighbour = await asResident(app)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const { body: a } = await resident.post('/api/mp/cases', { text: '东门的井盖松了', regionId: 'c010101', deputyCode: 'DP0001' })
    await resident.post(`/api/mp/cases/${a.id}/withdraw`, { reason: '已经自己找物业修好了' })
    const withdrawn: Step[] = (await resident.get(`/api/mp/cases/${a.id}`)).body.timeline
    expect(withdrawn.at(-1)).to.include({ label: '您撤回了留言', note: null })
    expect((await lina.get(`/api/admin/cases/${a.id}`)).body.timeline.at(-1).label, 'the console keeps its label').to.equal('群众撤回')

    const { body: b } = await neighbour.post('/api/mp/cases', { text: '建设路社区东门的路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    const { body: d } = await resident.post('/api/mp/cases', { text: '建设路社区东门路灯坏了，晚上很黑', regionId: 'c010101', deputyCode: 'DP0002' })
    await lina.post(`/api/admin/cases/${d.id}/merge`, { intoCaseId: b.id, note: '同一盏灯' })
    expect((await resident.get(`/api/mp/cases/${d.id}`)).body.timeline.at(-1)).to.include({ label: `和相同问题的留言 ${b.ticket} 一起办理`, note: null })
  })

  it('gives her the day of the answer as "12月14日前（含当日）", and the deputy’s page the same day with its weekday', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '北门的路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(c.replyByText, 'the answer to her 提交').to.equal('12月14日前（含当日）')
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ replyByText: '12月14日前（含当日）', acknowledgeByText: '11月24日 10:00前' })
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body).to.include({
      replyByText: '12月14日（星期一）前（含当日）',
      acknowledgeByText: '11月24日（星期二）上午10:00前',
    })
  })
})
