import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'

/**
 * The notice put before a named questionnaire, a consultation or a quiz (components/privacy-consent) reads, under her
 * rights, what that feature keeps, who sees it and how long: `features`, beside the short notice written for 留言. They
 * restate what the whole notice says of each feature: since v3 it has a paragraph on what each keeps and until when,
 * and one on what withdrawing stops and leaves.
 */
describe('the privacy notice says in a few lines what each feature keeps', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
  })
  afterEach(() => app.close())

  it('serves, for each feature, her rights first and what it keeps, who sees it, how long', async () => {
    const notice = (await new Client(app.baseUrl).get('/api/mp/privacy')).body
    const lines = (feature: string) => (notice.features[feature] as string).split('\n')
    const rights = notice.summary.split('\n')[0]
    expect(rights).to.match(/^您的权利：/)
    // The mini-program's own rights line: the same rights without the chat's way to them, so the notice stays one
    // screen in 关怀模式; each named as the button she will find where she will find it: 撤回同意 in 我的信息 (the
    // heading of what it stops below), “撤回这条留言” on the message itself, in a sentence of its own.
    const here =
      '您的权利：随时可以查看、删除您的信息，改电话，或撤回同意，都在“我的—我的信息”里；还没答复的留言，在那条留言里点“撤回这条留言”。其他请找联络站改。'
    expect(lines('survey')).to.deep.equal([
      here,
      '我们保存：您填的答案，和这份问卷是您填的。',
      '谁能看：只有负责的工作人员。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的答案。',
      '撤回同意：不能再填这样的问卷；已填的答案不会删掉。',
    ])
    expect(lines('consultation')).to.deep.equal([
      here,
      '我们保存：您提的意见，和意见是您提的，好告诉您是否采纳。',
      '谁能看：只有负责的工作人员。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的意见。',
      '撤回同意：不能再提这样的意见；已提的意见不会删掉。',
    ])
    expect(lines('quiz')).to.deep.equal([
      here,
      '我们保存：您答的题和得分。',
      '谁能看：负责的工作人员；排名只显示“群众”和编号。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的成绩。',
      '撤回同意：不能再答题，答了一半的也交不了；成绩不会删掉。',
    ])
  })

  it("v3: the short notice for 留言 says what withdrawing stops, and the whole notice says each feature's lines", async () => {
    const notice = (await new Client(app.baseUrl).get('/api/mp/privacy')).body
    expect(notice.version).to.equal('v3')
    expect(notice.summary.split('\n').map((l: string) => l.split('：')[0])).to.deep.equal([
      '您的权利',
      '删除',
      '我们保存',
      '保存多久',
      '撤回同意',
      '问卷、答题保存什么见全文。',
    ])
    expect(notice.summary).to.include('撤回同意：不能再留言、答题和填留名字的问卷；已保存的不因撤回删掉。')
    expect(notice.summary).to.include('保存多久：留言办结后保存三年')
    // What each feature's lines restate, in the whole notice's own words.
    expect(notice.text)
      .to.include('您填写的问卷答案和对文件草稿的意见')
      .and.include('您参加的答题和得分（得分排名只显示“群众”和编号，不显示姓名）')
      .and.include('由负责的人大代表和代表联络站工作人员查看')
      .and.include('申请删除您的个人信息')
      .and.include('已提交的留言和问卷只保留去掉个人信息后的内容用于统计')
      .and.include('这些一直保存到您删除您的信息；删除后只留下看不出是您的答案、意见和成绩，用来统计。')
      .and.include('撤回同意以后：不能再留言；不能再填记下是谁填的问卷，不能再对文件草稿提意见，也不能再答题，已经开始答的题也不能交卷')
      .and.include('撤回同意不会删除已经保存的信息：留言、问卷答案、意见和答题成绩都还保存着')
  })
})
