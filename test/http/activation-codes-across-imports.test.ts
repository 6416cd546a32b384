import { expect } from 'chai'
import { activationCodeProblem } from '../../src/domain/activation-code.js'
import { Client, importingAdmin } from '../helpers/app.js'
import { staffSheet, WUTONG_PLACES } from '../helpers/sheets.js'

/**
 * 梧桐区's office takes Liaison live in two rounds: first the clerks it has, a month later the new ones. A code
 * given in the first round may not be given again in the second (each person holds their own key); and a clerk
 * whose code cell is left blank gets one the system makes up, which the office downloads once, right away.
 */
describe('activation codes across imports, and codes the system makes up', () => {
  const story = importingAdmin()

  it('refuses a code an earlier import already gave to someone else, at its row, and lets the same person keep theirs', async () => {
    const first = await story.admin.post('/api/admin/directory/import', {
      sheets: [...WUTONG_PLACES, staffSheet('linxia,林霞,联络站工作人员,梧桐街道代表联络站,,WT-LX-7731-K9,')],
    })
    expect(first.status, JSON.stringify(first.body)).to.equal(200)

    const second = await story.admin.post('/api/admin/directory/import', {
      sheets: [staffSheet('zhouli,周丽,联络站工作人员,梧桐街道代表联络站,,WT-ZL-5520-M4,', 'heping,何平,联络站工作人员,梧桐街道代表联络站,,wt-lx-7731-k9,')],
    })
    expect(second.status).to.equal(422)
    expect(second.body.error.details).to.deep.equal([
      {
        path: '工作人员名册.csv 第 3 行「激活码」',
        message: '这个激活码已经发给了工作人员“林霞”（以前导入的），每人要有自己的激活码：请另设一个，或者空着不填，由系统生成',
      },
    ])
    // Nothing of the refused file was written: 何平 has no account to activate.
    const heping = await new Client(story.app.baseUrl).post('/api/admin/activate', {
      username: 'heping',
      activationCode: 'WT-LX-7731-K9',
      newPassword: 'tong-hua-2026',
    })
    expect(heping.status).to.equal(401)

    // The nightly file repeating 林霞's own code is no problem.
    const again = await story.admin.post('/api/admin/directory/import', {
      sheets: [staffSheet('linxia,林霞,联络站工作人员,梧桐街道代表联络站,,WT-LX-7731-K9,')],
    })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.activationCodes, 'no code was made').to.equal(undefined)
  })

  it('makes a strong code for each new account left blank, gives the file of them once, and each code opens its account', async () => {
    const answer = await story.admin.post('/api/admin/directory/import', {
      sheets: [
        ...WUTONG_PLACES,
        staffSheet(
          'linxia,林霞,联络站工作人员,梧桐街道代表联络站,,,',
          'heping,何平,联络站工作人员,梧桐街道代表联络站,,,',
          'zhouli,周丽,联络站工作人员,梧桐街道代表联络站,,WT-ZL-7731-K9,',
        ),
      ],
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const words = '已为 2 个新账号生成激活码（激活码一栏空着的）。激活码只在这次导入后给出一次：请马上点“下载激活码”保存，分别交给本人'
    expect(answer.body.notes[0]).to.equal(words)
    expect(answer.body.activationCodes).to.include({ count: 2, fileName: '新账号激活码.csv' })
    expect(answer.headers.get('cache-control'), 'the codes are kept by no cache').to.equal('no-store')
    const lines: string[] = answer.body.activationCodes.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).to.equal('姓名,账号,激活码')
    const rows = lines.slice(1).map((l) => l.split(','))
    expect(rows.map(([name, username]) => `${name} ${username}`)).to.deep.equal(['林霞 linxia', '何平 heping'])
    const [linCode, heCode] = rows.map((r) => r[2])
    expect(linCode).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(linCode).not.to.equal(heCode)
    for (const code of [linCode, heCode]) expect(activationCodeProblem(code), 'as strong as the rule asks of an office').to.equal(null)

    // Each code is the way in for its own person, as a code the office wrote would be.
    const clerk = new Client(story.app.baseUrl)
    const wrongPerson = await clerk.post('/api/admin/activate', { username: 'heping', activationCode: linCode, newPassword: 'tong-hua-2026' })
    expect(wrongPerson.status).to.equal(401)
    const lin = await clerk.post('/api/admin/activate', { username: 'linxia', activationCode: linCode.toLowerCase(), newPassword: 'tong-hua-2026' })
    expect(lin.status, JSON.stringify(lin.body)).to.equal(200)
    expect(lin.body.staff).to.include({ name: '林霞' })

    // The same sheet again (the office imports it once more): 何平 still waits with the code he was given; none is made anew.
    const again = await story.admin.post('/api/admin/directory/import', {
      sheets: [staffSheet('linxia,林霞,联络站工作人员,梧桐街道代表联络站,,,', 'heping,何平,联络站工作人员,梧桐街道代表联络站,,,')],
    })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.activationCodes).to.equal(undefined)
    expect(again.body.notes).not.to.include(words)
    const he = await new Client(story.app.baseUrl).post('/api/admin/activate', { username: 'heping', activationCode: heCode, newPassword: 'tong-hua-2026' })
    expect(he.status, JSON.stringify(he.body)).to.equal(200)
  })
})
