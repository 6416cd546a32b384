import { expect } from 'chai'
import { excerpt } from '../../src/domain/excerpt.js'

describe('a reason or an answer quoted in a notice (excerpt)', () => {
  it('is whole when short, else its first characters and "…"', () => {
    expect(excerpt('路灯已修好', 20)).to.equal('路灯已修好')
    expect(excerpt('已联系供电所，路灯本周五前修好，请您留意', 10)).to.equal('已联系供电所，路灯本…')
  })

  it('counts an emoji as one character and never cuts it in half', () => {
    expect(excerpt('谢谢👍👍👍', 3)).to.equal('谢谢👍…')
    expect(excerpt('谢谢👍👍', 4)).to.equal('谢谢👍👍')
  })
})
