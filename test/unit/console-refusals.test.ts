import { expect } from 'chai'
import { ApiError } from '../../admin/src/api.js'
import { describe as describeRefusal } from '../../admin/src/views/kit/errors.js'

/** What an office worker reads in the console's alert when the backend refuses an action. */
describe('console: a refusal in words', () => {
  it('gives the message and each problem in words, with the question it is about', () => {
    const err = new ApiError(422, 'validation_failed', '问卷设置有误', [{ path: 'body.questions[1].options', message: '选择题至少需要两个选项' }])
    expect(describeRefusal(err)).to.equal('问卷设置有误；第 2 题：选择题至少需要两个选项')
  })

  it('leaves out a detail that is only a value for programs: a status or an id', () => {
    const retried = new ApiError(409, 'not_dead', '只有发送失败的消息可以重试', [{ path: 'status', message: 'sent' }])
    expect(describeRefusal(retried)).to.equal('只有发送失败的消息可以重试')
    const moved = new ApiError(409, 'illegal_transition', '留言当前为「已答复」，不能执行此操作', [{ path: 'status', message: 'replied' }])
    expect(describeRefusal(moved)).to.equal('留言当前为「已答复」，不能执行此操作')
  })
})
