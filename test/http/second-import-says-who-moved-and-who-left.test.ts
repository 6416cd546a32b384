import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import { excel } from '../helpers/sheets.js'

/**
 * Week two of going live: the office uploads its new 代表名册 (张伟 moved from 轻工 to 马庄, 王芳 left out) and
 * 工作人员名册 (周杰 left out). The report says, in words, what each change means and where to act on it.
 */
describe('a second roster import tells who moved and who is no longer in the sheets', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    const city = smallCity()
    city.deputies[0]!.dutyByStation = { st001: ['2026-12-02', '2026-12-16'] }
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-12-10T02:00:00Z')) // Thursday 10:00 in Asia/Shanghai
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('names each move with what he still holds, each deputy and account left out with what happens to them', async () => {
    const resident = await asResident(app)
    for (const text of ['建设路的路灯坏了', '小区门口的垃圾没人清运'])
      expect((await resident.post('/api/mp/cases', { text, deputyCode: 'DP0001', regionId: 'c010101' })).body.handledBy.deputy).to.equal('张伟')
    expect((await resident.post('/api/mp/cases', { text: '学校门口缺红绿灯', deputyCode: 'DP0002', regionId: 'c010101' })).body.handledBy.deputy).to.equal(
      '王芳',
    )
    const day = await admin.post(
      '/api/admin/meetings',
      meetingBody({
        title: '轻工街道代表联络站12月接待日',
        kind: 'reception_day',
        startAt: '2026-12-16T09:00:00+08:00',
        endAt: '2026-12-16T11:30:00+08:00',
        selector: { stationIds: ['st001'] },
      }),
    )
    expect((await admin.post(`/api/admin/meetings/${day.body.id}/publish`)).status).to.equal(200)

    const deputies = excel('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站',
      'DP0001,张伟,市人大代表,马庄街道代表联络站',
      'DP0003,李强,全国人大代表,马庄街道代表联络站、轻工街道代表联络站',
      'DP0004,赵敏,乡镇人大代表,马庄街道代表联络站',
      'DP0005,刘洋,省人大代表,光明社区代表联络点',
    ])
    const staff = excel('工作人员名册.csv', [
      '账号,姓名,角色,所属联络站,负责地区',
      'lina,李娜,联络站工作人员,轻工街道代表联络站,',
      'sunli,孙丽,人大办工作人员,,湛河区',
    ])
    const report = await admin.post('/api/admin/directory/import', { sheets: [deputies, staff] })
    expect(report.status, JSON.stringify(report.body)).to.equal(200)

    expect(report.body.moved.map((m: { text: string }) => m.text)).to.deep.equal([
      '张伟（DP0001）：轻工街道代表联络站 → 马庄街道代表联络站。' +
        '手上还有轻工街道代表联络站的 2 条未办结留言，仍由本人办理，由轻工街道代表联络站的工作人员继续跟进；如要改由别的代表办理，请轻工街道代表联络站的工作人员重新分派。' +
        '“轻工街道代表联络站12月接待日”的参会名单上已标为“已调到马庄街道代表联络站”，不再提醒本人，也不计入人数。' +
        '以前在原联络站的接待值班记录照旧保留，今后的值班日期已取消。',
    ])
    expect(report.body.leftOut.deputies).to.deep.equal([
      {
        id: 'dp0002',
        code: 'DP0002',
        name: '王芳',
        openCases: 1,
        text:
          '王芳（DP0002）：仍是在任代表，没有改动。手上还有 1 条未办结留言，仍由本人办理；设为离任后，这些留言会退回联络站，由工作人员重新分派，群众的答复期限不变。' +
          '如已离任，请在「名册 → 代表」中设为离任',
      },
    ])
    // The handling units' accounts are no part of a sheet that cannot hold them: only 周杰 is named.
    expect(report.body.leftOut.staff).to.deep.equal([
      {
        id: 'sf02',
        username: 'zhoujie',
        name: '周杰',
        role: 'station_staff',
        text: '周杰（账号 zhoujie，联络站工作人员）：账号仍可登录，能看到原来负责的留言和电话。如已离岗，请在「账号与角色」中停用',
      },
    ])
    expect(report.body.notInFile.staff).to.deep.equal({ count: 1, items: [{ id: 'sf02', code: 'zhoujie', name: '周杰' }] })
    const warnings = report.body.warnings.join('\n')
    expect(warnings).to.include('如已离任，请在「名册 → 代表」中设为离任')
    expect(warnings).to.include('1 名工作人员不在工作人员名册中，账号仍可登录：周杰(zhoujie)。如已离岗，请在「账号与角色」中停用')
    expect(warnings).not.to.include('代表名录')

    // 周杰 still gets in until the office turns the account off, as the report says; then he does not.
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'zhoujie', password: STAFF_PASSWORD })).status).to.equal(200)
    expect((await admin.patch('/api/admin/staff/sf02', { active: false })).status).to.equal(200)
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'zhoujie', password: STAFF_PASSWORD })).status).to.equal(401)
  })
})
