import { expect } from 'chai'
import { Client, importingAdmin } from '../helpers/app.js'
import { staffSheet, WUTONG_PLACES } from '../helpers/sheets.js'

const clerks = staffSheet('linxia,林霞,联络站工作人员,梧桐街道代表联络站,,,', 'heping,何平,联络站工作人员,梧桐街道代表联络站,,,')

const LOST = '如果激活码没有下载保存好（页面已关闭或刷新），再导入一次也不会重新生成：请到“账号与角色”找到这些账号，点“重置密码”，把新密码交给本人'

/**
 * 梧桐区's admin imports two new clerks with the 激活码 cells blank. The answer carrying the codes is lost (the
 * tab closed before 下载激活码). Importing again makes no new codes, and says so, and says what does: 重置密码 on
 * 账号与角色, which gives the account a password to hand over and ends the lost code (review 35, L6).
 */
describe('activation codes made by an import and lost before they were saved', () => {
  const story = importingAdmin()

  it('the import says what replaces a lost code, the import again names who still waits, and 重置密码 lets them in', async () => {
    const first = await story.admin.post('/api/admin/directory/import', { sheets: [...WUTONG_PLACES, clerks] })
    expect(first.status, JSON.stringify(first.body)).to.equal(200)
    expect(first.body.activationCodes).to.include({ count: 2 })
    expect(first.body.notes.slice(0, 2)).to.deep.equal([
      '已为 2 个新账号生成激活码（激活码一栏空着的）。激活码只在这次导入后给出一次：请马上点“下载激活码”保存，分别交给本人',
      LOST,
    ])
    expect(first.body.warnings).to.include(LOST)
    const lostCode = first.body.activationCodes.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')[1]
      .split(',')[2] as string

    // The answer never reached the page: she imports the same sheet again.
    const again = await story.admin.post('/api/admin/directory/import', { sheets: [clerks] })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.activationCodes, 'no new codes').to.equal(undefined)
    const waiting =
      '林霞、何平 2 个账号还没有激活，激活码一栏空着，沿用以前导入时的激活码，这次不会重新生成。如果那次的激活码没有保存好，请到“账号与角色”为他们点“重置密码”，把新密码交给本人'
    expect(again.body.notes).to.include(waiting)
    expect(again.body.warnings).to.include(waiting)

    // 账号与角色: 林霞 waits with a code; 重置密码 gives a password shown once.
    const row = (await story.admin.get('/api/admin/staff?q=linxia')).body.items[0]
    expect(row).to.include({ name: '林霞', hasPassword: false })
    expect(row.activation.label).to.match(/^待激活/)
    const reset = await story.admin.post(`/api/admin/staff/${row.id}/password-reset`)
    expect(reset.status, JSON.stringify(reset.body)).to.equal(200)
    expect(reset.headers.get('cache-control')).to.equal('no-store')

    const after = (await story.admin.get(`/api/admin/staff/${row.id}`)).body
    expect(after).to.include({ hasPassword: true, mustChangePassword: true, activation: null })
    // She logs in with the new password and chooses her own; the lost code opens nothing any more.
    await new Client(story.app.baseUrl).loginFirstTime('linxia', reset.body.password)
    const old = await new Client(story.app.baseUrl).post('/api/admin/activate', { username: 'linxia', activationCode: lostCode, newPassword: 'tong-hua-2026' })
    expect(old.status).to.equal(401)

    // Once nobody waits, importing again says nothing of codes.
    const hePing = (await story.admin.get('/api/admin/staff?q=heping')).body.items[0]
    expect((await story.admin.post(`/api/admin/staff/${hePing.id}/password-reset`)).status).to.equal(200)
    const quiet = await story.admin.post('/api/admin/directory/import', { sheets: [clerks] })
    expect(quiet.body.notes.filter((n: string) => n.includes('激活码'))).to.deep.equal([])
  })
})
