import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident, type TestApp } from '../helpers/app.js'
import { dialogShown, type ConsoleApp } from './harness.js'

const DAY = 86_400_000

/** 张国华, clerk of 建设路街道代表联络站 (光明社区's station): her demo login. */
export const clerkZhang = (app: ConsoleApp) => app.login((l) => l.username === 'zhangguohua')

/** A message as the resident's phone is told it went in. */
export interface Sent {
  id: string
  ticket: string
}

/**
 * Messages residents of 光明社区 (c010101) wrote, each `[text, days ago]`, in the order given; the clock then reads now
 * again. Their ids and tickets, by the same names.
 */
export async function writtenDaysAgo<K extends string>(app: TestApp, messages: Record<K, [text: string, daysAgo: number]>): Promise<Record<K, Sent>> {
  const now = app.clock.now()
  const sent = {} as Record<K, Sent>
  for (const [name, [text, daysAgo]] of Object.entries(messages) as [K, [string, number]][]) {
    app.clock.set(new Date(now.getTime() - daysAgo * DAY))
    const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    sent[name] = answer.body as Sent
  }
  app.clock.set(now)
  return sent
}

/** On her list she ticks these messages and opens 批量分派给代表: the dialog is on screen. */
export async function bulkAssignOpened(page: Page, tickets: string[]) {
  for (const ticket of tickets) await page.locator('tbody tr').filter({ hasText: ticket }).locator('.t-checkbox').click()
  await page.getByText(`已选 ${tickets.length} 条`).waitFor()
  await page.getByRole('button', { name: '批量分派给代表' }).click()
  await dialogShown(page)
}
