import { expect } from 'chai'
import { allFigures, importSummary } from '../../admin/src/views/directory/import-summary.js'

const none = { regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 }

describe("the directory import's answer names only what changed", () => {
  it('counts people in 位 and places in 个, new before updated, and says the rest is as it was', () => {
    const said = importSummary({ created: { ...none, deputies: 2 }, updated: { ...none, stations: 1 } })
    expect(said).to.equal('导入完成：新增代表 2 位，更新联络站 1 个；其他没有改动。')
    expect(importSummary({ created: { ...none, regions: 3, staff: 1 }, updated: none })).to.equal('导入完成：新增地区 3 个、工作人员 1 位；其他没有改动。')
  })

  it('says a file that changed nothing changed nothing', () => {
    expect(importSummary({ created: none, updated: none })).to.equal('导入完成：名册没有改动。')
  })

  it('keeps every figure for 查看明细', () => {
    expect(allFigures({ ...none, units: 1 })).to.equal('地区 0、联络站 0、承办单位 1、代表 0、工作人员 0')
  })
})
