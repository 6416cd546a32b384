/**
 * The layering rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * Dependencies point one way: http, jobs, bots → services → domain and store ports.
 * Type-only imports count too (tsPreCompilationDeps), except where a rule says otherwise.
 * `lint:deps` cruises src, bots, the console (admin/src) and both test trees (test, test-mp).
 * The console's .vue files are read through @vue/compiler-sfc (installed with vue): their <script> and
 * <script setup> imports, dynamic ones too, count like a .ts file's. A .vue that does not parse as an SFC
 * would give no imports here; vue-tsc and the console build fail on it first.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two modules that import each other cannot be read, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it may import types from the rest of the project, never code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-does-no-io',
      comment: 'src/domain does no I/O: no node built-ins (files, network, processes); services do that.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'http-reads-no-store',
      comment:
        'Routes parse, call a service and present: only the idempotency port (its middleware) is used from http. ' +
        'Presenters take record shapes from services/records.ts, the types the services hand out.',
      severity: 'error',
      from: {
        path: '^src/http/',
      },
      to: { path: '^src/store/', pathNot: '^src/store/idempotency-port\\.ts$' },
    },
    {
      name: 'only-delivery-talks-to-wechat',
      comment:
        'The WeChat client and the WeCom robot are used by services/delivery (the senders) and built in the composition root ' +
        '(src/app.ts); services/index.ts only names their types, receiving them from app.ts to hand to delivery.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/wechat/', '^src/services/delivery/', '^src/app\\.ts$', '^src/services/index\\.ts$'] },
      to: { path: '^src/wechat/' },
    },
    {
      name: 'services-know-no-http',
      comment: 'Services are called by routes, jobs and the CLI alike: they never import Koa routes, middleware or presenters.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'store-knows-no-services',
      comment: 'The adapters implement the ports; they never call a use case or a route.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(services|http|jobs)/' },
    },
    {
      name: 'bots-talk-over-http',
      comment:
        'The bot is a separate process that reaches the backend only over HTTP (bots/client.ts); only its demo starts a backend beside it. ' +
        'Two exceptions: the rule of what may not go to a resident as an answer (src/domain/reply-words.ts), judged alike in the chat and ' +
        'by the server, and the list of codes a failed send is reported by (src/domain/send-failure.ts), one list for the bot that ' +
        'reports and the server that keeps them; neither file imports anything (shared-rule-stands-alone).',
      severity: 'error',
      from: { path: '^bots/', pathNot: '^bots/demo\\.ts$' },
      to: { path: '^src/', pathNot: '^src/domain/(reply-words|send-failure)\\.ts$' },
    },
    {
      name: 'shared-rule-stands-alone',
      comment: 'The bot imports src/domain/reply-words.ts and send-failure.ts: they must bring nothing else of the backend into the bot process.',
      severity: 'error',
      from: { path: '^src/domain/(reply-words|send-failure)\\.ts$' },
      to: {},
    },
    {
      name: 'console-talks-over-http',
      comment:
        'The console is a browser app that reaches the backend only over HTTP (admin/src/api.ts). Of the backend it may import ' +
        'src/domain alone: pure rules and shapes that import no code outside domain and no node built-ins, so they run in the browser.',
      severity: 'error',
      from: { path: '^admin/src/' },
      to: { dependencyTypes: ['local'], pathNot: ['^admin/src/', '^src/domain/'] },
    },
    {
      name: 'console-runs-in-the-browser',
      comment: 'A node built-in (files, processes, crypto of node) does not exist in the browser the console runs in.',
      severity: 'error',
      from: { path: '^admin/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'backend-tests-load-no-jsdom',
      comment:
        'jsdom must never load in the backend test process (DESIGN.md, Testing): the mini-program stories run under ' +
        'miniprogram-simulate in their own mocha process (test-mp/). test-mp may use test/ helpers, never the other way round.',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: ['^test-mp/', '(^|/)node_modules/(jsdom|global-jsdom|miniprogram-simulate)/'] },
    },
    {
      name: 'code-knows-no-tests',
      comment: 'What runs in production (the backend, the bot, the console) never imports a test, a factory or a fake.',
      severity: 'error',
      from: { path: '^(src|bots|admin/src)/' },
      to: { path: '^(test|test-mp)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed but kept as the end of an edge, so that a rule can name a package (jsdom).
    exclude: { path: '^(miniprogram|console)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
