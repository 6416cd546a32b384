import { expect } from 'chai'
import type { RoutingReason } from '../../src/domain/routing-types.js'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

interface Reason {
  rule: string
  code: string
  message: string
}

/**
 * 李娜 reads on a message's page why it went to 张伟 (为什么分到这里): "张伟代表在办留言最少（0 条）", and in the 改派 list
 * beside his name "在办 1 条": his messages counted one way wherever she reads them, not 件 in one place and 条 in the
 * other. A message routed by an older version, whose reasons were stored in 件, reads in 条 too.
 */
describe('为什么分到这里 counts a deputy’s messages in 条, as the deputy picker does', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function write() {
    // No deputy of 轻工街道 follows street lights and nobody is on duty on Monday: the one with the fewest messages.
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的路灯坏了两个星期，晚上出门看不见', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body.id as string
  }
  const reasons = async (id: string) => ((await lina.get(`/api/admin/cases/${id}`)).body.routingReasons as Reason[]).map((r) => r.message)

  it('says 在办留言最少（0 条） on the page and 在办 1 条 in the picker for the same deputy', async () => {
    const id = await write()
    expect(await reasons(id)).to.include('张伟代表在办留言最少（0 条）')
    const choices = (await lina.get(`/api/admin/cases/${id}/deputy-choices`)).body.items as Array<{ name: string; loadText: string }>
    expect(choices.find((d) => d.name === '张伟')!.loadText).to.equal('在办 1 条')
  })

  it('says 条, 在办留言最少 and 在办留言已满 for reasons an older version stored in 件, 待办最少 and 待办已满', async () => {
    const id = await write()
    const held = (await app.liaison.store.cases.get(id))!
    const stored: RoutingReason[] = [
      { rule: 'topic', code: 'topic_deputies_full', message: '关注市容环境的代表待办均已满，在全站代表中分派' },
      { rule: 'load', code: 'at_capacity', message: '王芳代表 待办已满（30 件），跳过' },
      { rule: 'load', code: 'at_capacity', message: '另有 2 位代表待办已满，跳过' },
      { rule: 'load', code: 'fewest_open', message: '张伟代表 待办最少（3 件）' },
    ]
    await app.liaison.store.cases.update({ ...held, routingReasons: [...held.routingReasons.filter((r) => r.rule !== 'load'), ...stored] }, [], [])
    // One word for a deputy's load beside 在办留言最少: not 待办, which reads as a to-do of his own.
    expect((await reasons(id)).slice(-4)).to.deep.equal([
      '关注市容环境的代表在办留言均已满，在全站代表中分派',
      '王芳代表在办留言已满（30 条），跳过',
      '另有 2 位代表在办留言已满，跳过',
      '张伟代表在办留言最少（3 条）',
    ])
  })
})
