import { expect } from 'chai'
import { importingAdmin } from '../helpers/app.js'
import { deputySheet, stationSheet } from '../helpers/sheets.js'

/**
 * A clerk uploads a whole district's sheet in which every row is wrong several ways (the level written as a post, a
 * topic not offered). She is told how many problems there are, the first
 * 200 of them row by row, and for the rest a line per column saying which rows still have problems there: enough to
 * fix the sheet, without the server holding every row's words (a sheet of 50,000 such rows took ~280 MB).
 */
describe('a roster sheet of many bad rows', () => {
  const story = importingAdmin()

  it('lists the first 200 problems by row and column and says, column by column, how many more there are and on which rows', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `DP${10000 + i},代表${i},市长,东风路联络站,养花种草,,`)
    const answer = await story.admin.post('/api/admin/directory/import', {
      sheets: [stationSheet('ST001,东风路联络站,社区,东风路12号,,周三'), deputySheet(...rows)],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.deep.include({ code: 'import_rejected', message: '导入文件有问题，未导入任何数据：共 4000 处问题，下面列出前 200 处' })
    const details: Array<{ path: string; message: string }> = answer.body.error.details
    expect(details).to.have.length(202)
    // Row by row, left to right (the topic's problem is found by a later check, and still told in its place): rows 2 to 101.
    expect(details.slice(0, 3).map((d) => d.path)).to.deep.equal([
      '代表名册.csv 第 2 行「层级」',
      '代表名册.csv 第 2 行「关注领域」',
      '代表名册.csv 第 3 行「层级」',
    ])
    expect(details[0].message).to.equal('“市长”不是可选的值，请填写：全国、省、市、县区、乡镇人大代表')
    expect(details[199].path).to.equal('代表名册.csv 第 101 行「关注领域」')
    expect(details[199].message).to.match(/^没有“养花种草”这个关注领域，可选：/)
    const rest = (heading: string) => ({
      path: `代表名册.csv「${heading}」`,
      message: '第 102 行到第 2001 行，这一列还有 1900 处问题没有一一列出，请检查这些行的这一列，一并改正',
    })
    expect(details.slice(200)).to.deep.equal([rest('层级'), rest('关注领域')])
    expect((await story.admin.get('/api/admin/directory/summary')).body.deputies, 'nothing imported').to.equal(0)
  })
})
