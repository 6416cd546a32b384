import type { Page } from 'playwright-core'

/** The open date picker's panel. */
export const shownPanel = (page: Page) => page.locator('.t-date-picker__panel').filter({ visible: true })

/** The cell of a day ("2026-12-18") of the month on show. */
export const dayCell = (page: Page, date: string) =>
  shownPanel(page)
    .locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)')
    .filter({ hasText: new RegExp(`^${Number(date.slice(8))}$`) })

/** The open picker moved on, month by month, from the month on show (that of `from`) to the month of `to`. */
export async function moveOn(page: Page, from: string, to: string) {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
  for (let i = 0; i < months; i++) await shownPanel(page).locator('.t-pagination-mini__next').click()
}

/** Whether the picker offers no such day (its cell is greyed out). */
export const dayDisabled = async (page: Page, date: string) => /t-date-picker__cell--disabled/.test((await dayCell(page, date).getAttribute('class')) ?? '')

/** Picks a day of the month on show, and waits for the picker to close. */
export async function pickDay(page: Page, date: string) {
  // The panel may still be placing itself above the field (it flips when there is no room below): a click by
  // position could land on another day; the cell's own click event cannot.
  await dayCell(page, date).dispatchEvent('click')
  await shownPanel(page).waitFor({ state: 'hidden' })
}
