/**
 * Where a 民生实事 year stands for someone who would propose a project, judged on the server's
 * clock: the year keeps its stage 征集项目 from the day it is opened until the office starts the
 * ballot, days or weeks after proposals stopped being taken (closesAt), and before they start
 * (opensAt). Pure.
 */
import { collectionOpen, type LivelihoodCycle } from './livelihood.js'
import { localDate } from './dates.js'
import { startOfLocalDate } from './local-days.js'
import { spokenClose, spokenDate, spokenDeadline, spokenMoment } from './spoken-dates.js'

export interface CollectionStage {
  /** Proposals are taken now: the page offers 我要提建议. */
  accepting: boolean
  /**
   * While taken: until when, said as every other deadline she reads (spokenDeadline, with the weekday and the part
   * of the day): "请在12月23日（星期三）上午10:00前提出建议", "请在12月6日（星期日）前（含当日）提出建议"; '' otherwise.
   */
  untilText: string
  /** While not taken: what is happening instead and what comes next; '' while taken, and once the year's projects are chosen. */
  stageText: string
}

type Cycle = Pick<LivelihoodCycle, 'title' | 'status' | 'opensAt' | 'closesAt'>

export function collectionStage(c: Cycle, now: Date, timeZone: string): CollectionStage {
  if (collectionOpen(c, now)) return { accepting: true, untilText: `请在${spokenDeadline(c.closesAt, timeZone, now)}提出建议`, stageText: '' }
  return { accepting: false, untilText: '', stageText: stageWords(c, now, timeZone) }
}

function stageWords(c: Cycle, now: Date, timeZone: string): string {
  if (c.status === 'collecting' && now < c.opensAt) return `${c.title}${startWords(c.opensAt, timeZone, now)}开始征集项目建议，到时欢迎您提出来。`
  if (c.status === 'collecting')
    return `${c.title}征集已于${spokenClose(c.closesAt, timeZone, now)}结束，工作人员正在梳理大家的建议，列出候选项目后由人大代表票决。`
  if (c.status === 'voting') return `${c.title}征集已经结束，候选项目正在由人大代表票决，结果确认后在这里公布。`
  return ''
}

/** "将于12月1日" from the start of a day, "将于12月1日（星期二）上午9:00" from a time of day. */
function startWords(at: Date, timeZone: string, now: Date): string {
  const wholeDay = startOfLocalDate(localDate(at, timeZone), timeZone).getTime() === at.getTime()
  return `将于${wholeDay ? spokenDate(at, timeZone, now) : spokenMoment(at, timeZone, now)}`
}
