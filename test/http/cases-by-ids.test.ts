import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 在留言列表中查看 from a hot issue: the inbox lists exactly the messages by their ids,
 * each viewer within what they may see, and a list too long for one address is refused in words.
 */
describe('console inbox: the messages of a hot issue, by id', () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  let lina: Client
  /** A resident writes; returns the case id. */
  const write = async (text: string, regionId = 'c010101') => {
    const answer = await resident.post('/api/mp/cases', { text, regionId })
    expect(answer.status).to.equal(201)
    app.clock.advance(60_000)
    return answer.body.id as string
  }
  const excerpts = async (who: Client, query: string) => {
    const answer = await who.get(`/api/admin/cases?${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items.map((c: { excerpt: string }) => c.excerpt)
  }

  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    resident = await asResident(app)
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // station staff of 轻工街道 (c010101)
  })
  afterEach(() => app.close())

  it('lists only the named messages, newest first, with the other filters; staff of one station see only theirs', async () => {
    const first = await write('三号楼电梯又坏了，老人上不去楼')
    await write('小区门口的路灯坏了一个多月') // same place, not in the issue
    const second = await write('三号楼电梯坏了一个星期，没人来修')
    const elsewhere = await write('马庄菜市场门口电梯坏了', 'c010201') // 马庄街道: another station's
    const ids = [first, second, elsewhere].join(',')

    const admin = await asAdmin(app)
    expect(await excerpts(admin, `ids=${ids}`)).to.deep.equal(['马庄菜市场门口电梯坏了', '三号楼电梯坏了一个星期，没人来修', '三号楼电梯又坏了，老人上不去楼'])
    expect(await excerpts(lina, `ids=${ids}`), 'the other station’s message is simply not listed').to.deep.equal([
      '三号楼电梯坏了一个星期，没人来修',
      '三号楼电梯又坏了，老人上不去楼',
    ])
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD) // 马庄街道's staff
    expect(await excerpts(zhoujie, `ids=${ids}`)).to.deep.equal(['马庄菜市场门口电梯坏了'])
    expect(await excerpts(lina, `ids=${first}&ids=${second}&limit=1`), 'the ids repeated, paged as any list').to.deep.equal([
      '三号楼电梯坏了一个星期，没人来修',
    ])
    expect(await excerpts(lina, `ids=${ids}&status=closed`)).to.deep.equal([])

    const sheet = await lina.get(`/api/admin/cases.csv?ids=${ids}`)
    expect(sheet.status).to.equal(200)
    const lines = (sheet.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    expect(lines, '导出当前列表 exports the same two').to.have.length(3)
    expect(lines.slice(1).join('\n')).to.include('三号楼电梯').and.not.include('路灯').and.not.include('马庄')
  })

  it('refuses more than 200 ids in plain words (422), and an id that is not a message number (400)', async () => {
    const id = await write('三号楼电梯又坏了')
    const many = Array.from({ length: 201 }, (_, i) => `cs-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`)
    const tooMany = await lina.get(`/api/admin/cases?ids=${many.join(',')}`)
    expect(tooMany.status).to.equal(422)
    expect(tooMany.body.error.message).to.equal('一次最多查看 200 条留言，请分几次查看')
    expect((await lina.get(`/api/admin/cases.csv?ids=${many.join(',')}`)).status).to.equal(422)
    expect(await excerpts(lina, `ids=${[...many.slice(0, 199), id].join(',')}`), '200 are fine').to.deep.equal(['三号楼电梯又坏了'])

    const odd = await lina.get(`/api/admin/cases?ids=${id},not-a-case`)
    expect(odd.status).to.equal(400)
    expect(JSON.stringify(odd.body.error.details)).to.include('留言编号格式无效')
  })
})
