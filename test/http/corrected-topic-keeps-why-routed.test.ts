import { expect } from 'chai'
import { asDeputy, type Client, type TestApp } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

type Step = { type: string; note: string | null }
const routedStep = (timeline: Step[]) => timeline.find((e) => e.type === 'assigned')?.note

/**
 * 张伟 (dp0001) cares about 环境保护; routing gave him a message about rubbish for it. 李娜 corrects its topic to 教育 later:
 * 办理经过 says what was true when it happened, so 分派代表 keeps "张伟代表关注环境保护", on her page and on his.
 */
describe('a corrected topic does not rewrite why routing chose the deputy', () => {
  let app: TestApp
  let lina: Client
  afterEach(() => app.close())

  it('the 分派代表 step keeps the topic the message came with, for the clerk and for the deputy', async () => {
    ;({ app, lina } = await linaOnMonday())
    const { case: c } = await buildCase(app, { text: '建设路小区垃圾堆放污染环境，臭气熏天', regionId: 'c010101' })
    const zhang = await asDeputy(app, 'dp0001')
    const before = routedStep((await lina.get(`/api/admin/cases/${c.id}`)).body.timeline)
    expect(before, 'routing chose him for the topic').to.include('张伟代表关注环境保护')
    expect(routedStep((await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body.timeline)).to.include('您关注环境保护')

    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '教育' })).status).to.equal(200)
    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '城乡建设' })).status, 'a second correction').to.equal(200)

    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.topic).to.equal('城乡建设')
    expect(routedStep(page.timeline)).to.equal(before)
    expect(page.routingSince, 'what changed since is said apart').to.include('主题后来已更正为「城乡建设」')
    const whole = (await lina.get(`/api/admin/cases/${c.id}/whole-words`)).body
    expect(routedStep(whole.timeline), '查看完整原文 reads the same step').to.equal(before)
    const his = routedStep((await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body.timeline)
    expect(his).to.include('您关注环境保护')
    expect(his).not.to.match(/教育|城乡建设/)
  })
})
