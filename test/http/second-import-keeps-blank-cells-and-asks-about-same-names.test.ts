import { expect } from 'chai'
import { asAdmin, startApp, type Client, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { deputySheet } from '../helpers/sheets.js'

/**
 * Mr. Qian sends the office's 代表名册 a second time. A blank 电话 or 关注领域 leaves what the system has, as a blank
 * 值班日期 does; 无 clears it. The report names each deputy whose name, phone or 关注领域 changed, 操作记录 keeps an
 * entry for each, and a new deputy named as one left out of the sheet (a code mistyped) is asked about before the
 * real one is retired.
 */
describe('a second import of the deputies’ list', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  const deputy = async (id: string) => (await admin.get(`/api/admin/deputies/${id}`)).body
  const auditOf = async (id: string) =>
    (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items.map(
      (e: { actionWords: string; detailWords: string }) => `${e.actionWords}：${e.detailWords}`,
    )

  it('keeps a phone and 关注领域 left blank; 无 clears them, and the report and 操作记录 name whose changed', async () => {
    const blank = await admin.post('/api/admin/directory/import', { sheets: [deputySheet('DP0001,张伟,市人大代表,轻工街道代表联络站,,,')] })
    expect(blank.status, JSON.stringify(blank.body)).to.equal(200)
    expect(await deputy('dp0001')).to.deep.include({ phoneMasked: '138****0001', topics: ['环境保护'] })
    expect(blank.body.unchanged.deputies).to.equal(1)
    expect(blank.body.detailsChanged).to.deep.equal({ count: 0, items: [] })

    const cleared = await admin.post('/api/admin/directory/import', {
      sheets: [deputySheet('DP0001,张玮,市人大代表,轻工街道代表联络站,无,无,', 'DP0002,王芳,县区人大代表,轻工街道代表联络站,"教育、法治",13900000002,')],
    })
    expect(cleared.status, JSON.stringify(cleared.body)).to.equal(200)
    expect(await deputy('dp0001')).to.deep.include({ name: '张玮', phoneMasked: null, topics: [] })
    expect(cleared.body.detailsChanged.items.map((c: { text: string }) => c.text)).to.deep.equal([
      '张玮（DP0001）：姓名由“张伟”改为“张玮”；电话已删去；关注领域已删去（原为“环境保护”）',
      '王芳（DP0002）：电话已改；关注领域由“教育”改为“教育、法治”',
    ])
    const line = '2 位代表的姓名、电话或关注领域有改动，请核对：张玮（DP0001）：姓名由“张伟”改为“张玮”；电话已删去'
    expect(cleared.body.notes.join('\n'), 'the page lists it under its counts').to.include(line)
    expect(cleared.body.warnings.join('\n')).to.include(line)
    expect(await auditOf('dp0001')).to.deep.equal(['修改代表信息：改了：姓名、电话、关注领域'])
    expect(await auditOf('dp0002')).to.deep.equal(['修改代表信息：改了：电话、关注领域'])
  })

  it('asks whether a new deputy named as one left out is his code mistyped, before the real one is retired', async () => {
    const report = await admin.post('/api/admin/directory/import', {
      sheets: [
        deputySheet(
          'DP00O1,张伟,市人大代表,轻工街道代表联络站,环境保护,13800000001,',
          'DP0002,王芳,县区人大代表,轻工街道代表联络站,教育,13800000002,',
          'DP0003,李强,全国人大代表,马庄街道代表联络站、轻工街道代表联络站,,,',
          'DP0004,赵敏,乡镇人大代表,马庄街道代表联络站,,,',
          'DP0005,刘洋,省人大代表,光明社区代表联络点,,,',
        ),
      ],
    })
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    const asked = '新代表 张伟（DP00O1）和名册外的 张伟（DP0001）同名，是不是代码写错了？'
    expect(report.body.notes.join('\n'), 'the page lists it under its counts').to.include(asked)
    expect(report.body.sameName.map((p: { text: string }) => p.text)).to.have.length(1)
    const [zhang] = report.body.leftOut.deputies
    expect(zhang).to.deep.include({ code: 'DP0001', sameNameAs: { id: 'dp00o1', code: 'DP00O1', name: '张伟' } })
    expect(zhang.text).to.include('这次名册里有同名的新代表 张伟（DP00O1），请先核对是不是代码写错了，不要急着设为离任')
    expect(zhang.text).not.to.include('如已离任，请在')
  })
})
