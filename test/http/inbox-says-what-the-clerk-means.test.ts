import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 37, finding 14. 李娜 types a deputy's name into the inbox's search box, as clerks do: the box finds words of
 * messages, so the list says that 张伟 is one of her station's deputies and how to list his (the 代表 filter), never
 * for a deputy of another station. She filters by 已合并办理, a status the list shows; 已办结 no longer lists the merged
 * ones. An address with another station's id names nothing of it, only that it is not hers (nor does the export's file
 * name). A number of another station's message no longer ends in 拨打…的电话 with no number to ring.
 */
describe('the inbox says what the clerk means: a deputy’s name, 已合并办理, a station not hers', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string, regionId = 'c010101') => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const list = async (username: string, query: Record<string, string>) => {
    const answer = await (await asStaff(app, username)).get(`/api/admin/cases?${new URLSearchParams(query)}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body
  }

  it('points a search by a deputy’s name to the 代表 filter, naming him, only for deputies in her scope', async () => {
    await write('小区门口的路灯坏了')
    const said = await list('lina', { q: '张伟' })
    expect(said.items, 'no message has his name in it').to.deep.equal([])
    expect(said.deputyNamed).to.deep.equal([
      { id: 'dp0001', name: '张伟', text: '“张伟”是本站代表的名字。查找框只找留言里写的字；按代表查看，请用上面的“代表”筛选。' },
    ])
    expect(
      (await list('lina', { q: '张伟代表' })).deputyNamed.map((d: { id: string }) => d.id),
      'typed with 代表',
    ).to.deep.equal(['dp0001'])
    expect((await list('lina', { q: '赵敏' })).deputyNamed, '马庄’s deputy: not hers').to.deep.equal([])
    expect((await list('lina', { q: '路灯' })).deputyNamed, 'words of a message').to.deep.equal([])
    expect((await list('sunli', { q: '赵敏' })).deputyNamed[0].text, 'an office: 您辖区').to.equal(
      '“赵敏”是您辖区代表的名字。查找框只找留言里写的字；按代表查看，请用上面的“代表”筛选。',
    )
    // The filter it points to lists his messages.
    expect((await list('lina', { deputyId: 'dp0001' })).items.length).to.equal(1)
  })

  it('filters by 已合并办理, and lists under 已办结 only what the list shows as 已办结', async () => {
    const kept = await write('建设路小区门口的下水道堵了，污水横流')
    const dup = await write('建设路小区门口下水道堵了好几天')
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${dup.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)

    const merged = await list('lina', { status: 'merged' })
    expect(merged.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([dup.ticket])
    expect((await list('lina', { status: 'closed' })).items, 'shown as 已合并办理, not 已办结').to.deep.equal([])
    const sheet = await lina.get(`/api/admin/cases.csv?status=merged`)
    expect(sheet.status).to.equal(200)
    expect(decodeURIComponent(sheet.headers.get('content-disposition') ?? '')).to.include('已合并办理')
  })

  it('names another station by nothing but that it is not hers, in the list and in the export’s file name', async () => {
    await write('马庄社区的健身器材坏了', 'c010201') // 马庄街道代表联络站 (st002)
    const theirs = await list('lina', { stationId: 'st002' })
    expect(theirs.items).to.deep.equal([])
    expect(theirs.stationFilter).to.deep.equal({ id: 'st002', name: null, text: '这个联络站不归本站负责，列表里不会有它的留言。' })
    expect((await list('lina', { stationId: 'st999' })).stationFilter, 'none at all: said alike').to.deep.equal({
      id: 'st999',
      name: null,
      text: '这个联络站不归本站负责，列表里不会有它的留言。',
    })
    expect((await list('lina', { stationId: 'st001' })).stationFilter).to.deep.equal({ id: 'st001', name: '轻工街道代表联络站', text: null })
    expect((await list('sunli', { stationId: 'st002' })).stationFilter.name, 'her district’s').to.equal('马庄街道代表联络站')
    expect((await list('qianqi', { stationId: 'st002' })).stationFilter.text, '新华区’s organizer').to.equal('这个联络站不在您的辖区，列表里不会有它的留言。')

    const sheet = await (await asStaff(app, 'lina')).get('/api/admin/cases.csv?stationId=st002')
    expect(decodeURIComponent(sheet.headers.get('content-disposition') ?? '')).not.to.include('马庄')
  })

  it('says another station’s number is not hers without a 拨打 that has no number', async () => {
    const c = await write('马庄路的下水道堵了', 'c010201')
    const said = (await list('lina', { q: c.ticket })).elsewhere as string
    expect(said).to.include('不归本站办理，本站看不到它的内容').and.include('可以请群众联系那个联络站。')
    expect(said).not.to.include('拨打')
  })
})
