import { expect } from 'chai'
import { downloadFileName, listFilterWords } from '../../src/domain/export-file-names.js'

const names = {
  region: (id: string) => ({ c010101: '光明社区' })[id] ?? null,
  station: (id: string) => ({ st001: '轻工街道代表联络站' })[id] ?? null,
  deputy: (id: string) => ({ dp0001: '张伟' })[id] ?? null,
}

/**
 * The names downloads are saved under: whose list and which, in words, never what a resident wrote or is called.
 * Staff search the inbox by a resident's phone or name; the file name sits unmasked in Downloads and in mail.
 */
describe('download names', () => {
  it('say 搜索结果 for a searched list, never the words searched for', () => {
    for (const q of ['13812345678', '王秀兰', '建设路12号 王秀兰 13812345678']) {
      const words = listFilterWords({ overdue: true, q }, names)
      expect(words).to.deep.equal(['已超期', '搜索结果'])
      const name = downloadFileName('澜江区', '留言列表', words, '2026-12-06')
      expect(name).to.equal('澜江区-留言列表-已超期-搜索结果-2026-12-06.csv')
      expect(name, q).not.to.match(/1381234|王秀兰|建设路/)
    }
  })

  it('name the filters in words, and make any character a file name may not hold a space', () => {
    expect(listFilterWords({ stationId: 'st001', deputyId: 'dp0001', rating: 2, fromDate: '2026-12-01', toDate: '2026-12-06' }, names)).to.deep.equal([
      '轻工街道代表联络站',
      '张伟代表',
      '2分',
      '12月1日至12月6日',
    ])
    expect(downloadFileName('全市', '分析研判周报', [], '2026-11-30')).to.equal('全市-分析研判周报-2026-11-30.csv')
    expect(downloadFileName('A/B:区', '分析研判周报', [], '2026-11-30')).to.equal('A B 区-分析研判周报-2026-11-30.csv')
  })
})
