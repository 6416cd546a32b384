import { expect } from 'chai'
import { asDeputy, type Client, type TestApp } from '../helpers/app.js'
import { quizOffice, quizWithAttempts } from '../helpers/quizzes.js'

type Row = { name: string; participants: number; audienceSize: number | null }
const rows = (items: Row[]) => items.map((r) => [r.name, r.participants, r.audienceSize])

/**
 * 李强 is a deputy of two stations of 湛河区 (马庄街道's and 轻工街道's). On 孙丽's deputies'
 * quiz each of his stations counts him among the deputies who should take part (应参与), and his
 * paper as theirs; the district counts him once, never twice.
 */
describe('a deputy of two stations on the quiz boards', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('counts him at each of his stations, and once in the district', async () => {
    const liqiang = await asDeputy(app, 'dp0003')
    const { quiz } = await quizWithAttempts(app, sunli, { handedIn: [liqiang] }, { audience: 'deputies' })

    const stations = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=station`)).body.items
    expect(rows(stations), '参与 / 应参与 per station').to.deep.equal([
      ['马庄街道代表联络站', 1, 2],
      ['轻工街道代表联络站', 1, 3],
      ['光明社区代表联络点', 0, 1],
    ])
    const districts = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=district`)).body.items
    expect(rows(districts), 'five deputies in 湛河区, one of whom took part').to.deep.equal([['湛河区', 1, 5]])
  })
})
