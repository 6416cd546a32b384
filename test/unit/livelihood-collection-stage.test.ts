import { expect } from 'chai'
import { collectionStage } from '../../src/domain/livelihood-stage.js'

const TZ = 'Asia/Shanghai'
const year = {
  title: '2027年湛河区民生实事项目',
  status: 'collecting' as const,
  opensAt: new Date('2026-11-30T00:00:00+08:00'),
  closesAt: new Date('2026-12-07T00:00:00+08:00'),
}

/**
 * Where a 民生实事 year's collection stands for someone who would propose, by its dates on the server's
 * clock, not by its stage alone: the stage stays 征集项目 before the window opens and after it closes.
 */
describe('民生实事: whether proposals are taken now, and what comes next when not', () => {
  it('before the window: not taken, and from when they will be', () => {
    expect(collectionStage(year, new Date('2026-11-29T10:00:00+08:00'), TZ)).to.deep.equal({
      accepting: false,
      untilText: '',
      stageText: '2027年湛河区民生实事项目将于11月30日开始征集项目建议，到时欢迎您提出来。',
    })
    const atNine = { ...year, opensAt: new Date('2026-11-30T09:00:00+08:00') }
    expect(collectionStage(atNine, new Date('2026-11-29T10:00:00+08:00'), TZ).stageText).to.equal(
      '2027年湛河区民生实事项目将于11月30日（星期一）上午9:00开始征集项目建议，到时欢迎您提出来。',
    )
  })

  it('in the window: taken, until the last whole day', () => {
    expect(collectionStage(year, new Date('2026-12-06T23:59:00+08:00'), TZ)).to.deep.equal({
      accepting: true,
      untilText: '请在12月6日（星期日）前（含当日）提出建议',
      stageText: '',
    })
  })

  it('after the window, at the same stage: not taken, and what the office does next; then the ballot; then nothing to say', () => {
    expect(collectionStage(year, new Date('2026-12-07T09:30:00+08:00'), TZ).stageText).to.equal(
      '2027年湛河区民生实事项目征集已于12月6日（星期日）结束，工作人员正在梳理大家的建议，列出候选项目后由人大代表票决。',
    )
    expect(collectionStage({ ...year, status: 'voting' }, new Date('2026-12-09T09:30:00+08:00'), TZ)).to.deep.equal({
      accepting: false,
      untilText: '',
      stageText: '2027年湛河区民生实事项目征集已经结束，候选项目正在由人大代表票决，结果确认后在这里公布。',
    })
    expect(collectionStage({ ...year, status: 'running' }, new Date('2027-01-09T09:30:00+08:00'), TZ).stageText).to.equal('')
  })
})
