import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Loaded by path, as console-refusals.test.ts does: the console's modules are vue-tsc's to check.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

/** 立法征求意见: a draft's articles numbered as the legislature prints them, 第一条 to 第一百零一条. */
describe('console: article numbers in Chinese numerals', () => {
  let chineseNumeral: (n: number) => string
  let numeralValue: (text: string) => number | null
  let nextArticleNumber: (numbers: string[]) => string
  before(async () => ({ chineseNumeral, numeralValue, nextArticleNumber } = await consoleModule('views/surveys/article-numbers.ts')))

  it('says numbers as a law numbers its articles', () => {
    const said = Object.fromEntries(
      [1, 2, 9, 10, 11, 12, 19, 20, 21, 99, 100, 101, 110, 111, 120, 200, 1000, 1001, 1010, 1100, 2024].map((n) => [n, chineseNumeral(n)]),
    )
    expect(said).to.deep.equal({
      1: '一',
      2: '二',
      9: '九',
      10: '十',
      11: '十一',
      12: '十二',
      19: '十九',
      20: '二十',
      21: '二十一',
      99: '九十九',
      100: '一百',
      101: '一百零一',
      110: '一百一十',
      111: '一百一十一',
      120: '一百二十',
      200: '二百',
      1000: '一千',
      1001: '一千零一',
      1010: '一千零一十',
      1100: '一千一百',
      2024: '二千零二十四',
    })
  })

  it('reads them back, 十 alone and 两 included, and every number it says', () => {
    expect(['十', '十二', '二十', '一百零一', '两百', '一千零一十', '12'].map(numeralValue)).to.deep.equal([10, 12, 20, 101, 200, 1010, 12])
    expect(numeralValue('附则')).to.equal(null)
    for (let n = 1; n <= 1200; n++) expect(numeralValue(chineseNumeral(n)), chineseNumeral(n)).to.equal(n)
  })

  it('numbers an added article after the last one above it', () => {
    expect(nextArticleNumber([])).to.equal('第一条')
    expect(nextArticleNumber(['第一条'])).to.equal('第二条')
    expect(nextArticleNumber(['第一条', '第十一条'])).to.equal('第十二条')
    expect(nextArticleNumber(['第十九条'])).to.equal('第二十条')
    expect(nextArticleNumber(['第一百条'])).to.equal('第一百零一条')
    expect(nextArticleNumber(['第八条']), 'an excerpt starting at 第八条').to.equal('第九条')
    expect(nextArticleNumber(['第一条', '附则']), 'the last one numbered').to.equal('第二条')
    expect(nextArticleNumber(['总则', '附则']), 'none numbered: by how many there are').to.equal('第三条')
  })
})
