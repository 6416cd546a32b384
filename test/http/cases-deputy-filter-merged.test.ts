import { expect } from 'chai'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

/**
 * 李敏 reads 工作概览's 各位代表的办理情况 (张伟 1 条) and opens the inbox filtered by 代表 张伟: the list
 * must hold what the figure counts. A message she merged from 张伟 into 王芳's is counted for no deputy
 * of its own; it is not 张伟's line, and where it is listed it says it goes with the other message.
 */
describe('代表 filter: a merged message goes with the message it joined', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function written(text: string, deputyCode: string) {
    const c = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    return { id: c.body.id as string, ticket: c.body.ticket as string }
  }

  it('lists under 张伟 only what his figure counts, and the merged line names 王芳 and the message it joined', async () => {
    const carrier = await written('小区门口的广场舞音响太大声，每天晚上九点多还在放', 'DP0002') // 王芳
    const merged = await written('广场上晚上跳舞声音太吵了，九点以后还很响', 'DP0001') // 张伟
    const own = await written('小区东门的路灯坏了三盏', 'DP0001') // 张伟's own
    expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)

    const bars = (await lina.get('/api/admin/dashboard/cases')).body.responsiveness.deputy as Array<{ name: string; total: number }>
    expect(bars.find((b) => b.name === '张伟')?.total).to.equal(1)

    const zhang = (await lina.get('/api/admin/cases?deputyId=dp0001')).body
    expect(
      zhang.items.map((c: { ticket: string }) => c.ticket),
      '张伟: his own message only, as 工作概览 counts',
    ).to.deep.equal([own.ticket])
    expect(zhang.total.text).to.equal('共 1 条')
    const wang = (await lina.get('/api/admin/cases?deputyId=dp0002')).body
    expect(
      wang.items.map((c: { ticket: string }) => c.ticket),
      '王芳: her own, the merged one counted once within it',
    ).to.deep.equal([carrier.ticket])

    const line = (await lina.get('/api/admin/cases')).body.items.find((c: { id: string }) => c.id === merged.id)
    expect(line.deputyName).to.equal('王芳')
    expect(line.handledAlong).to.deep.equal({ ticket: carrier.ticket, text: `随 ${carrier.ticket} 办理` })
  })
})
