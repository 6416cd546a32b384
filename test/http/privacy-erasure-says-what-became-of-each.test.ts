import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { consultationBody, surveyBody } from '../helpers/surveys.js'

/**
 * 王阿姨 wrote a message, answered a questionnaire, gave her opinion on a draft regulation and followed 宪法宣传周; then she
 * deleted her information. The answer says, a sentence each, what was removed (her follow) and what stays without her
 * name (her message, her answers, her opinion, whose outcome can no longer reach her), and nothing she never had.
 */
describe('王阿姨 deletes her information and is told what became of each thing', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('names her questionnaire, her opinion on the draft and the campaign she followed', async () => {
    const office = await asAdmin(app)
    const survey = (await office.post('/api/admin/surveys', surveyBody())).body
    const consultation = (await office.post('/api/admin/surveys', consultationBody())).body
    const campaign = (
      await office.post('/api/admin/campaigns', {
        title: '宪法宣传周',
        startsAt: '2026-11-22T09:00:00+08:00',
        endsAt: '2026-12-22T09:00:00+08:00',
        audience: { followers: true },
      })
    ).body
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼下路灯坏了', regionId: 'c010101', phone: '13912345670' })
    await (await asDeputy(app, (await app.liaison.store.cases.get(lamp.id))!.deputyId!)).post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已修好。' })
    expect((await wang.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    expect((await wang.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a2', text: '绿地都被占去停车了' }] })).status).to.equal(
      201,
    )
    expect((await wang.post(`/api/mp/campaigns/${campaign.id}/follow`, {})).status).to.equal(200)

    const erased = await wang.request('DELETE', '/api/mp/me')
    expect(erased.status).to.equal(200)
    expect(erased.body.removed).to.deep.equal([
      '账号信息、电话、图片和订阅记录都已清除，您也已退出登录。',
      '您关注的学习活动“宪法宣传周”已取消关注，不会再提醒您。',
    ])
    expect(erased.body.kept).to.have.length(4)
    expect(erased.body.kept[0]).to.match(/^您的 1 条留言已去掉您的姓名、电话、门牌号等信息/)
    expect(erased.body.kept.slice(1)).to.deep.equal([
      '您填的 1 份问卷：答案留着用于统计，不再与您关联。',
      '您对法规草案提的 1 份意见：留着供修改法规参考，不再与您关联；意见是否采纳，也没法再告诉您了。',
      '办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。',
    ])
    expect(erased.body.message).to.equal('您的个人信息已删除：' + [...erased.body.removed, ...erased.body.kept].join(''))
  })

  it('says nothing of things she never had', async () => {
    const wang = await asResident(app, 'o-wang-nothing')
    const erased = (await wang.request('DELETE', '/api/mp/me')).body
    expect(erased.removed).to.deep.equal(['账号信息、电话、图片和订阅记录都已清除，您也已退出登录。'])
    expect(erased.kept).to.deep.equal(['办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。'])
  })
})
