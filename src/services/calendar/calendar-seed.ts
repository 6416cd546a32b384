import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkHolidayFile, type HolidayYear } from '../../domain/holiday-cn.js'

const BUNDLED_DIR = join(import.meta.dirname, '..', '..', '..', 'config', 'holidays')

/**
 * The official schedules shipped with this release (config/holidays/<year>.json, copied from
 * the holiday-cn project, MIT). They seed an empty store; later years are imported.
 */
export function bundledHolidayYears(dir = BUNDLED_DIR): HolidayYear[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => {
      const checked = checkHolidayFile(JSON.parse(readFileSync(join(dir, name), 'utf8')))
      if (!checked.ok) throw new Error(`bundled holiday file ${name} is invalid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
      return checked.year
    })
}
