import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
/** The folders `npm run lint:deps` cruises, read from package.json so that this test checks what the lint checks. */
const lintedPaths = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['lint:deps'] as string).split(/\s+/).slice(3)

/** `npm run lint:deps` with the project's rules, in `cwd`: its exit status and its errors as "rule: from → to" lines. */
function cruise(cwd: string, ...paths: string[]) {
  const run = spawnSync(process.execPath, [depcruise, '--config', join(root, '.dependency-cruiser.cjs'), ...paths], { cwd, encoding: 'utf8' })
  if (run.status === null || run.error) throw new Error(`dependency-cruiser did not run: ${run.error ?? run.stderr}`)
  // A circle is printed over several lines, one module per line: joined into one.
  const text = run.stdout.replace(/ →\s*\n\s*/g, ' → ')
  const violations = [...text.matchAll(/^\s*error ([\w-]+: .+?)\s*$/gm)].map((m) => m[1]!)
  return { status: run.status, violations, text }
}

describe('npm run lint: the layering rules of docs/ARCHITECTURE.md', function () {
  this.timeout(240_000)

  it('covers the console and both test trees, not only the backend and the bot', () => {
    expect(lintedPaths).to.have.members(['src', 'bots', 'admin/src', 'test', 'test-mp'])
  })

  it('passes on the project as it is', () => {
    const result = cruise(root, ...lintedPaths)
    expect(result.violations).to.deep.equal([])
    expect(result.status, result.text).to.equal(0)
  })

  describe('on a small tree with deliberately wrong imports', () => {
    let dir: string
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'liaison-lint-'))
      write(
        'tsconfig.json',
        JSON.stringify({
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, verbatimModuleSyntax: true },
          include: ['src', 'bots'],
        }),
      )
      write('src/store/ports.ts', 'export interface Store { ping(): Promise<void> }\n')
      write('src/store/idempotency-port.ts', 'export interface IdempotencyRepo { purgeBefore(before: Date): Promise<number> }\n')
      write('src/store/open-store.ts', 'export const openStore = () => null\n')
      write('src/wechat/client.ts', 'export class WeChatClient {}\n')
      // Allowed: a type from the store in domain, the idempotency port in http, WeChat in delivery.
      write('src/domain/ok.ts', "import type { Store } from '../store/ports.js'\nexport type Named = Store\n")
      write(
        'src/http/middleware/idempotency.ts',
        "import type { IdempotencyRepo } from '../../store/idempotency-port.js'\nexport type Repo = IdempotencyRepo\n",
      )
      write('src/services/delivery/senders.ts', "import { WeChatClient } from '../../wechat/client.js'\nexport const client = new WeChatClient()\n")
      // Wrong, one of each.
      write('src/domain/rule.ts', "import { openStore } from '../store/open-store.js'\nexport const rule = openStore\n")
      write('src/http/routes/things/routes.ts', "import type { Store } from '../../../store/ports.js'\nexport type Deps = Store\n")
      write(
        'src/services/things/things.ts',
        "import { WeChatClient } from '../../wechat/client.js'\nimport type { Deps } from '../../http/routes/things/routes.js'\nexport const things = (d: Deps) => [d, new WeChatClient()]\n",
      )
      write('src/services/quiz.ts', "import { survey } from './survey.js'\nexport const quiz = () => survey\n")
      write('src/services/survey.ts', "import { quiz } from './quiz.js'\nexport const survey = () => quiz\n")
      write('bots/flow.ts', "import { rule } from '../src/domain/rule.js'\nexport const flow = rule\n")
      // The console: a page and its helper in a circle, through the .vue file's <script setup>; a domain rule is allowed,
      // a service and node's fs are not.
      write('src/services/cases.ts', 'export const listCases = () => []\n')
      write(
        'admin/src/views/CaseList.vue',
        '<template><p>{{ title }}</p></template>\n<script setup lang="ts">\n' +
          "import { rule } from '../../../src/domain/ok-rule'\nimport { listCases } from '../../../src/services/cases'\n" +
          "import { readFileSync } from 'node:fs'\nimport { title } from './case-words'\nexport const all = [rule, listCases, readFileSync, title]\n</script>\n",
      )
      write('admin/src/views/case-words.ts', "import type {} from './CaseList.vue'\nexport const title = '群众留言'\n")
      write('src/domain/ok-rule.ts', 'export const rule = 1\n')
      // The tests: a backend test reaching into the mini-program harness or jsdom, and the backend reaching into a test helper.
      write('node_modules/jsdom/package.json', JSON.stringify({ name: 'jsdom', main: 'index.js' }))
      write('node_modules/jsdom/index.js', 'exports.JSDOM = class {}\n')
      write('test-mp/harness/page.ts', 'export const openPage = () => null\n')
      write('test/helpers/app.ts', 'export const startApp = () => null\n')
      write('test-mp/home.test.ts', "import { startApp } from '../test/helpers/app.js'\nexport const home = startApp\n")
      write(
        'test/http/cases.test.ts',
        "import { openPage } from '../../test-mp/harness/page.js'\nimport { JSDOM } from 'jsdom'\nexport const t = [openPage, JSDOM]\n",
      )
      write('src/demo/seed.ts', "import { startApp } from '../../test/helpers/app.js'\nexport const seed = startApp\n")
    })
    after(() => rmSync(dir, { recursive: true, force: true }))

    it('fails, naming each wrong import and the rule it breaks, and nothing that is allowed', () => {
      const result = cruise(dir, ...lintedPaths)
      expect(result.status, 'the exit status fails the lint').to.not.equal(0)
      expect([...result.violations].sort()).to.deep.equal([
        'backend-tests-load-no-jsdom: test/http/cases.test.ts → node_modules/jsdom/index.js',
        'backend-tests-load-no-jsdom: test/http/cases.test.ts → test-mp/harness/page.ts',
        'bots-talk-over-http: bots/flow.ts → src/domain/rule.ts',
        'code-knows-no-tests: src/demo/seed.ts → test/helpers/app.ts',
        'console-runs-in-the-browser: admin/src/views/CaseList.vue → fs',
        'console-talks-over-http: admin/src/views/CaseList.vue → src/services/cases.ts',
        'domain-is-pure: src/domain/rule.ts → src/store/open-store.ts',
        'http-reads-no-store: src/http/routes/things/routes.ts → src/store/ports.ts',
        'no-circular: admin/src/views/case-words.ts → admin/src/views/CaseList.vue → admin/src/views/case-words.ts',
        'no-circular: src/services/quiz.ts → src/services/survey.ts → src/services/quiz.ts',
        'only-delivery-talks-to-wechat: src/services/things/things.ts → src/wechat/client.ts',
        'services-know-no-http: src/services/things/things.ts → src/http/routes/things/routes.ts',
      ])
    })
  })
})
