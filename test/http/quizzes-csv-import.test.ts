import { expect } from 'chai'
import { type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'

/**
 * A question bank saved from Excel or WPS is held to what the question form holds a typed
 * question to, and its problems name the lines the organizer sees in the file.
 */
describe('importing a question bank from CSV', () => {
  let app: TestApp
  let sunli: Client
  let quizId: string
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
    quizId = (await quizWithBank(app, sunli, { draft: true })).id
  })
  afterEach(() => app.close())

  const importCsv = (csv: string) => sunli.post(`/api/admin/quizzes/${quizId}/questions/import`, { csv })
  const poolSize = async () => (await sunli.get(`/api/admin/quizzes/${quizId}`)).body.questions.length

  it('refuses what the form refuses: over-long stems, options, explanations and tags, and a stem of invisible characters only', async () => {
    const csv = [
      'type,stem,options,answer,explanation,points,tags',
      `single,${'长'.repeat(1001)},甲|乙,A,,1,`,
      `single,选项太长,${'甲'.repeat(201)}|乙,A,,1,`,
      `single,解析太长,甲|乙,A,${'析'.repeat(2001)},1,`,
      `single,标签太多,甲|乙,A,,1,${Array.from({ length: 11 }, (_, i) => `标签${i}`).join('|')}`,
      `single,标签太长,甲|乙,A,,1,${'签'.repeat(31)}`,
      'single,\u202e\u200f,甲|乙,A,,1,',
    ].join('\n')
    const refused = await importCsv(csv)
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([
      { path: 'body.csv[第 2 行].stem', message: '题干最多 1000 字' },
      { path: 'body.csv[第 3 行].options[0]', message: '选项最多 200 字' },
      { path: 'body.csv[第 4 行].explanation', message: '解析最多 2000 字' },
      { path: 'body.csv[第 5 行].tags', message: '标签最多 10 个' },
      { path: 'body.csv[第 6 行].tags[0]', message: '标签最多 30 字' },
      { path: 'body.csv[第 7 行].stem', message: '题干不能为空' },
    ])
    expect(await poolSize(), 'nothing half imported').to.equal(10)
  })

  it('names the line a row starts on past multi-line cells and blank lines, and skips the empty rows Excel saves', async () => {
    const csv = [
      'type,stem,options,answer,explanation,points,tags',
      'single,"第一题',
      '（两行题干）",甲|乙,A,,1,',
      '',
      ',,,,,,',
      'single,坏答案,甲|乙,C,,1,',
      ',,,,,,',
    ].join('\r\n')
    const refused = await importCsv(csv)
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.csv[第 6 行].answer', message: '答案不在选项之中' }])

    const fine = await importCsv(csv.replace('坏答案,甲|乙,C', '好答案,甲|乙,B'))
    expect(fine.status, JSON.stringify(fine.body)).to.equal(201)
    expect(fine.body.questions.map((q: { stem: string }) => q.stem)).to.deep.equal(['第一题\n（两行题干）', '好答案'])
    expect(await poolSize()).to.equal(12)
  })
})

describe('importing a question sheet headed in Chinese', () => {
  let app: TestApp
  let sunli: Client
  let quizId: string
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
    quizId = (await quizWithBank(app, sunli, { draft: true })).id
  })
  afterEach(() => app.close())

  it('makes the questions of a sheet built from the Chinese sample, and names a mistake by the heading she wrote', async () => {
    const sheet = [
      '题型,题目,选项,答案,解析,分数,标签',
      '单选,代表法是哪一年通过的？,1992|2010|2015,A,1992 年通过,2,代表法',
      '多选,哪些是代表的权利？,提出建议|参加视察|审批预算,AB,,5,代表法|权利',
      '判断,人大代表可以提出建议。,,对,,1,',
    ]
    const wrong = await sunli.post(`/api/admin/quizzes/${quizId}/questions/import`, { csv: [...sheet, '单选,答案不在选项里,甲|乙,C,,1,'].join('\r\n') })
    expect(wrong.status).to.equal(422)
    expect(wrong.body.error.details).to.deep.equal([{ path: 'body.csv[第 5 行].answer', message: '答案不在选项之中', column: '答案' }])

    const made = await sunli.post(`/api/admin/quizzes/${quizId}/questions/import`, { csv: `\uFEFF${sheet.join('\r\n')}\r\n` })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const pool = (await sunli.get(`/api/admin/quizzes/${quizId}`)).body.questions as Array<Record<string, unknown>>
    expect(pool.slice(10).map((q) => [q.type, q.stem, q.options, q.points, q.tags])).to.deep.equal([
      ['single', '代表法是哪一年通过的？', ['1992', '2010', '2015'], 2, ['代表法']],
      ['multiple', '哪些是代表的权利？', ['提出建议', '参加视察', '审批预算'], 5, ['代表法', '权利']],
      ['true_false', '人大代表可以提出建议。', ['正确', '错误'], 1, []],
    ])
  })
})
