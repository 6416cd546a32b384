import { expect } from 'chai'
import { readQuestionCsv } from '../../src/services/quizzes/quiz-csv.js'

/**
 * An organizer who reads no English builds her question sheet from the dialog's Chinese sample,
 * or with the words her office uses; the values typed as a Chinese input method types them.
 * Files made from the earlier English sample still read.
 */
describe('reading a question sheet headed in Chinese', () => {
  const read = (...lines: string[]) => readQuestionCsv(lines.join('\n'))

  it('reads the sample’s Chinese header and Chinese values into the same questions as the English keys', async () => {
    const chinese = await read(
      '题型,题干,选项,答案,解析,分值,标签',
      '单选,代表法是哪一年通过的？,1992|2010|2015,A,1992 年通过,2,代表法',
      '多选,哪些是代表的权利？,提出建议｜参加视察｜审批预算,ＡＢ,,５,代表法｜权利',
      '判断,人大代表可以提出建议。,,对,,1,',
    )
    expect(chinese.problems).to.deep.equal([])
    const shape = (d: Awaited<ReturnType<typeof read>>['drafts'][number]) => [d.type, d.stem, d.options, d.answer, d.points, d.tags]
    expect(chinese.drafts.map(shape)).to.deep.equal([
      ['single', '代表法是哪一年通过的？', ['1992', '2010', '2015'], ['A'], 2, ['代表法']],
      ['multiple', '哪些是代表的权利？', ['提出建议', '参加视察', '审批预算'], ['A', 'B'], 5, ['代表法', '权利']],
      ['true_false', '人大代表可以提出建议。', ['正确', '错误'], ['A'], 1, []],
    ])
    const english = await read(
      'type,stem,options,answer,explanation,points,tags',
      'single,代表法是哪一年通过的？,1992|2010|2015,A,1992 年通过,2,代表法',
      'multiple,哪些是代表的权利？,提出建议|参加视察|审批预算,AB,,5,代表法|权利',
      'true_false,人大代表可以提出建议。,,A,,1,',
    )
    expect(english.problems).to.deep.equal([])
    expect(english.drafts.map(shape)).to.deep.equal(chinese.drafts.map(shape))
  })

  it('takes the words an office types for a heading: 题目 for 题干, 分数 for 分值, 正确答案, 类型', async () => {
    const { drafts, problems } = await read('类型,题目,选项,正确答案,分数', '单项选择题,宪法日是哪天？,12月4日|3月5日,A,3')
    expect(problems).to.deep.equal([])
    expect(drafts.map((d) => [d.type, d.stem, d.answer, d.points])).to.deep.equal([['single', '宪法日是哪天？', ['A'], 3]])
  })

  it('names the column of a problem by the heading she wrote', async () => {
    const { problems } = await read('题型,题目,选项,答案', '填空,坏题型,甲|乙,A', '单选,,甲|乙,A', '单选,坏答案,甲|乙,甲')
    expect(problems).to.deep.equal([
      { path: 'body.csv[第 2 行].type', message: '没有“填空”这种题型，请填单选、多选或判断', column: '题型' },
      { path: 'body.csv[第 3 行].stem', message: '题干不能为空', column: '题目' },
      { path: 'body.csv[第 4 行].answer', message: '答案“甲”不对，请填选项前的字母，如 A，多选如 AC', column: '答案' },
    ])
    const old = await read('type,stem,options,answer', '填空,坏题型,甲|乙,A')
    expect(old.problems, 'an English heading is the path’s own key').to.deep.equal([
      { path: 'body.csv[第 2 行].type', message: '没有“填空”这种题型，请填单选、多选或判断' },
    ])
  })

  it('says a missing column in Chinese to a Chinese header, and in the English row to an old English one', async () => {
    const chinese = await read('题型,选项', '单选,甲|乙')
    expect(chinese.problems.map((p) => p.message)).to.deep.equal([
      '第一行表头少了“题干”、“答案”这 2 列，请照样例把第一行写成 题型,题干,选项,答案,解析,分值,标签',
    ])
    const unknown = await read('题号,内容', '1,宪法日是哪天？')
    expect(unknown.problems[0]!.message).to.include('请照样例把第一行写成 题型,题干,选项,答案,解析,分值,标签')
    const english = await read('type,stem,options', 'single,少了答案,甲|乙')
    expect(english.problems.map((p) => p.message)).to.deep.equal([
      '第一行表头少了 answer（答案）这一列，请照样例把第一行写成 type,stem,options,answer,explanation,points,tags',
    ])
  })

  it('refuses two headings of one column (题型 and 类型), rather than keep the later one’s values silently', async () => {
    const both = await read('题型,题干,选项,答案,类型', '单选,宪法日是哪天？,12月4日|3月5日,A,多选')
    expect(both.drafts, 'nothing is read').to.deep.equal([])
    expect(both.problems).to.deep.equal([{ path: 'body.csv', message: '表头“题型”和“类型”说的是同一列，请删去一列' }])
    const answers = await read('题型,题干,选项,正确答案,答案', '单选,宪法日是哪天？,12月4日|3月5日,A,B')
    expect(answers.problems.map((p) => p.message)).to.deep.equal(['表头“正确答案”和“答案”说的是同一列，请删去一列'])
    const same = await read('题型,题干,选项,答案,题干', '单选,宪法日是哪天？,12月4日|3月5日,A,')
    expect(same.problems.map((p) => p.message)).to.deep.equal(['表头有两列“题干”，请删去一列'])
  })
})
