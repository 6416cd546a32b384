import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

/**
 * 钱科长 handed out activation codes on Monday 12月7日 and wants to know, days later, who still has to log in for the
 * first time, and until when the code works (14 days). 账号与角色 says it on each account.
 */
describe('账号与角色 shows who has not activated yet', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const city = smallCity()
    city.staff.push(
      { id: 'sf-zp', name: '周鹏', role: 'station_staff', stationIds: ['st001'], username: 'zhoupeng', activationCode: 'ZP-7731-KQ2W-A9' },
      { id: 'sf-lx', name: '林霞', role: 'station_staff', stationIds: ['st002'], username: 'linxia', activationCode: 'LX-4420-MB7T-C3' },
    )
    await app.liaison.services.importer.import(city, null, undefined, { changeAtFirstLogin: false })
  })
  afterEach(() => app.close())

  const standing = async (username: string) => {
    const list = (await (await asAdmin(app)).get(`/api/admin/staff?q=${username}`)).body.items
    return list.find((s: { username: string }) => s.username === username).activation
  }

  it('says 待激活 with the code’s last moment, 激活码已过期 once it is past, and nothing once activated', async () => {
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    expect(await standing('zhoupeng')).to.deep.include({ state: 'waiting', label: '待激活（激活码12月21日 10:00前有效）' })
    expect(await standing('lina'), 'she has her password').to.equal(null)

    const activated = await new Client(app.baseUrl).post('/api/admin/activate', {
      username: 'linxia',
      activationCode: 'LX-4420-MB7T-C3',
      newPassword: 'linxia-own-2026',
    })
    expect(activated.status, JSON.stringify(activated.body)).to.equal(200)
    expect(await standing('linxia')).to.equal(null)

    app.clock.set(new Date('2026-12-22T02:00:00Z'))
    const expired = await standing('zhoupeng')
    expect(expired).to.deep.include({ state: 'expired', label: '激活码已过期' })
    expect(expired.hint).to.include('重置密码')
  })
})
