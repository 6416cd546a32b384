import { expect } from 'chai'
import { deputyAskedAbout } from '../../bots/flows/who-is.js'

/** "王芳是谁" asks after a deputy; "我的代表是谁" and "物业是谁" name nobody, and must not be answered "没有找到名叫我的的…". */
describe('bot: which words ask who a deputy is', () => {
  it('reads a name out of the ways a resident asks', () => {
    expect(['王芳是谁', '王芳代表是谁？', '请问王芳代表是哪位', '谁是王芳', '欧阳明月是谁'].map(deputyAskedAbout)).to.deep.equal([
      '王芳',
      '王芳',
      '王芳',
      '王芳',
      '欧阳明月',
    ])
  })

  it('finds no name in words that name no person', () => {
    for (const words of ['我的代表是谁', '我们小区的代表是谁', '这里的是谁', '物业是谁', '你们是谁', '社区主任是谁', '他是谁'])
      expect(deputyAskedAbout(words), words).to.equal(null)
  })
})
