import { expect } from 'chai'
import { asAdmin, asDeputy, asResident } from '../helpers/app.js'
import { caseCityOnFileForEachTest, sendAllDue } from '../helpers/erasure.js'

/**
 * 王阿姨 (70) writes to her deputy with her name, address and phone, is answered by name, rates, asks again, and
 * has a second message handed back to the station with a reason naming her. Then she asks to delete her data.
 * What the office keeps afterwards, read straight from the database file, no longer says who she is.
 */
describe('王阿姨 deletes her data: nothing in the office records says who she is', () => {
  const story = caseCityOnFileForEachTest()

  it('masks her phone, name and house number in every message, note, answer, list and audit entry about her', async () => {
    const wang = await asResident(story.app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', {
      text: '我叫王秀兰，住建设路12号3单元，电话13912345678，楼道灯坏了',
      regionId: 'c010101',
      phone: '13912345678',
    })
    const { body: rubbish } = await wang.post('/api/mp/cases', { text: '王秀兰反映：小区门口垃圾没人收', regionId: 'c010101' })
    const deputy = await asDeputy(story.app, (await story.app.liaison.store.cases.get(lamp.id))!.deputyId!)
    const replied = await deputy.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '王秀兰阿姨您好，已经电话13912345678联系您，物业明天来修灯。' })
    expect(replied.status).to.equal(200)
    expect((await wang.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 2, comment: '还是不亮，王秀兰，13912345678' })).status).to.equal(200)
    expect((await wang.post(`/api/mp/cases/${lamp.id}/reopen`, { reason: '还是不亮，请打13912345678找王秀兰' })).status).to.equal(200)
    const handedBack = await deputy.post(`/api/mp/deputy/cases/${rubbish.id}/transfer`, { reason: '王秀兰住在建设路，这片归您' })
    expect(handedBack.status).to.equal(200)
    expect(story.cellsHolding(['13912345678', '王秀兰']).length, 'what the test looks for is there before').to.be.greaterThan(5)
    // What she was told has reached her phone (sent, not waiting): the office keeps it.
    await sendAllDue(story.app, (m) => (m.recipientKind === 'mp_user' ? 'o-wang-ayi' : 'o-deputy'))
    const told = (await story.app.liaison.store.outbox.search({ limit: 100, recipientId: wang.userId })).items
    expect(told.map((m) => m.payload.reply).filter(Boolean), 'the answer in full, beside its short line').to.have.length(1)

    const erased = await wang.request('DELETE', '/api/mp/me')
    expect(erased.status).to.equal(200)
    // It promises only what was done, and says what the office keeps and why.
    expect(erased.body.message)
      .to.include('已去掉您的姓名、电话、门牌号等信息')
      .and.include('个别写法特殊的称呼可能没能识别出来')
      .and.include('办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。')

    expect(story.cellsHolding(['13912345678', '王秀兰', '秀兰', '建设路12号', '12号3单元', 'o-wang-ayi'])).to.deep.equal([])
    const admin = await asAdmin(story.app)
    const seen = (await admin.get(`/api/admin/cases/${rubbish.id}`)).body
    expect(seen.text).to.equal('某某反映：小区门口垃圾没人收')
    const handed = (await admin.get('/api/admin/audit?action=case.handed_back')).body.items
    expect(JSON.stringify(handed)).to.include('某某住在建设路，这片归您')
  })

  it('the notice she agreed to names everything kept about her, her right to correct it, and what stays after deletion', async () => {
    const notice = (await (await asResident(story.app)).get('/api/mp/privacy')).body.text as string
    for (const kept of ['微信绑定手机号', '问卷答案', '答题和得分', '学习材料', '公民旁听时留下的姓名', '民生实事项目建议', '留言小助手']) {
      expect(notice, kept).to.include(kept)
    }
    expect(notice).to.include('更正您留下的电话').and.include('办理记录和操作记录按规定保存')
  })
})
