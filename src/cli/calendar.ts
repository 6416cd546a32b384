/**
 * The business calendar in the configured store (LIAISON_DB):
 *
 *   npm run calendar -- status              the years held, and whether the next 60 days are covered
 *   npm run calendar -- import <2027.json>  one year of the official schedule, holiday-cn format
 *
 * An import with any problem lists every one with its place and changes nothing (exit 1);
 * importing a year again replaces it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from '../app.js'
import { loadConfig } from '../config.js'
import { reportRefusal, runCli } from './run-cli.js'

const USAGE = 'usage: npm run calendar -- status | import <year.json>\n'

async function main(args: string[]) {
  const [command, file] = args.filter((a) => !a.startsWith('-'))
  if (args.includes('--help') || !(command === 'status' || (command === 'import' && file))) {
    process.stderr.write(USAGE)
    return 2
  }
  let input: unknown
  if (command === 'import') {
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), file)
    try {
      input = JSON.parse(readFileSync(path, 'utf8'))
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是有效的 JSON（${(err as Error).message}）`
      process.stderr.write(`calendar: ${path}: ${reason}\n`)
      return 1
    }
  }
  // The start-up warning about coverage would repeat what status prints.
  const liaison = await build(loadConfig({ overrides: { log: { level: 'error' } } }))
  try {
    const { calendar } = liaison.services
    if (command === 'import') {
      const { year, replaced, settledCases } = await calendar.importYear(input, null, 'cli')
      process.stdout.write(`${replaced ? '已替换' : '已导入'} ${year.year} 年：放假 ${year.daysOff} 天，调休上班 ${year.workdays} 天\n`)
      if (settledCases) process.stdout.write(`${settledCases} 条留言的暂定期限已按新安排重新计算\n`)
    }
    for (const y of await calendar.list()) {
      process.stdout.write(`${y.year}  放假 ${y.daysOff} 天  调休上班 ${y.workdays} 天  导入于 ${y.importedAt.toISOString()}（${y.importedBy}）\n`)
    }
    const coverage = await calendar.coverage()
    process.stdout.write(coverage.warning ? `提醒：${coverage.warning}\n` : '未来 60 天的节假日安排都已导入。\n')
    return 0
  } catch (err) {
    return reportRefusal(err)
  } finally {
    await liaison.close()
  }
}

runCli('calendar', () => main(process.argv.slice(2)))
