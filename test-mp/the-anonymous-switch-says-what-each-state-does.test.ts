import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/** Her messages as the store keeps them, newest first. */
async function casesOf(app: Backend, openid: string) {
  const user = await app.liaison.store.mpUsers.getByOpenid(openid)
  return user ? (await app.liaison.store.cases.search({ residentId: user.id, limit: 10 })).items : []
}

/**
 * 王阿姨, 72, writes to 张伟 and leaves her number (review 36, finding 3). Under “匿名留言 已关闭” the form said
 * “代表和工作人员看不到您是谁” — she would believe she was anonymous. The words under the switch follow it and say what
 * happens: off, the deputy handling it reads the number she left and can call her, as 张伟's page then shows; on, nobody
 * is told who wrote it and nobody can call her, as his page then shows too.
 */
describe('mini-program: the 匿名留言 switch says what each state does', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('off: the deputy sees the number she left; on: nobody sees who she is — and his page shows just that', async () => {
    holdPhone(app, 'o-wang-anonymous')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    expect(write.textOf('#anonymous-hint')).to.equal('办理的代表能看到您留的电话，可以打电话给您')
    expect(write.text(), 'never told she is unknown while she is not').not.to.include('看不到您是谁')
    await write.type('#phone', '13912345678')
    await write.type('#text', '北门的路灯坏了一个月，晚上出门看不清路')
    await write.tap('#submit')
    await follow()

    holdPhone(app, 'o-wang-anonymous')
    const again = await openPage('pages/case/new?deputyCode=DP0001')
    await again.emit('#anonymous', 'change', { value: true })
    expect(again.textOf('#anonymous-hint')).to.equal('代表和工作人员看不到您是谁，也不能打电话给您')
    await again.emit('#anonymous', 'change', { value: false })
    expect(again.textOf('#anonymous-hint'), 'back off: the words follow the switch').to.equal('办理的代表能看到您留的电话，可以打电话给您')
    await again.emit('#anonymous', 'change', { value: true })
    await again.type('#text', '广场舞音响太大声，晚上十点还没停')
    await again.tap('#submit')
    await follow()

    const [anonymous, named] = await casesOf(app, 'o-wang-anonymous')
    await phoneOfZhang(app)
    const hers = await openPage(`pages/deputy/case?caseId=${named.id}`)
    expect(hers.textOf('.phone'), 'off: he reads the number she left').to.equal('联系电话：139****5678')
    const unnamed = await openPage(`pages/deputy/case?caseId=${anonymous.id}`)
    expect(unnamed.text(), 'on: who wrote it is not said').to.include('匿名留言').and.not.include('139****5678')
    expect(unnamed.has('.call-phone'), 'on: nothing to call').to.equal(false)
  })
})
