import { expect } from 'chai'
import { presentHotIssues } from '../../src/http/presenters/analysis.js'

describe('热点问题 says 热度 in whole numbers', () => {
  it('rounds the index it sends: an index, never a decimal that reads as a measurement', () => {
    const at = new Date('2026-11-23T02:00:00Z')
    const issue = {
      key: 'cs-1',
      caseIds: ['cs-1', 'cs-2'],
      placeId: 'c010101',
      placeName: '建设路社区',
      districtId: 'd01',
      stationId: 'st001',
      stationName: '轻工街道代表联络站',
      topic: '城乡建设',
      messages: 2,
      residents: 2,
      mergedIds: [],
      firstAt: at,
      lastAt: at,
      growth: 0,
      weeks: 1,
      reopenShare: 0,
      overdueShare: 0.5,
      index: 26.3,
      description: '3号楼电梯坏了',
    }
    const shown = presentHotIssues({ from: at, to: at, issues: [issue, { ...issue, key: 'cs-3', index: 82.5 }] })
    expect(shown.issues.map((i) => i.index)).to.deep.equal([26, 83])
  })
})
