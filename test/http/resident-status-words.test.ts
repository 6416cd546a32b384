import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * A resident reads where her message stands in plain words — who has it and what comes next —
 * not the office's 待分派, 已分派, 已转交部门; in the mini-program and in the chat alike. Staff keep the
 * labels of their procedure for the same message; the deputy reads his own words (新留言，还没受理).
 */
describe('a resident reads where her message stands in her own words', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('follows one message round the loop: her list and her page say it plainly, the console keeps its labels, the deputy reads his', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const { body: c } = await resident.post('/api/mp/cases', { text: '北门的路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })

    /** What she reads on her list and on the message's page, what lina reads in the console, what 张伟 reads. */
    const read = async () => ({
      list: (await resident.get('/api/mp/cases')).body.items.find((x: { id: string }) => x.id === c.id).statusLabel,
      page: (await resident.get(`/api/mp/cases/${c.id}`)).body.statusLabel,
      console: (await lina.get(`/api/admin/cases/${c.id}`)).body.statusLabel,
    })
    const deputyReads = async () => (await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body.statusLabel

    expect(c.statusLabel, 'the answer to her 提交').to.equal('已交给代表，代表还没有看')
    expect(await read()).to.deep.equal({ list: '已交给代表，代表还没有看', page: '已交给代表，代表还没有看', console: '已分派' })
    expect(await deputyReads(), 'in his words, as the chat says it').to.equal('新留言，还没受理')

    await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    expect(await read()).to.deep.equal({ list: '代表已看到，正在办', page: '代表已看到，正在办', console: '已受理' })

    await zhang.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区城市管理局' })
    expect(await read()).to.deep.equal({ list: '已交有关部门办理', page: '已交有关部门办理', console: '已转交部门' })
    expect(await deputyReads()).to.equal('已交有关部门，待答复')

    await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '城管局已换好灯泡。' })
    expect(await read(), 'answered: she is asked to rate it').to.deep.equal({ list: '代表已答复，请评价', page: '代表已答复，请评价', console: '已答复' })

    const rated = await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2, comment: '又坏了' })
    expect(rated.body.statusLabel).to.equal('已办结')
    const reopened = await resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '灯又不亮了' })
    expect(reopened.body.statusLabel, 'the answer to her 重新办理').to.equal('已请代表重新办理，代表还没有看')
    expect(await read()).to.deep.equal({ list: '已请代表重新办理，代表还没有看', page: '已请代表重新办理，代表还没有看', console: '重新办理' })
  })

  it('says the station is finding a deputy while it waits there, and what became of a message folded into another', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '建设路的井盖松了', regionId: 'c010101', deputyCode: 'DP0001' })
    await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '需要工作人员协调' })
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.statusLabel, 'back with the station, not 待分派').to.equal('联络站正在安排代表')

    const { body: again } = await resident.post('/api/mp/cases', { text: '建设路的井盖还是松的', regionId: 'c010101', deputyCode: 'DP0001' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${again.id}/merge`, { intoCaseId: c.id })).status).to.equal(200)
    expect((await resident.get(`/api/mp/cases/${again.id}`)).body.statusLabel, 'not 已办结: nobody did it on its own').to.equal('已和相同问题的留言一起办理')
    expect((await lina.get(`/api/admin/cases/${again.id}`)).body.statusLabel).to.equal('已办结')
  })

  it('says the same words in the chat: her list, her message, and what 撤回 did', async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_zhao' })).body
    await bot.post(`/api/bot/people/${personId}/consent`, { version: 'v3' })
    const sent = await bot.post(`/api/bot/people/${personId}/cases`, { text: '北门的路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.body.statusLabel).to.equal('已交给代表，代表还没有看')
    expect((await bot.get(`/api/bot/people/${personId}/cases`)).body.items[0].statusLabel).to.equal('已交给代表，代表还没有看')
    // Her message on its own, as her message's page says it: naming the deputy.
    expect((await bot.get(`/api/bot/people/${personId}/cases/${sent.body.ticket}`)).body.statusLabel).to.equal('已交给张伟代表，代表还没有看')
    const withdrawn = await bot.post(`/api/bot/people/${personId}/cases/${sent.body.ticket}/withdraw`, {})
    expect(withdrawn.body).to.deep.equal({ ticket: sent.body.ticket, status: 'withdrawn', statusLabel: '已撤回' })
  })
})
