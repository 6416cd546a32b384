import { expect } from 'chai'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { MP_ROOT } from './harness/runtime.js'
import { declaredPages, ownViews, sharedStyles } from './harness/files.js'

const require = createRequire(import.meta.url)
const compiler = require('miniprogram-compiler')
const wcsc = require('miniprogram-compiler/src/wcsc')

/**
 * WeChat's own compilers (the Linux wcc and wcsc that miniprogram-simulate ships) compile
 * the mini-program the way DevTools does before upload, TDesign's templates included:
 * WXML or WXSS they reject fails here, not on a reviewer's phone. (The compilers are
 * called directly: miniprogram-simulate caches a template per component per process,
 * so a page first rendered by the page tests would not be compiled again.)
 */
describe("mini-program: WeChat's compilers accept every page and component", () => {
  let gwx: (path: string) => unknown
  before(function () {
    this.timeout(120_000)
    // The whole app's templates (TDesign's included) pass wcc's default 1 MB output buffer: give it room.
    // eslint-disable-next-line no-new-func
    gwx = new Function(compiler.wxmlToJs(MP_ROOT, { maxBuffer: 64 * 1024 * 1024 }))()
  })

  it('finds the pages app.json declares, each with its four files', () => {
    for (const page of declaredPages()) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(`${MP_ROOT}/${page}.${ext}`), `${page}.${ext}`).to.equal(true)
    }
  })

  for (const view of ownViews()) {
    it(`compiles ${view}.wxml`, () => {
      expect(gwx(`${view}.wxml`), `${view}.wxml has no compiled template`).to.be.a('function')
    })
  }

  it("compiles app.wxss and every page's and component's WXSS", () => {
    const files = ['app', ...ownViews()]
    // The stylesheets pages share by @import (styles/*.wxss) are handed over too, as DevTools hands every file over:
    // compiled into the pages that import them, they have no output of their own.
    const result = wcsc(MP_ROOT, [...files, ...sharedStyles()], { maxBuffer: 64 * 1024 * 1024 })
    if (result instanceof Error) throw result
    for (const f of files) expect(Object.keys(result), `${f}.wxss`).to.include(`${f}.wxss`)
  })
})
