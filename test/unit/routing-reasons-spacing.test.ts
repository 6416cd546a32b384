import { expect } from 'chai'
import { presentRoutingReasons } from '../../src/http/presenters/routing-since.js'

/**
 * 为什么分到这里 reads as Chinese is written, without spaces between words (review 33): routing now writes its
 * reasons so (test/unit/routing.test.ts), and those stored by older versions are shown so too, while the
 * spaces beside a count or a directory code stay as the console writes them everywhere ("（3 件）").
 */
describe('为什么分到这里: reasons stored with spaces between Chinese words', () => {
  const shown = (message: string) => presentRoutingReasons([{ rule: 'place', code: 'covering_station', message }])[0].message

  it('closes the gaps between words, names and dates', () => {
    expect(shown('所在区域 光明社区 由 建设路街道代表联络站 联系（该站覆盖 建设路街道）')).to.equal(
      '所在区域光明社区由建设路街道代表联络站联系（该站覆盖建设路街道）',
    )
    expect(shown('张伟代表 11月25日 接待值班')).to.equal('张伟代表11月25日接待值班')
    expect(shown('所在区域 西市社区 无联络站覆盖，转 新华区 人大常委会办公室')).to.equal('所在区域西市社区无联络站覆盖，转新华区人大常委会办公室')
    expect(shown('多位代表条件相同，按名册顺序选定 张伟代表')).to.equal('多位代表条件相同，按名册顺序选定张伟代表')
  })

  it('keeps the spaces beside counts and codes, and the reason’s rule and code', () => {
    expect(shown('王芳代表 在办留言最少（12 件）')).to.equal('王芳代表在办留言最少（12 件）')
    expect(shown('代表代码 DP0009 不存在，已忽略')).to.equal('代表代码 DP0009 不存在，已忽略')
    expect(shown('另有 4 位代表在办留言已满，跳过')).to.equal('另有 4 位代表在办留言已满，跳过')
    expect(presentRoutingReasons([{ rule: 'duty', code: 'on_duty', message: '张伟代表 接待值班' }])).to.deep.equal([
      { rule: 'duty', code: 'on_duty', message: '张伟代表接待值班' },
    ])
  })
})
