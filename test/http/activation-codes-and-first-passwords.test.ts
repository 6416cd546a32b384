import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { staffSheet, WUTONG_PLACES } from '../helpers/sheets.js'

const WRONG_CODE = '账号或激活码不对，请核对后再输入（激活码不分大小写）；已经激活过的账号，请直接用密码登录'

/**
 * 钱科长 made the codes up herself: the same "12345678" for two new clerks, and a clerk typed her code in
 * lower case from a phone message. The import refuses codes anybody could guess and one code for two
 * people, row by row; a code is read as printed (case, spaces and hyphens do not count); a wrong code
 * says it is wrong, not that it was used; and the first password may not be 12345678 or her name.
 */
describe('activation codes and first passwords', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('refuses, row by row, codes that are too short or only digits or letters, and one code given to two people', async () => {
    app = await startApp()
    const admin = await asAdmin(app)
    const answer = await admin.post('/api/admin/directory/import', {
      sheets: [
        ...WUTONG_PLACES,
        staffSheet(
          'linxia,林霞,联络站工作人员,梧桐街道代表联络站,,12345678,',
          'zhoupeng,周鹏,联络站工作人员,梧桐街道代表联络站,,1234567890123,',
          'zhangli,张丽,联络站工作人员,梧桐街道代表联络站,,WT-ZL-7731-K9,',
          'heping,何平,联络站工作人员,梧桐街道代表联络站,,wt-zl-7731-k9,',
          'maxiao,马晓,联络站工作人员,梧桐街道代表联络站,,WUTONG-MAXIAO,',
        ),
      ],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([
      { path: '工作人员名册.csv 第 2 行「激活码」', message: '激活码太短：去掉“-”后至少要 10 位' },
      { path: '工作人员名册.csv 第 3 行「激活码」', message: '激活码要同时有字母和数字：只有数字或只有字母的容易被猜到' },
      { path: '工作人员名册.csv 第 5 行「激活码」', message: '激活码与第 4 行的相同：每人要有自己的激活码' },
      { path: '工作人员名册.csv 第 6 行「激活码」', message: '激活码要同时有字母和数字：只有数字或只有字母的容易被猜到' },
    ])
    expect((await admin.get('/api/admin/directory/summary')).body, 'nothing imported').to.include({ regions: 0, stations: 0 })
  })

  it('takes the code in any case and spacing, says a wrong code is wrong, and refuses a first password anyone could guess', async () => {
    const city = smallCity()
    city.staff.push({ id: 'sf-new', name: '王芳', role: 'station_staff', stationIds: ['st001'], username: 'wangfang', activationCode: 'WT-ZL-7731-K9' })
    app = await startApp({ directory: city })
    const clerk = new Client(app.baseUrl)
    const activate = (activationCode: string, newPassword: string) => clerk.post('/api/admin/activate', { username: 'wangfang', activationCode, newPassword })

    const wrong = await activate('WT-ZL-7731-K8', 'tong-hua-2026')
    expect(wrong.status).to.equal(401)
    expect(wrong.body.error).to.deep.equal({ code: 'invalid_activation', message: WRONG_CODE, details: [] })

    // The right code, typed from her phone in lower case with spaces; the passwords she tries first are refused.
    const digits = await activate(' wt zl 7731 k9 ', '12345678')
    expect(digits.status).to.equal(422)
    expect(digits.body.error).to.deep.equal({
      code: 'password_too_weak',
      message:
        '这个密码太简单，容易被人猜到：密码不能全是数字（手机号、生日、12345678 这类最容易被猜到）。请换一个：至少 8 位，字母和数字混用，不要用姓名、账号、电话、生日，也不要用连续或重复的字符',
      details: [{ path: 'body.newPassword', message: '密码不能全是数字（手机号、生日、12345678 这类最容易被猜到）' }],
    })
    const phone = await activate('wt-zl-7731-k9', '13905712233')
    expect(phone.body.error.details).to.deep.equal([{ path: 'body.newPassword', message: '密码不能全是数字（手机号、生日、12345678 这类最容易被猜到）' }])
    const name = await activate('wt-zl-7731-k9', 'wangfang2026')
    expect(name.status).to.equal(422)
    expect(name.body.error.details).to.deep.equal([{ path: 'body.newPassword', message: '密码里有您的账号或姓名' }])
    const common = await activate('wt-zl-7731-k9', 'password1')
    expect(common.body.error.details).to.deep.equal([{ path: 'body.newPassword', message: '这是很多人都在用的常见密码' }])

    // A refused password leaves the code unused: she chooses a better one with the same code.
    const activated = await activate('wtzl7731k9', 'tong-hua-2026')
    expect(activated.status, JSON.stringify(activated.body)).to.equal(200)
    expect(activated.body.staff).to.include({ name: '王芳' })

    // Later she changes it: the same rule.
    const changed = await clerk.post('/api/admin/me/password', { currentPassword: 'tong-hua-2026', newPassword: 'qwertyuiop' })
    expect(changed.status).to.equal(422)
    expect(changed.body.error).to.deep.include({ code: 'password_too_weak' })
    expect(
      (await new Client(app.baseUrl).post('/api/admin/login', { username: 'wangfang', password: 'tong-hua-2026' })).status,
      'her password unchanged',
    ).to.equal(200)
  })

  it('still opens an account waiting with a code stored before codes were read as printed', async () => {
    const city = smallCity()
    city.staff.push({ id: 'sf-new', name: '王芳', role: 'station_staff', stationIds: ['st001'], username: 'wangfang' })
    app = await startApp({ directory: city })
    // As the version before kept it: the code exactly as the file wrote it.
    const { cipher } = app.liaison.services
    await app.liaison.store.staff.update('sf-new', { activationHash: cipher.blindIndex('staff-activation:WT-ZL-7731-K9'), activationIssuedAt: app.clock.now() })
    const activated = await new Client(app.baseUrl).post('/api/admin/activate', {
      username: 'wangfang',
      activationCode: 'wt-zl-7731-k9',
      newPassword: 'tong-hua-2026',
    })
    expect(activated.status, JSON.stringify(activated.body)).to.equal(200)
  })
})
