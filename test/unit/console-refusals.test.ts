import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// The console's modules are type-checked by vue-tsc with admin/tsconfig.json (bundler resolution), not by
// the backend's tsc: they are loaded by path, so this program does not take them in.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

/** What an office worker reads in the console's alert when the backend refuses an action. */
describe('console: a refusal in words', () => {
  let ApiError: new (status: number, code: string, message: string, details?: unknown) => Error
  let describeRefusal: (err: unknown) => string
  before(async () => {
    ApiError = (await consoleModule('api.ts')).ApiError
    describeRefusal = (await consoleModule('views/kit/errors.ts')).describe
  })

  it('gives the message and each problem in words, with the question it is about', () => {
    const err = new ApiError(422, 'validation_failed', '问卷设置有误', [{ path: 'body.questions[1].options', message: '选择题至少需要两个选项' }])
    expect(describeRefusal(err)).to.equal('问卷设置有误；第 2 题：选择题至少需要两个选项')
  })

  it('leaves out a detail that is only a value for programs: a status or an id', () => {
    const retried = new ApiError(409, 'not_dead', '只有未能送达的消息可以重新发送', [{ path: 'status', message: 'sent' }])
    expect(describeRefusal(retried)).to.equal('只有未能送达的消息可以重新发送')
    const moved = new ApiError(409, 'illegal_transition', '留言当前为「已答复」，不能执行此操作', [{ path: 'status', message: 'replied' }])
    expect(describeRefusal(moved)).to.equal('留言当前为「已答复」，不能执行此操作')
  })

  it('says each problem once: one the message already says, or two alike, are not repeated', () => {
    const taken = new ApiError(409, 'conflict', '登录账号“qianjin”已经有人在用，请换一个', [{ path: 'body.username', message: '已经有人在用' }])
    expect(describeRefusal(taken)).to.equal('登录账号“qianjin”已经有人在用，请换一个')
    const empty = new ApiError(400, 'validation_failed', '输入有误', [
      { path: 'body.questions[0].options[0].label', message: '选项不能为空' },
      { path: 'body.questions[0].options[1].label', message: '选项不能为空' },
    ])
    expect(describeRefusal(empty)).to.equal('第 1 题：选项不能为空')
  })

  it('says what was wrong, not 输入有误, when the server lists it; 输入有误 only when it lists nothing', () => {
    const vague = (details: unknown) => new ApiError(400, 'validation_failed', '输入有误', details)
    expect(describeRefusal(vague([{ path: 'body.title', message: '标题不能为空' }]))).to.equal('标题不能为空')
    expect(describeRefusal(vague([{ path: 'body.kind', message: 'bad_kind' }])), 'nothing in words to say instead').to.equal('输入有误')
    expect(describeRefusal(vague([]))).to.equal('输入有误')
    const said = new ApiError(422, 'invalid_questions', '题目有误', [{ path: 'body.questions[0].answer', message: '请给出正确答案' }])
    expect(describeRefusal(said), 'a message that says something is kept').to.equal('题目有误；第 1 题：请给出正确答案')
  })
})
