import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * 钱七 runs 新华区's office, 孙丽 湛河区's; 王五 is the clerk of 新华区's station. A station of the other district is
 * not theirs to read (404 联络站不存在), and changing it answers the very same: nobody learns from the refusal that
 * the station is there, and nothing of it changes (its own office reads it as before).
 */
describe('a station of another district: changing it answers as reading it does', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const said = (answer: { status: number; body: { error?: { code: string; message: string } } }) => [
    answer.status,
    answer.body.error?.code,
    answer.body.error?.message,
  ]

  const refusedAsRead = async (owner: Client, outsider: Client, who: string, station: string) => {
    const path = `/api/admin/stations/${station}`
    const before = (await owner.get(path)).body
    const read = await outsider.get(path)
    expect(said(read), `${who} reads it`).to.deep.equal([404, 'not_found', '联络站不存在'])
    for (const change of [{ address: '新地址9号' }, { receptionDays: ['fri'] }, { receptionHours: { from: '14:00', to: '17:00' } }]) {
      const answer = await outsider.patch(path, change)
      expect(said(answer), `${who} changes ${JSON.stringify(change)}`).to.deep.equal(said(read))
    }
    expect((await owner.get(path)).body, 'its own office reads it unchanged').to.deep.equal(before)
  }

  it("新华区's office and its station's clerk cannot change 湛河区's station", async () => {
    const sunli = await asStaff(app, 'sunli')
    await refusedAsRead(sunli, await asStaff(app, 'qianqi'), '钱七 (新华区)', 'st001')
    await refusedAsRead(sunli, await asStaff(app, 'wangwu'), '王五 (新华区 clerk)', 'st001')
  })

  it("湛河区's office cannot change 新华区's station, which its own office still can", async () => {
    const qianqi = await asStaff(app, 'qianqi')
    await refusedAsRead(qianqi, await asStaff(app, 'sunli'), '孙丽 (湛河区)', 'st004')
    const own = await qianqi.patch('/api/admin/stations/st004', { address: '新华路2号' })
    expect([own.status, own.body.address], JSON.stringify(own.body)).to.deep.equal([200, '新华路2号'])
  })
})
