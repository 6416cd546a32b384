import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'

async function casesOf(app: Backend, openid: string) {
  const user = await app.liaison.store.mpUsers.getByOpenid(openid)
  return (await app.liaison.store.cases.search({ residentId: user!.id, limit: 10 })).items
}

describe('mini-program story: a resident writes to a deputy and follows the case', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it("scans a deputy's code, agrees to the notice, writes with a photo, and sees the ticket and who will handle it", async () => {
    holdPhone(app, 'o-story-writer')
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0001')}`)
    expect(home.text()).to.include('张伟 代表')
    await home.tap('#write')

    const write = await follow()
    expect(write.path).to.equal('pages/case/new')
    expect(write.text()).to.include('个人信息保护说明').and.include('留言办结后保存三年')
    expect(write.has('#submit')).to.equal(false)
    await write.tap('#agree')

    expect(write.text()).to.include('写给：张伟 代表')
    await write.emit('#place', 'change', { value: write.data.placeLabels.findIndex((l: string) => l.includes('建设路社区')) })
    expect(write.text()).to.include('湛河区 轻工街道 建设路社区')
    await write.type('#text', '建设路12号门口的路灯坏了一个月，晚上老人出门看不见路')
    phone.photos.push(photoOnPhone('tmp_street_lamp.jpg'))
    await write.tap('#add-photo')
    expect(write.text()).to.include('已上传')
    await write.type('#phone', '13912345678')
    await write.tap('#submit')

    const result = await follow()
    expect(result.path).to.equal('pages/case/result')
    const [created] = await casesOf(app, 'o-story-writer')
    expect(created.images).to.have.length(1)
    expect(result.text()).to.include('留言已送出').and.include(`留言编号：${created.ticket}`).and.include('张伟')
    expect(result.textOf('.routing')).to.equal('已交给轻工街道代表联络站的张伟代表（您通过张伟代表的二维码留言）')
    // By when, in the words her message's page says it while it waits: said the moment she sends, not left to find.
    const waiting = (await openPage(`pages/case/detail?caseId=${created.id}`)).textOf('#waiting')
    expect(waiting).to.equal('张伟代表会在 12月14日前（含当日） 答复您')
    expect(result.textOf('#reply-by')).to.equal(`请记下编号。${waiting}。答复后，您可以在“我的留言”里看到并评价。`)

    await result.tap('#subscribe')
    expect(phone.subscribeAsked).to.deep.equal([[TEMPLATE]])
    expect(result.textOf('#subscribed')).to.equal('好的，有答复时会通过微信通知您')
  })

  it("follows the case to the deputy's reply, rates it 2, and asks for it to be handled again", async () => {
    holdPhone(app, 'o-story-follower')
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0001')}`)
    await home.tap('#write')
    const write = await follow()
    await write.tap('#agree')
    await write.type('#text', '小区垃圾桶三天没人清运，味道很大')
    await write.tap('#submit')
    const [created] = await casesOf(app, 'o-story-follower')

    const deputy = await asDeputy(app, 'dp0001')
    const replied = await deputy.post(`/api/mp/deputy/cases/${created.id}/reply`, { text: '已联系环卫所，明天上午清运，以后每天清运一次。' })
    expect(replied.status).to.equal(200)

    const list = await openPage('pages/case/list')
    expect(list.text()).to.include(`编号 ${created.ticket}`).and.include('已答复').and.include('小区垃圾桶三天没人清运')
    await list.tap(`#case-${created.ticket}`)
    const detail = await follow()
    expect(detail.path).to.equal('pages/case/detail')
    expect(detail.textOf('#reply')).to.equal('已联系环卫所，明天上午清运，以后每天清运一次。')
    expect(detail.text()).to.include('张伟代表已答复').and.include('您送出了留言')
    expect(detail.has('#withdraw')).to.equal(false)

    await detail.emit('#rate', 'change', { value: 2 })
    expect(detail.text()).to.include('不满意')
    await detail.type('#comment', '说了明天清运，但没有来')
    await detail.tap('#submit-rating')
    expect(detail.textOf('#my-rating')).to.equal('您的评价：2 分（不满意），说了明天清运，但没有来')
    expect(detail.textOf('#status')).to.include('已办结')

    await detail.type('#reason', '垃圾还是没有清运')
    await detail.tap('#reopen')
    expect(detail.textOf('#status')).to.include('重新办理')
    expect(detail.text()).to.include('垃圾还是没有清运')
    expect((await casesOf(app, 'o-story-follower'))[0].status).to.equal('reopened')
  })

  it('withdraws a message before it is answered, after saying yes to the question', async () => {
    holdPhone(app, 'o-story-withdraw')
    const write = await openPage('pages/case/new?deputyCode=DP0002')
    await write.tap('#agree')
    await write.type('#text', '想问一下学校门口的红绿灯什么时候装')
    await write.tap('#submit')
    const [created] = await casesOf(app, 'o-story-withdraw')
    const detail = await openPage(`pages/case/detail?caseId=${created.id}`)
    expect(detail.textOf('#status')).to.equal('○ 已交给王芳代表，代表还没有看')
    expect(detail.textOf('#waiting')).to.match(/^王芳代表会在 .+ 答复您$/)
    phone.modalAnswers.push(true)
    await detail.tap('#withdraw')
    expect(phone.modals[0].title).to.equal('撤回留言')
    expect(detail.textOf('#status')).to.include('已撤回')
    expect(detail.has('#withdraw')).to.equal(false)
  })

  it('says beside 撤回 why the message could not be withdrawn, and shows the answer, when the deputy answered while the page was open', async () => {
    holdPhone(app, 'o-story-withdraw-late')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '楼道里的灯坏了，晚上上楼要摸黑')
    await write.tap('#submit')
    const [created] = await casesOf(app, 'o-story-withdraw-late')
    const detail = await openPage(`pages/case/detail?caseId=${created.id}`)
    const deputy = await asDeputy(app, 'dp0001')
    expect((await deputy.post(`/api/mp/deputy/cases/${created.id}/reply`, { text: '已请物业今天换灯。' })).status).to.equal(200)

    phone.modalAnswers.push(true)
    await detail.tap('#withdraw')
    const refusal = detail.textOf('#withdraw-error')
    expect(refusal, 'and what she may do instead').to.equal('这条留言不能撤回了：代表已答复，请评价')
    expect(detail.textOf('#reply'), 'the answer that came meanwhile is on the page').to.equal('已请物业今天换灯。')
    expect(detail.has('#withdraw')).to.equal(false)
    const screen = detail.text()
    expect(screen.lastIndexOf(refusal), 'below the timeline, beside the button she tapped').to.be.greaterThan(screen.indexOf('办理经过'))
    expect((await casesOf(app, 'o-story-withdraw-late'))[0].status).to.equal('replied')
  })

  it('says so in words when the message cannot be sent, keeping what was written', async () => {
    holdPhone(app, 'o-story-empty')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.tap('#submit')
    expect(write.text()).to.include('请写下您想反映的事情')
    expect(await casesOf(app, 'o-story-empty')).to.have.length(0)
  })

  it('says in words whether 匿名留言 and 同意公开 are on, not by the switch’s colour alone, and sends what it says', async () => {
    holdPhone(app, 'o-story-switches')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    expect(write.text()).to.include('匿名留言已关闭办理的代表能看到您留的电话').and.include('同意公开已关闭去掉姓名电话后')

    await write.emit('#anonymous', 'change', { value: true })
    await write.emit('#public', 'change', { value: true })
    expect(write.text()).to.include('匿名留言已打开代表和工作人员看不到您是谁').and.include('同意公开已打开去掉姓名电话后')
    await write.type('#text', '广场舞音响太大声，晚上十点还没停')
    await write.tap('#submit')
    expect((await casesOf(app, 'o-story-switches'))[0]).to.include({ anonymous: true, publicConsent: true })
  })

  it("leaves the phone number WeChat holds, through WeChat's own button", async () => {
    holdPhone(app, 'o-story-phone')
    app.fake.addPhoneCode('phone-code-1', '13655556666')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    // What the tap does, in her words, then the other way: typing it herself.
    expect(write.textOf('#phone-button')).to.equal('点这里，填上我微信绑定的手机号')
    expect(write.text()).to.include('点这里，填上我微信绑定的手机号或者自己填写电话')
    await write.emit('#phone-button', 'getphonenumber', { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' })
    expect(write.text()).to.include('已用您微信绑定的手机号')
    expect(write.has('#phone')).to.equal(false)
    const user = await app.liaison.store.mpUsers.getByOpenid('o-story-phone')
    expect(user!.phoneEnc).not.to.equal(null)
  })
})
