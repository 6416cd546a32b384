#!/usr/bin/env node
/**
 * Pictures of the mini-program's main pages at phone size (375×812), for reviewers:
 * test-mp/screens/render.ts drives the real pages against the real backend under
 * miniprogram-simulate and writes each page's DOM with its WXSS (TDesign's included);
 * headless Chromium (playwright-core, Debian's /usr/bin/chromium) photographs them into
 * docs/screenshots/mp-*.png.   npm run mp:screenshots
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const pages = mkdtempSync(join(tmpdir(), 'mp-screens-'))
execFileSync(process.execPath, ['--import', 'tsx', 'test-mp/screens/render.ts', pages], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
})

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  for (const file of readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    await page.goto(`file://${join(pages, file)}`)
    const png = join(root, 'docs/screenshots', file.replace(/\.html$/, '.png'))
    await page.screenshot({ path: png, fullPage: false })
    console.log(`wrote ${png.slice(root.length)}`)
  }
} finally {
  await browser.close()
}
