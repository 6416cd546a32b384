import { expect } from 'chai'
import { CASE_STATUSES, STATUS_LABELS } from '../../src/domain/case.js'
import { handedOnText } from '../../src/domain/case-refusals.js'
import { residentStatusWords } from '../../src/domain/resident-status-words.js'

const at = { stationId: 'st001', mergedInto: null }

describe('where a message stands, in the words of the resident who wrote it', () => {
  it('says who has it and what comes next, for every state', () => {
    expect(CASE_STATUSES.map((status) => [status, residentStatusWords({ ...at, status })])).to.deep.equal([
      ['submitted', '联络站正在安排代表'],
      ['assigned', '已交给代表，代表还没有看'],
      ['acknowledged', '代表已看到，正在办'],
      ['forwarded', '已交有关部门办理'],
      ['replied', '代表已答复，请评价'],
      ['closed', '已办结'],
      ['reopened', '已请代表重新办理，代表还没有看'],
      ['withdrawn', '已撤回'],
      ['rejected', '没有接办'],
    ])
  })

  it('never uses the office’s words for its own steps (待分派, 已分派, 已转交部门)', () => {
    for (const status of CASE_STATUSES) expect(['待分派', '已分派', '已转交部门', '已交办']).not.to.include(residentStatusWords({ ...at, status }))
    expect(STATUS_LABELS.assigned, 'the console keeps its label').to.equal('已分派')
  })

  it('a message waiting at the office (no station covers her place) is placed by its staff', () => {
    expect(residentStatusWords({ status: 'submitted', stationId: null, mergedInto: null })).to.equal('工作人员正在安排代表')
  })

  it('a message folded into another is not said to be done: it is handled with the other', () => {
    expect(residentStatusWords({ status: 'closed', stationId: 'st001', mergedInto: 'c-other' })).to.equal('已和相同问题的留言一起办理')
  })
})

describe('what a deputy who handed a message on is told', () => {
  it('names the colleague, or where it is placed again', () => {
    expect(handedOnText({ deputy: '王芳', station: '轻工街道代表联络站', office: null })).to.equal('这条留言已转给王芳代表办理，您不用再处理')
    expect(handedOnText({ deputy: null, station: '轻工街道代表联络站', office: null })).to.equal('这条留言已交回轻工街道代表联络站重新安排，您不用再处理')
    expect(handedOnText({ deputy: null, station: null, office: '湛河区人大常委会办公室' })).to.equal(
      '这条留言已交回湛河区人大常委会办公室重新安排，您不用再处理',
    )
  })
})
