import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

interface Line {
  id: string
  ticket: string
  statusLabel: string
  unhappyText: string | null
}
interface Place {
  id: string
  name: string
  children: Place[]
}

/**
 * 李娜, the clerk of 轻工街道代表联络站 (its street: 建设路社区 and 光明社区), reads her inbox: a
 * message the resident rated 2 says so in words, and still says so once she asked for it to be
 * handled again (重新办理); 「群众不满意」 lists just those; the list says how many it holds; its
 * 地点 filter offers her street's places, not the city's; and the 分派 dialog lists today's duty
 * deputy and the one of the message's topic first, saying why.
 */
describe('the console inbox as a station clerk reads it', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  const write = async (text: string, extra: Record<string, string> = {}) => {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101', ...extra })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return { resident, ...(answer.body as { id: string; ticket: string }) }
  }
  const answeredAndRated = async (text: string, rating: number) => {
    const written = await write(text, { deputyCode: 'DP0001' })
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${written.id}/reply`, { text: '已联系物业处理。' })).status).to.equal(200)
    expect((await written.resident.post(`/api/mp/cases/${written.id}/rate`, { rating })).status).to.equal(200)
    return written
  }
  const list = async (query = '') => {
    const answer = await lina.get(`/api/admin/cases${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body as { items: Line[]; total: { count: number; more: boolean; text: string } | null }
  }

  it('says 群众不满意 2分 on a message rated low, keeps saying it once reopened, and 群众不满意 lists only those', async () => {
    const low = await answeredAndRated('楼道灯坏了很久', 2)
    const good = await answeredAndRated('小区门口路面坑洼', 5)
    const open = await write('垃圾站太臭了')

    const all = await list()
    const line = (id: string) => all.items.find((l) => l.id === id)!
    expect(line(low.id).unhappyText).to.equal('群众不满意 2分')
    expect(line(good.id).unhappyText).to.equal(null)
    expect(line(open.id).unhappyText).to.equal(null)
    expect(all.total).to.deep.equal({ count: 3, more: false, text: '共 3 条' })

    const unhappy = await list('?unhappy=true')
    expect(unhappy.items.map((l) => l.ticket)).to.deep.equal([low.ticket])
    expect(unhappy.total!.text).to.equal('共 1 条')

    // She asks for it to be handled again: the rating of the round is cleared, the line still says why.
    const reopened = await low.resident.post(`/api/mp/cases/${low.id}/reopen`, { reason: '灯还是不亮' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)
    const again = await list('?unhappy=true')
    expect(again.items.map((l) => [l.ticket, l.statusLabel, l.unhappyText])).to.deep.equal([[low.ticket, '重新办理', '群众不满意 2分，重新办理']])

    // Rated well the second time: no longer unhappy.
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${low.id}/reply`, { text: '已换新灯。' })).status).to.equal(200)
    expect((await low.resident.post(`/api/mp/cases/${low.id}/rate`, { rating: 4 })).status).to.equal(200)
    expect((await list('?unhappy=true')).items).to.deep.equal([])
    expect((await list('?unhappy=true')).total!.text).to.equal('共 0 条')

    // The export of that list is on record with the filter in words.
    expect((await lina.get('/api/admin/cases.csv?unhappy=true')).status).to.equal(200)
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=cases.exported')
    expect(audit.status, JSON.stringify(audit.body)).to.equal(200)
    expect((audit.body.items as Array<{ detailWords: string }>)[0].detailWords).to.include('群众不满意')
  })

  it('says a merged message is 已合并办理 in the exported sheet, as the list says it', async () => {
    const kept = await write('3号楼电梯坏了一个星期')
    const duplicate = await write('3号楼的电梯又坏了没人修')
    const merged = await lina.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: kept.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    const sheet = await lina.get('/api/admin/cases.csv')
    expect(sheet.status).to.equal(200)
    const lines = (sheet.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    const line = lines.find((l) => l.startsWith(duplicate.ticket))!
    expect(line.split(',')[2]).to.equal('已合并办理')
    expect(lines.find((l) => l.startsWith(kept.ticket))!.split(',')[2]).to.not.equal('已合并办理')
  })

  it('counts with the first page only, and no further than its bound (1000 条以上)', async () => {
    for (const text of ['楼道灯坏了', '路面坑洼', '垃圾站太臭']) await write(text)
    const first = await list('?limit=2')
    expect(first.total!.text).to.equal('共 3 条')
    const cursor = (await lina.get('/api/admin/cases?limit=2')).body.nextCursor as string
    expect((await list(`?limit=2&cursor=${encodeURIComponent(cursor)}`)).total, 'the first page’s count is kept').to.equal(null)

    const scope = { stationIds: ['st001'] }
    expect(await app.liaison.store.cases.countUpTo(scope, 2)).to.equal(3)
    expect(await app.liaison.store.cases.countUpTo(scope, 1), 'stops one past the bound').to.equal(2)
  })

  it('offers the clerk her station’s street and its communities as places; an organizer her district; the office the city', async () => {
    const names = (nodes: Place[]): unknown[] => nodes.map((n) => (n.children.length ? [n.name, names(n.children)] : n.name))
    const places = await lina.get('/api/admin/case-places')
    expect(places.status).to.equal(200)
    expect(names(places.body.items)).to.deep.equal([['轻工街道', [['建设路社区', ['建设路第一网格']], '光明社区']]])

    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect(names((await sunli.get('/api/admin/case-places')).body.items).map((n) => (n as unknown[])[0])).to.deep.equal(['湛河区'])
    const admin = await asAdmin(app)
    expect(names((await admin.get('/api/admin/case-places')).body.items).map((n) => (n as unknown[])[0])).to.deep.equal(['湛河区', '新华区', '卫东区'])
  })

  it('lists the deputy of the message’s topic and today’s duty deputy first in 分派, saying 今天值班', async () => {
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday: 张伟 receives residents at 轻工街道 today
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const { id } = await write('小学的课后服务托管名额太少，家长接孩子放学很难')
    const choices = await lina.get(`/api/admin/cases/${id}/deputy-choices`)
    expect(choices.status, JSON.stringify(choices.body)).to.equal(200)
    const items = choices.body.items as Array<{ name: string; onDuty: boolean; recommended: boolean; levelLabel: string }>
    expect(items.map((d) => [d.name, d.recommended, d.onDuty])).to.deep.equal([
      ['王芳', true, false],
      ['张伟', false, true],
      ['李强', false, false],
    ])
  })
})
