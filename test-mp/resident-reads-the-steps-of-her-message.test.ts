import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, stationStaff } from './office.js'

/** The steps of 办理经过 as the page shows them, newest first: each step's words and, under them, its note. */
const steps = (page: MpPage) =>
  Array.from(page.root.querySelectorAll('.main--step')).map((step) => ({
    label: step.querySelector('.main--step__label')!.textContent!.trim(),
    note: step.querySelector('.main--step__note')?.textContent?.trim() ?? null,
  }))

/**
 * 孙阿姨, 70, opens her message about the street lamp. Its 办理经过 says who did what, by name, and
 * calls her "您" — "张伟代表把留言交回轻工街道代表联络站重新安排", "您的评价：2 分" — not the office's
 * 分派代表, 转交, 群众评价; and what the deputy and the station wrote to each other is not there.
 * While she waits, the day of the answer reads "12月14日前（含当日）".
 */
describe('mini-program: a resident reads the steps of her message in her own words', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('names who did what, says "您" for her own steps, and keeps the office’s notes to itself', async () => {
    const sun = await asResident(app, 'o-sun-ayi')
    const lamp = await created(sun.post('/api/mp/cases', { text: '北门的路灯坏了一个月，晚上出门看不清路', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/acknowledge`, {}))

    holdPhone(app, 'o-sun-ayi')
    const waiting = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(waiting.textOf('#status')).to.equal('◐ 张伟代表已看到，正在办')
    expect(waiting.textOf('.waiting')).to.equal('张伟代表会在 12月14日前（含当日） 答复您')
    waiting.close()

    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/transfer`, { reason: '这位居民上次和我吵过，请换人' }))
    await created((await stationStaff(app)).post(`/api/admin/cases/${lamp.id}/assign`, { deputyId: 'dp0002', note: '王芳代表住得近，居民脾气急' }))
    await created(wang.post(`/api/mp/deputy/cases/${lamp.id}/acknowledge`, {}))
    await created(wang.post(`/api/mp/deputy/cases/${lamp.id}/forward`, { department: '区住建局', note: '已电话联系住建局李科长' }))
    await created(wang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '住建局已修好路灯。' }))
    await created(sun.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 2, comment: '灯还是不亮' }))

    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    const shown = steps(page)
    expect(shown.map((s) => s.label)).to.deep.equal([
      '您的评价：2 分（见上面）',
      '王芳代表已答复（见上面）',
      '王芳代表已把留言交给区住建局办理',
      '王芳代表看到了留言，开始办理',
      '已交给王芳代表办理',
      '张伟代表把留言交回轻工街道代表联络站重新安排',
      '张伟代表看到了留言，开始办理',
      '已交给张伟代表办理',
      '您送出了留言',
    ])
    // Her words and the answer are read once, in the card above, which the two steps name.
    expect(page.textOf('#my-rating'), 'her words with her score').to.include('灯还是不亮')
    expect(page.textOf('#reply')).to.equal('住建局已修好路灯。')
    expect([shown[0].note, shown[1].note]).to.deep.equal([null, null])
    expect(
      shown.slice(2, 7).map((s) => s.note),
      'nothing the deputies and the station wrote to each other',
    ).to.deep.equal([null, null, null, null, null])
    const timeline = page.textOf('.timeline')
    for (const word of ['分派代表', '转交', '群众', '转交部门', '交办部门', '吵过', '脾气急', '李科长']) expect(timeline, word).not.to.include(word)
    expect(timeline, 'the department said once, in the words').not.to.include('办理：区住建局')
  })
})
